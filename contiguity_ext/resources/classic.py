"""The original SDK's dict-style surface, speaking the current API.

``client.send.text({...})`` and ``client.send.email({...})`` are the same operations as
``client.text.send(...)`` and ``client.email.send(...)``; they take the original SDK's
dictionaries (``replyTo`` included) instead of keyword arguments.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from contiguity_client.api import email, text
from contiguity_client.models import EmailSentResponse, MessageSentResponse
from typing_extensions import Unpack

from .._checks import check_params
from .._endpoint import endpoint
from .._resource import ModeT, Raw, Resource, TransportT
from ..emails import is_email
from ..errors import ValidationError
from ..phone import is_phone_number
from ..templates import read_template
from ..types import RequestOptions, SendEmailParams, SendTextParams

# Keys of the original SDK that the current API spells differently.
_EMAIL_ALIASES = {"replyTo": "reply_to"}


def _text_params(params: SendTextParams, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
    return check_params(params)


def _email_params(params: SendEmailParams, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
    wire = check_params(params)
    for old, new in _EMAIL_ALIASES.items():
        if old in wire:
            if new in wire:
                raise ValidationError(f"give {old!r} or {new!r}, not both", field=old)
            wire[new] = wire.pop(old)
    return wire


class Send(Resource[TransportT, ModeT]):
    """``client.send.text({...})`` and ``client.send.email({...})``."""

    with_raw_response: Send[TransportT, Raw]

    text = endpoint(text.send_text_arguments, MessageSentResponse, body=_text_params)
    email = endpoint(email.send_email_arguments, EmailSentResponse, body=_email_params)


class Verify:
    """Local format checks; nothing is sent."""

    def __init__(self, region: str) -> None:
        self._region = region

    def number(self, number: object, *, strict: bool = False) -> bool:
        """Whether ``number`` is a possible phone number (a valid one with ``strict=True``)."""
        return is_phone_number(number, region=self._region, strict=strict)

    def email(self, address: object) -> bool:
        """Whether ``address`` is a syntactically valid email address (no DNS lookup)."""
        return is_email(address)


class Template:
    """Email templates."""

    def local(self, path: str | os.PathLike[str]) -> str:
        """The UTF-8 text of a local template file (raises TemplateError naming the path)."""
        return read_template(path)


class AsyncVerify:
    """Local format checks, awaitable so the async client's surface matches the sync one."""

    def __init__(self, region: str) -> None:
        self._verify = Verify(region)

    async def number(self, number: object, *, strict: bool = False) -> bool:
        """Whether ``number`` is a possible phone number (a valid one with ``strict=True``)."""
        return self._verify.number(number, strict=strict)

    async def email(self, address: object) -> bool:
        """Whether ``address`` is a syntactically valid email address (no DNS lookup)."""
        return self._verify.email(address)


class AsyncTemplate:
    """Email templates, awaitable so the async client's surface matches the sync one."""

    async def local(self, path: str | os.PathLike[str]) -> str:
        """The UTF-8 text of a local template file (raises TemplateError naming the path)."""
        return read_template(path)
