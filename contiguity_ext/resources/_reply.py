"""What every ``reply`` shares: answering an incoming webhook event on the number it reached."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.types import Unset

from .._endpoint import is_sendable, wire_form
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


def reply_body(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The body ``fields`` make: the arguments left out dropped, models in their wire form.

    Anything else (a mapping given for a model) is sent as given, and the body check that every
    send goes through refuses what does not fit the spec.
    """
    return {
        key: wire_form(value, key) if is_sendable(value) else value
        for key, value in fields.items()
        if not isinstance(value, Unset)
    }
