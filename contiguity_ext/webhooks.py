"""Verify and parse the webhooks Contiguity sends.

Contiguity signs every delivery with a header::

    Contiguity-Signature: t=1757916599,v1=5f2b…(64 lowercase hex digits)

``v1`` is an HMAC-SHA256 keyed with the whole webhook secret (``whsec_…``, as UTF-8 text; it is
not base64-decoded) over ``b"<t>." + raw_body``.

**Pass the raw body.** The signature covers the body byte for byte, so it must be checked
against exactly what arrived: ``await request.body()`` in Starlette/FastAPI,
``request.get_data()`` in Flask. Parsing the JSON and serialising it again changes spacing, key
order or escapes (``"é"`` vs ``"\\u00e9"``), and a genuine event then fails to verify.

Usage::

    from contiguity_ext import webhooks
    from contiguity_client.models import TextIncomingSmsEvent

    try:
        event = webhooks.construct_event(raw_body, request.headers, secret)
    except webhooks.WebhookVerificationError:
        return 400
    if isinstance(event, TextIncomingSmsEvent):
        print(event.data.from_, event.data.body)

:func:`construct_event` is :func:`verify_signature` followed by :func:`parse_event`; each can
also be used alone, and :func:`sign` builds headers for tests.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import math
import re
import time
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, NamedTuple, TypeAlias

import fastjsonschema
from contiguity_client.models import (
    EmailIncomingEvent,
    ImessageIncomingEvent,
    NumbersSubstitutionEvent,
    ReverseOtpVerifiedEvent,
    TextDeliveryConfirmedEvent,
    TextDeliveryFailedEvent,
    TextIncomingMmsEvent,
    TextIncomingSmsEvent,
    WebhookEvent,
)

from ._spec import document, lenient_components, notice_api_version
from .errors import ValidationError, WebhookVerificationError

__all__ = [
    "DEFAULT_TOLERANCE",
    "EVENT_MODELS",
    "SIGNATURE_HEADER",
    "Event",
    "KnownEvent",
    "WebhookVerificationError",
    "construct_event",
    "parse_event",
    "sign",
    "verify_signature",
]

SIGNATURE_HEADER: Final = "Contiguity-Signature"
"""The request header that carries the signature."""

DEFAULT_TOLERANCE: Final = 300
"""How far (in seconds, either way) a signature's timestamp may be from the local clock."""

KnownEvent: TypeAlias = (
    TextIncomingSmsEvent
    | TextIncomingMmsEvent
    | TextDeliveryConfirmedEvent
    | TextDeliveryFailedEvent
    | ImessageIncomingEvent
    | NumbersSubstitutionEvent
    | ReverseOtpVerifiedEvent
    | EmailIncomingEvent
)
"""An event whose ``data`` the spec describes."""

Event: TypeAlias = KnownEvent | WebhookEvent
"""Anything :func:`parse_event` returns: a known event, or the generic envelope for other types."""

EVENT_MODELS: Final[Mapping[str, type[KnownEvent]]] = MappingProxyType(
    {
        "text.incoming.sms": TextIncomingSmsEvent,
        "text.incoming.mms": TextIncomingMmsEvent,
        "text.delivery.confirmed": TextDeliveryConfirmedEvent,
        "text.delivery.failed": TextDeliveryFailedEvent,
        "imessage.incoming": ImessageIncomingEvent,
        "numbers.substitution": NumbersSubstitutionEvent,
        "otp.reverse.verified": ReverseOtpVerifiedEvent,
        "email.incoming": EmailIncomingEvent,
    }
)
"""The model :func:`parse_event` builds for each event ``type`` (the spec's ``webhooks``)."""

# One t and at least one v1 per header; values are ASCII digits / lowercase hex only. The length
# cap keeps int() far from CPython's digit limit.
_TIMESTAMP = re.compile(r"[0-9]{1,20}")
_HEX_SIGNATURE = re.compile(r"[0-9a-f]{64}")


SignatureHeaders: TypeAlias = "str | Sequence[str] | Mapping[str, str] | None"
"""What :func:`verify_signature` reads signatures from: one header value, several, or all headers."""


class _Signature(NamedTuple):
    timestamp: str
    """Exactly as sent: the signed payload starts with these digits, leading zeros included."""
    signatures: tuple[str, ...]


def sign(raw_body: bytes | str, secret: str, *, timestamp: int | None = None) -> str:
    """The ``Contiguity-Signature`` value Contiguity would send for ``raw_body``.

    For tests and local tools::

        headers = {webhooks.SIGNATURE_HEADER: webhooks.sign(body, "whsec_test")}

    ``timestamp`` defaults to now. A ``str`` body is signed as its UTF-8 bytes.
    """
    if not secret:
        raise ValidationError("must be a non-empty string", field="secret")
    if timestamp is None:
        timestamp = int(time.time())
    elif timestamp < 0:
        raise ValidationError("must be a Unix time in seconds, not negative", field="timestamp")
    body = raw_body.encode("utf-8") if isinstance(raw_body, str) else raw_body
    return f"t={timestamp},v1={_mac(secret.encode('utf-8'), str(timestamp), body)}"


def verify_signature(
    raw_body: bytes | str,
    signature_header: SignatureHeaders,
    secret: str | Sequence[str],
    tolerance: int = DEFAULT_TOLERANCE,
    *,
    now: float | None = None,
) -> bool:
    """Whether ``raw_body`` carries a valid, fresh Contiguity signature.

    ``signature_header`` is the header's value, a list of its values, or the request's whole
    headers mapping (the name is matched case-insensitively, and every value of a repeated
    header is read). Several signatures may arrive at once: several ``v1=`` values after one
    ``t=``, several ``t=...,v1=...`` groups in one header (which is how httpx and most servers
    join a repeated header), or repeated headers. ``secret`` is one secret or, while rotating,
    a list of them. The body verifies when any signature matches any secret and its
    timestamp is within ``tolerance`` seconds of ``now`` (default: the current time), which
    stops replays of old deliveries.

    Never raises for anything a delivery carries: a missing or malformed header, an empty secret
    or a body that is not bytes or text all give ``False``. Use :func:`construct_event` to learn
    why a check failed. A ``tolerance`` that is not a whole number of seconds, 0 or more, is the
    caller's mistake and raises :class:`~contiguity_ext.ValidationError`.

    ::

        if not webhooks.verify_signature(await request.body(), request.headers, secret):
            return Response(status_code=400)
    """
    _check_tolerance(tolerance)
    return _verification_failure(raw_body, signature_header, secret, tolerance, now) is None


def parse_event(raw_body: bytes | str, *, strict: bool = False) -> Event:
    """Decode a webhook body into its typed event model.

    Events of a ``type`` in :data:`EVENT_MODELS` become that model (``TextIncomingSmsEvent``,
    ...); any other type, such as one added after this SDK was released, becomes the generic
    ``WebhookEvent``. This does not check the signature; see :func:`construct_event`.

    ::

        event = webhooks.parse_event(b'{"id": "evt_1", "type": "text.incoming.sms", ...}')

    Raises :class:`WebhookVerificationError` when the body is not UTF-8 JSON, is not an event
    envelope (``id``, ``type``, ``timestamp``, ``api_version``, ``data``), or its ``data`` lacks
    a field its model needs. Like the client's answers, events from a newer API version parse:
    enum values this SDK does not know are kept as sent, and ``null`` in an optional field reads
    as absent; ``strict=True`` rejects anything the bundled spec does not allow.
    """
    payload = _decode(raw_body)
    _validate(payload, "WebhookEvent", "webhook event", strict)
    model: type[Event] = EVENT_MODELS.get(payload["type"], WebhookEvent)
    if model is not WebhookEvent:
        _validate(payload, model.__name__, f"{payload['type']} event", strict)
    notice_api_version(payload.get("api_version"), _NEWER_API_NOTICED)
    try:
        return model.from_dict(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # The schema check above should make this unreachable; it guards against the generated
        # model and the spec drifting apart.
        raise WebhookVerificationError(f"webhook body does not fit {model.__name__}: {error!r}") from error


def construct_event(
    raw_body: bytes | str,
    signature_header: SignatureHeaders,
    secret: str | Sequence[str],
    tolerance: int = DEFAULT_TOLERANCE,
    *,
    now: float | None = None,
    strict: bool = False,
) -> Event:
    """Verify a delivery's signature, then parse it: the one call a webhook endpoint needs.

    Takes the same arguments as :func:`verify_signature`, and ``strict`` as :func:`parse_event`. Raises
    :class:`WebhookVerificationError` saying why when the signature does not verify, and
    whatever :func:`parse_event` raises for a body that is not an event.

    ::

        event = webhooks.construct_event(request.get_data(), request.headers, secret)
    """
    _check_tolerance(tolerance)
    failure = _verification_failure(raw_body, signature_header, secret, tolerance, now)
    if failure is not None:
        raise WebhookVerificationError(f"webhook signature verification failed: {failure}")
    return parse_event(raw_body, strict=strict)


# ---- signatures ----------------------------------------------------------------------------


def _mac(key: bytes, timestamp: str, body: bytes) -> str:
    return hmac.new(key, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def _check_tolerance(tolerance: object) -> None:
    # The tolerance is the receiver's own setting, not something a delivery carries: a wrong one
    # is a bug to report, not a reason to refuse every delivery (a negative one would).
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or tolerance < 0:
        raise ValidationError(
            f"must be a whole number of seconds, 0 or more; got {tolerance!r}", field="tolerance"
        )


def _verification_failure(
    raw_body: object,
    signature_header: SignatureHeaders,
    secret: object,
    tolerance: int,
    now: float | None,
) -> str | None:
    """Why no signature verifies, or ``None`` when one does."""
    secrets = _secrets(secret)
    if not secrets:
        return "the webhook secret is empty"
    values = _header_values(signature_header)
    if not values:
        return f"no {SIGNATURE_HEADER} header"
    parsed = [_parse_header(value) for value in values]
    groups = [group for signatures in parsed if signatures is not None for group in signatures]
    if not groups or None in parsed:
        return f"malformed {SIGNATURE_HEADER} header (expected t=<unix seconds>,v1=<hex>)"

    clock = time.time() if now is None else now
    if not math.isfinite(clock):
        return "the current time is not a finite number"
    ages = [math.floor(clock) - int(group.timestamp) for group in groups]
    fresh = [group for group, age in zip(groups, ages, strict=True) if -tolerance <= age <= tolerance]
    if not fresh:
        age = min(ages, key=abs)
        if age > 0:
            return f"the signature is {age} s old, more than the {tolerance} s tolerance"
        return f"the signature is {-age} s in the future, more than the {tolerance} s tolerance"

    try:
        keys = [key.encode("utf-8") for key in secrets]
        body = _body_bytes(raw_body)
    except UnicodeEncodeError:
        return "the secret or body is not encodable as UTF-8"
    if body is None:
        return "the body is neither bytes nor str"
    # Compare against every candidate so the time taken does not depend on which one matched.
    matched = False
    for group in fresh:
        for key in keys:
            expected = _mac(key, group.timestamp, body)
            for candidate in group.signatures:
                matched |= hmac.compare_digest(expected, candidate)
    return None if matched else "no v1 signature matches the body and secret"


def _secrets(secret: object) -> list[str]:
    """The secrets to try: one, or several while rotating; empty when any is unusable."""
    candidates = [secret] if isinstance(secret, str) else secret
    if not isinstance(candidates, Sequence) or not candidates:
        return []
    if not all(isinstance(candidate, str) and candidate for candidate in candidates):
        return []
    return list(candidates)


def _body_bytes(raw_body: object) -> bytes | None:
    if isinstance(raw_body, str):
        return raw_body.encode("utf-8")
    if isinstance(raw_body, bytes | bytearray | memoryview):
        return bytes(raw_body)
    return None


def _header_values(source: object) -> list[str]:
    """Every value of the signature header, from a value, a list of values or a headers mapping."""
    if source is None:
        return []
    if isinstance(source, str):
        return [source]
    if not isinstance(source, Mapping):
        if isinstance(source, Sequence) and all(isinstance(value, str) for value in source):
            return list(source)
        return []
    wanted = SIGNATURE_HEADER.lower()
    try:
        # items() rather than get(): a plain dict is case-sensitive, iterating a werkzeug Headers
        # yields pairs instead of names, and multi-value mappings (werkzeug, Starlette) list a
        # repeated header once per value.
        return [
            value
            for name, value in source.items()
            if isinstance(name, str) and name.lower() == wanted and isinstance(value, str)
        ]
    except (AttributeError, TypeError, ValueError):
        return []


def _parse_header(value: str) -> list[_Signature] | None:
    """``t=<digits>,v1=<hex>[,v1=<hex>...]``, possibly several times over; ``None`` when malformed.

    Each ``t=`` starts a signature, to which the ``v1`` values after it belong (those before
    the first ``t=`` belong to it, as the order within one header was never fixed). Whitespace
    around parts is allowed and unknown keys are skipped, so a sender that adds a new scheme
    next to ``v1`` keeps verifying; ``v1`` values that are not 64 lowercase hex digits cannot
    match and are dropped.
    """
    # Each group: its timestamp, and its v1 values (None stands for one that cannot match).
    groups: list[tuple[str, list[str | None]]] = []
    leading: list[str | None] = []
    for part in value.split(","):
        key, separator, item = part.partition("=")
        key, item = key.strip(), item.strip()
        if not key and not separator:
            continue
        if not separator:
            return None
        if key == "t":
            if not _TIMESTAMP.fullmatch(item):
                return None
            groups.append((item, leading if not groups else []))
        elif key == "v1":
            (groups[-1][1] if groups else leading).append(item if _HEX_SIGNATURE.fullmatch(item) else None)
    # A t= without any v1 of its own is not a signature (e.g. "t=1,t=1,v1=...").
    if not groups or not all(candidates for _, candidates in groups):
        return None
    found = [
        _Signature(timestamp, tuple(c for c in candidates if c is not None))
        for timestamp, candidates in groups
    ]
    return found if any(signature.signatures for signature in found) else None


# ---- events --------------------------------------------------------------------------------


def _decode(raw_body: object) -> dict[str, Any]:
    if isinstance(raw_body, bytes | bytearray | memoryview):
        try:
            text = bytes(raw_body).decode("utf-8")
        except UnicodeDecodeError as error:
            raise WebhookVerificationError(f"webhook body is not UTF-8: {error}") from None
    elif isinstance(raw_body, str):
        text = raw_body
    else:
        raise WebhookVerificationError(f"webhook body must be bytes or str, got {type(raw_body).__name__}")
    try:
        payload = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise WebhookVerificationError(f"webhook body is not valid JSON: {error}") from None
    if not isinstance(payload, dict):
        raise WebhookVerificationError(f"webhook body must be a JSON object, got {type(payload).__name__}")
    return payload


# Whether this process has said that events come from an API newer than the bundled spec.
_NEWER_API_NOTICED: list[str] = []


def _validate(payload: dict[str, Any], schema_name: str, what: str, strict: bool) -> None:
    try:
        _validator(schema_name, strict)(payload, name_prefix="event")
    except fastjsonschema.JsonSchemaValueException as error:
        raise WebhookVerificationError(f"webhook body is not a valid {what}: {error.message}") from None


@functools.cache
def _validator(schema_name: str, strict: bool) -> Callable[..., Any]:
    # Formats are not checked: an inbound event with an unusual attachment URL is still an
    # event the receiver wants, and the generated models keep such values as plain strings.
    components = document()["components"] if strict else lenient_components()
    root = {"$ref": f"#/components/schemas/{schema_name}", "components": components}
    validator: Callable[..., Any] = fastjsonschema.compile(root, use_formats=False)
    return validator
