"""Local email address checks (contiguity_ext.emails)."""

from __future__ import annotations

import socket

import email_validator
import email_validator.deliverability
import pytest
from hypothesis import given
from hypothesis import strategies as st

from contiguity_ext.emails import check_email, is_email
from contiguity_ext.errors import ValidationError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("example@example.com", "example@example.com"),
        ("Example@EXAMPLE.COM", "Example@example.com"),
        ("first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk"),
        ("user@xn--mnchen-3ya.de", "user@münchen.de"),
        ("user@München.DE", "user@münchen.de"),
        ("ü@example.com", "ü@example.com"),
        ("user@\uff45xample.com", "user@example.com"),
        ("a@b.co", "a@b.co"),
        ("user@no-such-domain-anywhere.example", "user@no-such-domain-anywhere.example"),
        # Longer than RFC 5321's suggested 64, but such addresses exist, so they are kept.
        ("x" * 65 + "@example.com", "x" * 65 + "@example.com"),
    ],
)
def test_addresses_are_normalised(value: str, expected: str) -> None:
    assert check_email(value) == expected
    assert check_email(expected) == expected
    assert is_email(value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "must have an @-sign"),
        ("   ", "must have an @-sign"),
        (" user@example.com", "invalid characters before the @-sign: SPACE"),
        ("user@example.com\n", "invalid characters: U+000A"),
        ("plainaddress", "must have an @-sign"),
        ("@example.com", "something before the @-sign"),
        ("user@", "something after the @-sign"),
        ("user@localhost", "should have a period"),
        ("user@example", "should have a period"),
        ("user@@example.com", "invalid characters"),
        ("us er@example.com", "invalid characters"),
        ("a..b@example.com", "two periods in a row"),
        ("user@-example.com", "hyphen"),
        ("user@printer.local", "special-use or reserved"),
        ("user@site.test", "special-use or reserved"),
        ("user@site.invalid", "special-use or reserved"),
        ('"quoted"@example.com', "Quoting"),
        ("user@[127.0.0.1]", "bracketed IP address"),
        ("Name <user@example.com>", "display name"),
        ("<user@example.com>", "display name"),
        ("user@example.com, other@example.com", "invalid characters"),
        ("x" * 250 + "@example.com", "longer than 254 characters"),
    ],
)
def test_invalid_addresses_raise_validation_error(value: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_email(value, field="cc")
    assert caught.value.field == "cc"
    message = str(caught.value)
    assert message.startswith("cc: ")
    assert reason in message
    assert repr(value)[:20] in message
    assert not is_email(value)


def test_validator_error_is_chained() -> None:
    with pytest.raises(ValidationError) as caught:
        check_email("nope")
    assert isinstance(caught.value.__cause__, email_validator.EmailNotValidError)


@pytest.mark.parametrize("value", [None, 42, b"user@example.com", ["user@example.com"], object()])
def test_non_str_input_is_a_validation_error(value: object) -> None:
    with pytest.raises(ValidationError, match="expected an email address as a str") as caught:
        check_email(value, field="to")  # type: ignore[arg-type]
    assert caught.value.field == "to"
    assert not is_email(value)


def test_huge_input_is_rejected_quickly_with_a_short_message() -> None:
    with pytest.raises(ValidationError) as caught:
        check_email("a" * 1_000_000 + "@example.com")
    assert len(str(caught.value)) < 200


def test_no_dns_and_no_global_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(email_validator.deliverability, "validate_email_deliverability", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    # Module-level defaults another library might change must not alter the answers.
    monkeypatch.setattr(email_validator, "CHECK_DELIVERABILITY", True)
    monkeypatch.setattr(email_validator, "ALLOW_DISPLAY_NAME", True)
    monkeypatch.setattr(email_validator, "ALLOW_QUOTED_LOCAL", True)
    monkeypatch.setattr(email_validator, "TEST_ENVIRONMENT", True)
    assert check_email("user@no-such-domain-anywhere.com") == "user@no-such-domain-anywhere.com"
    assert not is_email("Name <user@example.com>")
    assert not is_email('"quoted"@example.com')
    assert not is_email("user@site.test")


@given(st.emails())
def test_generated_addresses_are_accepted_and_stable(value: str) -> None:
    normalised = check_email(value)
    assert check_email(normalised) == normalised
    assert is_email(value)


@given(st.text() | st.text(st.sampled_from('ab.@-_+ <>"[]üＥ。')))
def test_any_text_gives_an_address_or_validation_error(value: str) -> None:
    try:
        normalised = check_email(value)
    except ValidationError:
        assert not is_email(value)
        return
    assert "@" in normalised
    assert normalised == normalised.strip()
    assert check_email(normalised) == normalised
    assert is_email(value)


def test_the_length_limit_is_254_characters_inclusive() -> None:
    longest = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".com"
    assert len(longest) == 254
    assert check_email(longest) == longest
    with pytest.raises(ValidationError, match="longer than 254 characters"):
        check_email("a" + longest)


def test_a_non_str_address_is_refused_saying_what_it_was() -> None:
    with pytest.raises(ValidationError) as caught:
        check_email(5, field="to")  # type: ignore[arg-type]
    assert str(caught.value) == "to: expected an email address as a str, got int 5"
