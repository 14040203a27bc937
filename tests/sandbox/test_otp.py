"""OTP codes (right and wrong, used up, expiry that a resend does not extend) and reverse OTP
sessions (pending → verified / cancelled / expired)."""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any

import pytest

from contiguity_ext.sandbox import SANDBOX_NUMBER, SandboxState
from contiguity_ext.testing import FakeClock
from tests.support.sandbox import SpecClient

THEM = "+15555550123"
FIFTEEN_MINUTES = 15 * 60


def new_otp(api: SpecClient, **extra: Any) -> str:
    return str(api.data("POST", "/otp/new", json={"to": THEM, "language": "en", **extra})["otp_id"])


def code_of(api: SpecClient, otp_id: str) -> str:
    return str(api.data("GET", f"/_sandbox/otp/{otp_id}")["code"])


def verify(api: SpecClient, otp_id: str, code: str) -> bool:
    return bool(api.data("POST", "/otp/verify", json={"otp_id": otp_id, "otp": code})["verified"])


def resend(api: SpecClient, otp_id: str) -> bool:
    return bool(api.data("POST", "/otp/resend", json={"otp_id": otp_id})["resent"])


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_the_code_is_six_digits_texted_to_the_number(api: SpecClient) -> None:
    otp_id = new_otp(api, name="Acme")
    code = code_of(api, otp_id)

    [text] = api.data("GET", "/_sandbox/messages")["messages"]

    assert re.fullmatch(r"\d{6}", code)
    assert (text["kind"], text["to"], text["message"]) == ("otp", THEM, f"Your Acme code is {code}")
    assert text["details"] == {"otp_id": otp_id, "language": "en"}


def test_the_code_is_logged(api: SpecClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="contiguity.sandbox"):
        otp_id = new_otp(api)

    assert f"OTP {otp_id} for {THEM}: {code_of(api, otp_id)}" in [
        r.getMessage() for r in caplog.records if r.name == "contiguity.sandbox"
    ]


def test_only_the_right_code_verifies(api: SpecClient) -> None:
    otp_id = new_otp(api)
    code = code_of(api, otp_id)

    assert verify(api, otp_id, wrong(code)) is False
    assert verify(api, otp_id, code) is True


def test_a_wrong_code_does_not_use_the_otp_up(api: SpecClient) -> None:
    otp_id = new_otp(api)
    code = code_of(api, otp_id)

    for _ in range(3):
        verify(api, otp_id, wrong(code))

    assert verify(api, otp_id, code) is True


def test_a_code_verifies_once(api: SpecClient) -> None:
    otp_id = new_otp(api)
    code = code_of(api, otp_id)
    verify(api, otp_id, code)

    assert verify(api, otp_id, code) is False
    assert resend(api, otp_id) is False
    assert api.data("GET", f"/_sandbox/otp/{otp_id}")["used"] is True


def test_codes_belong_to_their_otp(api: SpecClient, monkeypatch: pytest.MonkeyPatch) -> None:
    codes = iter([111111, 222222])
    monkeypatch.setattr(secrets, "randbelow", lambda _limit: next(codes))
    first, second = new_otp(api), new_otp(api)

    assert verify(api, first, "222222") is False
    assert verify(api, second, "222222") is True
    assert verify(api, first, "111111") is True


def test_the_code_expires_fifteen_minutes_after_it_was_sent(api: SpecClient, clock: FakeClock) -> None:
    otp_id = new_otp(api)
    code = code_of(api, otp_id)

    clock.advance(FIFTEEN_MINUTES - 1)
    assert api.data("GET", f"/_sandbox/otp/{otp_id}")["expired"] is False
    clock.advance(1)

    assert verify(api, otp_id, code) is False
    assert api.data("GET", f"/_sandbox/otp/{otp_id}")["expired"] is True


def test_a_resend_texts_the_same_code_without_extending_it(api: SpecClient, clock: FakeClock) -> None:
    otp_id = new_otp(api)
    code = code_of(api, otp_id)
    expires_at = api.data("GET", f"/_sandbox/otp/{otp_id}")["expires_at"]

    clock.advance(10 * 60)
    assert resend(api, otp_id) is True
    clock.advance(5 * 60)

    texts = [m["message"] for m in api.data("GET", "/_sandbox/messages")["messages"]]
    assert texts == [f"Your verification code is {code}"] * 2
    assert api.data("GET", f"/_sandbox/otp/{otp_id}")["expires_at"] == expires_at
    assert verify(api, otp_id, code) is False
    assert resend(api, otp_id) is False


def test_the_code_still_verifies_just_before_expiry_after_a_resend(api: SpecClient, clock: FakeClock) -> None:
    otp_id = new_otp(api)
    clock.advance(14 * 60)
    resend(api, otp_id)
    clock.advance(59)

    assert verify(api, otp_id, code_of(api, otp_id)) is True


def test_sandbox_time_can_be_advanced_over_http(api: SpecClient, clock: FakeClock) -> None:
    otp_id = new_otp(api)

    now = api.data("POST", "/_sandbox/advance", json={"seconds": FIFTEEN_MINUTES})["now"]

    assert now == clock.now + FIFTEEN_MINUTES
    assert verify(api, otp_id, code_of(api, otp_id)) is False
    assert (
        "body.seconds: must be bigger than or equal to 0"
        in api.error("POST", "/_sandbox/advance", 400, json={"seconds": -1})["error"]
    )


def test_sandbox_time_never_goes_back() -> None:
    state = SandboxState(clock=FakeClock())

    with pytest.raises(ValueError, match="only moves forward"):
        state.advance(-1)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/otp/verify", {"otp_id": "otp_missing", "otp": "123456"}),
        ("POST", "/otp/resend", {"otp_id": "otp_missing"}),
        ("GET", "/_sandbox/otp/otp_missing", None),
    ],
)
def test_an_unknown_otp_is_a_404(api: SpecClient, method: str, path: str, body: Any) -> None:
    assert api.error(method, path, 404, json=body)["error"] == "No OTP with id 'otp_missing'"


# ---- reverse OTP -------------------------------------------------------------------------


def initiate(api: SpecClient, **body: Any) -> dict[str, Any]:
    return dict(api.data("POST", "/otp/reverse/initiate", json={"number": THEM, **body}))


def status(api: SpecClient, otp_id: str) -> str:
    return str(api.data("GET", f"/otp/reverse/verify/{otp_id}")["status"])


def inbound(
    api: SpecClient, body: str, *, from_: str = THEM, to: str = SANDBOX_NUMBER, **extra: str
) -> dict[str, Any]:
    return dict(api.data("POST", "/_sandbox/inbound", json={"from": from_, "to": to, "body": body, **extra}))


def test_a_session_has_a_factor_to_text_to_a_number(api: SpecClient) -> None:
    session = initiate(api)

    assert re.fullmatch(r"\d{4}", session["factor"])
    assert (session["number"], session["to"], session["service"]) == (THEM, SANDBOX_NUMBER, "sms")
    assert session["ui"]["qr_code"] == f"sms:{SANDBOX_NUMBER}?body={session['factor']}"
    assert session["factor"] in session["ui"]["text"]
    assert session["success_url"] is None
    assert status(api, session["otp_id"]) == "pending"


def test_the_qr_code_escapes_the_factor(api: SpecClient) -> None:
    session = initiate(api, factor="yes & go", to="+13055550142")

    assert session["ui"]["qr_code"] == "sms:+13055550142?body=yes%20%26%20go"


def test_texting_the_factor_verifies_the_session(api: SpecClient) -> None:
    session = initiate(api, factor="Blue Whale", to="+13055550142")

    received = inbound(api, "  blue whale ", to="+13055550142")

    assert received["reverse_otp"] == {"otp_id": session["otp_id"], "status": "verified"}
    assert status(api, session["otp_id"]) == "verified"


@pytest.mark.parametrize(
    ("body", "sender", "number", "channel"),
    [
        ("0000x", THEM, SANDBOX_NUMBER, "text"),
        ("{factor}", "+15555550177", SANDBOX_NUMBER, "text"),
        ("{factor}", THEM, "+13055550142", "text"),
        ("{factor}", THEM, SANDBOX_NUMBER, "imessage"),
    ],
    ids=["wrong factor", "wrong sender", "wrong number", "wrong service"],
)
def test_other_texts_leave_the_session_pending(
    api: SpecClient, body: str, sender: str, number: str, channel: str
) -> None:
    session = initiate(api)

    received = inbound(api, body.format(factor=session["factor"]), from_=sender, to=number, channel=channel)

    assert received["reverse_otp"] is None
    assert status(api, session["otp_id"]) == "pending"


def test_an_imessage_session_is_verified_by_an_imessage(api: SpecClient) -> None:
    session = initiate(api, service="imessage")

    inbound(api, session["factor"], channel="imessage")

    assert status(api, session["otp_id"]) == "verified"


def test_a_cancelled_session_is_not_verified_by_a_later_text(api: SpecClient) -> None:
    session = initiate(api)

    cancelled = api.data("POST", f"/otp/reverse/cancel/{session['otp_id']}")
    inbound(api, session["factor"])

    assert cancelled == {"otp_id": session["otp_id"], "status": "cancelled"}
    assert status(api, session["otp_id"]) == "cancelled"
    assert (
        "is cancelled, not pending"
        in api.error("POST", f"/otp/reverse/cancel/{session['otp_id']}", 400)["error"]
    )


def test_a_verified_session_cannot_be_cancelled(api: SpecClient) -> None:
    session = initiate(api)
    inbound(api, session["factor"])

    api.error("POST", f"/otp/reverse/cancel/{session['otp_id']}", 400)
    assert status(api, session["otp_id"]) == "verified"


def test_a_session_expires(api: SpecClient, clock: FakeClock) -> None:
    session = initiate(api)

    clock.advance(FIFTEEN_MINUTES)
    inbound(api, session["factor"])

    assert status(api, session["otp_id"]) == "expired"
    api.error("POST", f"/otp/reverse/cancel/{session['otp_id']}", 400)


def test_a_text_verifies_only_one_session(api: SpecClient) -> None:
    first = initiate(api, factor="1234")
    second = initiate(api, factor="1234")

    inbound(api, "1234")

    assert sorted([status(api, first["otp_id"]), status(api, second["otp_id"])]) == ["pending", "verified"]


@pytest.mark.parametrize(("method", "action"), [("GET", "verify"), ("POST", "cancel")])
def test_an_unknown_session_is_a_404(api: SpecClient, method: str, action: str) -> None:
    api.error(method, f"/otp/reverse/{action}/r_otp_missing", 404)


def test_inbound_needs_e164_numbers(api: SpecClient) -> None:
    error = api.error(
        "POST", "/_sandbox/inbound", 400, json={"from": "555", "to": SANDBOX_NUMBER, "body": "x"}
    )

    assert "body.from: must match pattern" in error["error"]
