"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ...models.reaction_action import ReactionAction, check_reaction_action
from ...models.send_text_request import SendTextRequest
from ...models.text_reaction import TextReaction, check_text_reaction
from ...models.text_reaction_request import TextReactionRequest
from ...types import UNSET, Unset


def send_text_arguments(
    *,
    to: str,
    from_: None | str | Unset = UNSET,
    message: str | Unset = UNSET,
    attachments: list[str] | None | Unset = UNSET,
    fast_track: bool | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Send an SMS or MMS

    Sends `message` to `to` as an SMS, or as an MMS when `attachments` are given.
    At least one of `message` and `attachments` is required.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (None | str | Unset): One of your leased numbers to send from; a random one of yours
            otherwise.
        message (str | Unset): The text to send.
        attachments (list[str] | None | Unset): Up to 3 media URLs, 5 MB in total, which make the
            message an MMS.
        fast_track (bool | Unset): Skip queueing on a leased number (needs the `fast_track`
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
        The keyword arguments of `send_text._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": SendTextRequest(
            to=to,
            from_=from_,
            message=message,
            attachments=attachments,
            fast_track=fast_track,
        ),
    }


def react_to_text_arguments(
    *,
    reaction: TextReaction,
    action: ReactionAction,
    message_id: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,
    from_: None | str | Unset = UNSET,
    message: None | str | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """React to a text message

    Adds or removes a tapback-style reaction on an SMS or MMS. Identify the message either by
    `message_id`, or by `to` together with the exact `message` text reacted to. Each reaction is
    delivered, and billed, as one SMS.

    Args:
        reaction (TextReaction): Tapback-style reaction for SMS/MMS.
        action (ReactionAction): Whether to add or remove the reaction.
        message_id (None | str | Unset): Id of the message reacted to (`text_…`); when given the
            rest is looked up.
        to (None | str | Unset): The other party; required without `message_id`.
        from_ (None | str | Unset): Your number in the conversation.
        message (None | str | Unset): Exact text of the message reacted to; required without
            `message_id`.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `react_to_text._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": TextReactionRequest(
            reaction=reaction,
            action=action,
            message_id=message_id,
            to=to,
            from_=from_,
            message=message,
        ),
    }
