"""Transactional email."""

from __future__ import annotations

from contiguity_client.api import email
from contiguity_client.models import EmailSentResponse

from .._endpoint import endpoint
from .._resource import ModeT, Raw, Resource, TransportT


class Email(Resource[TransportT, ModeT]):
    """Email: ``client.email.send(to=..., from_=..., subject=..., html=...)``."""

    with_raw_response: Email[TransportT, Raw]

    send = endpoint(email.send_email_arguments, EmailSentResponse)
