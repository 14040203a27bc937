"""Transactional email."""

from __future__ import annotations

from contiguity_client.api.email import send_email
from contiguity_client.models import EmailSentResponse, SendEmailRequest

from .._endpoint import endpoint
from .._resource import Resource, TransportT


class Email(Resource[TransportT]):
    """Email: ``client.email.send(to=..., from_=..., subject=..., html=...)``."""

    send = endpoint(send_email._get_kwargs, EmailSentResponse, body=SendEmailRequest)
