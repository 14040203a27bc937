"""Typed dictionaries that calls accept: the original SDK's dict-style parameters, number
filters and per-call options.

Under ``mypy --strict`` a misspelt key or a wrong value type in a call such as
``client.send.text({...})`` or ``client.numbers.available(channels=...)`` is a type error; at run
time the same mistakes raise :class:`~contiguity_ext.errors.ValidationError` before anything is sent.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Literal

import httpx
from typing_extensions import NotRequired, TypedDict

OtpLanguage = Literal[
    "en", "af", "ar", "ca", "zh", "zh-hk", "hr", "cs", "da", "nl", "fi", "fr", "de", "el", "he",
    "hi", "hu", "id", "it", "ja", "ko", "ms", "nb", "pl", "pt", "pt-br", "ro", "ru", "es", "sv",
    "tl", "th", "tr", "vi",
]  # fmt: skip

# "from" is a Python keyword, hence the functional syntax.
SendTextParams = TypedDict(
    "SendTextParams",
    {
        "to": str,
        "message": NotRequired[str],
        "from": NotRequired[str],
        "attachments": NotRequired[list[str]],
        "fast_track": NotRequired[bool],
    },
)
"""``client.send.text``: ``to`` plus ``message`` and/or up to 3 MMS ``attachments``."""

SendEmailParams = TypedDict(
    "SendEmailParams",
    {
        "to": str | list[str],
        "from": str,
        "subject": str,
        "text": NotRequired[str],
        "html": NotRequired[str],
        "replyTo": NotRequired[str],
        "reply_to": NotRequired[str],
        "cc": NotRequired[str | list[str]],
        "bcc": NotRequired[str | list[str]],
        "headers": NotRequired[dict[str, str]],
    },
)
"""``client.send.email``: ``text`` and/or ``html``; ``replyTo`` is the original SDK's spelling."""


class SendOtpParams(TypedDict):
    """``client.otp.send``."""

    to: str
    language: OtpLanguage
    name: NotRequired[str]


class VerifyOtpParams(TypedDict):
    """``client.otp.verify``."""

    otp_id: str
    otp: str


class ResendOtpParams(TypedDict):
    """``client.otp.resend``."""

    otp_id: str


class NumberFilter(TypedDict, total=False):
    """``client.numbers.available(...)`` and ``leased(...)``: every criterion given must match.

    ``channels`` are all required (``["sms", "imessage"]`` keeps numbers offering both); place
    names compare case-insensitively.
    """

    status: str
    channels: Collection[str]
    country: str
    region: str
    city: str


class RequestOptions(TypedDict, total=False):
    """Per-call options every operation accepts as keyword arguments; each affects that call only.

    ``timeout`` and ``max_retries`` replace the client's; ``extra_headers`` and ``extra_query``
    are added to the request (``Authorization`` cannot be replaced); ``extra_body`` is merged
    into the JSON body before it is validated, for fields newer than this SDK.
    """

    timeout: float | httpx.Timeout | None
    max_retries: int | None
    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, str] | None
    extra_body: Mapping[str, object] | None
