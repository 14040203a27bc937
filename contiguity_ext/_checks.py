"""Checks on values that shape a request rather than fill it: URLs, path segments, options.

Each raises :class:`~contiguity_ext.errors.ValidationError` naming the field, before anything
is sent, so that no value a caller passes can change a request's host, path structure or query.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from typing import Any

import httpx

from ._quote import quote
from .errors import ValidationError

__all__ = [
    "MAX_RETRIES_LIMIT",
    "check_base_url",
    "check_max_retries",
    "check_params",
    "check_path_segment",
    "check_timeout",
]

MAX_RETRIES_LIMIT = 10
"""The most retries a client or a call may ask for: with 8 s between attempts at most, ten
retries already wait over a minute, and far larger counts overflow the backoff computation."""

# Segments a URL resolver removes or uses to climb (RFC 3986, 5.2.4): "/domains/.." is "/".
_DOT_SEGMENTS = frozenset({".", ".."})


def check_path_segment(value: object, *, field: str) -> None:
    """Refuse a path parameter that a server or proxy would normalise away.

    Path parameters are percent-encoded, ``/`` included, so each stays one segment; but ``.``
    and ``..`` survive encoding and are removed by URL normalisation, turning
    ``DELETE /domains/..`` into ``DELETE /``. They are refused rather than encoded (``%2E``),
    because servers commonly decode that back into a dot before normalising. Compatibility forms
    that fold into dots (full-width ``．．``) are refused too.
    """
    if isinstance(value, str) and unicodedata.normalize("NFKC", value) in _DOT_SEGMENTS:
        raise ValidationError(
            f"{quote(value)} is a relative path segment, which would change the request's path", field=field
        )


def check_base_url(value: str) -> str:
    """``value`` as ``http(s)://host[:port][/path]`` without a trailing slash.

    A query or fragment would end up in the middle of every request's path, and credentials
    (``user:password@``) make httpx replace the ``Authorization`` header, so all three are
    refused, as is anything but printable ASCII (internationalised hosts must be written in
    their ``xn--`` form).
    """
    field = "base_url"
    if not isinstance(value, str):
        raise ValidationError(f"must be a str, not {type(value).__name__}", field=field)
    value = value.strip().rstrip("/")
    if not value.startswith(("http://", "https://")):
        raise ValidationError("must start with http:// or https://", field=field)
    if not (value.isascii() and value.isprintable()) or " " in value:
        raise ValidationError("must be printable ASCII without spaces", field=field)
    for character, part in (("?", "a query"), ("#", "a fragment")):
        if character in value:
            raise ValidationError(f"must be http(s)://host[:port][/path], without {part}", field=field)
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL as error:
        raise ValidationError(str(error), field=field) from None
    if url.userinfo:
        raise ValidationError(
            "must not carry credentials (user:password@); the client sends its token itself", field=field
        )
    if not url.host:
        raise ValidationError("has no host", field=field)
    # Checked on the text: httpx would quietly resolve the dot segments while parsing.
    if any(segment in _DOT_SEGMENTS for segment in value.split("/")[3:]):
        raise ValidationError("must not contain . or .. path segments", field=field)
    return value


def check_timeout(value: object, *, field: str = "timeout") -> httpx.Timeout:
    """``value`` as an :class:`httpx.Timeout`: seconds (a positive finite number) or a Timeout.

    An ``httpx.Timeout`` is taken as it is, with each of its limits checked the same way
    (``None`` there means no limit, as in httpx).
    """
    if isinstance(value, httpx.Timeout):
        for part in ("connect", "read", "write", "pool"):
            limit = getattr(value, part)
            if limit is not None:
                _check_seconds(limit, f"{field}.{part}")
        return value
    return httpx.Timeout(_check_seconds(value, field))


def _check_seconds(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(
            f"must be a number of seconds or an httpx.Timeout, not {type(value).__name__}", field=field
        )
    if not math.isfinite(value) or value <= 0:
        raise ValidationError(f"must be a positive, finite number of seconds, got {value!r}", field=field)
    return float(value)


def check_max_retries(value: object, *, field: str = "max_retries") -> int:
    """``value`` as a retry count: an int from 0 (no retries) to :data:`MAX_RETRIES_LIMIT`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            f"must be an int from 0 to {MAX_RETRIES_LIMIT}, not {type(value).__name__}", field=field
        )
    if not 0 <= value <= MAX_RETRIES_LIMIT:
        raise ValidationError(f"must be from 0 (no retries) to {MAX_RETRIES_LIMIT}, got {value}", field=field)
    return value


def check_params(value: object) -> dict[str, Any]:
    """A copy of the dict the original SDK's calls take (``send.text({...})``, ``otp.send({...})``)."""
    if not isinstance(value, Mapping):
        raise ValidationError(f"expected a dict of parameters, got {type(value).__name__}", field="params")
    return dict(value)
