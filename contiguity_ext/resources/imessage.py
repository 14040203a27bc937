"""iMessage from leased iMessage numbers: sends, typing, read receipts, tapbacks, history, replies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api import conversations, imessage
from contiguity_client.models import (
    ChatActionResponse,
    ImessageAvailabilityResponse,
    ImessageFallback,
    ImessageHistoryResponse,
    ImessageIncomingEvent,
    MessageSentResponse,
    StoredMessageResponse,
    TypingStatusResponse,
)
from contiguity_client.types import UNSET, Unset
from typing_extensions import Unpack

from .._endpoint import endpoint
from .._resource import ModeT, Raw, Resource, TransportT
from ..types import RequestOptions
from ._reply import reply_body, reply_route


def _imessage_reply(
    event: ImessageIncomingEvent,
    message: str | Unset = UNSET,
    *,
    attachments: list[str] | Unset = UNSET,
    fallback: ImessageFallback | Unset = UNSET,
    **_options: Unpack[RequestOptions],
) -> Mapping[str, Any]:
    return reply_body(
        {**reply_route(event), "message": message, "attachments": attachments, "fallback": fallback}
    )


class IMessage(Resource[TransportT, ModeT]):
    """iMessage from your leased iMessage numbers."""

    with_raw_response: IMessage[TransportT, Raw]

    send = endpoint(imessage.send_imessage_arguments, MessageSentResponse)
    typing = endpoint(imessage.set_imessage_typing_arguments, TypingStatusResponse)
    read = endpoint(imessage.mark_imessage_read_arguments, ChatActionResponse)
    react = endpoint(imessage.react_to_imessage_arguments, ChatActionResponse)
    get = endpoint(conversations.get_message_arguments, StoredMessageResponse)
    history = endpoint(conversations.get_imessage_history_arguments, ImessageHistoryResponse)
    availability = endpoint(conversations.check_imessage_availability_arguments, ImessageAvailabilityResponse)
    reply = endpoint(imessage.send_imessage_arguments, MessageSentResponse, body=_imessage_reply)
