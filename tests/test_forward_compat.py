"""An SDK released today keeps working against tomorrow's API.

New enum values, new keys and nulls in optional fields are additive changes: the default client
reads them (keeping every value as sent); ``strict_response_validation=True`` still rejects them.
A field the typed result cannot do without is a breaking change and raises a typed error that
says the request took effect.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

import contiguity_client.types
import httpx
import pytest
from contiguity_client.models import (
    EmailBodyParts,
    Lease,
    LeaseResponse,
    NumberCapabilities,
    TextDeliveryFailedEvent,
    WebhookEvent,
)
from contiguity_client.types import UNSET

import contiguity_ext as contiguity
from contiguity_ext import webhooks
from tests.support.driven import Clients
from tests.support.recording import ENVELOPE, Recorder, envelope

PHONE = "+15555550100"


@pytest.fixture(autouse=True)
def unreported(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no unknown value reported yet, whichever tests ran before it."""
    monkeypatch.setattr(contiguity_client.types, "_reported_unknown_values", set())


def lease_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lease_id": "lsd_1",
        "number": PHONE,
        "status": "active",
        "billing": {
            "method": "monthly",
            "price": {"currency": "USD", "monthly_rate": 5, "upfront_fee": 0},
            "period": {"start": 1757916599, "end": None},
        },
    }
    data.update(changes)
    return data


def unknown_value_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "contiguity"
        and record.levelno == logging.WARNING
        and "newer" in record.getMessage()
    ]


def test_an_unknown_enum_value_is_kept_as_sent_and_reported_once(
    clients: Clients, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="contiguity")
    billing = {**lease_data()["billing"], "price": {"currency": "JPY", "monthly_rate": 700, "upfront_fee": 0}}
    recorder = Recorder()
    recorder.answer(lease_data(status="suspended-for-review", billing=billing, future_field={"x": 1}))
    client = clients.over(recorder)
    first = client.numbers.lease(PHONE)
    second = client.numbers.lease(PHONE)
    # An unknown value arrives as it was sent, outside the Literal the model declares.
    assert str(first.data.status) == str(second.data.status) == "suspended-for-review"
    assert first.data["future_field"] == {"x": 1}
    assert str(first.data.billing.price.currency) == "JPY"
    warnings = unknown_value_warnings(caplog)
    assert len(warnings) == 2, warnings
    assert any("status='suspended-for-review'" in line and "LeaseStatus" in line for line in warnings)
    assert any("currency='JPY'" in line for line in warnings)


def test_the_generated_model_itself_accepts_unknown_values_and_nulls() -> None:
    lease = Lease.from_dict(lease_data(status="paused-by-carrier"))
    assert str(lease.status) == "paused-by-carrier"
    assert lease.to_dict()["status"] == "paused-by-carrier"


def test_an_unknown_enum_value_of_the_wrong_type_is_still_an_error() -> None:
    with pytest.raises(TypeError):
        Lease.from_dict(lease_data(status=3))


def test_null_in_an_optional_field_reads_as_absent(clients: Clients) -> None:
    recorder = Recorder()
    message = {
        "to": PHONE,
        "from": "+15555550101",
        "message": "hi",
        "timestamp": 1757916599341,
        "delivery": {"status": "delivered", "delayed": False, "timestamp": 1757916599341},
        "attachments": [],
        "tracking": None,
    }
    recorder.answer(
        {"conversation": [message], "reactions": [], "chat": {"limit": 20, "total": 1, "count": 1}}
    )
    client = clients.over(recorder)
    history = client.text.history(PHONE, "+15555550101", 20)
    assert history.data.conversation[0].tracking is UNSET


def test_strict_response_validation_rejects_what_the_spec_does_not_list(clients: Clients) -> None:
    recorder = Recorder()
    recorder.answer(lease_data(status="suspended-for-review"))
    client = clients.over(recorder, strict_response_validation=True)
    with pytest.raises(contiguity.APIResponseValidationError, match="does not match the spec"):
        client.numbers.lease(PHONE)


def test_a_missing_required_field_says_the_request_took_effect_and_is_not_retried(clients: Clients) -> None:
    recorder = Recorder()
    without_lease_id = {k: v for k, v in lease_data().items() if k != "lease_id"}
    recorder.answer(without_lease_id)
    client = clients.over(recorder, max_retries=2)
    with pytest.raises(contiguity.APIResponseValidationError) as caught:
        client.numbers.lease(PHONE)
    error = caught.value
    assert len(recorder.requests) == 1
    assert error.may_have_been_sent is True
    assert error.status_code == 200
    assert error.request_id == "req_test"
    assert httpx.Response(200, content=error.body).json()["data"] == without_lease_id
    text = str(error)
    assert "server accepted the request (HTTP 200, request id req_test)" in text
    assert "missing required field in data: lease_id" in text
    assert "may have taken effect" in text
    assert "retry" not in text.lower()


def newer_api_notices(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "contiguity" and r.levelno == logging.INFO]


@pytest.mark.parametrize(("served", "expected"), [("v2027.1.5", 1), ("v2026.8.2", 0), ("v2026.7.29", 0)])
def test_a_newer_api_version_is_logged_once_per_client(
    clients: Clients, caplog: pytest.LogCaptureFixture, served: str, expected: int
) -> None:
    caplog.set_level(logging.INFO, logger="contiguity")
    recorder = Recorder(
        lambda _request: httpx.Response(200, json={**envelope(lease_data()), "api_version": served})
    )
    for _ in range(2):
        client = clients.over(recorder)
        result: LeaseResponse = client.numbers.lease(PHONE)
        client.numbers.lease(PHONE)
        assert (result.api_version, result.id, result.timestamp) == (
            served,
            ENVELOPE["id"],
            ENVELOPE["timestamp"],
        )
    notices = newer_api_notices(caplog)
    assert len(notices) == 2 * expected
    if expected:
        assert served in notices[0].getMessage()
        assert "v2026.8.2" in notices[0].getMessage()


# ---- requests: nothing the caller did not ask for, and the current shape --------------------


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda client: client.domains.register("example.com"), "/domains/example.com"),
        (lambda client: client.numbers.lease(PHONE), f"/numbers/lease/{PHONE}"),
    ],
    ids=["register-domain", "lease-number"],
)
def test_a_body_of_optional_fields_none_given_is_sent_empty(
    clients: Clients, call: Callable[[contiguity.Contiguity], object], path: str
) -> None:
    recorder = Recorder()
    with contextlib.suppress(contiguity.APIResponseValidationError):
        call(clients.over(recorder))
    assert recorder.requests[0].url.path == path
    assert recorder.last_json == {}


def test_optional_query_parameters_not_given_are_not_sent(clients: Clients) -> None:
    recorder = Recorder()
    stored = {
        "id": "text_1",
        "to": PHONE,
        "from": "+15555550101",
        "message": "hi",
        "timestamp": 1757916599341,
        "status": "delivered",
        "attachments": [],
    }
    recorder.answer(stored)
    client = clients.over(recorder)
    client.text.get("text_1")
    client.text.get("text_1", tracking=True)
    client.text.get("text_1", tracking=False)
    assert [request.url.query for request in recorder.requests] == [b"", b"tracking=true", b"tracking=false"]


def test_the_deprecated_email_body_is_sent_as_top_level_text_and_html(clients: Clients) -> None:
    recorder = Recorder()
    recorder.answer({"email_id": "eml_1"})
    client = clients.over(recorder)
    client.email.send(
        to="a@example.com", from_="Me", subject="Hi", body=EmailBodyParts(text="plain", html="<b>x</b>")
    )
    client.send.email(
        {"to": "a@example.com", "from": "Me", "subject": "Hi", "body": {"html": "<i>y</i>"}}  # type: ignore[typeddict-unknown-key]
    )
    client.email.send(
        to="a@example.com", from_="Me", subject="Hi", text="plain", body=EmailBodyParts(text="plain")
    )
    sent = [json.loads(request.content) for request in recorder.requests]
    assert sent[0] == {
        "to": "a@example.com",
        "from": "Me",
        "subject": "Hi",
        "text": "plain",
        "html": "<b>x</b>",
    }
    assert sent[1] == {"to": "a@example.com", "from": "Me", "subject": "Hi", "html": "<i>y</i>"}
    assert sent[2] == {"to": "a@example.com", "from": "Me", "subject": "Hi", "text": "plain"}


def test_a_deprecated_body_that_contradicts_the_top_level_is_refused_before_sending(clients: Clients) -> None:
    recorder = Recorder()
    client = clients.over(recorder)
    with pytest.raises(contiguity.ValidationError) as caught:
        client.email.send(
            to="a@example.com", from_="Me", subject="Hi", text="one", body=EmailBodyParts(text="two")
        )
    assert (str(caught.value), caught.value.field) == ("text: give text or body.text, not both", "text")
    assert recorder.requests == []


def test_a_part_of_the_deprecated_body_given_as_null_is_skipped_not_the_rest(clients: Clients) -> None:
    recorder = Recorder()
    recorder.answer({"email_id": "eml_1"})
    clients.over(recorder).send.email(
        {"to": "a@example.com", "from": "Me", "subject": "Hi", "body": {"text": None, "html": "<i>y</i>"}}  # type: ignore[typeddict-unknown-key]
    )
    assert recorder.last_json == {"to": "a@example.com", "from": "Me", "subject": "Hi", "html": "<i>y</i>"}


# ---- webhooks ------------------------------------------------------------------------------


def event_body(**changes: Any) -> bytes:
    event: dict[str, Any] = {
        "id": "evt_1",
        "type": "text.delivery.failed",
        "timestamp": 1757916599,
        "api_version": "v2026.8.2",
        "data": {
            "from": PHONE,
            "to": "+15555550101",
            "message_id": "text_1",
            "timestamp": 1757916599,
            "error": "x",
        },
    }
    event.update(changes)
    return json.dumps(event).encode()


def test_webhook_events_from_a_newer_api_parse() -> None:
    data = {**json.loads(event_body())["data"], "carrier_code": "30007", "segments": None}
    newer = event_body(data=data, region="us", api_version="v2027.2.1")
    event = webhooks.parse_event(newer)
    assert isinstance(event, TextDeliveryFailedEvent)
    assert (event.api_version, event.id, event.timestamp) == ("v2027.2.1", "evt_1", 1757916599)
    assert event.data["carrier_code"] == "30007"


def test_a_new_webhook_event_type_parses_as_the_generic_event() -> None:
    event = webhooks.parse_event(event_body(type="voice.call.completed", data={"call_id": "call_1"}))
    assert type(event) is WebhookEvent
    assert event.type_ == "voice.call.completed"
    assert event.api_version == "v2026.8.2"


def test_a_webhook_from_a_newer_api_is_logged_once(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webhooks, "_NEWER_API_NOTICED", [])
    caplog.set_level(logging.INFO, logger="contiguity")
    webhooks.parse_event(event_body())
    assert newer_api_notices(caplog) == []
    for _ in range(3):
        webhooks.parse_event(event_body(api_version="v2027.2.1"))
    assert len(newer_api_notices(caplog)) == 1


def test_an_unknown_value_in_a_list_is_reported_with_the_list_name(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="contiguity")
    NumberCapabilities.from_dict({"intl_sms": False, "channels": ["sms", "carrier-pigeon"]})
    assert any("channels[]='carrier-pigeon'" in line for line in unknown_value_warnings(caplog))


UNREADABLE = (
    "the answer lacks what this SDK needs: missing required fields: id, timestamp, api_version, object, data."
)


@pytest.mark.parametrize(
    ("call", "headers", "message"),
    [
        (
            lambda client: client.domains.list(),
            {},
            f"GET /domains/: the server accepted the request (HTTP 200), but {UNREADABLE}",
        ),
        (
            lambda client: client.numbers.get(PHONE),
            {"x-request-id": "req_h"},
            f"GET /numbers/{PHONE}: the server accepted the request (HTTP 200, request id req_h),"
            f" but {UNREADABLE}",
        ),
        (
            lambda client: client.text.send(to=PHONE, message="hi"),
            {},
            "POST /send/text: the server accepted the request (HTTP 200), but "
            f"{UNREADABLE} It may have taken effect: check before repeating it.",
        ),
    ],
    ids=["read", "read-with-request-id", "send"],
)
def test_an_unreadable_answer_says_whether_repeating_the_call_is_safe(
    clients: Clients, call: Callable[[contiguity.Contiguity], object], headers: dict[str, str], message: str
) -> None:
    recorder = Recorder(lambda _request: httpx.Response(200, headers=headers, json={"unexpected": True}))
    with pytest.raises(contiguity.APIResponseValidationError) as caught:
        call(clients.over(recorder))
    assert str(caught.value) == message
