"""Caller code for answers from a newer API, checked by `mypy --strict`; never executed.

Enum fields keep their `Literal` types (editors offer the known values) even though a newer API
may send others, and requests still accept only the values the spec lists.
"""

from __future__ import annotations

from typing import Literal

from contiguity_client.models import LeaseNumberRequest
from contiguity_client.models.lease_status import LeaseStatus
from typing_extensions import assert_type

import contiguity_ext as contiguity
from contiguity_ext import webhooks

PHONE = "+15555555555"


def typed_results_keep_known_values_and_the_envelope() -> None:
    client = contiguity.login("contiguity_sk_test", strict_response_validation=False)
    lease = client.numbers.lease(PHONE)
    assert_type(lease.data.status, LeaseStatus)
    assert_type(lease.api_version, str)
    assert_type(lease.id, str)
    assert_type(lease.timestamp, int)
    status: LeaseStatus = lease.data.status
    if status == "active":
        print("leased")
    else:
        print(f"not active: {status}")  # also where a value newer than this SDK lands


def requests_still_take_only_known_values() -> None:
    LeaseNumberRequest(billing_method="monthly")
    LeaseNumberRequest(billing_method="weekly")  # type: ignore[arg-type]
    known: Literal["monthly", "service_contract"] = "service_contract"
    LeaseNumberRequest(billing_method=known)


def webhooks_parse_leniently_or_strictly(body: bytes) -> None:
    assert_type(webhooks.parse_event(body), webhooks.Event)
    assert_type(webhooks.parse_event(body, strict=True), webhooks.Event)
