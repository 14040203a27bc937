"""One-time passcodes (the original SDK's typed dict calls) and reverse OTP."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contiguity_client.api import otp
from contiguity_client.models import (
    OtpResentResponse,
    OtpSentResponse,
    OtpVerificationResponse,
    ReverseOtpCancellationResponse,
    ReverseOtpSessionResponse,
    ReverseOtpStatusResponse,
)
from typing_extensions import Unpack

from .._checks import check_params
from .._endpoint import endpoint
from .._resource import ClientContext, ModeT, Raw, Resource, TransportT
from .._transport import AsyncTransport, SyncTransport
from ..errors import ValidationError
from ..types import RequestOptions, ResendOtpParams, SendOtpParams, VerifyOtpParams

# The documentation asks integrators not to poll reverse OTP status more often than this.
MIN_POLL_INTERVAL = 20.0
_FINAL_STATUSES = frozenset({"verified", "cancelled", "expired"})
_CODE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]")


def _send_params(params: SendOtpParams, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
    return check_params(params)


def _verify_params(params: VerifyOtpParams, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
    wire = check_params(params)
    code = wire.get("otp")
    if isinstance(code, str):
        # Spaces and hyphens are how people group the digits they read; the spec then checks the rest.
        wire["otp"] = _CODE_SEPARATORS.sub("", code)
    return wire


def _resend_params(params: ResendOtpParams, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
    return check_params(params)


class _ReverseOtpEndpoints(Resource[TransportT, ModeT]):
    with_raw_response: _ReverseOtpEndpoints[TransportT, Raw]
    initiate = endpoint(otp.initiate_reverse_otp_arguments, ReverseOtpSessionResponse)
    status = endpoint(otp.get_reverse_otp_status_arguments, ReverseOtpStatusResponse)
    cancel = endpoint(otp.cancel_reverse_otp_arguments, ReverseOtpCancellationResponse)


def _check_polling(interval: float, timeout: float) -> None:
    if interval <= 0:
        raise ValidationError("must be positive", field="interval")
    if timeout < 0:
        raise ValidationError("must not be negative", field="timeout")


# Keep wait() in step with AsyncReverseOtp.wait().
class ReverseOtp(_ReverseOtpEndpoints[SyncTransport]):
    """Reverse OTP: the user texts a code to you. ``initiate``, ``status``, ``cancel``, ``wait``."""

    def wait(
        self, otp_id: str, *, interval: float = MIN_POLL_INTERVAL, timeout: float = 600.0
    ) -> ReverseOtpStatusResponse:
        """Poll ``status`` every ``interval`` seconds until the session is verified, cancelled or
        expired, or until ``timeout`` seconds have passed; return the last status seen."""
        _check_polling(interval, timeout)
        clock = self._context.transport.clock
        deadline = clock.monotonic() + timeout
        while True:
            current = self.status(otp_id)
            remaining = deadline - clock.monotonic()
            if current.data.status in _FINAL_STATUSES or remaining <= 0:
                return current
            clock.sleep(min(interval, remaining))


# Keep wait() in step with ReverseOtp.wait(): the same loop, awaiting.
class AsyncReverseOtp(_ReverseOtpEndpoints[AsyncTransport]):
    """Reverse OTP: the user texts a code to you. ``initiate``, ``status``, ``cancel``, ``wait``."""

    async def wait(
        self, otp_id: str, *, interval: float = MIN_POLL_INTERVAL, timeout: float = 600.0
    ) -> ReverseOtpStatusResponse:
        """Poll ``status`` every ``interval`` seconds until the session is verified, cancelled or
        expired, or until ``timeout`` seconds have passed; return the last status seen."""
        _check_polling(interval, timeout)
        clock = self._context.transport.clock
        deadline = clock.monotonic() + timeout
        while True:
            current = await self.status(otp_id)
            remaining = deadline - clock.monotonic()
            if current.data.status in _FINAL_STATUSES or remaining <= 0:
                return current
            await clock.async_sleep(min(interval, remaining))


class _OtpEndpoints(Resource[TransportT, ModeT]):
    with_raw_response: _OtpEndpoints[TransportT, Raw]
    send = endpoint(otp.send_otp_arguments, OtpSentResponse, body=_send_params).map(lambda r: r.data.otp_id)
    verify = endpoint(otp.verify_otp_arguments, OtpVerificationResponse, body=_verify_params).map(
        lambda r: r.data.verified
    )
    resend = endpoint(otp.resend_otp_arguments, OtpResentResponse, body=_resend_params).map(
        lambda r: r.data.resent
    )


class Otp(_OtpEndpoints[SyncTransport]):
    """``send`` → the OTP id, ``verify`` → whether the code matched, ``resend`` → whether it was sent."""

    def __init__(self, context: ClientContext[SyncTransport]) -> None:
        super().__init__(context)
        self.reverse = ReverseOtp(context)


class AsyncOtp(_OtpEndpoints[AsyncTransport]):
    """``send`` → the OTP id, ``verify`` → whether the code matched, ``resend`` → whether it was sent."""

    def __init__(self, context: ClientContext[AsyncTransport]) -> None:
        super().__init__(context)
        self.reverse = AsyncReverseOtp(context)
