"""``contiguity_ext.testing.Sandbox``: the SDK's own clients against the in-process sandbox."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from typing import Any, Literal, NoReturn

import httpx
import pytest
from contiguity_client.models import TextDeliveryConfirmedEvent

import contiguity_ext as contiguity
from contiguity_ext import webhooks
from contiguity_ext.errors import (
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ValidationError,
)
from contiguity_ext.hooks import Hooks, RequestEvent
from contiguity_ext.sandbox import SANDBOX_NUMBER, SandboxError
from contiguity_ext.testing import FakeClock, Sandbox, WebhookDelivery
from tests.support.driven import Clients
from tests.support.sandbox import ROOT

THEM = "+15555550123"
RATE_LIMITED = "+15555550180"


def connect(
    clients: Clients, sandbox: Sandbox, token: str | None = None, **options: Any
) -> contiguity.Contiguity:
    """``sandbox.client(...)`` or ``sandbox.async_client(...)``, as the test's flavour says."""
    return clients.open(
        lambda: sandbox.client(token, **options), lambda: sandbox.async_client(token, **options)
    )


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
    with pytest.raises(KeyError) as missing:
        Sandbox().otp_code("otp_missing")

    assert missing.value.args == ("otp_missing",)


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


@pytest.mark.parametrize(
    ("channel", "event_type"), [("text", "text.incoming.sms"), ("imessage", "imessage.incoming")]
)
def test_an_inbound_message_arrives_on_its_channel(
    channel: Literal["text", "imessage"], event_type: str
) -> None:
    sandbox = Sandbox()

    message_id = sandbox.inbound(THEM, SANDBOX_NUMBER, "Hi", channel=channel)

    [received] = sandbox.messages
    assert (received.id, received.channel, received.message) == (message_id, channel, "Hi")
    assert [e.type for e in sandbox.events] == [event_type]


# A caller who pastes a label along with the number: the refusal quotes it, ": " and all.
@pytest.mark.parametrize("sender", ["555", "Tel: +15555550123"])
def test_an_invalid_inbound_text_is_refused_naming_the_field(sender: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Sandbox().inbound(sender, SANDBOX_NUMBER, "Hi")

    assert refused.value.field == "body.from"
    assert str(refused.value).startswith("body.from: must match pattern ")
    assert str(refused.value).endswith(f"got {sender!r}")


@pytest.mark.parametrize(
    ("failure", "answer"),
    [
        # The sandbox's words for a body without "from": the text before ": " is no field name.
        (SandboxError(400, "missing required field in body: from"), "missing required field in body: from"),
        (RuntimeError("the disk is full"), "The sandbox failed; see its log"),
    ],
    ids=["prefix-is-a-sentence", "no-prefix"],
)
def test_an_inbound_refusal_naming_no_field_blames_the_body(
    monkeypatch: pytest.MonkeyPatch, failure: Exception, answer: str
) -> None:
    sandbox = Sandbox()

    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise failure

    monkeypatch.setattr(sandbox.state, "inbound", refuse)
    with pytest.raises(ValidationError) as refused:
        sandbox.inbound(THEM, SANDBOX_NUMBER, "Hi")

    assert refused.value.field == "body"
    assert str(refused.value) == f"body: {answer}"


def test_webhooks_reach_the_callback_signed_for_the_sdks_verifier() -> None:
    deliveries: list[WebhookDelivery] = []
    sandbox = Sandbox(webhook=deliveries.append, webhook_secret="whsec_test")

    with sandbox.client() as client:
        sent = client.text.send(to=THEM, message="Hi")

    [delivery] = deliveries
    event = webhooks.construct_event(delivery.body, delivery.headers, "whsec_test")
    assert isinstance(event, TextDeliveryConfirmedEvent)
    assert event.data.message_id == sent.data.message_id


def test_without_a_webhook_events_are_only_recorded(caplog: pytest.LogCaptureFixture) -> None:
    sandbox = Sandbox()

    with caplog.at_level(logging.DEBUG, logger="contiguity"), sandbox.client() as client:
        client.text.send(to=THEM, message="Hi")

    assert [e.type for e in sandbox.events] == ["text.delivery.confirmed"]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_sandbox_with_a_token_lets_its_own_clients_in(clients: Clients) -> None:
    sandbox = Sandbox(token="contiguity_sk_mine")
    client = connect(clients, sandbox)

    sent = client.text.send(to=THEM, message="Hi")

    assert sandbox.messages[-1].id == sent.data.message_id


def test_a_token_given_to_the_client_wins_over_the_sandboxs(clients: Clients) -> None:
    sandbox = Sandbox(token="contiguity_sk_mine")
    intruder = connect(clients, sandbox, "contiguity_sk_theirs", max_retries=0)
    owner = connect(clients, sandbox, "contiguity_sk_mine")

    with pytest.raises(AuthenticationError) as refused:
        intruder.text.send(to=THEM, message="Hi")
    owner.text.send(to=THEM, message="Hi")

    assert refused.value.status_code == 401
    assert [m.message for m in sandbox.messages] == ["Hi"]


def test_clients_call_the_sandbox_base_url_with_the_options_given(clients: Clients) -> None:
    sandbox = Sandbox()
    requests: list[RequestEvent] = []
    client = connect(clients, sandbox, max_retries=0, hooks=Hooks(on_request=requests.append))

    with pytest.raises(RateLimitError):
        client.text.send(to=RATE_LIMITED, message="Hi")

    assert [(e.call.url, e.attempt) for e in requests] == [(f"{Sandbox.base_url}/send/text", 1)]


def test_clients_read_numbers_in_the_region_given(clients: Clients) -> None:
    sandbox = Sandbox()
    client = connect(clients, sandbox, region="GB")

    client.text.send(to="07700 900123", message="Hi")

    assert sandbox.messages[-1].to == "+447700900123"


@pytest.fixture
def newer_sandbox(monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """A sandbox listing a number in a status the spec does not list, as a newer API might."""
    sandbox = Sandbox()
    listed = sandbox.state.numbers.available

    def with_an_unlisted_status() -> dict[str, Any]:
        answer = listed()
        first, *others = answer["numbers"]
        return {**answer, "numbers": [{**first, "status": "held-for-review"}, *others]}

    monkeypatch.setattr(sandbox.state.numbers, "available", with_an_unlisted_status)
    return sandbox


def test_clients_reject_an_answer_the_spec_does_not_allow(clients: Clients, newer_sandbox: Sandbox) -> None:
    client = connect(clients, newer_sandbox)

    with pytest.raises(contiguity.APIResponseValidationError, match="held-for-review"):
        client.numbers.available()


def test_clients_accept_a_newer_answer_when_told_to(clients: Clients, newer_sandbox: Sandbox) -> None:
    client = connect(clients, newer_sandbox, strict_response_validation=False)

    available = client.numbers.available()

    assert available.data.numbers[0].to_dict()["status"] == "held-for-review"


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
