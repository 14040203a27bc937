"""Per-call options, with_options and raw responses under `mypy --strict`; never executed."""

from __future__ import annotations

import datetime

import httpx
from contiguity_client.models import (
    DomainRegistrationResponse,
    LeaseResponse,
    MessageSentResponse,
    ReverseOtpStatusResponse,
)
from typing_extensions import assert_type

import contiguity_ext as contiguity
from contiguity_ext import APIResponse, RequestInfo

PHONE = "+15555555555"


def per_call_options() -> None:
    client = contiguity.login("t")
    sent = client.text.send(
        to=PHONE,
        message="hi",
        timeout=5.0,
        max_retries=0,
        extra_headers={"X-Trace": "1"},
        extra_query={"debug": "1"},
        extra_body={"future_field": True},
    )
    assert_type(sent, MessageSentResponse)
    client.text.send(to=PHONE, message="hi", timeout=httpx.Timeout(5.0, connect=1.0))
    assert_type(client.numbers.lease(PHONE, billing_method="monthly", max_retries=1), LeaseResponse)
    assert_type(client.domains.register("example.com", region="us-east-1"), DomainRegistrationResponse)
    assert_type(client.send.text({"to": PHONE, "message": "hi"}, timeout=2.0), MessageSentResponse)
    assert_type(client.otp.send({"to": PHONE, "language": "en"}, max_retries=0), str)


async def per_call_options_async() -> None:
    client = contiguity.login_async("t")
    assert_type(await client.text.send(to=PHONE, message="hi", timeout=1.0), MessageSentResponse)
    assert_type(await client.otp.reverse.status("r_otp_1", max_retries=3), ReverseOtpStatusResponse)


def wrong_option_types_are_rejected() -> None:
    client = contiguity.login("t")
    client.text.send(to=PHONE, message="hi", timeout="5")  # type: ignore[arg-type]
    client.text.send(to=PHONE, message="hi", max_retries=1.5)  # type: ignore[arg-type]
    client.text.send(to=PHONE, message="hi", extra_headers={"X-Count": 1})  # type: ignore[dict-item]
    client.text.send(to=PHONE, message="hi", extra_query=[("a", "b")])  # type: ignore[arg-type]
    client.text.send(to=PHONE, message="hi", extra_body=["x"])  # type: ignore[arg-type]
    client.send.text({"to": PHONE, "message": "hi"}, timeout="5")  # type: ignore[arg-type]
    client.text.send(to=PHONE, message="hi", retries=1)  # type: ignore[call-arg]


def with_options() -> None:
    client = contiguity.login("t")
    quick = client.with_options(timeout=2.0, max_retries=0, default_headers={"X-Team": "growth"})
    assert_type(quick, contiguity.Contiguity)
    assert_type(quick.text.send(to=PHONE, message="hi"), MessageSentResponse)
    client.with_options(timeout="2")  # type: ignore[arg-type]
    async_client = contiguity.login_async("t").with_options(max_retries=5)
    assert_type(async_client, contiguity.AsyncContiguity)


def raw_responses() -> None:
    client = contiguity.login("t")
    raw = client.text.with_raw_response.send(to=PHONE, message="hi", timeout=3.0)
    assert_type(raw, APIResponse[MessageSentResponse])
    assert_type(raw.parse(), MessageSentResponse)
    assert_type(raw.status_code, int)
    assert_type(raw.headers, httpx.Headers)
    assert_type(raw.request_id, str | None)
    assert_type(raw.api_version, str | None)
    assert_type(raw.elapsed, datetime.timedelta)
    assert_type(raw.http_request, RequestInfo)
    assert_type(
        client.send.with_raw_response.text({"to": PHONE, "message": "hi"}).parse(), MessageSentResponse
    )
    assert_type(client.otp.with_raw_response.send({"to": PHONE, "language": "en"}).parse(), str)
    assert_type(client.numbers.with_raw_response.lease(PHONE).parse(), LeaseResponse)
    wrong: str = raw.parse()  # type: ignore[assignment]
    del wrong


async def raw_responses_async() -> None:
    client = contiguity.login_async("t")
    raw = await client.text.with_raw_response.send(to=PHONE, message="hi")
    assert_type(raw, APIResponse[MessageSentResponse])
    assert_type(raw.parse(), MessageSentResponse)
    status = await client.otp.reverse.with_raw_response.status("r_otp_1")
    assert_type(status.parse(), ReverseOtpStatusResponse)
