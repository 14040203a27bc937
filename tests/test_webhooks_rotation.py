"""Webhook verification with several signatures and several secrets.

A delivery may carry more than one signature: several ``v1=`` after one ``t=``, several
``t=...,v1=...`` groups in one header (what httpx and most servers make of a repeated header),
or the header repeated. A receiver rotating its secret passes both. Any valid pair verifies;
every failing case is refused with the reason, and ``construct_event`` parses nothing then.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from contiguity_ext import webhooks

NOW = 1_757_916_599
BODY = json.dumps(
    {
        "id": "evt_1",
        "type": "text.incoming.sms",
        "timestamp": NOW * 1000,
        "api_version": "v2026.8.2",
        "data": {"from": "+15555555555", "to": "+15555555556", "body": "hi", "timestamp": NOW * 1000},
    }
).encode()
OLD, NEW, WRONG = "whsec_old", "whsec_new", "whsec_wrong"


def signed(secret: str, timestamp: int = NOW) -> str:
    return webhooks.sign(BODY, secret, timestamp=timestamp)


def v1(secret: str, timestamp: int = NOW) -> str:
    return signed(secret, timestamp).split(",")[1]


HEADER = webhooks.SIGNATURE_HEADER
GOOD: dict[str, tuple[Any, Any]] = {
    "two-v1-in-one-group": (f"t={NOW},{v1(WRONG)},{v1(NEW)}", NEW),
    "comma-joined-headers": (f"{signed(WRONG)},{signed(NEW)}", NEW),
    "comma-joined-with-space": (f"{signed(NEW)}, {signed(WRONG)}", NEW),
    "stale-then-fresh": (f"{signed(NEW, NOW - 3600)},{signed(NEW)}", NEW),
    "httpx-repeated-headers": (httpx.Headers([(HEADER, signed(WRONG)), (HEADER, signed(NEW))]), NEW),
    "list-of-values": ([signed(WRONG), signed(NEW)], NEW),
    "multi-item-mapping": (
        httpx.Headers([(HEADER.lower(), signed(NEW)), ("x-other", "1"), (HEADER, signed(WRONG))]),
        NEW,
    ),
    "two-secrets-new": (signed(NEW), [OLD, NEW]),
    "two-secrets-old": (signed(OLD), [OLD, NEW]),
    "tuple-of-secrets": (signed(OLD), (NEW, OLD)),
    "both-many": (f"{signed(WRONG)},{signed(OLD)}", [NEW, OLD]),
}


@pytest.mark.parametrize(("header", "secret"), GOOD.values(), ids=GOOD.keys())
def test_one_valid_signature_among_several_verifies(header: Any, secret: Any) -> None:
    assert webhooks.verify_signature(BODY, header, secret, now=NOW) is True
    event = webhooks.construct_event(BODY, header, secret, now=NOW)
    assert event.id == "evt_1"


BAD: dict[str, tuple[Any, Any, str]] = {
    "all-wrong": (f"{signed(WRONG)},{signed(WRONG, NOW - 1)}", [OLD, NEW], "no v1 signature matches"),
    "right-mac-stale": (f"{signed(NEW, NOW - 3600)},{signed(WRONG)}", NEW, "no v1 signature matches"),
    "only-stale": (f"{signed(NEW, NOW - 3600)},{signed(NEW, NOW - 7200)}", NEW, "old"),
    "one-group-malformed": (f"{signed(NEW)},t=abc,v1={'0' * 64}", NEW, "malformed"),
    "v1-only": (v1(NEW), NEW, "malformed"),
    "empty-secret-list": (signed(NEW), [], "secret"),
    "empty-secret-in-list": (signed(NEW), [NEW, ""], "secret"),
    "non-str-secret": (signed(NEW), [NEW, 1], "secret"),
    "no-header-in-mapping": ({"x-other": signed(NEW)}, NEW, "no Contiguity-Signature"),
    "empty-list": ([], NEW, "no Contiguity-Signature"),
    "list-with-non-str": ([signed(NEW), 1], NEW, "no Contiguity-Signature"),
}


@pytest.mark.parametrize(("header", "secret", "reason"), BAD.values(), ids=BAD.keys())
def test_no_valid_pair_is_refused_with_the_reason(header: Any, secret: Any, reason: str) -> None:
    assert webhooks.verify_signature(BODY, header, secret, now=NOW) is False
    with pytest.raises(webhooks.WebhookVerificationError, match=reason):
        webhooks.construct_event(BODY, header, secret, now=NOW)


def test_a_repeated_header_reaches_a_receiver_as_httpx_joins_it() -> None:
    request = httpx.Request(
        "POST", "http://receiver/", headers=[(HEADER, signed(WRONG)), (HEADER, signed(NEW))]
    )
    assert "," in request.headers[HEADER]
    assert webhooks.verify_signature(BODY, request.headers[HEADER], NEW, now=NOW)
    assert webhooks.verify_signature(BODY, request.headers, NEW, now=NOW)
