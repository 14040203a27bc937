"""Test code that uses the SDK against an in-process sandbox: no account, no phone, no sockets.

::

    from contiguity_ext.testing import Sandbox

    def test_sign_up_sends_a_code():
        sandbox = Sandbox()
        with sandbox.client() as client:
            sign_up(client, phone="+15555550123")          # your code, calling client.otp.send(...)
        [sent] = sandbox.messages
        assert sent.to == "+15555550123"
        assert sandbox.otp_code(sent.details["otp_id"]) in sent.message

Every call goes through the same routing, validation and envelopes as the sandbox server
(``python -m contiguity_ext.sandbox``), so a request the real API would reject with a 400 fails
here too. Time is the ``clock`` you pass (default :func:`time.time`) plus whatever
:meth:`Sandbox.advance` added, so an OTP's 15 minutes pass instantly.

Failure scenarios work here too: a text to a reserved number (``+15555550180`` for a 429, ...)
or a ``Contiguity-Sandbox-Scenario`` header fails the way ``docs/sandbox.md`` lists, and
``token=`` makes every other token a 401. A slow answer raises the client's timeout at once
instead of waiting it out; a dropped connection raises what httpx raises for one.

Webhooks: pass ``webhook=`` a function and it receives a
:class:`~contiguity_ext.sandbox.WebhookDelivery` (the exact body bytes and headers, signed when
``webhook_secret`` is given) for every event, before the API call that raised it returns.
Exceptions it raises are logged, never passed to the API call.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

import httpx

from .errors import ValidationError
from .sandbox import (
    CallbackDelivery,
    Clock,
    SandboxApp,
    SandboxError,
    SandboxState,
    SentMessage,
    WebhookDelivery,
    WebhookEvent,
)

if TYPE_CHECKING:
    from ._client import AsyncContiguity, Contiguity

__all__ = ["FakeClock", "Sandbox", "SentMessage", "WebhookDelivery", "WebhookEvent"]

START = 1_790_000_000.0  # 2026-09-21T14:13:20Z: a fixed start, so that tests are repeatable


class FakeClock:
    """A clock that stands still until a test moves it, for a client and a sandbox alike.

    As a client's ``clock=``, sleeping (retry back-off, ``otp.reverse.wait``) returns at once,
    moves the clock and is recorded in :attr:`sleeps`. Called, it is the wall-clock time in
    Unix seconds, as :class:`Sandbox` takes it: ``Sandbox(clock=clock)``.
    """

    def __init__(self, now: float = START) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward without sleeping."""
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Sandbox:
    """An in-process Contiguity API with in-memory state.

    :attr:`transport` is an :class:`httpx.MockTransport` serving it, for any ``httpx.Client``
    or ``httpx.AsyncClient``; :meth:`client` and :meth:`async_client` build SDK clients on it.
    """

    base_url = "https://sandbox.contiguity.invalid"
    """What SDK clients are pointed at; ``.invalid`` can never resolve, so nothing leaks out."""

    def __init__(
        self,
        *,
        webhook: Callable[[WebhookDelivery], object] | None = None,
        webhook_secret: str | None = None,
        clock: Clock = time.time,
        token: str | None = None,
    ) -> None:
        self.state = SandboxState(clock=clock)
        sink = CallbackDelivery(webhook, webhook_secret) if webhook is not None else None
        self.token = token
        self.app = SandboxApp(self.state, on_event=sink, token=token)
        self.transport = self.app.transport()

    def client(self, token: str | None = None, **options: Any) -> Contiguity:
        """A :class:`~contiguity_ext.Contiguity` client served by this sandbox.

        ``token`` defaults to the one the sandbox requires, if any. ``options`` go to
        :func:`contiguity_ext.login` (``max_retries``, ``region``, ...). The sandbox answers
        exactly as the bundled spec says, so ``strict_response_validation`` defaults to True
        here: an answer the spec does not allow is a bug worth failing on.
        """
        from ._client import login

        options.setdefault("strict_response_validation", True)
        return login(
            self._token(token),
            base_url=self.base_url,
            http_client=httpx.Client(transport=self.transport),
            **options,
        )

    def async_client(self, token: str | None = None, **options: Any) -> AsyncContiguity:
        """An :class:`~contiguity_ext.AsyncContiguity` client served by this sandbox."""
        from ._client import login_async

        options.setdefault("strict_response_validation", True)
        return login_async(
            self._token(token),
            base_url=self.base_url,
            http_client=httpx.AsyncClient(transport=self.transport),
            **options,
        )

    def _token(self, token: str | None) -> str:
        return token or self.token or "contiguity_sk_sandbox"

    @property
    def messages(self) -> list[SentMessage]:
        """Everything sent (texts, emails, OTPs, iMessages, reactions, ...) and simulated
        inbound messages, oldest first."""
        return self.state.messages()

    @property
    def events(self) -> list[WebhookEvent]:
        """Every webhook event raised so far, oldest first, whether or not ``webhook`` was given."""
        return self.state.events()

    def otp_code(self, otp_id: str) -> str:
        """The code an OTP sent (what the user would read on their phone).

        Raises :class:`KeyError` for an ``otp_id`` this sandbox never issued.
        """
        try:
            return str(self.state.otp.code(otp_id)["code"])
        except SandboxError:
            raise KeyError(otp_id) from None

    def inbound(
        self, from_: str, to: str, body: str, *, channel: Literal["text", "imessage"] = "text"
    ) -> str:
        """Simulate ``from_`` texting ``body`` to ``to``; returns the message's id (``evt_…``).

        Raises the incoming-message webhook and verifies the reverse OTP session this text
        completes, if any.
        """
        answer = self.app.handle_httpx(
            httpx.Request(
                "POST",
                f"{self.base_url}/_sandbox/inbound",
                json={"from": from_, "to": to, "body": body, "channel": channel},
            )
        )
        data = answer.json()["data"]
        if answer.status_code != 200:
            # The sandbox answers "body.from: must match ...": split the field back off its reason.
            field, separator, reason = str(data["error"]).partition(": ")
            if not separator or " " in field:
                field, reason = "body", str(data["error"])
            raise ValidationError(reason, field=field)
        return str(data["message_id"])

    def advance(self, seconds: float) -> None:
        """Move sandbox time forward, e.g. ``sandbox.advance(16 * 60)`` to expire an OTP."""
        self.state.advance(seconds)

    def reset(self) -> None:
        """Forget every message, code, lease, domain and event, and undo :meth:`advance`."""
        self.state.reset()
