"""What every part of the sandbox state shares: the lock, the clock, ids, the message log and
the webhook outbox."""

from __future__ import annotations

import dataclasses
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal

__all__ = [
    "Channel",
    "Clock",
    "Core",
    "SandboxError",
    "SentMessage",
    "WebhookEvent",
    "iso_time",
    "new_id",
]

Clock = Callable[[], float]
"""Returns the current Unix time in seconds, like :func:`time.time` (the default)."""

Channel = Literal["text", "email", "imessage", "whatsapp"]


class SandboxError(Exception):
    """An API error the sandbox answers with: an HTTP status and the ``data.error`` message."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        agreement_url: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.status = status
        self.message = message
        self.agreement_url = agreement_url
        self.headers = headers or {}
        super().__init__(f"{status} {message}")


@dataclass
class SentMessage:
    """One entry of the sandbox's message log: anything sent, plus simulated inbound texts.

    ``kind`` says what produced it (``"text"``, ``"text_reaction"``, ``"email"``, ``"otp"``,
    ``"imessage"``, ``"imessage_typing"``, ``"imessage_read"``, ``"imessage_reaction"``,
    ``"whatsapp"``, ``"whatsapp_typing"``, ``"whatsapp_reaction"``, ``"incoming"``);
    ``details`` holds the fields particular to that kind (an email's ``subject``, a reaction's
    ``reaction`` and ``action``, an OTP's ``otp_id``, ...).
    """

    id: str
    kind: str
    channel: Channel
    direction: Literal["outgoing", "incoming"]
    to: str
    from_: str
    message: str
    timestamp: int
    attachments: list[str] = field(default_factory=list)
    status: str = "delivered"
    details: dict[str, Any] = field(default_factory=dict)
    read_at: int = 0

    def to_json(self) -> dict[str, Any]:
        """The entry as ``GET /_sandbox/messages`` lists it (``from_`` becomes ``from``)."""
        fields = dataclasses.asdict(self)
        fields["from"] = fields.pop("from_")
        return fields


@dataclass(frozen=True)
class WebhookEvent:
    """A webhook event the sandbox raised.

    ``payload`` is the event as delivered (``id``, ``type``, ``timestamp``, ``api_version``,
    ``data``); ``destination`` overrides the account webhook URL (a reverse OTP session's
    ``success_url``).
    """

    payload: dict[str, Any]
    destination: str | None = None

    @property
    def type(self) -> str:
        return str(self.payload["type"])


def new_id(prefix: str) -> str:
    """A fresh id in the API's style: a type prefix and random hex (``text_3f9c…``)."""
    return prefix + secrets.token_hex(12)


def iso_time(seconds: float) -> str:
    """Unix seconds as the ISO 8601 UTC form the API uses for dates (``2026-08-02T10:00:00.000Z``)."""
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Core:
    """Shared state; callers hold :attr:`lock` around every read and change.

    The lock is re-entrant so one product's method can call into another's.
    """

    def __init__(self, clock: Clock, api_version: str) -> None:
        self.lock = threading.RLock()
        self.api_version = api_version
        self._clock = clock
        self.offset = 0.0
        self.log: list[SentMessage] = []
        self.events: list[WebhookEvent] = []
        self._outbox: list[WebhookEvent] = []
        self._uses: dict[str, int] = {}

    def now(self) -> float:
        """Sandbox time in Unix seconds: the clock plus however far it was advanced."""
        return self._clock() + self.offset

    def now_ms(self) -> int:
        return int(self.now() * 1000)

    def record(self, message: SentMessage) -> SentMessage:
        self.log.append(message)
        return message

    def emit(self, event_type: str, data: dict[str, Any], *, destination: str | None = None) -> str:
        """Raise a webhook event; returns its id (``evt_…``)."""
        event = WebhookEvent(
            payload={
                "id": new_id("evt_"),
                "type": event_type,
                "timestamp": int(self.now()),
                "api_version": self.api_version,
                "data": data,
            },
            destination=destination,
        )
        self.events.append(event)
        self._outbox.append(event)
        return str(event.payload["id"])

    def count_use(self, key: str) -> int:
        """How many times ``key`` has been seen, this time included (for ``times=N`` scenarios)."""
        with self.lock:
            self._uses[key] = self._uses.get(key, 0) + 1
            return self._uses[key]

    def take_outbox(self) -> list[WebhookEvent]:
        """The events raised since the last call, for delivery outside the lock."""
        with self.lock:
            taken, self._outbox = self._outbox, []
            return taken

    def clear(self) -> None:
        self.offset = 0.0
        self.log.clear()
        self.events.clear()
        self._outbox.clear()
        self._uses.clear()
