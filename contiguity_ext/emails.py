"""Email address checks, done locally with ``email-validator``.

:func:`check_email` validates and normalises one address (a ``to``, ``cc``, ``bcc`` or
``reply_to`` value); :func:`is_email` is the yes/no check behind ``client.verify.email`` and
the spec's ``email`` format. Both look at syntax only: no DNS query is ever made, so an address on a
domain that does not exist still passes.

Decisions:

* Only bare addresses are accepted. ``Name <addr@example.com>`` is rejected: the API documents
  a display name only for the email ``from`` field, which is a sender name rather than an address
  and is not checked here.
* Surrounding whitespace is an error, not trimmed, so that a value :func:`is_email` accepts can
  be sent as it is; trim input taken from forms or files first.
* The normalised form is email-validator's: the domain lower-cased and in Unicode
  (``user@xn--mnchen-3ya.de`` becomes ``user@münchen.de``), the local part in Unicode NFC
  with its case kept, since mail servers may treat it as case-sensitive.
* Local parts longer than RFC 5321's 64 octets are accepted, as they are by email-validator's
  default, since such addresses are in use; the whole address is still capped at 254.
* Internationalised addresses (``ü@example.com``) are accepted; quoted local parts
  (``"a b"@example.com``), IP-address domains (``user@[127.0.0.1]``) and special-use domains
  such as ``.local``, ``.test`` and ``.invalid`` are not.
"""

from __future__ import annotations

from ._quote import quote
from .errors import ValidationError

__all__ = ["check_email", "is_email"]

# RFC 5321 caps an address at 254 octets; a character is at least one octet, so anything longer
# is rejected before the validator spends time on it.
_MAX_LENGTH = 254


def check_email(value: str, *, field: str | None = None) -> str:
    """Return ``value`` as a normalised email address.

    Raises :class:`~contiguity_ext.errors.ValidationError` (naming ``field``) for anything
    that is not a bare email address; nothing else escapes.

    >>> check_email("Someone@EXAMPLE.com")
    'Someone@example.com'
    """
    return _normalise(value, field)


def is_email(value: object) -> bool:
    """Whether :func:`check_email` accepts ``value``; never raises."""
    try:
        _normalise(value, None)
    except ValidationError:
        return False
    return True


def _normalise(value: object, field: str | None) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            f"expected an email address as a str, got {type(value).__name__} {quote(value)}", field=field
        )
    if len(value) > _MAX_LENGTH:
        raise ValidationError(
            f"{quote(value)} is longer than {_MAX_LENGTH} characters, too long to be an email address",
            field=field,
        )
    # Imported on first use: loading email-validator compiles its RFC regular expressions
    # (some 30-40 ms of every `login()`), and most programs never check an address.
    from email_validator import validate_email

    try:
        # Every option is passed so that module-level defaults changed elsewhere in the process
        # (email_validator.CHECK_DELIVERABILITY and friends) cannot change what is accepted, and
        # deliverability is never checked, so no DNS query is ever made.
        validated = validate_email(
            value,
            check_deliverability=False,
            allow_smtputf8=True,
            allow_empty_local=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
            strict=False,
            globally_deliverable=True,
            test_environment=False,
        )
    except ValueError as exc:  # EmailNotValidError, or any other ValueError: nothing else escapes
        raise ValidationError(f"{quote(value)} is not a valid email address: {exc}", field=field) from exc
    return validated.normalized
