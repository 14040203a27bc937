"""contiguity_ext.webhooks: signature checks against independently computed HMACs, and parsing."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from contiguity_client.models import (
    Attachment,
    EmailContact,
    EmailHeaderContact,
    EmailIncomingAttachment,
    EmailIncomingData,
    EmailIncomingEvent,
    ImessageIncomingData,
    ImessageIncomingEvent,
    NumbersSubstitutionData,
    NumbersSubstitutionEvent,
    ReverseOtpVerifiedData,
    ReverseOtpVerifiedEvent,
    TextDeliveryConfirmedData,
    TextDeliveryConfirmedEvent,
    TextDeliveryFailedData,
    TextDeliveryFailedEvent,
    TextIncomingMmsData,
    TextIncomingMmsEvent,
    TextIncomingSmsData,
    TextIncomingSmsEvent,
    WebhookEvent,
)
from contiguity_client.types import Unset
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import Headers as StarletteHeaders

from contiguity_ext.errors import ContiguityError, ValidationError
from contiguity_ext.webhooks import (
    DEFAULT_TOLERANCE,
    EVENT_MODELS,
    SIGNATURE_HEADER,
    WebhookVerificationError,
    construct_event,
    parse_event,
    sign,
    verify_signature,
)

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"
SECRET = "whsec_test_secret"
T = 1_757_916_599
BODY = b'{"id":"evt_abc","type":"text.incoming.sms"}'
# `printf '1757916599.{...BODY...}' | openssl dgst -sha256 -hmac whsec_test_secret`
OPENSSL_DIGEST = "bbac480646343acebb2206a7a486d9afb97ddc26f9545d264d74e461a9c719f6"


def digest(body: bytes, secret: str = SECRET, t: int | str = T) -> str:
    """The v1 value, computed here without the module under test."""
    return hmac.new(secret.encode("utf-8"), f"{t}.".encode() + body, hashlib.sha256).hexdigest()


def header(body: bytes, secret: str = SECRET, t: int = T) -> str:
    return f"t={t},v1={digest(body, secret, t)}"


VALID = header(BODY)
OTHER = digest(BODY, secret="whsec_other")


# ---- verify_signature ----------------------------------------------------------------------


def test_reference_vector_matches_openssl() -> None:
    assert digest(BODY) == OPENSSL_DIGEST
    assert verify_signature(BODY, f"t={T},v1={OPENSSL_DIGEST}", SECRET, now=T)


def test_valid_signature_verifies() -> None:
    assert verify_signature(BODY, VALID, SECRET, now=T)


def test_tampered_body_fails() -> None:
    assert not verify_signature(BODY.replace(b"abc", b"abd"), VALID, SECRET, now=T)
    assert not verify_signature(BODY + b"\n", VALID, SECRET, now=T)


def test_wrong_secret_fails() -> None:
    assert not verify_signature(BODY, VALID, "whsec_other", now=T)


def test_secret_is_the_whole_string_not_decoded() -> None:
    # A header keyed with the prefix stripped (Standard Webhooks style) must not verify.
    stripped = header(BODY, secret=SECRET.removeprefix("whsec_"))
    assert not verify_signature(BODY, stripped, SECRET, now=T)


def test_str_body_is_signed_as_utf8() -> None:
    text = '{"body":"héllo ✓"}'
    signed = header(text.encode("utf-8"))
    assert verify_signature(text, signed, SECRET, now=T)
    assert verify_signature(text.encode("utf-8"), signed, SECRET, now=T)
    assert not verify_signature(text.encode("latin-1", "replace"), signed, SECRET, now=T)


def test_bytes_like_bodies_are_accepted() -> None:
    assert verify_signature(bytearray(BODY), VALID, SECRET, now=T)  # type: ignore[arg-type]
    assert verify_signature(memoryview(BODY), VALID, SECRET, now=T)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("now", "tolerance", "expected"),
    [
        pytest.param(T + DEFAULT_TOLERANCE, DEFAULT_TOLERANCE, True, id="exactly-tolerance-old"),
        pytest.param(T - DEFAULT_TOLERANCE, DEFAULT_TOLERANCE, True, id="exactly-tolerance-ahead"),
        pytest.param(T + DEFAULT_TOLERANCE + 1, DEFAULT_TOLERANCE, False, id="stale"),
        pytest.param(T - DEFAULT_TOLERANCE - 1, DEFAULT_TOLERANCE, False, id="future"),
        pytest.param(T + 300.9, 300, True, id="fractional-now-is-floored"),
        pytest.param(T + 86_400, 300, False, id="a-day-old"),
        pytest.param(T + 10, 10, True, id="custom-tolerance-boundary"),
        pytest.param(T + 11, 10, False, id="custom-tolerance-stale"),
        pytest.param(T, 0, True, id="zero-tolerance-same-second"),
        pytest.param(T + 1, 0, False, id="zero-tolerance-one-second-late"),
        pytest.param(float("nan"), 300, False, id="nan-clock"),
        pytest.param(float("inf"), 300, False, id="infinite-clock"),
    ],
)
def test_replay_window(now: float, tolerance: int, expected: bool) -> None:
    assert verify_signature(BODY, VALID, SECRET, tolerance, now=now) is expected


@pytest.mark.parametrize("tolerance", [-1, 1.5, float("nan"), True, "300"])
@pytest.mark.parametrize("check", [verify_signature, construct_event])
def test_a_tolerance_that_is_not_whole_seconds_is_the_callers_mistake(tolerance: Any, check: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        check(BODY, VALID, SECRET, tolerance, now=T)
    assert caught.value.field == "tolerance"
    assert str(caught.value) == f"tolerance: must be a whole number of seconds, 0 or more; got {tolerance!r}"


def test_default_clock_is_the_current_time() -> None:
    fresh = header(BODY, t=int(time.time()))
    assert verify_signature(BODY, fresh, SECRET)
    assert not verify_signature(BODY, VALID, SECRET)  # T is long past


_V1 = digest(BODY)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(None, id="none"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("garbage", id="garbage"),
        pytest.param(f"v1={_V1}", id="missing-t"),
        pytest.param(f"t={T}", id="missing-v1"),
        pytest.param(f"t={T},v1=", id="empty-v1"),
        pytest.param(f"t=,v1={_V1}", id="empty-t"),
        pytest.param(f"t=abc,v1={_V1}", id="non-numeric-t"),
        pytest.param(f"t=-{T},v1={_V1}", id="negative-t"),
        pytest.param(f"t=1.5,v1={_V1}", id="fractional-t"),
        pytest.param(f"t=¹²³,v1={_V1}", id="non-ascii-digits-t"),
        pytest.param(f"t={'9' * 5000},v1={_V1}", id="huge-t"),
        pytest.param(f"t={T},t={T},v1={_V1}", id="duplicate-t"),
        pytest.param(f"t={T},v1={'z' * 64}", id="non-hex-v1"),
        pytest.param(f"t={T},v1={_V1.upper()}", id="uppercase-hex-v1"),
        pytest.param(f"t={T},v1={_V1[:-1]}", id="short-v1"),
        pytest.param(f"t={T},v1={_V1}0", id="long-v1"),
        pytest.param(f"t={T},v1=ü{_V1[1:]}", id="non-ascii-v1"),
        pytest.param(f"t={T},v2={_V1}", id="only-unknown-scheme"),
        pytest.param(f"t={T},v1={_V1},junk", id="part-without-equals"),
        pytest.param(f"t={T};v1={_V1}", id="wrong-separator"),
        pytest.param(f"T={T},V1={_V1}", id="uppercase-keys"),
    ],
)
def test_malformed_headers_fail_without_raising(value: str | None) -> None:
    assert not verify_signature(BODY, value, SECRET, now=T)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(f" t={T} , v1={_V1} ", id="spaces-around-parts"),
        pytest.param(f"t = {T},v1 = {_V1}", id="spaces-around-equals"),
        pytest.param(f"t={T},v1={_V1},", id="trailing-comma"),
        pytest.param(f"v1={_V1},t={T}", id="v1-first"),
        pytest.param(f"t={T},v0=legacy,v1={_V1}", id="unknown-scheme-ignored"),
        pytest.param(f"t={T},v1={OTHER},v1={_V1}", id="second-of-two-matches"),
        pytest.param(f"t={T},v1={_V1},v1={OTHER}", id="first-of-two-matches"),
        pytest.param(f"t={T},v1=nothex,v1={_V1}", id="bad-entry-beside-good-one"),
    ],
)
def test_tolerated_header_forms(value: str) -> None:
    assert verify_signature(BODY, value, SECRET, now=T)


def test_no_v1_entry_matching_fails() -> None:
    assert not verify_signature(BODY, f"t={T},v1={OTHER},v1={'0' * 64}", SECRET, now=T)


def test_timestamp_digits_are_signed_as_sent() -> None:
    # Leading zeros are part of the signed payload, exactly as the header spells them.
    padded = f"00{T}"
    assert verify_signature(BODY, f"t={padded},v1={digest(BODY, t=padded)}", SECRET, now=T)
    assert not verify_signature(BODY, f"t={padded},v1={_V1}", SECRET, now=T)


@pytest.mark.parametrize(
    "name",
    ["Contiguity-Signature", "contiguity-signature", "CONTIGUITY-SIGNATURE", "cOnTiGuItY-sIgNaTuRe"],
)
def test_headers_mapping_is_searched_case_insensitively(name: str) -> None:
    headers = {"Content-Type": "application/json", name: VALID}
    assert verify_signature(BODY, headers, SECRET, now=T)
    assert not verify_signature(BODY, headers, "whsec_other", now=T)


def test_http_library_header_objects_work() -> None:
    assert verify_signature(BODY, httpx.Headers({"contiguity-signature": VALID}), SECRET, now=T)


def test_starlette_request_headers_work() -> None:
    headers = StarletteHeaders(
        raw=[(b"content-type", b"application/json"), (b"contiguity-signature", VALID.encode())]
    )
    assert verify_signature(BODY, headers, SECRET, now=T)


def test_headers_mapping_without_signature_fails() -> None:
    assert not verify_signature(BODY, {}, SECRET, now=T)
    assert not verify_signature(BODY, {"X-Signature": VALID}, SECRET, now=T)
    assert not verify_signature(BODY, {SIGNATURE_HEADER: 42}, SECRET, now=T)  # type: ignore[dict-item]
    assert not verify_signature(BODY, [(SIGNATURE_HEADER, VALID)], SECRET, now=T)  # type: ignore[list-item]


@pytest.mark.parametrize("secret", ["", None, 123, "whsec_\ud800"])
def test_unusable_secret_fails_without_raising(secret: Any) -> None:
    assert not verify_signature(BODY, VALID, secret, now=T)


@pytest.mark.parametrize("body", [None, 123, ["x"], "bad \ud800 text"])
def test_unusable_body_fails_without_raising(body: Any) -> None:
    assert not verify_signature(body, VALID, SECRET, now=T)


@given(
    body=st.binary(min_size=1, max_size=256),
    secret=st.text(min_size=1, max_size=64),
    timestamp=st.integers(min_value=0, max_value=2**40),
    data=st.data(),
)
def test_sign_then_verify_round_trips_and_any_flipped_byte_fails(
    body: bytes, secret: str, timestamp: int, data: st.DataObject
) -> None:
    signed = sign(body, secret, timestamp=timestamp)
    assert verify_signature(body, signed, secret, now=timestamp)

    index = data.draw(st.integers(min_value=0, max_value=len(body) - 1), label="index")
    mask = data.draw(st.integers(min_value=1, max_value=255), label="mask")
    tampered = bytearray(body)
    tampered[index] ^= mask
    assert not verify_signature(bytes(tampered), signed, secret, now=timestamp)


# ---- sign ----------------------------------------------------------------------------------


def test_sign_matches_the_reference_computation() -> None:
    assert sign(BODY, SECRET, timestamp=T) == VALID
    assert sign(BODY.decode(), SECRET, timestamp=T) == VALID


def test_sign_defaults_to_the_current_time() -> None:
    before = int(time.time())
    value = sign(BODY, SECRET)
    after = int(time.time())
    stamp, v1 = value.split(",")
    t = int(stamp.removeprefix("t="))
    assert before <= t <= after
    assert v1 == f"v1={digest(BODY, t=t)}"


def test_sign_rejects_unusable_input() -> None:
    with pytest.raises(ValidationError, match="secret"):
        sign(BODY, "")
    with pytest.raises(ValidationError, match="timestamp"):
        sign(BODY, SECRET, timestamp=-1)


# ---- parse_event ---------------------------------------------------------------------------


def envelope(event_type: str, data: Any) -> dict[str, Any]:
    return {
        "id": "evt_01JBX8Z4Q9M2",
        "type": event_type,
        "timestamp": T,
        "api_version": "v2026.8.2",
        "data": data,
    }


def encode(payload: Any) -> bytes:
    return json.dumps(payload).encode("utf-8")


ATTACHMENT = {"url": "https://cdn.contiguity.com/a/cat.jpg", "mime": "image/jpeg", "filename": "cat.jpg"}
CONTACT = {"name": "Ada Lovelace", "address": "ada@example.com", "complete": "Ada Lovelace <ada@example.com>"}
NAMELESS = {"name": None, "address": "bob@example.com", "complete": "bob@example.com"}

PAYLOADS: dict[str, dict[str, Any]] = {
    "text.incoming.sms": envelope(
        "text.incoming.sms",
        {"from": "+15555550123", "to": "+16465550100", "body": "STOP", "timestamp": T},
    ),
    "text.incoming.mms": envelope(
        "text.incoming.mms",
        {
            "from": "+15555550123",
            "to": "+16465550100",
            "body": "look",
            "timestamp": T,
            "attachments": [ATTACHMENT],
        },
    ),
    "text.delivery.confirmed": envelope(
        "text.delivery.confirmed",
        {"from": "+16465550100", "to": "+15555550123", "message_id": "msg_9f8e7d", "timestamp": T},
    ),
    "text.delivery.failed": envelope(
        "text.delivery.failed",
        {
            "from": "+16465550100",
            "to": "+15555550123",
            "message_id": "msg_9f8e7d",
            "timestamp": T,
            "error": "Carrier rejected the message",
        },
    ),
    "imessage.incoming": envelope(
        "imessage.incoming",
        {"from": "+15555550123", "to": "+16465550100", "body": "hi 👋", "timestamp": T, "attachments": []},
    ),
    "numbers.substitution": envelope(
        "numbers.substitution",
        {
            "original_number": "+16465550100",
            "used_number": "+16465550111",
            "reason": "requested_unavailable_random_used",
            "message_id": "text_4b3a2c",
            "timestamp": T,
        },
    ),
    "otp.reverse.verified": envelope(
        "otp.reverse.verified",
        {"otp_id": "r_otp_7c6b5a", "number": "+15555550123", "status": "verified"},
    ),
    "email.incoming": envelope(
        "email.incoming",
        {
            "email_id": "in_email_3d2c1b",
            "from": CONTACT,
            "to": NAMELESS,
            "cc": [CONTACT],
            "bcc": [],
            "reply_to": None,
            "subject": "Re: invoice",
            "body": {"text": "Thanks!", "html": "<p>Thanks!</p>", "raw": "From: Ada...\r\n\r\nThanks!"},
            "timestamp": T,
            "headers": {
                "return-path": [{"name": "Ada Lovelace", "address": "bounce@example.com"}],
                "x-mailer": "Mail 16.0",
            },
            "in_reply_to": "<abc@example.com>",
            "references": ["<abc@example.com>"],
            "attachments": [
                {
                    "id": "att_1a2b",
                    "filename": "invoice.pdf",
                    "content_type": "application/pdf",
                    "size": 48213,
                    "url": "https://cdn.contiguity.com/att_1a2b/invoice.pdf",
                }
            ],
        },
    ),
}


@pytest.mark.parametrize("event_type", sorted(PAYLOADS))
def test_every_event_type_parses_to_its_model_losslessly(event_type: str) -> None:
    payload = PAYLOADS[event_type]
    event = parse_event(encode(payload))
    assert type(event) is EVENT_MODELS[event_type]
    assert event.type_ == event_type
    assert event.id == "evt_01JBX8Z4Q9M2"
    assert event.timestamp == T
    assert event.api_version == "v2026.8.2"
    assert event.to_dict() == payload


def test_text_incoming_sms_fields() -> None:
    event = parse_event(encode(PAYLOADS["text.incoming.sms"]))
    assert isinstance(event, TextIncomingSmsEvent)
    assert isinstance(event.data, TextIncomingSmsData)
    assert (event.data.from_, event.data.to, event.data.body) == ("+15555550123", "+16465550100", "STOP")
    assert event.data.timestamp == T


def test_text_incoming_mms_fields() -> None:
    event = parse_event(encode(PAYLOADS["text.incoming.mms"]))
    assert isinstance(event, TextIncomingMmsEvent)
    assert isinstance(event.data, TextIncomingMmsData)
    [attachment] = event.data.attachments
    assert isinstance(attachment, Attachment)
    assert (attachment.url, attachment.mime, attachment.filename) == (
        "https://cdn.contiguity.com/a/cat.jpg",
        "image/jpeg",
        "cat.jpg",
    )


def test_text_delivery_events_fields() -> None:
    confirmed = parse_event(encode(PAYLOADS["text.delivery.confirmed"]))
    assert isinstance(confirmed, TextDeliveryConfirmedEvent)
    assert isinstance(confirmed.data, TextDeliveryConfirmedData)
    assert confirmed.data.message_id == "msg_9f8e7d"

    failed = parse_event(encode(PAYLOADS["text.delivery.failed"]))
    assert isinstance(failed, TextDeliveryFailedEvent)
    assert isinstance(failed.data, TextDeliveryFailedData)
    assert failed.data.error == "Carrier rejected the message"


def test_imessage_incoming_fields() -> None:
    event = parse_event(encode(PAYLOADS["imessage.incoming"]).decode("utf-8"))
    assert isinstance(event, ImessageIncomingEvent)
    assert isinstance(event.data, ImessageIncomingData)
    assert event.data.body == "hi 👋"
    assert event.data.attachments == []


def test_numbers_substitution_fields() -> None:
    event = parse_event(encode(PAYLOADS["numbers.substitution"]))
    assert isinstance(event, NumbersSubstitutionEvent)
    assert isinstance(event.data, NumbersSubstitutionData)
    assert event.data.used_number == "+16465550111"
    assert event.data.reason == "requested_unavailable_random_used"


def test_reverse_otp_verified_fields() -> None:
    event = parse_event(encode(PAYLOADS["otp.reverse.verified"]))
    assert isinstance(event, ReverseOtpVerifiedEvent)
    assert isinstance(event.data, ReverseOtpVerifiedData)
    assert (event.data.otp_id, event.data.status) == ("r_otp_7c6b5a", "verified")


def test_email_incoming_fields() -> None:
    event = parse_event(encode(PAYLOADS["email.incoming"]))
    assert isinstance(event, EmailIncomingEvent)
    data = event.data
    assert isinstance(data, EmailIncomingData)
    assert isinstance(data.from_, EmailContact)
    assert data.from_.complete == "Ada Lovelace <ada@example.com>"
    assert data.to.name is None
    assert data.reply_to is None
    assert [c.address for c in data.cc] == ["ada@example.com"]
    assert data.body.html == "<p>Thanks!</p>"
    assert data.references == ["<abc@example.com>"]
    return_path = data.headers.return_path
    assert not isinstance(return_path, Unset)
    assert return_path == [EmailHeaderContact(name="Ada Lovelace", address="bounce@example.com")]
    assert data.headers["x-mailer"] == "Mail 16.0"
    [attachment] = data.attachments
    assert isinstance(attachment, EmailIncomingAttachment)
    assert attachment.size == 48213


def test_email_reply_to_may_be_a_contact() -> None:
    payload = PAYLOADS["email.incoming"]
    event = parse_event(encode({**payload, "data": {**payload["data"], "reply_to": CONTACT}}))
    assert isinstance(event, EmailIncomingEvent)
    assert isinstance(event.data, EmailIncomingData)
    assert isinstance(event.data.reply_to, EmailContact)
    assert event.data.reply_to.address == "ada@example.com"


def test_unknown_type_parses_as_the_generic_event() -> None:
    payload = envelope(
        "identity.verification_session.verified",
        {"verification_session": "vs_1", "verification_report": "vr_2"},
    )
    event = parse_event(encode(payload))
    assert type(event) is WebhookEvent
    assert event.type_ == "identity.verification_session.verified"
    assert not isinstance(event.data, Unset)
    assert event.data["verification_report"] == "vr_2"
    assert event.to_dict() == payload


def test_string_formats_are_not_enforced_on_inbound_events() -> None:
    # An event with an odd URL is still one the receiver wants; the model keeps it as a string.
    odd = {**ATTACHMENT, "url": "cdn.contiguity.com/a/cat.jpg"}
    event = parse_event(encode(_with_data("text.incoming.mms", attachments=[odd])))
    assert isinstance(event, TextIncomingMmsEvent)
    assert isinstance(event.data, TextIncomingMmsData)
    assert event.data.attachments[0].url == "cdn.contiguity.com/a/cat.jpg"


def test_extra_fields_are_kept_for_forward_compatibility() -> None:
    payload = PAYLOADS["text.incoming.sms"]
    extended = {**payload, "attempt": 2, "data": {**payload["data"], "carrier": "T-Mobile"}}
    event = parse_event(encode(extended))
    assert isinstance(event, TextIncomingSmsEvent)
    assert event["attempt"] == 2
    assert isinstance(event.data, TextIncomingSmsData)
    assert event.data["carrier"] == "T-Mobile"


def _without(mapping: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k != key}


def _with_data(event_type: str, **changes: Any) -> dict[str, Any]:
    payload = PAYLOADS[event_type]
    return {**payload, "data": {**payload["data"], **changes}}


SMS = PAYLOADS["text.incoming.sms"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(b"", "not valid JSON", id="empty"),
        pytest.param(b"not json", "not valid JSON", id="not-json"),
        pytest.param(b'{"id": "evt_1",', "not valid JSON", id="truncated"),
        pytest.param(b"\xff\xfe{}", "not UTF-8", id="not-utf8"),
        pytest.param(b"[" * 200_000 + b"]" * 200_000, "not valid JSON", id="nested-too-deep"),
        pytest.param(b"1" * 5000, "not valid JSON", id="integer-too-long"),
        pytest.param(b"[]", "must be a JSON object, got list", id="array"),
        pytest.param(b'"evt"', "must be a JSON object, got str", id="string"),
        pytest.param(b"null", "must be a JSON object, got NoneType", id="null"),
        pytest.param(encode(_without(SMS, "id")), "id", id="missing-id"),
        pytest.param(encode(_without(SMS, "type")), "type", id="missing-type"),
        pytest.param(encode(_without(SMS, "timestamp")), "timestamp", id="missing-timestamp"),
        pytest.param(encode(_without(SMS, "api_version")), "api_version", id="missing-api-version"),
        pytest.param(encode(_without(SMS, "data")), "data", id="missing-data"),
        pytest.param(encode({**SMS, "id": 7}), "event.id must be string", id="id-not-string"),
        pytest.param(encode({**SMS, "type": ["text.incoming.sms"]}), "event.type", id="type-list"),
        pytest.param(encode({**SMS, "type": None}), "event.type", id="type-null"),
        pytest.param(encode({**SMS, "timestamp": "1757916599"}), "event.timestamp", id="ts-string"),
        pytest.param(encode({**SMS, "timestamp": True}), "event.timestamp", id="ts-bool"),
        pytest.param(encode({**SMS, "data": ["x"]}), "event.data must be object", id="data-list"),
        pytest.param(encode(envelope("identity.x", None)), "event.data", id="unknown-type-null-data"),
        pytest.param(
            encode(_with_data("text.incoming.sms", **{"from": 15555550123})), "event.data.from", id="from-int"
        ),
        pytest.param(
            encode({**SMS, "data": _without(SMS["data"], "body")}),
            "text.incoming.sms event",
            id="sms-no-body",
        ),
        pytest.param(
            encode(_with_data("text.incoming.mms", attachments={"url": "x"})),
            "attachments",
            id="mms-attachments-object",
        ),
        pytest.param(
            encode(_with_data("text.incoming.mms", attachments=[_without(ATTACHMENT, "mime")])),
            "attachments",
            id="mms-attachment-missing-mime",
        ),
        pytest.param(
            encode(_with_data("otp.reverse.verified", status="pending")),
            "status",
            id="otp-status-not-verified",
        ),
        pytest.param(
            encode(_with_data("email.incoming", reply_to="ada@example.com")),
            "reply_to",
            id="email-reply-to-str",
        ),
        pytest.param(encode(_with_data("email.incoming", cc=None)), "cc", id="email-cc-null"),
        pytest.param(
            encode(_with_data("email.incoming", headers={"return-path": "bounce@example.com"})),
            "return-path",
            id="email-return-path-str",
        ),
    ],
)
def test_malformed_bodies_raise_webhook_verification_error(body: bytes, message: str) -> None:
    with pytest.raises(WebhookVerificationError, match=message) as caught:
        parse_event(body)
    assert isinstance(caught.value, ContiguityError)
    assert isinstance(caught.value, ValueError)


def test_non_text_body_raises_webhook_verification_error() -> None:
    with pytest.raises(WebhookVerificationError, match="bytes or str, got NoneType"):
        parse_event(None)  # type: ignore[arg-type]


def test_model_errors_never_leak(monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulates the generated model and the bundled spec disagreeing.
    def broken(cls: type[TextIncomingSmsEvent], src: Any) -> TextIncomingSmsEvent:
        raise KeyError("from")

    monkeypatch.setattr(TextIncomingSmsEvent, "from_dict", classmethod(broken))
    with pytest.raises(WebhookVerificationError, match="does not fit TextIncomingSmsEvent") as caught:
        parse_event(encode(SMS))
    assert isinstance(caught.value.__cause__, KeyError)


def test_event_models_cover_exactly_the_spec_webhooks() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    webhooks = spec["webhooks"]
    assert set(EVENT_MODELS) == set(webhooks)
    for event_type, model in EVENT_MODELS.items():
        body_ref = webhooks[event_type]["post"]["requestBody"]["$ref"]
        request_body = spec["components"]["requestBodies"][body_ref.rsplit("/", 1)[1]]
        schema_ref = request_body["content"]["application/json"]["schema"]["$ref"]
        schema_name = schema_ref.rsplit("/", 1)[1]
        assert model.__name__ == schema_name
        consts = [
            part["properties"]["type"]["const"]
            for part in spec["components"]["schemas"][schema_name]["allOf"]
            if "type" in part.get("properties", {})
        ]
        assert consts == [event_type]


# ---- construct_event -----------------------------------------------------------------------


def test_construct_event_verifies_then_parses() -> None:
    body = encode(PAYLOADS["otp.reverse.verified"])
    event = construct_event(body, {"contiguity-signature": header(body)}, SECRET, now=T + 5)
    assert isinstance(event, ReverseOtpVerifiedEvent)
    assert event.id == "evt_01JBX8Z4Q9M2"


def test_construct_event_accepts_the_header_value_and_str_body() -> None:
    body = encode(PAYLOADS["text.incoming.sms"])
    event = construct_event(body.decode(), header(body), SECRET, tolerance=10, now=T)
    assert isinstance(event, TextIncomingSmsEvent)


@pytest.mark.parametrize(
    ("signature", "secret", "now", "reason"),
    [
        pytest.param(None, SECRET, T, "no Contiguity-Signature header", id="missing"),
        pytest.param("t=1", SECRET, T, "malformed", id="malformed"),
        pytest.param(f"t={T},v1={'0' * 64}", SECRET, T, "no v1 signature matches", id="mismatch"),
        pytest.param("VALID", "whsec_other", T, "no v1 signature matches", id="wrong-secret"),
        pytest.param("VALID", "", T, "secret is empty", id="empty-secret"),
        pytest.param("VALID", SECRET, T + 301, "301 s old", id="stale"),
        pytest.param("VALID", SECRET, T - 400, "400 s in the future", id="future"),
        pytest.param("VALID", SECRET, float("nan"), "not a finite number", id="nan-clock"),
    ],
)
def test_construct_event_explains_a_bad_signature(
    signature: str | None, secret: str, now: float, reason: str
) -> None:
    body = encode(SMS)
    value = header(body) if signature == "VALID" else signature
    with pytest.raises(WebhookVerificationError, match="signature verification failed") as caught:
        construct_event(body, value, secret, now=now)
    assert reason in str(caught.value)
    assert digest(body) not in str(caught.value)


def test_construct_event_explains_unencodable_input() -> None:
    with pytest.raises(WebhookVerificationError, match="not encodable as UTF-8"):
        construct_event("\ud800", header(b"x"), SECRET, now=T)
    with pytest.raises(WebhookVerificationError, match="neither bytes nor str"):
        construct_event(None, header(b"x"), SECRET, now=T)  # type: ignore[arg-type]


def test_construct_event_rejects_a_signed_body_that_is_not_an_event() -> None:
    body = b'{"message": "Incoming message received", "crumbs": {}}'  # a v1 (legacy) payload
    with pytest.raises(WebhookVerificationError, match="not a valid webhook event") as caught:
        construct_event(body, header(body), SECRET, now=T)
    assert "signature" not in str(caught.value)


# ---- what each refusal says ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "field", "message"),
    [
        ({"secret": ""}, "secret", "must be a non-empty string"),
        ({"timestamp": -1}, "timestamp", "must be a Unix time in seconds, not negative"),
    ],
)
def test_sign_names_the_field_and_says_why(arguments: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        sign(BODY, **{"secret": SECRET, **arguments})
    assert caught.value.field == field
    assert str(caught.value) == f"{field}: {message}"


@pytest.mark.parametrize(
    ("header_value", "secret", "now", "reason"),
    [
        (VALID, "", T, "the webhook secret is empty"),
        ([], SECRET, T, f"no {SIGNATURE_HEADER} header"),
        ([VALID, "garbage"], SECRET, T, f"malformed {SIGNATURE_HEADER} header"),
        (VALID, SECRET, float("nan"), "the current time is not a finite number"),
        (VALID, SECRET, T + 301, "the signature is 301 s old, more than the 300 s tolerance"),
        (VALID, SECRET, T - 301, "the signature is 301 s in the future, more than the 300 s tolerance"),
        # Of several stale signatures, the one nearest to now is reported.
        (
            [header(BODY, t=T - 1000), header(BODY, t=T + 400)],
            SECRET,
            T,
            "the signature is 400 s in the future",
        ),
        ([header(BODY, t=T + 1000), header(BODY, t=T - 400)], SECRET, T, "the signature is 400 s old"),
        (f"t={T},v1={OTHER}", SECRET, T, "no v1 signature matches the body and secret"),
        (f"t={T},v1=not-hex", SECRET, T, f"malformed {SIGNATURE_HEADER} header"),
        ("\ud800", SECRET, T, f"malformed {SIGNATURE_HEADER} header"),
        (VALID, "\ud800", T, "the secret or body is not encodable as UTF-8"),
        (VALID, SECRET, T + 1, "the signature is 1 s old, more than the 0 s tolerance"),
    ],
)
def test_construct_event_says_why_a_signature_fails(
    header_value: str | list[str], secret: str, now: float, reason: str
) -> None:
    tolerance = 0 if "the 0 s tolerance" in reason else 300
    with pytest.raises(WebhookVerificationError) as caught:
        construct_event(BODY, header_value, secret, tolerance, now=now)
    assert str(caught.value).startswith(f"webhook signature verification failed: {reason}")
    assert verify_signature(BODY, header_value, secret, tolerance, now=now) is False


def test_a_body_neither_bytes_nor_str_is_refused_saying_so() -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        construct_event(123, VALID, SECRET, now=T)  # type: ignore[arg-type]
    assert str(caught.value) == "webhook signature verification failed: the body is neither bytes nor str"
    with pytest.raises(WebhookVerificationError) as caught:
        parse_event(123)  # type: ignore[arg-type]
    assert str(caught.value) == "webhook body must be bytes or str, got int"


def test_empty_parts_of_a_header_are_skipped() -> None:
    assert verify_signature(BODY, f"t={T},,v1={digest(BODY)}", SECRET, now=T)


NULL_IN_OPTIONAL = encode(
    {**PAYLOADS["email.incoming"], "data": {**PAYLOADS["email.incoming"]["data"], "in_reply_to": None}}
)


def test_events_parse_leniently_unless_strict_is_asked_for() -> None:
    assert type(parse_event(NULL_IN_OPTIONAL)).__name__ == "EmailIncomingEvent"
    with pytest.raises(WebhookVerificationError, match=r"not a valid email\.incoming event"):
        parse_event(NULL_IN_OPTIONAL, strict=True)


def test_construct_event_passes_strict_on() -> None:
    signed = sign(NULL_IN_OPTIONAL, SECRET, timestamp=T)
    assert type(construct_event(NULL_IN_OPTIONAL, signed, SECRET, now=T)).__name__ == "EmailIncomingEvent"
    with pytest.raises(WebhookVerificationError, match=r"not a valid email\.incoming event"):
        construct_event(NULL_IN_OPTIONAL, signed, SECRET, now=T, strict=True)
