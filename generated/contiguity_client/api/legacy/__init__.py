"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any

import httpx

from ...types import UNSET, Unset


def get_quota_arguments(
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Get the account's quota (v1 API)

    The original SDK's `quota.retrieve()`. Served only by the legacy v1 host; the answer is a
    v1 object with the plan and quota figures rather than a `SuccessEnvelope`.

    Args:
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_quota._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {}


def get_email_status_arguments(
    id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Get a tracked email's status (v1 analytics)

    The original SDK's `email_analytics.retrieve(id)`: delivery and read status of a tracked
    HTML email, served by the legacy analytics host. The answer's fields are not published,
    so they are kept as received.

    Args:
        id (str):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_email_status._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "id": id,
    }
