"""Text: SMS and MMS, their reactions, stored messages and history, and replies to incoming texts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api import conversations, text
from contiguity_client.models import (
    MessageSentResponse,
    StoredMessageResponse,
    TextHistoryResponse,
    TextIncomingMmsEvent,
    TextIncomingSmsEvent,
)
from contiguity_client.types import UNSET, Unset
from typing_extensions import Unpack

from .._endpoint import endpoint
from .._resource import ModeT, Raw, Resource, TransportT
from ..types import RequestOptions
from ._reply import reply_body, reply_route


def _text_reply(
    event: TextIncomingSmsEvent | TextIncomingMmsEvent,
    message: str | Unset = UNSET,
    *,
    attachments: list[str] | Unset = UNSET,
    **_options: Unpack[RequestOptions],
) -> Mapping[str, Any]:
    return reply_body({**reply_route(event), "message": message, "attachments": attachments})


class Text(Resource[TransportT, ModeT]):
    """SMS and MMS: ``client.text.send(to=..., message=...)``."""

    with_raw_response: Text[TransportT, Raw]

    send = endpoint(text.send_text_arguments, MessageSentResponse)
    react = endpoint(text.react_to_text_arguments, MessageSentResponse)
    get = endpoint(conversations.get_message_arguments, StoredMessageResponse)
    history = endpoint(conversations.get_text_history_arguments, TextHistoryResponse)
    reply = endpoint(text.send_text_arguments, MessageSentResponse, body=_text_reply)
