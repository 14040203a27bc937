"""WhatsApp from leased WhatsApp numbers: sends, typing, reactions, replies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api import whatsapp
from contiguity_client.models import (
    ChatActionResponse,
    ImessageIncomingEvent,
    MessageSentResponse,
    TextIncomingSmsEvent,
    TypingStatusResponse,
    WebhookEvent,
    WhatsappFallback,
)
from contiguity_client.types import UNSET, Unset
from typing_extensions import Unpack

from .._endpoint import endpoint
from .._resource import ModeT, Raw, Resource, TransportT
from ..types import RequestOptions
from ._reply import reply_body, reply_route


def _whatsapp_reply(
    event: WebhookEvent | TextIncomingSmsEvent | ImessageIncomingEvent,
    message: str,
    *,
    fallback: WhatsappFallback | Unset = UNSET,
    **_options: Unpack[RequestOptions],
) -> Mapping[str, Any]:
    return reply_body({**reply_route(event), "message": message, "fallback": fallback})


class WhatsApp(Resource[TransportT, ModeT]):
    """WhatsApp from your leased WhatsApp numbers."""

    with_raw_response: WhatsApp[TransportT, Raw]

    send = endpoint(whatsapp.send_whatsapp_arguments, MessageSentResponse)
    typing = endpoint(whatsapp.set_whatsapp_typing_arguments, TypingStatusResponse)
    react = endpoint(whatsapp.react_to_whatsapp_arguments, ChatActionResponse)
    reply = endpoint(whatsapp.send_whatsapp_arguments, MessageSentResponse, body=_whatsapp_reply)
