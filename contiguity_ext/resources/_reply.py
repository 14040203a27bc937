"""What every ``reply`` shares: answering an incoming webhook event on the number it reached."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.types import Unset

from ..errors import ValidationError


def reply_route(event: Any) -> Mapping[str, Any]:
    """``to``/``from`` that answer an incoming event on the number it reached."""
    data = getattr(event, "data", None)
    # Events without a published schema parse as WebhookEvent, whose data keeps raw keys.
    raw = getattr(data, "additional_properties", {})
    sender = getattr(data, "from_", None) or raw.get("from")
    receiver = getattr(data, "to", None) or raw.get("to")
    if not isinstance(sender, str) or not isinstance(receiver, str):
        raise ValidationError("event has no data.from/data.to to reply to", field="event")
    return {"to": sender, "from": receiver}


def without_unset(wire: Mapping[str, Any]) -> dict[str, Any]:
    """``wire`` without the arguments the caller left out."""
    return {key: value for key, value in wire.items() if not isinstance(value, Unset)}
