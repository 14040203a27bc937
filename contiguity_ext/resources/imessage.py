"""iMessage from leased iMessage numbers: sends, typing, read receipts, tapbacks, history, replies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api.conversations import (
    check_imessage_availability,
    get_imessage_history,
    get_message,
)
from contiguity_client.api.imessage import (
    mark_imessage_read,
    react_to_imessage,
    send_imessage,
    set_imessage_typing,
)
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
    StoredMessageResponse,
    TypingRequest,
    TypingStatusResponse,
)
from contiguity_client.types import UNSET, Unset

from .._endpoint import endpoint
from .._resource import Resource, TransportT
from ._reply import reply_route, without_unset


def _imessage_reply(
    event: ImessageIncomingEvent,
    message: str | Unset = UNSET,
    *,
    attachments: list[str] | Unset = UNSET,
    fallback: ImessageFallback | Unset = UNSET,
) -> Mapping[str, Any]:
    fallback_wire = fallback.to_dict() if isinstance(fallback, ImessageFallback) else UNSET
    return without_unset(
        {**reply_route(event), "message": message, "attachments": attachments, "fallback": fallback_wire}
    )


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
