"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ...models.reaction_action import ReactionAction, check_reaction_action
from ...models.send_whatsapp_request import SendWhatsappRequest
from ...models.typing_action import TypingAction, check_typing_action
from ...models.typing_request import TypingRequest
from ...models.whatsapp_fallback import WhatsappFallback
from ...models.whatsapp_reaction_request import WhatsappReactionRequest
from ...types import UNSET, Unset


def send_whatsapp_arguments(
    *,
    to: str,
    message: str,
    from_: None | str | Unset = UNSET,
    fallback: None | Unset | WhatsappFallback = UNSET,
    attachments: list[str] | None | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Send a WhatsApp message

    Sends a WhatsApp message from one of your leased WhatsApp numbers, optionally falling back
    to SMS/RCS.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        message (str):
        from_ (None | str | Unset): One of your leased WhatsApp numbers; a random one of yours
            otherwise.
        fallback (None | Unset | WhatsappFallback):
        attachments (list[str] | None | Unset): Up to 10 media URLs, 50 MB in total.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `send_whatsapp._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": SendWhatsappRequest(
            to=to,
            message=message,
            from_=from_,
            fallback=fallback,
            attachments=attachments,
        ),
    }


def set_whatsapp_typing_arguments(
    *,
    to: str,
    action: TypingAction,
    from_: None | str | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Show or hide the WhatsApp typing indicator

    Starts or stops the typing indicator in a WhatsApp conversation.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        action (TypingAction): Whether to start or stop the indicator.
        from_ (None | str | Unset):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `set_whatsapp_typing._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": TypingRequest(
            to=to,
            action=action,
            from_=from_,
        ),
    }


def react_to_whatsapp_arguments(
    *,
    to: str,
    action: ReactionAction,
    reaction: None | str | Unset = UNSET,
    message: None | str | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Add or remove a WhatsApp reaction

    Adds or removes an emoji reaction on a WhatsApp message, identified by its WhatsApp id
    or its full text.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        action (ReactionAction): Whether to add or remove the reaction.
        reaction (None | str | Unset): An emoji, or a shortcode such as `:thumbs_up:`.
        message (None | str | Unset): The WhatsApp message id, or the message's full text.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `react_to_whatsapp._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": WhatsappReactionRequest(
            to=to,
            action=action,
            reaction=reaction,
            message=message,
        ),
    }
