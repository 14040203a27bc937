"""E.164 normalisation and the local phone number check (contiguity_ext.phone)."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from contiguity_ext import phone
from contiguity_ext.errors import ValidationError
from contiguity_ext.phone import check_region, is_phone_number, to_e164

E164 = re.compile(r"\+[1-9]\d{1,14}", re.ASCII)


@pytest.mark.parametrize(
    ("value", "region", "expected"),
    [
        ("(555) 555-5555", "US", "+15555555555"),
        ("555-555-5555", "US", "+15555555555"),
        ("1 555 555 5555", "US", "+15555555555"),
        ("+1 (555) 555-5555", "US", "+15555555555"),
        ("555.555.5555", "US", "+15555555555"),
        ("5555555555", "US", "+15555555555"),
        (" \t(555) 555-5555\n", "US", "+15555555555"),
        (" +15555555555 ", "US", "+15555555555"),
        ("\uff11\uff15\uff15\uff15\uff15\uff15\uff15\uff15\uff15\uff15\uff15", "US", "+15555555555"),
        ("\u0665\u0665\u0665\u0665\u0665\u0665\u0665\u0665\u0665\u0665", "US", "+15555555555"),
        ("011 44 20 7946 0958", "US", "+442079460958"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("+44 (0)20 7946 0958", "US", "+442079460958"),
        ("030 123456", "DE", "+4930123456"),
        ("(555) 555-5555", "us", "+15555555555"),
        ("310-1234", "CA", "+13101234"),  # nationwide 7-digit number, valid although local-length
    ],
)
def test_national_forms_are_normalised(value: str, region: str, expected: str) -> None:
    assert to_e164(value, region=region) == expected
    assert is_phone_number(value, region=region)


def test_unicode_dashes_are_punctuation() -> None:
    assert to_e164("555\u2013555\u20135555") == "+15555555555"


def test_original_sdk_example_is_possible_but_not_valid() -> None:
    assert to_e164("+15555555555") == "+15555555555"
    assert is_phone_number("+15555555555")
    assert not is_phone_number("+15555555555", strict=True)


def test_e164_input_is_returned_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("E.164 input was parsed")

    monkeypatch.setattr(phonenumbers, "parse", fail)
    value = "+442079460958"
    assert to_e164(value) is value
    # Only the shape is checked on this path: a too-short number is left for the API to reject.
    assert to_e164("+1555") == "+1555"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "is not a phone number"),
        ("   ", "is not a phone number"),
        ("+", "is not a phone number"),
        ("abc", "contains letters"),
        ("1-800-FLOWERS", "contains letters"),
        ("1800FLOWERS", "contains letters"),
        ("tel:+1-555-555-5555", "contains letters"),
        ("555-555-5555 ext. 123", "contains letters"),
        ("555-555-5555 x12", "contains letters"),
        ("555-555-5555 #123", "contains '#'"),
        ("555-555-5555;12", "contains ';'"),
        ("555-555-5555 ~ 123", "has an extension"),
        ("555-5555", "is a local number"),
        ("555", "is too short"),
        ("555-555-55555", "is too long for its country"),
        ("+1 555", "is too short for its country"),  # not E.164-shaped, so it is parsed
        ("+0123", "has no valid country code"),
        ("+999 1234 5678", "has no valid country code"),
        ("+49 30 111111111111", "more than the 15 digits"),
        ("5" * 65, "longer than 64 characters"),
        ("555\u2013555\u2013555", "is too short for its country"),
        ("555\x00555\x005555", "contains '\\x00'"),
        ("+1 555 555 5555 \U0001f4de", "contains"),
        ("011 5", "too short after its international dialling prefix"),
        ("5" * 20, "is too long to be a phone number"),
    ],
)
def test_invalid_input_raises_validation_error_naming_field_and_value(value: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        to_e164(value, field="fallback.from")
    assert caught.value.field == "fallback.from"
    message = str(caught.value)
    assert message.startswith("fallback.from: ")
    assert reason in message
    assert repr(value)[:20] in message
    assert not is_phone_number(value)


@pytest.mark.parametrize("value", [None, 5555555555, 1.5, b"5555555555", ["+15555555555"], object()])
def test_non_str_input_is_a_validation_error(value: object) -> None:
    with pytest.raises(ValidationError, match="expected a phone number as a str") as caught:
        to_e164(value, field="to")  # type: ignore[arg-type]
    assert caught.value.field == "to"
    assert not is_phone_number(value)


def test_huge_input_is_rejected_with_a_short_message() -> None:
    value = "5" * 1_000_000
    with pytest.raises(ValidationError) as caught:
        to_e164(value)
    assert len(str(caught.value)) < 200


def test_str_subclass_is_read_as_its_characters() -> None:
    class Shouty(str):
        def __str__(self) -> str:
            return "not a number"

    assert to_e164(Shouty("(555) 555-5555")) == "+15555555555"


def test_repeated_input_is_served_from_the_cache() -> None:
    phone._parse.cache_clear()
    to_e164("020 7946 0958", region="GB")
    to_e164("020 7946 0958", region="GB")
    info = phone._parse.cache_info()
    assert (info.hits, info.misses) == (1, 1)


NANP_FORMS = [
    "(555) 555-5555", "555-555-5555", "555.555.5555", "5555555555", "1 555 555 5555",
    "+1 (555) 555-5555", "1-555-555-5555", "+1-555-555-5555", "(212)5551234", "1(212) 555 1234",
    "+1 212.555.1234", "(555)-555-5555", "+1 416 555 0199",
]  # fmt: skip


@pytest.mark.parametrize("region", ["US", "CA"])
@pytest.mark.parametrize("value", NANP_FORMS)
def test_the_nanp_shortcut_agrees_with_phonenumbers(value: str, region: str) -> None:
    phone._parse.cache_clear()
    shortcut = to_e164(value, region=region)
    assert phone._parse.cache_info().misses == 0, "expected the shortcut, not a parse"
    expected = phonenumbers.format_number(
        phonenumbers.parse(value, region), phonenumbers.PhoneNumberFormat.E164
    )
    assert shortcut == expected


@pytest.mark.parametrize("region", ["ZZ", "", "USA", "001", "\u0131t", None, 1, ["US"]])
def test_unknown_region_is_rejected(region: object) -> None:
    with pytest.raises(ValidationError, match="not a known region code") as caught:
        to_e164("+15555555555", region=region)  # type: ignore[arg-type]
    assert caught.value.field == "region"
    with pytest.raises(ValidationError):
        check_region(region)
    assert not is_phone_number("+15555555555", region=region)  # type: ignore[arg-type]


@pytest.mark.parametrize(("region", "expected"), [("US", "US"), ("gb", "GB"), ("De", "DE")])
def test_check_region_upper_cases(region: str, expected: str) -> None:
    assert check_region(region) == expected


def test_strict_check_requires_an_assigned_range() -> None:
    example = phonenumbers.example_number("GB")
    assert example is not None
    international = phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL)
    assert is_phone_number(international, strict=True)
    assert is_phone_number("020 7946 0958", region="gb", strict=True)
    assert not is_phone_number("(555) 555-5555", strict=True)


# Property tests ---------------------------------------------------------------------------------

PHONE_ALPHABET = st.sampled_from("0123456789 +-().\u2013\uff11~#x")

_TYPES = [value for name, value in vars(PhoneNumberType).items() if name.isupper()]
EXAMPLES = [
    (region, number)
    for region in sorted(phonenumbers.SUPPORTED_REGIONS)
    for kind in _TYPES
    if (number := phonenumbers.example_number_for_type(region, kind)) is not None
]


@given(st.text() | st.text(PHONE_ALPHABET))
def test_any_text_gives_e164_or_validation_error(value: str) -> None:
    try:
        result = to_e164(value)
    except ValidationError:
        assert not is_phone_number(value)
        return
    assert E164.fullmatch(result)
    assert to_e164(result) == result
    if result != value:
        assert is_phone_number(value)


@given(st.from_regex(r"\A\+[1-9][0-9]{1,14}\Z"))
def test_e164_shaped_input_is_a_fixed_point(value: str) -> None:
    assert to_e164(value) == value


@given(st.sampled_from(EXAMPLES), st.lists(st.sampled_from("0123456789"), min_size=1, max_size=4))
def test_national_and_international_forms_agree(
    example: tuple[str, phonenumbers.PhoneNumber], suffix: list[str]
) -> None:
    region, template = example
    digits = str(template.national_number)
    number = phonenumbers.PhoneNumber(
        country_code=template.country_code,
        national_number=int(digits[: -len(suffix)] + "".join(suffix)),
        italian_leading_zero=template.italian_leading_zero,
        number_of_leading_zeros=template.number_of_leading_zeros,
    )
    # Varying the last digits may leave the assigned ranges or the region; those are not the
    # numbers whose written forms this property is about.
    assume(phonenumbers.is_valid_number(number))
    assume(phonenumbers.region_code_for_number(number) == region)
    expected = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    assert to_e164(national, region=region) == expected
    assert to_e164(international, region=region) == expected
    assert to_e164(international, region="US" if region != "US" else "GB") == expected
    assert is_phone_number(national, region=region, strict=True)


def test_every_example_number_normalises_from_each_written_form() -> None:
    for region, number in EXAMPLES:
        expected = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        for form in (PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL):
            written = phonenumbers.format_number(number, form)
            assert to_e164(written, region=region) == expected, (region, written)


def test_a_str_subclass_with_its_own_equality_never_shares_a_cache_entry() -> None:
    class Liar(str):
        """Equal to everything, all hashing alike: as a cache key it would answer for any number."""

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 0

    phone._parse.cache_clear()
    assert to_e164(Liar("020 7946 0958"), region="GB") == "+442079460958"
    assert to_e164(Liar("020 7946 0959"), region="GB") == "+442079460959"
    assert is_phone_number(Liar("020 7946 0959"), region="GB", strict=True)


def test_the_length_limit_is_64_characters_inclusive() -> None:
    written = "020 7946 0958"
    assert to_e164(written.ljust(64), region="GB") == "+442079460958"
    with pytest.raises(ValidationError, match="longer than 64 characters"):
        to_e164(written.ljust(65), region="GB")


def test_refusals_quote_what_was_given() -> None:
    with pytest.raises(ValidationError) as caught:
        to_e164(5555555555)  # type: ignore[arg-type]
    assert str(caught.value).startswith("expected a phone number as a str, got int 5555555555")
    with pytest.raises(ValidationError) as caught:
        check_region("ZZ")
    assert "'ZZ' is not a known region code" in str(caught.value)
