"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any

import httpx

from ...types import UNSET, Unset


def get_message_arguments(
    id: str,
    *,
    tracking: bool | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Fetch one message

    Returns one stored message of any channel: an outgoing one by the id its send returned,
    or an incoming one by its webhook event id.

    Args:
        id (str):
        tracking (bool | Unset):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_message._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "id": id,
        "tracking": tracking,
    }


def get_text_history_arguments(
    to: str,
    from_: str,
    limit: int = 20,
    *,
    tracking: bool | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """SMS/MMS conversation history

    Returns the latest messages between one of your numbers and another party, as far as
    Contiguity processed them (your sends and inbound messages delivered by webhook).

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        limit (int):  Default: 20.
        tracking (bool | Unset):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_text_history._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "to": to,
        "from_": from_,
        "limit": limit,
        "tracking": tracking,
    }


def get_imessage_history_arguments(
    to: str,
    from_: str,
    limit: int = 20,
    *,
    tracking: bool | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """iMessage conversation history

    Returns the latest iMessages between one of your iMessage numbers and another party.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        limit (int):  Default: 20.
        tracking (bool | Unset):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_imessage_history._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "to": to,
        "from_": from_,
        "limit": limit,
        "tracking": tracking,
    }


def check_imessage_availability_arguments(
    to: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Check whether a number can receive iMessage

    A live check; it needs at least one leased iMessage-capable number on the account.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `check_imessage_availability._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "to": to,
    }
