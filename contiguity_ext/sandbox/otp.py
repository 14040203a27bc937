"""One-time passcodes and reverse OTP sessions.

Classic OTP follows the API's rules: a 6-digit code that expires 15 minutes after it was first
sent, which a resend does not extend and a successful verification uses up. As no phone receives
the text, each code is logged (logger ``contiguity.sandbox``) and readable through
``GET /_sandbox/otp/{otp_id}``.

A reverse OTP session is verified when the sandbox is told (``POST /_sandbox/inbound``) that the
session's ``number`` texted its ``factor`` to its ``to`` number.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .core import Core, SandboxError, SentMessage, iso_time, new_id
from .fixtures import SANDBOX_NUMBER

__all__ = ["OTP_LIFETIME", "REVERSE_OTP_LIFETIME", "Otps"]

logger = logging.getLogger("contiguity.sandbox")

OTP_LIFETIME = 15 * 60
"""Seconds an OTP stays valid after it was first sent."""
REVERSE_OTP_LIFETIME = 15 * 60
"""Seconds a reverse OTP session waits for the user's text."""


@dataclass
class _Otp:
    otp_id: str
    to: str
    code: str
    text: str
    expires_at: float
    used: bool = False


@dataclass
class _Session:
    otp_id: str
    number: str
    factor: str
    to: str
    service: str
    expires_at: float
    success_url: str | None
    language: str
    status: str = "pending"

    def json(self) -> dict[str, Any]:
        return {
            "otp_id": self.otp_id,
            "number": self.number,
            "factor": self.factor,
            "to": self.to,
            "service": self.service,
            "expires_at": iso_time(self.expires_at),
            "ui": {
                "text": f"To verify {self.number}, text {self.factor} to {self.to}.",
                "qr_code": f"sms:{self.to}?body={quote(self.factor, safe='')}",
            },
            "success_url": self.success_url,
        }


class Otps:
    def __init__(self, core: Core) -> None:
        self._core = core
        self._otps: dict[str, _Otp] = {}
        self._sessions: dict[str, _Session] = {}

    # ---- classic OTP -------------------------------------------------------------------------

    def send(self, body: Mapping[str, Any]) -> dict[str, Any]:
        code = f"{secrets.randbelow(10**6):06d}"
        name = body.get("name")
        text = f"Your {name} code is {code}" if name else f"Your verification code is {code}"
        with self._core.lock:
            otp = _Otp(new_id("otp_"), body["to"], code, text, self._core.now() + OTP_LIFETIME)
            self._otps[otp.otp_id] = otp
            self._deliver(otp, language=body["language"])
        logger.info("OTP %s for %s: %s", otp.otp_id, otp.to, code)
        return {"otp_id": otp.otp_id}

    def verify(self, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            otp = self._find(body["otp_id"])
            entered = str(body["otp"]).strip()
            verified = (
                not otp.used
                and self._core.now() < otp.expires_at
                and hmac.compare_digest(entered.encode(), otp.code.encode())
            )
            if verified:
                otp.used = True
            return {"verified": verified}

    def resend(self, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            otp = self._find(body["otp_id"])
            if otp.used or self._core.now() >= otp.expires_at:
                return {"resent": False}
            self._deliver(otp, language=None)
            return {"resent": True}

    def code(self, otp_id: str) -> dict[str, Any]:
        """What ``GET /_sandbox/otp/{otp_id}`` shows: the code and whether it can still verify."""
        with self._core.lock:
            otp = self._find(otp_id)
            return {
                "otp_id": otp.otp_id,
                "to": otp.to,
                "code": otp.code,
                "expires_at": iso_time(otp.expires_at),
                "used": otp.used,
                "expired": self._core.now() >= otp.expires_at,
            }

    def _deliver(self, otp: _Otp, *, language: str | None) -> None:
        details: dict[str, Any] = {"otp_id": otp.otp_id}
        if language is not None:
            details["language"] = language
        self._core.record(
            SentMessage(
                id=otp.otp_id,
                kind="otp",
                channel="text",
                direction="outgoing",
                to=otp.to,
                from_=SANDBOX_NUMBER,
                message=otp.text,
                timestamp=self._core.now_ms(),
                details=details,
            )
        )

    def _find(self, otp_id: str) -> _Otp:
        try:
            return self._otps[otp_id]
        except KeyError:
            raise SandboxError(404, f"No OTP with id {otp_id!r}") from None

    # ---- reverse OTP -------------------------------------------------------------------------

    def initiate_reverse(self, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            session = _Session(
                otp_id=new_id("r_otp_"),
                number=body["number"],
                factor=body.get("factor") or f"{secrets.randbelow(10**4):04d}",
                to=body.get("to", SANDBOX_NUMBER),
                service=body.get("service", "sms"),
                expires_at=self._core.now() + REVERSE_OTP_LIFETIME,
                success_url=body.get("success_url"),
                language=body.get("language", "en"),
            )
            self._sessions[session.otp_id] = session
            return session.json()

    def reverse_status(self, otp_id: str) -> dict[str, Any]:
        with self._core.lock:
            session = self._session(otp_id)
            return {
                "otp_id": session.otp_id,
                "status": session.status,
                "expires_at": iso_time(session.expires_at),
            }

    def cancel_reverse(self, otp_id: str) -> dict[str, Any]:
        with self._core.lock:
            session = self._session(otp_id)
            if session.status != "pending":
                raise SandboxError(400, f"Reverse OTP session {otp_id} is {session.status}, not pending")
            session.status = "cancelled"
            return {"otp_id": session.otp_id, "status": "cancelled"}

    def match_inbound(self, from_: str, to: str, body: str, channel: str) -> dict[str, Any] | None:
        """Verify the pending session an inbound text completes, if any; returns its status."""
        service = "imessage" if channel == "imessage" else "sms"
        with self._core.lock:
            for session in self._sessions.values():
                self._expire(session)
                if (
                    session.status == "pending"
                    and session.number == from_
                    and session.to == to
                    and session.service == service
                    and body.strip().casefold() == session.factor.casefold()
                ):
                    session.status = "verified"
                    self._core.emit(
                        "otp.reverse.verified",
                        {"otp_id": session.otp_id, "number": session.number, "status": "verified"},
                        destination=session.success_url,
                    )
                    return {"otp_id": session.otp_id, "status": session.status}
            return None

    def _session(self, otp_id: str) -> _Session:
        try:
            session = self._sessions[otp_id]
        except KeyError:
            raise SandboxError(404, f"No reverse OTP session with id {otp_id!r}") from None
        self._expire(session)
        return session

    def _expire(self, session: _Session) -> None:
        if session.status == "pending" and self._core.now() >= session.expires_at:
            session.status = "expired"
