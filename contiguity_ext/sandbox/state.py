"""The sandbox's in-memory account: everything the API calls read and change.

:class:`SandboxState` knows nothing of HTTP. It is safe to share between threads (one lock
guards it all) and takes its time from an injectable clock, so tests can move past an OTP's
expiry without waiting.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Literal

from .. import _spec
from .core import Clock, Core, SentMessage, WebhookEvent
from .domains import Domains
from .entitlements import Entitlements
from .history import History
from .messaging import Messaging
from .numbers import Numbers
from .otp import Otps

__all__ = ["SandboxState"]


class SandboxState:
    """The account one sandbox simulates.

    Each product lives on its own attribute (:attr:`messaging`, :attr:`history`, :attr:`otp`,
    :attr:`numbers`, :attr:`domains`, :attr:`entitlements`), whose methods take the validated
    request and return the response's ``data``, raising
    :class:`~contiguity_ext.sandbox.SandboxError` for API errors.
    """

    def __init__(self, *, clock: Clock = time.time, api_version: str | None = None) -> None:
        self._core = Core(clock, api_version or _spec.api_version())
        self._build()

    def _build(self) -> None:
        core = self._core
        self.entitlements = Entitlements(core)
        self.numbers = Numbers(core, self.entitlements)
        self.messaging = Messaging(core, self.numbers, self.entitlements)
        self.history = History(core)
        self.otp = Otps(core)
        self.domains = Domains(core)

    @property
    def api_version(self) -> str:
        return self._core.api_version

    def now(self) -> float:
        """Sandbox time, in Unix seconds."""
        return self._core.now()

    def advance(self, seconds: float) -> float:
        """Move sandbox time forward (to expire OTPs and sessions); returns the new time."""
        if seconds < 0:
            raise ValueError("sandbox time only moves forward")
        with self._core.lock:
            self._core.offset += seconds
            return self._core.now()

    def messages(self) -> list[SentMessage]:
        """Everything sent, and every simulated inbound message, oldest first (copies)."""
        with self._core.lock:
            return [copy.deepcopy(message) for message in self._core.log]

    def events(self) -> list[WebhookEvent]:
        """Every webhook event raised so far, oldest first."""
        with self._core.lock:
            return list(self._core.events)

    def count_use(self, key: str) -> int:
        """How many times ``key`` has been counted since the last reset, this time included."""
        return self._core.count_use(key)

    def take_outbox(self) -> list[WebhookEvent]:
        """Events raised since the last call; the app delivers them after releasing the lock."""
        return self._core.take_outbox()

    def inbound(
        self, from_: str, to: str, body: str, *, channel: Literal["text", "imessage"] = "text"
    ) -> dict[str, Any]:
        """Simulate someone texting ``body`` from ``from_`` to ``to``.

        Records the message, raises its incoming-message webhook and verifies the pending
        reverse OTP session it completes, if any.
        """
        with self._core.lock:
            received = self.messaging.receive(from_, to, body, channel)
            session = self.otp.match_inbound(from_, to, body, channel)
            return {"message_id": received.id, "reverse_otp": session}

    def reset(self) -> None:
        """Back to a fresh account: no messages, codes, leases or domains, and real time."""
        with self._core.lock:
            self._core.clear()
            self._build()
