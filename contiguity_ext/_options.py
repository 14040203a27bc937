"""Per-call options (:class:`~contiguity_ext.types.RequestOptions`), checked before sending."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import httpx

from ._checks import check_max_retries, check_timeout
from ._transport import check_headers
from .errors import ValidationError

# The keys of types.RequestOptions, spelt out: importing it here would load typing_extensions
# at login().
OPTION_NAMES = frozenset({"timeout", "max_retries", "extra_headers", "extra_query", "extra_body"})


class CallOptions(NamedTuple):
    """The options one call was given, checked and in the form the request needs."""

    timeout: httpx.Timeout | None
    max_retries: int | None
    headers: dict[str, str] | None
    query: dict[str, str] | None
    body: dict[str, object] | None


def pop_options(kwargs: dict[str, Any]) -> CallOptions | None:
    """Remove the per-call options from ``kwargs``; None when none was given a value."""
    timeout = kwargs.pop("timeout", None)
    max_retries = kwargs.pop("max_retries", None)
    headers = kwargs.pop("extra_headers", None)
    query = kwargs.pop("extra_query", None)
    body = kwargs.pop("extra_body", None)
    if timeout is None and max_retries is None and headers is None and query is None and body is None:
        return None
    return CallOptions(
        None if timeout is None else check_timeout(timeout),
        None if max_retries is None else check_max_retries(max_retries),
        None if headers is None else check_headers(headers, field="extra_headers"),
        None if query is None else _string_mapping(query, "extra_query"),
        None if body is None else _body_fields(body),
    )


def _string_mapping(value: object, field: str) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    ):
        raise ValidationError("must be a mapping of str to str", field=field)
    return dict(value)


def _body_fields(value: object) -> dict[str, object]:
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise ValidationError("must be a mapping with str keys", field="extra_body")
    return dict(value)
