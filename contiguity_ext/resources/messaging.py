"""Text (SMS/MMS), iMessage and WhatsApp, including replies to incoming webhook events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api.conversations import (
    check_imessage_availability,
    get_imessage_history,
    get_message,
    get_text_history,
)
from contiguity_client.api.imessage import (
    mark_imessage_read,
    react_to_imessage,
    send_imessage,
    set_imessage_typing,
)
from contiguity_client.api.text import react_to_text, send_text
from contiguity_client.api.whatsapp import react_to_whatsapp, send_whatsapp, set_whatsapp_typing
from contiguity_client.models import (
    ChatActionResponse,
    ImessageAvailabilityResponse,
    ImessageFallback,
    ImessageHistoryResponse,
    ImessageIncomingEvent,
    ImessageReactionRequest,
    ImessageReadRequest,
    MessageSentResponse,
    SendImessageRequest,
    SendTextRequest,
    SendWhatsappRequest,
    StoredMessageResponse,
    TextHistoryResponse,
    TextIncomingMmsEvent,
    TextIncomingSmsEvent,
    TextReactionRequest,
    TypingRequest,
    TypingStatusResponse,
    WebhookEvent,
    WhatsappFallback,
    WhatsappReactionRequest,
)
from contiguity_client.types import UNSET, Unset

from .._endpoint import endpoint
from .._resource import Resource, TransportT
from ..errors import ValidationError


def _reply_route(event: Any) -> Mapping[str, Any]:
    """``to``/``from`` that answer an incoming event on the number it reached."""
    data = getattr(event, "data", None)
    # Events without a published schema parse as WebhookEvent, whose data keeps raw keys.
    raw = getattr(data, "additional_properties", {})
    sender = getattr(data, "from_", None) or raw.get("from")
    receiver = getattr(data, "to", None) or raw.get("to")
    if not isinstance(sender, str) or not isinstance(receiver, str):
        raise ValidationError("event has no data.from/data.to to reply to", field="event")
    return {"to": sender, "from": receiver}


def _text_reply(
    event: TextIncomingSmsEvent | TextIncomingMmsEvent,
    message: str | Unset = UNSET,
    *,
    attachments: list[str] | Unset = UNSET,
) -> Mapping[str, Any]:
    return _without_unset({**_reply_route(event), "message": message, "attachments": attachments})


def _imessage_reply(
    event: ImessageIncomingEvent,
    message: str | Unset = UNSET,
    *,
    attachments: list[str] | Unset = UNSET,
    fallback: ImessageFallback | Unset = UNSET,
) -> Mapping[str, Any]:
    fallback_wire = fallback.to_dict() if isinstance(fallback, ImessageFallback) else UNSET
    return _without_unset(
        {**_reply_route(event), "message": message, "attachments": attachments, "fallback": fallback_wire}
    )


def _whatsapp_reply(
    event: WebhookEvent | TextIncomingSmsEvent | ImessageIncomingEvent,
    message: str,
    *,
    fallback: WhatsappFallback | Unset = UNSET,
) -> Mapping[str, Any]:
    fallback_wire = fallback.to_dict() if isinstance(fallback, WhatsappFallback) else UNSET
    return _without_unset({**_reply_route(event), "message": message, "fallback": fallback_wire})


def _without_unset(wire: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in wire.items() if not isinstance(value, Unset)}


class Text(Resource[TransportT]):
    """SMS and MMS: ``client.text.send(to=..., message=...)``."""

    send = endpoint(send_text._get_kwargs, MessageSentResponse, body=SendTextRequest)
    react = endpoint(react_to_text._get_kwargs, MessageSentResponse, body=TextReactionRequest)
    get = endpoint(get_message._get_kwargs, StoredMessageResponse)
    history = endpoint(get_text_history._get_kwargs, TextHistoryResponse)
    reply = endpoint(send_text._get_kwargs, MessageSentResponse, body=_text_reply)


class IMessage(Resource[TransportT]):
    """iMessage from your leased iMessage numbers."""

    send = endpoint(send_imessage._get_kwargs, MessageSentResponse, body=SendImessageRequest)
    typing = endpoint(set_imessage_typing._get_kwargs, TypingStatusResponse, body=TypingRequest)
    read = endpoint(mark_imessage_read._get_kwargs, ChatActionResponse, body=ImessageReadRequest)
    react = endpoint(react_to_imessage._get_kwargs, ChatActionResponse, body=ImessageReactionRequest)
    get = endpoint(get_message._get_kwargs, StoredMessageResponse)
    history = endpoint(get_imessage_history._get_kwargs, ImessageHistoryResponse)
    availability = endpoint(check_imessage_availability._get_kwargs, ImessageAvailabilityResponse)
    reply = endpoint(send_imessage._get_kwargs, MessageSentResponse, body=_imessage_reply)


class WhatsApp(Resource[TransportT]):
    """WhatsApp from your leased WhatsApp numbers."""

    send = endpoint(send_whatsapp._get_kwargs, MessageSentResponse, body=SendWhatsappRequest)
    typing = endpoint(set_whatsapp_typing._get_kwargs, TypingStatusResponse, body=TypingRequest)
    react = endpoint(react_to_whatsapp._get_kwargs, ChatActionResponse, body=WhatsappReactionRequest)
    reply = endpoint(send_whatsapp._get_kwargs, MessageSentResponse, body=_whatsapp_reply)
