"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ...models.imessage_fallback import ImessageFallback
from ...models.imessage_reaction_request import ImessageReactionRequest
from ...models.imessage_read_request import ImessageReadRequest
from ...models.reaction_action import ReactionAction, check_reaction_action
from ...models.send_imessage_request import SendImessageRequest
from ...models.tapback import Tapback, check_tapback
from ...models.typing_action import TypingAction, check_typing_action
from ...models.typing_request import TypingRequest
from ...types import UNSET, Unset


def send_imessage_arguments(
    *,
    to: str,
    from_: None | str | Unset = UNSET,
    message: str | Unset = UNSET,
    fallback: ImessageFallback | None | Unset = UNSET,
    attachments: list[str] | None | Unset = UNSET,
    fast_track: bool | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Send an iMessage

    Sends an iMessage from one of your leased iMessage numbers, optionally falling back to
    SMS/RCS when the recipient cannot receive iMessage or delivery fails.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (None | str | Unset): One of your leased iMessage numbers; a random one of yours
            otherwise.
        message (str | Unset): Text, with `**bold**`, `_italic_`, `~~strike~~` and `__underline__`
            styling.
        fallback (ImessageFallback | None | Unset):
        attachments (list[str] | None | Unset): Up to 10 media URLs, 50 MB in total.
        fast_track (bool | Unset): Bypass the per-line rate limit (needs the `fast_track`
            entitlement).
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `send_imessage._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": SendImessageRequest(
            to=to,
            from_=from_,
            message=message,
            fallback=fallback,
            attachments=attachments,
            fast_track=fast_track,
        ),
    }


def set_imessage_typing_arguments(
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
    """Show or hide the iMessage typing indicator

    Starts or stops the typing indicator in an iMessage conversation.

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
        The keyword arguments of `set_imessage_typing._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": TypingRequest(
            to=to,
            action=action,
            from_=from_,
        ),
    }


def mark_imessage_read_arguments(
    *,
    to: str,
    from_: str,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Send an iMessage read receipt

    Marks the conversation between `from` (your number) and `to` as read.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `mark_imessage_read._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": ImessageReadRequest(
            to=to,
            from_=from_,
        ),
    }


def react_to_imessage_arguments(
    *,
    to: str,
    from_: str,
    action: ReactionAction,
    tapback: Tapback,
    message: str,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Add or remove an iMessage tapback

    Adds or removes a tapback on the most recent message in the conversation whose text is
    exactly `message`.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        action (ReactionAction): Whether to add or remove the reaction.
        tapback (Tapback): iMessage tapback.
        message (str): Full text of the message reacted to; the latest match is used.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `react_to_imessage._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": ImessageReactionRequest(
            to=to,
            from_=from_,
            action=action,
            tapback=tapback,
            message=message,
        ),
    }
