"""Text: SMS and MMS, their reactions, stored messages and history, and replies to incoming texts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api.conversations import get_message, get_text_history
from contiguity_client.api.text import react_to_text, send_text
from contiguity_client.models import (
    MessageSentResponse,
    SendTextRequest,
    StoredMessageResponse,
    TextHistoryResponse,
    TextIncomingMmsEvent,
    TextIncomingSmsEvent,
    TextReactionRequest,
)
from contiguity_client.types import UNSET, Unset

from .._endpoint import endpoint
from .._resource import Resource, TransportT
from ._reply import reply_route, without_unset


def _text_reply(
    event: TextIncomingSmsEvent | TextIncomingMmsEvent,
    message: str | Unset = UNSET,
    *,
    attachments: list[str] | Unset = UNSET,
) -> Mapping[str, Any]:
    return without_unset({**reply_route(event), "message": message, "attachments": attachments})


class Text(Resource[TransportT]):
    """SMS and MMS: ``client.text.send(to=..., message=...)``."""

    send = endpoint(send_text._get_kwargs, MessageSentResponse, body=SendTextRequest)
    react = endpoint(react_to_text._get_kwargs, MessageSentResponse, body=TextReactionRequest)
    get = endpoint(get_message._get_kwargs, StoredMessageResponse)
    history = endpoint(get_text_history._get_kwargs, TextHistoryResponse)
    reply = endpoint(send_text._get_kwargs, MessageSentResponse, body=_text_reply)
