"""Webhook events: what the sandbox raises, how they are signed, and both ways of delivering
them (an in-process callback, and HTTP from a background thread)."""

from __future__ import annotations

import json
import logging
import socket

import httpx
import pytest

from contiguity_ext import webhooks
from contiguity_ext.sandbox import SANDBOX_NUMBER, HttpDelivery, WebhookDelivery, WebhookEvent
from contiguity_ext.testing import START, FakeClock, Sandbox
from tests.support.sandbox import BASE_URL, WebhookReceiver, assert_signed, assert_valid

THEM = "+15555550123"
SECRET = "whsec_sandbox_test"


def http(sandbox: Sandbox) -> httpx.Client:
    return httpx.Client(transport=sandbox.transport, base_url=BASE_URL, headers={"Authorization": "Token t"})


@pytest.fixture
def deliveries() -> list[WebhookDelivery]:
    return []


@pytest.fixture
def sandbox(deliveries: list[WebhookDelivery]) -> Sandbox:
    return Sandbox(webhook=deliveries.append, webhook_secret=SECRET, clock=FakeClock())


def test_a_text_send_raises_delivery_confirmed(sandbox: Sandbox, deliveries: list[WebhookDelivery]) -> None:
    message_id = (
        http(sandbox).post("/send/text", json={"to": THEM, "message": "Hi"}).json()["data"]["message_id"]
    )

    [delivery] = deliveries
    assert delivery.type == "text.delivery.confirmed"
    assert_valid("#/components/schemas/TextDeliveryConfirmedEvent", json.loads(delivery.body))
    assert delivery.payload["id"].startswith("evt_")
    assert delivery.payload["timestamp"] == int(START)
    assert delivery.payload["data"] == {
        "from": SANDBOX_NUMBER,
        "to": THEM,
        "message_id": message_id,
        "timestamp": int(START),
    }


def test_deliveries_are_signed_over_the_exact_body(
    sandbox: Sandbox, deliveries: list[WebhookDelivery]
) -> None:
    http(sandbox).post("/send/text", json={"to": THEM, "message": "Héllo ✓"})

    [delivery] = deliveries
    assert_signed(delivery.headers, delivery.body, SECRET)
    assert webhooks.verify_signature(delivery.body, delivery.headers, SECRET)
    assert delivery.headers["Content-Type"] == "application/json"
    assert json.loads(delivery.body) == delivery.payload


def test_without_a_secret_deliveries_are_unsigned() -> None:
    deliveries: list[WebhookDelivery] = []
    sandbox = Sandbox(webhook=deliveries.append)

    http(sandbox).post("/send/text", json={"to": THEM, "message": "Hi"})

    assert webhooks.SIGNATURE_HEADER not in deliveries[0].headers


@pytest.mark.parametrize(
    ("channel", "event_type", "schema"),
    [
        ("text", "text.incoming.sms", "TextIncomingSmsEvent"),
        ("imessage", "imessage.incoming", "ImessageIncomingEvent"),
    ],
)
def test_an_inbound_message_raises_its_incoming_event(
    sandbox: Sandbox, deliveries: list[WebhookDelivery], channel: str, event_type: str, schema: str
) -> None:
    message_id = sandbox.inbound(THEM, SANDBOX_NUMBER, "Hello there", channel=channel)  # type: ignore[arg-type]

    [delivery] = deliveries
    assert delivery.type == event_type
    assert_valid(f"#/components/schemas/{schema}", delivery.payload)
    assert delivery.payload["id"] == message_id
    assert (delivery.payload["data"]["from"], delivery.payload["data"]["body"]) == (THEM, "Hello there")


def test_a_verified_reverse_otp_session_raises_its_event_for_the_success_url(
    sandbox: Sandbox, deliveries: list[WebhookDelivery]
) -> None:
    session = (
        http(sandbox)
        .post("/otp/reverse/initiate", json={"number": THEM, "success_url": "https://example.com/verified"})
        .json()["data"]
    )

    sandbox.inbound(THEM, SANDBOX_NUMBER, session["factor"])

    incoming, verified = deliveries
    assert (incoming.type, incoming.url) == ("text.incoming.sms", None)
    assert (verified.type, verified.url) == ("otp.reverse.verified", "https://example.com/verified")
    assert_valid("#/components/schemas/ReverseOtpVerifiedEvent", verified.payload)
    assert verified.payload["data"] == {"otp_id": session["otp_id"], "number": THEM, "status": "verified"}


def test_events_are_kept_without_a_callback() -> None:
    sandbox = Sandbox()

    http(sandbox).post("/send/text", json={"to": THEM, "message": "Hi"})
    sandbox.inbound(THEM, SANDBOX_NUMBER, "Hi back")

    assert [e.type for e in sandbox.events] == ["text.delivery.confirmed", "text.incoming.sms"]


def test_a_failing_callback_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    def broken(_delivery: WebhookDelivery) -> None:
        raise RuntimeError("receiver down")

    sandbox = Sandbox(webhook=broken)

    with caplog.at_level(logging.ERROR, logger="contiguity.sandbox"):
        response = http(sandbox).post("/send/text", json={"to": THEM, "message": "Hi"})

    assert response.status_code == 200
    [record] = [r for r in caplog.records if r.name == "contiguity.sandbox"]
    assert "webhook callback failed for text.delivery.confirmed" in record.getMessage()
    assert record.exc_info is not None


def test_a_failing_event_sink_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    from contiguity_ext.sandbox import SandboxApp, SandboxState

    def broken(_event: WebhookEvent) -> None:
        raise RuntimeError("queue full")

    app = SandboxApp(SandboxState(), on_event=broken)
    client = httpx.Client(transport=app.transport(), base_url=BASE_URL, headers={"Authorization": "Token t"})

    with caplog.at_level(logging.ERROR, logger="contiguity.sandbox"):
        assert client.post("/send/text", json={"to": THEM, "message": "Hi"}).status_code == 200

    assert any("webhook delivery failed" in r.getMessage() for r in caplog.records)


def test_a_callback_may_call_the_sandbox_again() -> None:
    """Events are delivered after the state lock is released, so a bot can reply from its handler."""
    sandbox: Sandbox
    replies: list[int] = []

    def auto_reply(delivery: WebhookDelivery) -> None:
        if delivery.type == "text.incoming.sms":
            data = delivery.payload["data"]
            answer = http(sandbox).post(
                "/send/text", json={"to": data["from"], "from": data["to"], "message": "Got it"}
            )
            replies.append(answer.status_code)

    sandbox = Sandbox(webhook=auto_reply)
    sandbox.inbound(THEM, SANDBOX_NUMBER, "Hello?")

    assert replies == [200]
    assert [m.message for m in sandbox.messages] == ["Hello?", "Got it"]


# ---- HTTP delivery -----------------------------------------------------------------------


def event(event_type: str = "text.incoming.sms", destination: str | None = None) -> WebhookEvent:
    payload = {"id": "evt_1", "type": event_type, "timestamp": 1, "api_version": "v1", "data": {"body": "é"}}
    return WebhookEvent(payload, destination)


def test_http_delivery_posts_signed_events() -> None:
    with WebhookReceiver() as receiver:
        delivery = HttpDelivery(f"{receiver.url}/hook", SECRET)
        delivery(event())
        path, headers, body = receiver.next()
        delivery.close()

    assert path == "/hook"
    assert json.loads(body) == event().payload
    assert_signed(headers, body, SECRET)


def test_http_delivery_prefers_the_events_own_destination() -> None:
    with WebhookReceiver() as account, WebhookReceiver() as session:
        delivery = HttpDelivery(f"{account.url}/account", SECRET)
        delivery(event("otp.reverse.verified", destination=f"{session.url}/done"))
        delivery(event())
        session_path, _, _ = session.next()
        account_path, _, _ = account.next()
        delivery.close()

    assert (session_path, account_path) == ("/done", "/account")


def free_port_with_nothing_listening() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("status", [204, 500])
def test_http_delivery_failures_are_logged_and_later_events_still_go(
    caplog: pytest.LogCaptureFixture, status: int
) -> None:
    dead = f"http://127.0.0.1:{free_port_with_nothing_listening()}/hook"
    with (
        WebhookReceiver(status=status) as receiver,
        caplog.at_level(logging.INFO, logger="contiguity.sandbox"),
    ):
        delivery = HttpDelivery(f"{receiver.url}/hook", SECRET)
        delivery(event(destination=dead))
        delivery(event(destination="not a url"))
        delivery(event())
        receiver.next()
        delivery.close()

    messages = [r.getMessage() for r in caplog.records if r.name == "contiguity.sandbox"]
    assert messages[0].startswith(f"webhook text.incoming.sms to {dead} failed")
    assert messages[1].startswith("webhook text.incoming.sms to not a url failed")
    outcome = "delivered to" if status == 204 else "answered 500"
    assert outcome in messages[2]


def test_http_delivery_without_any_url_drops_the_event() -> None:
    delivery = HttpDelivery(None)
    delivery(event())
    delivery.close(timeout=10)

    assert not delivery._thread.is_alive()
