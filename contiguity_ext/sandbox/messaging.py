"""Sending on every channel, reactions, typing and read receipts, and simulated inbound texts.

Everything lands in the shared message log, which :mod:`.history` reads back. Nothing leaves
the machine: every send counts as delivered at once, and a text raises its
``text.delivery.confirmed`` webhook straight away, except a text to the reserved undeliverable
number (:mod:`.scenarios`), which fails with ``text.delivery.failed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from .core import Channel, Core, SandboxError, SentMessage, new_id
from .entitlements import Entitlements
from .numbers import Numbers
from .scenarios import UNDELIVERABLE_NUMBER

__all__ = ["CONTENT_KINDS", "Messaging", "in_conversation"]

_ID_PREFIX: dict[Channel, str] = {"text": "text_", "email": "eml_", "imessage": "imsg_", "whatsapp": "wapp_"}
_TEXT_REACTION_VERBS = {
    "love": "Loved",
    "thumbsup": "Liked",
    "thumbsdown": "Disliked",
    "haha": "Laughed at",
    "emphasized": "Emphasized",
    "questioned": "Questioned",
}
UNDELIVERABLE_ERROR = "Undeliverable: the recipient's carrier rejected the message"
CONTENT_KINDS = frozenset({"text", "imessage", "whatsapp", "incoming"})
"""Log kinds that carry a message someone wrote, as opposed to typing, read receipts and reactions."""


def in_conversation(message: SentMessage, ours: str | None, other: str) -> bool:
    """Whether ``message`` passed between ``ours`` (any of ours when None) and ``other``."""
    if message.direction == "outgoing":
        return message.to == other and ours in (None, message.from_)
    return message.from_ == other and ours in (None, message.to)


class Messaging:
    def __init__(self, core: Core, numbers: Numbers, entitlements: Entitlements) -> None:
        self._core = core
        self._numbers = numbers
        self._entitlements = entitlements

    # ---- text ----------------------------------------------------------------------------

    def send_text(self, body: Mapping[str, Any]) -> dict[str, Any]:
        if body.get("fast_track"):
            self._entitlements.require("fast_track", "Sending with fast_track")
        with self._core.lock:
            sent = self._send("text", body, {"fast_track": bool(body.get("fast_track"))})
            self._confirm_delivery(sent)
            return {"message_id": sent.id}

    def react_to_text(self, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            if body.get("message_id"):
                target = self._by_id(body["message_id"], "text")
            else:
                target = self._latest("text", body.get("from"), body["to"], body["message"])
            ours, other = _parties(target)
            reaction, action = body["reaction"], body["action"]
            text = (
                f'{_TEXT_REACTION_VERBS[reaction]} "{target.message}"'
                if action == "add"
                else f'Removed a {reaction} reaction from "{target.message}"'
            )
            details = {"reaction": reaction, "action": action, "on": target.message, "target_id": target.id}
            sent = self._record("text_reaction", "text", other, ours, text, details)
            self._confirm_delivery(sent)
            return {"message_id": sent.id}

    # ---- email ---------------------------------------------------------------------------

    def send_email(self, body: Mapping[str, Any]) -> dict[str, Any]:
        nested = body.get("body") or {}
        text = body.get("text") or nested.get("text")
        html = body.get("html") or nested.get("html")
        details = {
            key: value
            for key, value in {
                "subject": body["subject"],
                "text": text,
                "html": html,
                "cc": body.get("cc"),
                "bcc": body.get("bcc"),
                "reply_to": body.get("reply_to"),
                "headers": body.get("headers"),
            }.items()
            if value is not None
        }
        to = body["to"] if isinstance(body["to"], list) else [body["to"]]
        with self._core.lock:
            sent = self._record("email", "email", ", ".join(to), body["from"], text or html or "", details)
            return {"email_id": sent.id}

    # ---- iMessage and WhatsApp -------------------------------------------------------------

    def send_imessage(self, body: Mapping[str, Any]) -> dict[str, Any]:
        if body.get("fast_track"):
            self._entitlements.require("fast_track", "Sending with fast_track")
        with self._core.lock:
            details = {"fast_track": bool(body.get("fast_track")), "fallback": body.get("fallback")}
            return {"message_id": self._send("imessage", body, details).id}

    def send_whatsapp(self, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            return {"message_id": self._send("whatsapp", body, {"fallback": body.get("fallback")}).id}

    def set_typing(self, channel: Literal["imessage", "whatsapp"], body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            ours = body.get("from") or self._numbers.default_sender(channel)
            self._record(f"{channel}_typing", channel, body["to"], ours, "", {"action": body["action"]})
            return {"status": "started" if body["action"] == "start" else "stopped"}

    def mark_imessage_read(self, body: Mapping[str, Any]) -> dict[str, Any]:
        ours, other = body["from"], body["to"]
        with self._core.lock:
            now = self._core.now_ms()
            for message in self._core.log:
                if (
                    message.channel == "imessage"
                    and message.direction == "incoming"
                    and in_conversation(message, ours, other)
                    and not message.read_at
                ):
                    message.read_at = now
            self._record("imessage_read", "imessage", other, ours, "", {})
            return {"status": "sent", "message": f"Marked the conversation with {other} as read"}

    def react_to_imessage(self, body: Mapping[str, Any]) -> dict[str, Any]:
        tapback, action = body["tapback"], body["action"]
        with self._core.lock:
            target = self._latest("imessage", body["from"], body["to"], body["message"])
            details = {"reaction": tapback, "action": action, "on": target.message, "target_id": target.id}
            self._record("imessage_reaction", "imessage", body["to"], body["from"], "", details)
        done = "added" if action == "add" else "removed"
        return {"status": done, "message": f"Tapback {tapback} {done}"}

    def react_to_whatsapp(self, body: Mapping[str, Any]) -> dict[str, Any]:
        to, action, wanted = body["to"], body["action"], body.get("message")
        with self._core.lock:
            details: dict[str, Any] = {"reaction": body.get("reaction"), "action": action}
            ours = self._numbers.default_sender("whatsapp")
            if wanted is not None:
                target = self._whatsapp_target(to, wanted)
                ours = _parties(target)[0]
                details.update(on=target.message, target_id=target.id)
            self._record("whatsapp_reaction", "whatsapp", to, ours, "", details)
        done = "added" if action == "add" else "removed"
        return {"status": done, "message": f"Reaction {done}"}

    # ---- inbound -------------------------------------------------------------------------

    def receive(self, from_: str, to: str, body: str, channel: Literal["text", "imessage"]) -> SentMessage:
        """Record a message someone sent to ``to`` and raise its incoming-message webhook."""
        with self._core.lock:
            data: dict[str, Any] = {"from": from_, "to": to, "body": body, "timestamp": int(self._core.now())}
            if channel == "imessage":
                event_id = self._core.emit("imessage.incoming", {**data, "attachments": []})
            else:
                event_id = self._core.emit("text.incoming.sms", data)
            return self._core.record(
                SentMessage(
                    id=event_id,
                    kind="incoming",
                    channel=channel,
                    direction="incoming",
                    to=to,
                    from_=from_,
                    message=body,
                    timestamp=self._core.now_ms(),
                    status="received",
                )
            )

    # ---- helpers -------------------------------------------------------------------------

    def _send(self, channel: Channel, body: Mapping[str, Any], details: dict[str, Any]) -> SentMessage:
        sent = self._record(
            channel,
            channel,
            body["to"],
            body.get("from") or self._numbers.default_sender(channel),
            body.get("message") or "",
            {key: value for key, value in details.items() if value is not None},
        )
        sent.attachments = list(body.get("attachments") or [])
        return sent

    def _record(
        self, kind: str, channel: Channel, to: str, from_: str, message: str, details: dict[str, Any]
    ) -> SentMessage:
        return self._core.record(
            SentMessage(
                id=new_id(_ID_PREFIX[channel]),
                kind=kind,
                channel=channel,
                direction="outgoing",
                to=to,
                from_=from_,
                message=message,
                timestamp=self._core.now_ms(),
                details=details,
            )
        )

    def _confirm_delivery(self, sent: SentMessage) -> None:
        data = {"from": sent.from_, "to": sent.to, "message_id": sent.id, "timestamp": int(self._core.now())}
        if sent.to == UNDELIVERABLE_NUMBER:
            sent.status = "failed"
            self._core.emit("text.delivery.failed", {**data, "error": UNDELIVERABLE_ERROR})
        else:
            self._core.emit("text.delivery.confirmed", data)

    def _content(self, channel: Channel) -> Iterable[SentMessage]:
        """Messages people wrote on ``channel``, newest first."""
        return (m for m in reversed(self._core.log) if m.channel == channel and m.kind in CONTENT_KINDS)

    def _by_id(self, message_id: str, channel: Channel) -> SentMessage:
        for message in self._content(channel):
            if message.id == message_id:
                return message
        raise SandboxError(404, f"No {channel} message with id {message_id!r}")

    def _latest(self, channel: Channel, ours: str | None, other: str, text: str) -> SentMessage:
        for message in self._content(channel):
            if message.message == text and in_conversation(message, ours, other):
                return message
        raise SandboxError(404, f"No {channel} message {text!r} in the conversation with {other}")

    def _whatsapp_target(self, to: str, wanted: str) -> SentMessage:
        for message in self._content("whatsapp"):
            if wanted in (message.id, message.message) and in_conversation(message, None, to):
                return message
        raise SandboxError(404, f"No WhatsApp message {wanted!r} in the conversation with {to}")


def _parties(message: SentMessage) -> tuple[str, str]:
    """(our number, the other party) of a message in either direction."""
    if message.direction == "outgoing":
        return message.from_, message.to
    return message.to, message.from_
