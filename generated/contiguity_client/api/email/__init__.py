"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ...models.email_body_parts import EmailBodyParts
from ...models.email_headers import EmailHeaders
from ...models.send_email_request import SendEmailRequest
from ...types import UNSET, Unset


def send_email_arguments(
    *,
    to: list[str] | str,
    from_: str,
    subject: str,
    text: None | str | Unset = UNSET,
    html: None | str | Unset = UNSET,
    body: EmailBodyParts | None | Unset = UNSET,
    reply_to: None | str | Unset = UNSET,
    cc: list[str] | None | str | Unset = UNSET,
    bcc: list[str] | None | str | Unset = UNSET,
    headers: EmailHeaders | None | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Send an email

    Sends an email with a `text` body, an `html` body, or both. Without a verified domain
    `from` may only be a display name; with one, any address on that domain may be used.

    Args:
        to (list[str] | str): One address, or a list of up to 10.
        from_ (str): `Name <address@your-domain>`, a bare address on a verified domain, or a
            display name.
        subject (str):
        text (None | str | Unset): Plain-text body.
        html (None | str | Unset): HTML body.
        body (EmailBodyParts | None | Unset): Former nested form of `text` and `html`; send those
            at the top level instead.
        reply_to (None | str | Unset): Address replies should go to.
        cc (list[str] | None | str | Unset):
        bcc (list[str] | None | str | Unset):
        headers (EmailHeaders | None | Unset):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `send_email._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": SendEmailRequest(
            to=to,
            from_=from_,
            subject=subject,
            text=text,
            html=html,
            body=body,
            reply_to=reply_to,
            cc=cc,
            bcc=bcc,
            headers=headers,
        ),
    }
