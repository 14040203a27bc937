"""Every value the SDK accepts is checked where it enters, naming the field, before sending.

OTP codes, integers (the spec's ``integer``: no floats, no bools), number filters, client
options (``timeout``, ``max_retries``), phone numbers (ASCII digits out, always), and the
"missing" and "unknown" field cases, which name the field too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext import _endpoint, _spec
from contiguity_ext._checks import MAX_RETRIES_LIMIT, check_base_url, check_max_retries, check_timeout
from contiguity_ext.errors import ValidationError
from tests.support.recording import Recorder
from tests.support.refusals import assert_refused, assert_refused_async, method, methods_of

PHONE = "+15555555555"
OTHER = "+15555555556"
# Calls made wrong on purpose: the client is Any so that the type checker lets them through.
Call = Callable[[Any], Any]

# ---- OTP codes ---------------------------------------------------------------------------

BAD_CODES = {
    "five-digits": "12345",
    "seven-digits": "1234567",
    "letters": "12345a",
    "arabic-indic-digits": "\u0661\u0662\u0663\u0664\u0665\u0666",
    "full-width-digits": "\uff11\uff12\uff13\uff14\uff15\uff16",
    "superscript": "12345\u00b9",
    "dot": "123.456",
    "empty": "",
    "only-separators": " - ",
    "int": 123456,
}


@pytest.mark.parametrize("code", BAD_CODES.values(), ids=BAD_CODES.keys())
def test_otp_codes_must_be_six_ascii_digits(recorder: Recorder, code: Any) -> None:
    client = recorder.client()
    assert_refused(recorder, lambda: client.otp.verify({"otp_id": "otp_1", "otp": code}), "otp")


@pytest.mark.parametrize("typed", ["123456", "123 456", "123-456", " 12 34 56 ", "123\u2013456"])
def test_otp_codes_as_people_type_them_are_sent_as_six_digits(recorder: Recorder, typed: str) -> None:
    recorder.answer({"verified": True})
    assert recorder.client().otp.verify({"otp_id": "otp_1", "otp": typed}) is True
    assert recorder.last_json == {"otp_id": "otp_1", "otp": "123456"}


async def test_the_async_client_checks_otp_codes_too(recorder: Recorder) -> None:
    client = recorder.async_client()
    await assert_refused_async(
        recorder, lambda: client.otp.verify({"otp_id": "otp_1", "otp": "12 34"}), "otp"
    )


# ---- integers, wherever the spec says integer --------------------------------------------

INTEGER_PARAMETERS = sorted(
    (dotted, parameter.name)
    for name, operation in _spec.operations().items()
    for parameter in operation.parameters
    if parameter.is_integer
    for dotted in methods_of(name)
)


def test_integer_parameters_are_found_in_the_spec() -> None:
    assert ("text.history", "limit") in INTEGER_PARAMETERS
    assert ("imessage.history", "limit") in INTEGER_PARAMETERS


@pytest.mark.parametrize("value", [20.0, 20.5, True, "20", math.nan, math.inf])
@pytest.mark.parametrize(("dotted", "parameter"), INTEGER_PARAMETERS)
def test_integer_parameters_refuse_floats_bools_and_text(
    recorder: Recorder, dotted: str, parameter: str, value: object
) -> None:
    client = recorder.client()
    assert_refused(recorder, lambda: method(client, dotted)(PHONE, OTHER, **{parameter: value}), parameter)


def test_integer_body_fields_are_found_and_checked_wherever_a_spec_puts_them() -> None:
    # Today's request bodies have no integer field; a later spec version may add one anywhere.
    spec = {
        "components": {
            "schemas": {
                "Body": {
                    "type": "object",
                    "properties": {
                        "count": {"type": "integer"},
                        "name": {"type": "string"},
                        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                    },
                },
                "Item": {"type": "object", "properties": {"size": {"type": ["integer", "null"]}}},
            }
        }
    }
    paths = _spec._paths_to(spec, "#/components/schemas/Body", _spec._is_integer_schema)
    assert paths == (("count",), ("items", "*", "size"))
    wire = {"count": 2, "name": "x", "items": [{"size": 1}, {"size": 2.0}]}
    _endpoint._visit(wire, paths[0], (), _endpoint._check_integer_leaf)
    with pytest.raises(contiguity.ValidationError) as caught:
        _endpoint._visit(wire, paths[1], (), _endpoint._check_integer_leaf)
    assert str(caught.value) == "items[1].size: must be an integer, got 2.0"


def test_an_integer_parameter_given_a_float_says_what_it_got(recorder: Recorder) -> None:
    client = recorder.client()
    error = assert_refused(recorder, lambda: client.text.history(PHONE, OTHER, limit=20.0), "limit")  # type: ignore[arg-type]
    assert str(error) == "limit: must be an integer, got 20.0"


@pytest.mark.parametrize("value", [20.0, True])
async def test_the_async_client_refuses_float_integers(recorder: Recorder, value: object) -> None:
    client = recorder.async_client()
    await assert_refused_async(recorder, lambda: client.text.history(PHONE, OTHER, value), "limit")  # type: ignore[arg-type]


# ---- number filters -------------------------------------------------------------------------

BAD_FILTERS: dict[str, tuple[dict[str, Any], str]] = {
    "channels-str": ({"channels": "sms"}, "channels"),
    "channels-unknown": ({"channels": ["sms", "fax"]}, "channels[1]"),
    "channels-int": ({"channels": [1]}, "channels[0]"),
    "channels-dict": ({"channels": {"sms": True}}, "channels"),
    "status-unknown": ({"status": "free"}, "status"),
    "status-list": ({"status": ["available"]}, "status"),
    "country-int": ({"country": 1}, "country"),
    "city-none": ({"city": None}, "city"),
    "unknown-key": ({"carrier": "Verizon"}, "carrier"),
    "misspelt-key": ({"chanels": ["sms"]}, "chanels"),
}


@pytest.mark.parametrize(("criteria", "field"), BAD_FILTERS.values(), ids=BAD_FILTERS.keys())
@pytest.mark.parametrize("listing", ["available", "leased"])
def test_number_filters_are_checked_before_the_listing_is_fetched(
    recorder: Recorder, listing: str, criteria: dict[str, Any], field: str
) -> None:
    client = recorder.client()
    assert_refused(recorder, lambda: getattr(client.numbers, listing)(**criteria), field)


@pytest.mark.parametrize(("criteria", "field"), list(BAD_FILTERS.values())[:4], ids=list(BAD_FILTERS)[:4])
async def test_the_async_client_checks_number_filters_too(
    recorder: Recorder, criteria: dict[str, Any], field: str
) -> None:
    client = recorder.async_client()
    await assert_refused_async(recorder, lambda: client.numbers.available(**criteria), field)


@pytest.mark.parametrize(
    "channels", [["sms"], ("sms", "imessage"), {"sms", "whatsapp"}, frozenset({"rcs"}), []], ids=type
)
def test_any_collection_of_known_channels_is_a_valid_filter(recorder: Recorder, channels: Any) -> None:
    recorder.answer({"available": 0, "numbers": []})
    result = recorder.client().numbers.available(channels=channels, status="available", country="us")
    assert result.data.available == 0
    assert len(recorder.requests) == 1


def test_filter_values_come_from_the_spec() -> None:
    components = _spec.document()["components"]["schemas"]
    assert "whatsapp" in components["Channel"]["enum"]
    assert "available" in components["PhoneNumberRecord"]["properties"]["status"]["enum"]


# ---- client options -------------------------------------------------------------------------

BAD_OPTIONS: dict[str, tuple[dict[str, Any], str]] = {
    "timeout-negative": ({"timeout": -1}, "timeout"),
    "timeout-zero": ({"timeout": 0}, "timeout"),
    "timeout-nan": ({"timeout": math.nan}, "timeout"),
    "timeout-inf": ({"timeout": math.inf}, "timeout"),
    "timeout-str": ({"timeout": "fast"}, "timeout"),
    "timeout-bool": ({"timeout": True}, "timeout"),
    "timeout-none": ({"timeout": None}, "timeout"),
    "timeout-part-negative": ({"timeout": httpx.Timeout(5.0, connect=-1.0)}, "timeout.connect"),
    "timeout-part-nan": ({"timeout": httpx.Timeout(math.nan)}, "timeout.connect"),
    "max-retries-negative": ({"max_retries": -1}, "max_retries"),
    "max-retries-huge": ({"max_retries": 1000}, "max_retries"),
    "max-retries-above-limit": ({"max_retries": MAX_RETRIES_LIMIT + 1}, "max_retries"),
    "max-retries-float": ({"max_retries": 2.0}, "max_retries"),
    "max-retries-bool": ({"max_retries": True}, "max_retries"),
    "max-retries-str": ({"max_retries": "2"}, "max_retries"),
    "max-retries-none": ({"max_retries": None}, "max_retries"),
}


@pytest.mark.parametrize(("options", "field"), BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_client_options_are_checked_at_login(
    recorder: Recorder, options: dict[str, Any], field: str, is_async: bool
) -> None:
    make = recorder.async_client if is_async else recorder.client
    assert_refused(recorder, lambda: make(**options), field)


@pytest.mark.parametrize(
    "options",
    [
        {"timeout": 0.5},
        {"timeout": 10},
        {"timeout": httpx.Timeout(None)},
        {"max_retries": 0},
        {"max_retries": MAX_RETRIES_LIMIT},
    ],
)
def test_sensible_options_are_accepted(recorder: Recorder, options: dict[str, Any]) -> None:
    recorder.client(**options).text.send(to=PHONE, message="hi")
    assert len(recorder.requests) == 1


# ---- phone numbers: ASCII digits out, always -------------------------------------------------

OTHER_SCRIPTS = {
    "arabic-indic": "(\u0665\u0665\u0665) \u0665\u0665\u0665-\u0665\u0665\u0665\u0665",
    "extended-arabic-indic": "\u06f5\u06f5\u06f5 \u06f5\u06f5\u06f5 \u06f5\u06f5\u06f5\u06f5",
    "devanagari": "\u096b\u096b\u096b.\u096b\u096b\u096b.\u096b\u096b\u096b\u096b",
    "full-width": "\uff08\uff15\uff15\uff15\uff09\uff15\uff15\uff15-\uff15\uff15\uff15\uff15",
    "bengali-with-plus-one": "+\u09e7 \u09eb\u09eb\u09eb \u09eb\u09eb\u09eb \u09eb\u09eb\u09eb\u09eb",
}


@pytest.mark.parametrize("number", OTHER_SCRIPTS.values(), ids=OTHER_SCRIPTS.keys())
def test_numbers_in_other_scripts_come_out_in_ascii_digits(recorder: Recorder, number: str) -> None:
    assert contiguity.to_e164(number) == "+15555555555"
    recorder.client().text.send(to=number, message="hi")
    assert recorder.last_json["to"] == "+15555555555"


# ---- every refusal names its field --------------------------------------------------------

# A call Python itself refuses (an argument missing or unknown) raises TypeError naming the
# argument instead, as any Python function does: tests/test_signatures.py.
FIELDLESS_BEFORE: dict[str, tuple[Call, str]] = {
    "missing-required": (lambda c: c.send.text({"message": "x"}), "to"),
    "missing-required-email": (
        lambda c: c.send.email({"to": "a@example.com", "subject": "s", "text": "t"}),
        "from",
    ),
    "unknown-key": (lambda c: c.send.text({"to": PHONE, "mesage": "x"}), "mesage"),
    "not-a-dict": (lambda c: c.send.text("hello"), "params"),
    "otp-not-a-dict": (lambda c: c.otp.send(None), "params"),
    "both-reply-to-spellings": (
        lambda c: c.send.email(
            {
                "to": "a@example.com",
                "from": "x",
                "subject": "s",
                "text": "t",
                "replyTo": "a@example.com",
                "reply_to": "b@example.com",
            }
        ),
        "replyTo",
    ),
    "poll-interval": (lambda c: c.otp.reverse.wait("r_otp_1", interval=0), "interval"),
    "poll-timeout": (lambda c: c.otp.reverse.wait("r_otp_1", timeout=-1), "timeout"),
}


@pytest.mark.parametrize(("call", "field"), FIELDLESS_BEFORE.values(), ids=FIELDLESS_BEFORE.keys())
def test_missing_unknown_and_misshapen_input_names_the_field(
    recorder: Recorder, call: Call, field: str
) -> None:
    client = recorder.client()
    assert_refused(recorder, lambda: call(client), field)


# ---- what each refusal of a client option says ----------------------------------------------

NOT_A_BASE_URL = "base_url: must be http(s)://host[:port][/path]"


@pytest.mark.parametrize(
    ("check", "value", "message"),
    [
        (check_base_url, "https://exa mple.com", "base_url: must be printable ASCII without spaces"),
        (
            check_base_url,
            "https://example.com?x=1",
            "base_url: must be http(s)://host[:port][/path], without a query",
        ),
        (
            check_base_url,
            "https://example.com#top",
            "base_url: must be http(s)://host[:port][/path], without a fragment",
        ),
        (check_base_url, "http://[::1", "base_url: Invalid port: ':1'"),
        (
            check_base_url,
            "https://user:pw@example.com",
            "base_url: must not carry credentials (user:password@); the client sends its token itself",
        ),
        (check_base_url, "http://:80", "base_url: has no host"),
        (check_base_url, "https://example.com/../x", "base_url: must not contain . or .. path segments"),
        (check_base_url, "https://example.com/v1/./x", "base_url: must not contain . or .. path segments"),
        (check_timeout, "5", "timeout: must be a number of seconds or an httpx.Timeout, not str"),
        (check_timeout, -1.0, "timeout: must be a positive, finite number of seconds, got -1.0"),
        (check_max_retries, "2", "max_retries: must be an int from 0 to 10, not str"),
        (check_max_retries, 99, "max_retries: must be from 0 (no retries) to 10, got 99"),
    ],
)
def test_each_option_refusal_says_exactly_what_is_wrong(
    check: Callable[[Any], object], value: object, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check(value)
    assert str(caught.value) == message
    assert caught.value.field == message.split(":")[0]
