"""Reading the message log back: single messages, conversation histories and legacy lookups."""

from __future__ import annotations

from typing import Any

from .core import Channel, Core, SandboxError, SentMessage, iso_time
from .messaging import CONTENT_KINDS, in_conversation

__all__ = ["FREE_TIER_TEXTS", "History"]

FREE_TIER_TEXTS = 500
"""Texts a month on the free plan, which the legacy quota call reports against."""

# A text reaction is a text of its own (it has a message id); other reactions are not messages.
_STORED_KINDS = CONTENT_KINDS | {"text_reaction"}
_INCOMING_EVENT: dict[str, str] = {"text": "text.incoming.sms", "imessage": "imessage.incoming"}


def _timeline(message: SentMessage) -> list[dict[str, Any]]:
    at = iso_time(message.timestamp / 1000)
    if message.direction == "incoming":
        return [{"event": _INCOMING_EVENT[message.channel], "title": "Received", "timestamp": at}]
    return [
        {"event": f"{message.channel}.sent", "title": "Sent", "timestamp": at},
        {"event": f"{message.channel}.delivery.confirmed", "title": "Delivered", "timestamp": at},
    ]


def _delivery(message: SentMessage) -> dict[str, Any]:
    return {"status": message.status, "delayed": False, "timestamp": message.timestamp}


class History:
    def __init__(self, core: Core) -> None:
        self._core = core

    def message(self, message_id: str, *, tracking: bool) -> dict[str, Any]:
        with self._core.lock:
            for message in self._core.log:
                if message.id == message_id and message.kind in _STORED_KINDS:
                    stored: dict[str, Any] = {
                        "id": message.id,
                        "to": message.to,
                        "from": message.from_,
                        "message": message.message,
                        "timestamp": message.timestamp,
                        "status": message.status,
                        "attachments": list(message.attachments),
                    }
                    if tracking:
                        stored["tracking"] = _timeline(message)
                    return stored
        raise SandboxError(404, f"No message with id {message_id!r}")

    def text(self, to: str, from_: str, limit: int, *, tracking: bool) -> dict[str, Any]:
        with self._core.lock:
            everything, reactions = self._conversation("text", from_, to)
            page = everything[:limit]
            return {
                "conversation": [self._text_entry(m, tracking) for m in page],
                "reactions": reactions,
                "chat": {"limit": limit, "total": len(page), "count": len(everything)},
            }

    def imessage(self, to: str, from_: str, limit: int, *, tracking: bool) -> dict[str, Any]:
        with self._core.lock:
            everything, reactions = self._conversation("imessage", from_, to)
            page = everything[:limit]
            conversation = []
            for message in page:
                entry = self._text_entry(message, tracking)
                entry["read"] = message.read_at
                entry["risk"] = {"auto_reported_as_spam": False, "marked_as_spam": False}
                conversation.append(entry)
            return {
                "conversation": conversation,
                "reactions": reactions,
                "chat": {
                    "filtered": False,
                    "chat_marked_as_spam": False,
                    "limit": limit,
                    "total": len(everything),
                    "count": len(page),
                },
            }

    @staticmethod
    def imessage_availability(to: str) -> dict[str, Any]:
        """Sandbox rule, so both answers can be tried: numbers ending in an even digit have iMessage."""
        return {"available": int(to[-1]) % 2 == 0}

    def email_status(self, email_id: str) -> dict[str, Any]:
        with self._core.lock:
            for message in self._core.log:
                if message.id == email_id and message.kind == "email":
                    return {
                        "email_id": message.id,
                        "to": message.to,
                        "subject": message.details["subject"],
                        "status": "delivered",
                        "delivered": True,
                        "opened": False,
                        "timestamp": message.timestamp,
                    }
        raise SandboxError(404, f"Couldn't find an email with id {email_id!r}")

    def quota(self) -> dict[str, Any]:
        with self._core.lock:
            used = sum(1 for m in self._core.log if m.channel == "text" and m.direction == "outgoing")
        return {
            "plan": "free",
            "quota": used,
            "remaining": max(FREE_TIER_TEXTS - used, 0),
            "type": "sms",
            "ad": False,
        }

    def _conversation(
        self, channel: Channel, ours: str, other: str
    ) -> tuple[list[SentMessage], list[dict[str, Any]]]:
        """The conversation's messages and its reactions, both newest first."""
        messages: list[SentMessage] = []
        reactions: list[dict[str, Any]] = []
        for message in reversed(self._core.log):
            if message.channel != channel or not in_conversation(message, ours, other):
                continue
            if message.kind in CONTENT_KINDS:
                messages.append(message)
            elif message.kind.endswith("_reaction"):
                reactions.append(
                    {
                        "reaction": message.details["reaction"],
                        "on": message.details["on"],
                        "timestamp": message.timestamp,
                        "action": "added" if message.details["action"] == "add" else "removed",
                        "from": message.from_,
                    }
                )
        return messages, reactions

    @staticmethod
    def _text_entry(message: SentMessage, tracking: bool) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "to": message.to,
            "from": message.from_,
            "message": message.message,
            "timestamp": message.timestamp,
            "delivery": _delivery(message),
            "attachments": list(message.attachments),
        }
        if tracking:
            entry["tracking"] = _timeline(message)
        return entry
