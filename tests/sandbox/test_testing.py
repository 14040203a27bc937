"""``contiguity_ext.testing.Sandbox``: the SDK's own clients against the in-process sandbox."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from contiguity_client.models import TextDeliveryConfirmedEvent

import contiguity_ext as contiguity
from contiguity_ext import webhooks
from contiguity_ext.errors import NotFoundError, PermissionDeniedError, ValidationError
from contiguity_ext.sandbox import SANDBOX_NUMBER
from contiguity_ext.testing import FakeClock, Sandbox, WebhookDelivery
from tests.support.sandbox import ROOT

THEM = "+15555550123"


def test_a_client_sends_into_the_sandbox() -> None:
    sandbox = Sandbox()

    with sandbox.client() as client:
        sent = client.text.send(to=THEM, message="Welcome!")

    [message] = sandbox.messages
    assert (message.id, message.kind, message.to, message.from_, message.message) == (
        sent.data.message_id,
        "text",
        THEM,
        SANDBOX_NUMBER,
        "Welcome!",
    )


async def test_an_async_client_sends_into_the_sandbox() -> None:
    sandbox = Sandbox()

    async with sandbox.async_client() as client:
        sent = await client.text.send(to=THEM, message="Welcome!")
        fetched = await client.text.get(sent.data.message_id)

    assert fetched.data.message == "Welcome!"
    assert [m.message for m in sandbox.messages] == ["Welcome!"]


def test_the_transport_serves_any_httpx_client() -> None:
    sandbox = Sandbox()

    with httpx.Client(transport=sandbox.transport) as http:
        response = http.get(f"{sandbox.base_url}/numbers/leases", headers={"Authorization": "Token t"})

    assert response.json()["data"]["available"] == 5


def test_otp_codes_can_be_read_and_verify_once() -> None:
    sandbox = Sandbox()

    with sandbox.client() as client:
        otp_id = client.otp.send({"to": THEM, "language": "en"})
        code = sandbox.otp_code(otp_id)
        first = client.otp.verify({"otp_id": otp_id, "otp": code})
        second = client.otp.verify({"otp_id": otp_id, "otp": code})

    assert (first, second) == (True, False)


def test_advancing_time_expires_a_code() -> None:
    clock = FakeClock()
    sandbox = Sandbox(clock=clock)

    with sandbox.client() as client:
        otp_id = client.otp.send({"to": THEM, "language": "en"})
        sandbox.advance(15 * 60)
        verified = client.otp.verify({"otp_id": otp_id, "otp": sandbox.otp_code(otp_id)})

    assert verified is False
    assert sandbox.state.now() == clock.now + 15 * 60


def test_an_unknown_otp_has_no_code() -> None:
    with pytest.raises(KeyError):
        Sandbox().otp_code("otp_missing")


def test_the_agreements_flow_unlocks_fast_track() -> None:
    sandbox = Sandbox()

    with sandbox.client(max_retries=0) as client:
        with pytest.raises(PermissionDeniedError) as refused:
            client.text.send(to=THEM, message="Now!", fast_track=True)
        assert refused.value.agreement_url is not None
        client.agreements.accept(refused.value.agreement_url)
        sent = client.text.send(to=THEM, message="Now!", fast_track=True)

    assert refused.value.agreement_url == "https://api.contiguity.com/entitlements/fast_track"
    assert sandbox.messages[-1].id == sent.data.message_id


def test_api_errors_surface_as_sdk_errors() -> None:
    with Sandbox().client() as client, pytest.raises(NotFoundError) as missing:
        client.text.get("text_missing")

    assert missing.value.status_code == 404
    assert missing.value.request_id is not None
    assert missing.value.request_id.startswith("err_")


def test_an_inbound_text_verifies_a_reverse_otp_session() -> None:
    sandbox = Sandbox()

    with sandbox.client() as client:
        session = client.otp.reverse.initiate(number=THEM)
        message_id = sandbox.inbound(THEM, session.data.to, session.data.factor)
        status = client.otp.reverse.status(session.data.otp_id)

    assert status.data.status == "verified"
    assert sandbox.messages[-1].id == message_id
    assert [e.type for e in sandbox.events] == ["text.incoming.sms", "otp.reverse.verified"]


def test_an_invalid_inbound_text_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^body\.from: must match pattern") as refused:
        Sandbox().inbound("555", SANDBOX_NUMBER, "Hi")
    assert refused.value.field == "body.from"


def test_webhooks_reach_the_callback_signed_for_the_sdks_verifier() -> None:
    deliveries: list[WebhookDelivery] = []
    sandbox = Sandbox(webhook=deliveries.append, webhook_secret="whsec_test")

    with sandbox.client() as client:
        sent = client.text.send(to=THEM, message="Hi")

    [delivery] = deliveries
    event = webhooks.construct_event(delivery.body, delivery.headers, "whsec_test")
    assert isinstance(event, TextDeliveryConfirmedEvent)
    assert event.data.message_id == sent.data.message_id


def test_reset_forgets_everything() -> None:
    sandbox = Sandbox()
    with sandbox.client() as client:
        client.text.send(to=THEM, message="Hi")
    sandbox.advance(60)

    sandbox.reset()

    assert (sandbox.messages, sandbox.events) == ([], [])


def test_the_client_is_a_contiguity_client() -> None:
    with Sandbox().client() as client:
        assert isinstance(client, contiguity.Contiguity)


def test_the_in_process_sandbox_needs_neither_starlette_nor_uvicorn() -> None:
    script = """
import sys
sys.modules["starlette"] = sys.modules["uvicorn"] = None  # any import of them now fails
from contiguity_ext.testing import Sandbox
sandbox = Sandbox()
with sandbox.client() as client:
    client.text.send(to="+15555550123", message="Hi")
assert [m.message for m in sandbox.messages] == ["Hi"]
assert not any(name.startswith(("starlette.", "uvicorn.")) for name in sys.modules)
"""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "generated"), str(ROOT)])}

    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
