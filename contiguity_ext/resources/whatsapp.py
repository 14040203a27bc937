"""WhatsApp from leased WhatsApp numbers: sends, typing, reactions, replies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api.whatsapp import react_to_whatsapp, send_whatsapp, set_whatsapp_typing
from contiguity_client.models import (
    ChatActionResponse,
    ImessageIncomingEvent,
    MessageSentResponse,
    SendWhatsappRequest,
    TextIncomingSmsEvent,
    TypingRequest,
    TypingStatusResponse,
    WebhookEvent,
    WhatsappFallback,
    WhatsappReactionRequest,
)
from contiguity_client.types import UNSET, Unset

from .._endpoint import endpoint
from .._resource import Resource, TransportT
from ._reply import reply_route, without_unset


def _whatsapp_reply(
    event: WebhookEvent | TextIncomingSmsEvent | ImessageIncomingEvent,
    message: str,
    *,
    fallback: WhatsappFallback | Unset = UNSET,
) -> Mapping[str, Any]:
    fallback_wire = fallback.to_dict() if isinstance(fallback, WhatsappFallback) else UNSET
    return without_unset({**reply_route(event), "message": message, "fallback": fallback_wire})


class WhatsApp(Resource[TransportT]):
    """WhatsApp from your leased WhatsApp numbers."""

    send = endpoint(send_whatsapp._get_kwargs, MessageSentResponse, body=SendWhatsappRequest)
    typing = endpoint(set_whatsapp_typing._get_kwargs, TypingStatusResponse, body=TypingRequest)
    react = endpoint(react_to_whatsapp._get_kwargs, ChatActionResponse, body=WhatsappReactionRequest)
    reply = endpoint(send_whatsapp._get_kwargs, MessageSentResponse, body=_whatsapp_reply)
