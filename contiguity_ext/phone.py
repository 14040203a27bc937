"""Phone number checks and E.164 normalisation, done locally with ``phonenumbers``.

The API takes numbers in E.164 form (``+15555555555``). :func:`to_e164` turns what people
usually type into that form and is what the SDK runs on every phone field before a request is
sent; :func:`is_phone_number` is the yes/no check behind ``client.verify.number``.

What is accepted:

* E.164 input is returned unchanged without being parsed. Only its shape is checked
  (``+``, a country code digit 1-9, at most 15 digits), so a well-formed but unassigned number
  such as ``+15555555555`` passes and is left for the API to judge.
* Anything else is parsed with ``phonenumbers`` relative to ``region`` (the country assumed
  when the input has no ``+country code``): ``(555) 555-5555``, ``555.555.5555``,
  ``1 555 555 5555``, ``+1 (555) 555-5555``, ``+44 (0)20 7946 0958``, international dialling
  prefixes (``011 44 ...`` from the US), surrounding whitespace and non-ASCII digits such as
  ``１５５５…`` are all understood. The result must be a *possible* number for its country
  (right length); whether the number is actually assigned (*valid*) is not required.

What is rejected, always with :class:`~contiguity_ext.errors.ValidationError`:

* letters, so vanity numbers (``1-800-FLOWERS``) must be written in digits. Turning letters into
  digits would also turn typos (a letter O for a zero) and stray text into a different number
  that then receives the message;
* extensions (``555-555-5555 ext. 12``, ``... #12``, ``... ~12``): E.164 cannot carry them, and
  dropping one silently would message the switchboard instead;
* numbers too short or too long for their country, numbers that only make sense locally
  (``555-5555`` has no area code; a local-length number ``phonenumbers`` knows to be valid
  nationwide, such as Canada's ``310-1234``, is kept), and numbers with more than the 15 digits
  E.164 allows;
* empty or blank strings, strings longer than 64 characters, and anything that is not a ``str``.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from ._quote import quote
from .errors import ValidationError

__all__ = ["check_region", "is_phone_number", "to_e164"]

_is_e164 = re.compile(r"\+[1-9][0-9]{1,14}").fullmatch

# Generous for any way of writing 15 digits; keeps huge strings out of the parser and the cache.
_MAX_LENGTH = 64

_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)

# US/Canadian numbers written the usual ways: "(555) 555-5555", "555.555.5555",
# "1 555 555 5555", "+1 (555) 555-5555". Read without phonenumbers because a batch of new
# recipients would otherwise cost ~30 µs each; anything else still goes through phonenumbers.
_NANP_REGIONS = frozenset({"US", "CA"})
# ASCII only: "\d" would also match other scripts' digits and copy them into the result.
_NANP_NATIONAL = re.compile(
    r"(?:\+?1[ .-]?)?(?:\(([2-9]\d\d)\)|([2-9]\d\d))[ .-]?(\d{3})[ .-]?(\d{4})", re.ASCII
)

# Finds a character that has no place in a written number. Allowed are digits of any script,
# whitespace, plus signs and phonenumbers' own punctuation set (dashes, slashes, dots, brackets,
# tildes and their full-width forms, soft hyphen, zero-width spaces) minus its letter "x".
_FOREIGN_CHARACTER = re.compile(
    "[^\\d\\s+\uff0b\\-\u2010-\u2015\u2212\u30fc\uff0d\uff0f\u00ad\u200b\u2060"
    "()\uff08\uff09\uff3b\uff3d.\\[\\]/~\u2053\u223c\uff5e]"
).search

_PARSE_FAILURES = {
    NumberParseException.INVALID_COUNTRY_CODE: "has no valid country code",
    NumberParseException.NOT_A_NUMBER: "is not a phone number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "is too short after its international dialling prefix",
    NumberParseException.TOO_SHORT_NSN: "is too short to be a phone number",
    NumberParseException.TOO_LONG: "is too long to be a phone number",
}

_IMPOSSIBLE = {
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "is a local number; add the area code",
    ValidationResult.INVALID_COUNTRY_CODE: "has an unknown country code",
    ValidationResult.TOO_SHORT: "is too short for its country",
    ValidationResult.TOO_LONG: "is too long for its country",
    ValidationResult.INVALID_LENGTH: "has the wrong number of digits for its country",
}


class _Parsed(NamedTuple):
    e164: str
    number: phonenumbers.PhoneNumber


def check_region(region: object) -> str:
    """Return ``region`` as the upper-case region code ``phonenumbers`` uses.

    ``region`` is an ISO 3166-1 alpha-2 code such as ``"US"`` or ``"gb"``; anything
    ``phonenumbers`` has no metadata for raises :class:`ValidationError` with
    ``field="region"``.
    """
    if isinstance(region, str) and region.isascii() and region.upper() in _REGIONS:
        return region.upper()
    raise ValidationError(
        f"{quote(region)} is not a known region code (use an ISO 3166-1 alpha-2 code such as 'US')",
        field="region",
    )


def to_e164(value: str, *, region: str = "US", field: str | None = None) -> str:
    """Return ``value`` in E.164 form, reading national numbers as numbers of ``region``.

    Raises :class:`ValidationError` (naming ``field``) when ``value`` is not a phone number, and
    for an unknown ``region``; nothing else escapes. See the module documentation for exactly
    what is accepted.

    >>> to_e164("(555) 555-5555")
    '+15555555555'
    >>> to_e164("020 7946 0958", region="GB")
    '+442079460958'
    """
    if not (isinstance(region, str) and region in _REGIONS):
        region = check_region(region)
    if isinstance(value, str):
        if _is_e164(value):
            return value
        if region in _NANP_REGIONS:
            nanp = _NANP_NATIONAL.fullmatch(value)
            if nanp is not None:
                area_code = nanp.group(1) or nanp.group(2)
                return f"+1{area_code}{nanp.group(3)}{nanp.group(4)}"
        parsed = _lookup(value, region)
        if isinstance(parsed, _Parsed):
            return parsed.e164
        raise ValidationError(f"{quote(value)} {parsed}", field=field)
    raise ValidationError(
        f"expected a phone number as a str, got {type(value).__name__} {quote(value)}", field=field
    )


def is_phone_number(value: object, *, region: str = "US", strict: bool = False) -> bool:
    """Whether ``value`` is a phone number; never raises.

    Unlike :func:`to_e164`, E.164 input is parsed too, so ``"+1555"`` is ``False`` here.
    With ``strict=False`` the number must be *possible* (the right length for its country),
    the same bar :func:`to_e164` sets for national input. With ``strict=True`` it must also be
    *valid*: in a range ``phonenumbers`` knows to be assigned, which ``+15555555555`` is not.
    An unknown ``region`` makes every answer ``False``.
    """
    if not isinstance(value, str):
        return False
    try:
        region = check_region(region)
    except ValidationError:
        return False
    parsed = _lookup(value, region)
    if not isinstance(parsed, _Parsed):
        return False
    return not strict or phonenumbers.is_valid_number(parsed.number)


def _lookup(value: str, region: str) -> _Parsed | str:
    """``value`` parsed, or the reason it is not a phone number (a phrase after the value)."""
    if len(value) > _MAX_LENGTH:
        return f"is longer than {_MAX_LENGTH} characters, too long to be a phone number"
    # Exact str only: a subclass with its own __eq__/__hash__ must not share cache entries.
    return _parse(value if type(value) is str else str.__str__(value), region)


@functools.lru_cache(maxsize=4096)
def _parse(value: str, region: str) -> _Parsed | str:
    # Recipients repeat within a batch, and parsing costs ~30 µs; a cached answer costs ~1 µs.
    foreign = _FOREIGN_CHARACTER(value)
    if foreign is not None:
        if foreign.group().isalpha():
            return (
                "contains letters; write the number in digits (vanity numbers such as 1-800-FLOWERS"
                " are not converted) and leave out any extension"
            )
        return f"contains {foreign.group()!r}, which is not part of a phone number"
    try:
        number = phonenumbers.parse(value, region)
    except NumberParseException as exc:
        return _PARSE_FAILURES.get(exc.error_type, "is not a phone number")
    if number.extension:
        return "has an extension, which E.164 numbers cannot carry"
    possible = phonenumbers.is_possible_number_with_reason(number)
    # A number of a length only dialled locally lacks its area code, so its E.164 form would be
    # wrong, unless it is a known nationwide short number such as Canada's 310-xxxx.
    if possible == ValidationResult.IS_POSSIBLE_LOCAL_ONLY and phonenumbers.is_valid_number(number):
        possible = ValidationResult.IS_POSSIBLE
    if possible != ValidationResult.IS_POSSIBLE:
        return _IMPOSSIBLE.get(possible, "is not a possible phone number")
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if not _is_e164(e164):
        return "has more than the 15 digits an E.164 number may have"
    return _Parsed(e164, number)
