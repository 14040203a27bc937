"""One-time passcodes (the original SDK's typed dict calls) and reverse OTP."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from contiguity_client.api.otp import (
    cancel_reverse_otp,
    get_reverse_otp_status,
    initiate_reverse_otp,
    resend_otp,
    send_otp,
    verify_otp,
)
from contiguity_client.models import (
    InitiateReverseOtpRequest,
    OtpResentResponse,
    OtpSentResponse,
    OtpVerificationResponse,
    ReverseOtpCancellationResponse,
    ReverseOtpSessionResponse,
    ReverseOtpStatusResponse,
)

from .._endpoint import endpoint
from .._resource import ClientContext, Resource, TransportT
from .._transport import AsyncTransport, SyncTransport
from ..errors import ValidationError
from ..types import ResendOtpParams, SendOtpParams, VerifyOtpParams

# The documentation asks integrators not to poll reverse OTP status more often than this.
MIN_POLL_INTERVAL = 20.0
_FINAL_STATUSES = frozenset({"verified", "cancelled", "expired"})
_CODE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]")


def _params(params: object) -> Mapping[str, Any]:
    if not isinstance(params, Mapping):
        raise ValidationError(f"expected a dict of parameters, got {type(params).__name__}", field="params")
    return params


def _send_params(params: SendOtpParams, /) -> Mapping[str, Any]:
    return _params(params)


def _verify_params(params: VerifyOtpParams, /) -> Mapping[str, Any]:
    wire = dict(_params(params))
    code = wire.get("otp")
    if isinstance(code, str):
        # Spaces and hyphens are how people group the digits they read; the spec then checks the rest.
        wire["otp"] = _CODE_SEPARATORS.sub("", code)
    return wire


def _resend_params(params: ResendOtpParams, /) -> Mapping[str, Any]:
    return _params(params)


class _ReverseOtpEndpoints(Resource[TransportT]):
    initiate = endpoint(
        initiate_reverse_otp._get_kwargs, ReverseOtpSessionResponse, body=InitiateReverseOtpRequest
    )
    status = endpoint(get_reverse_otp_status._get_kwargs, ReverseOtpStatusResponse)
    cancel = endpoint(cancel_reverse_otp._get_kwargs, ReverseOtpCancellationResponse)


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


class _OtpEndpoints(Resource[TransportT]):
    send = endpoint(send_otp._get_kwargs, OtpSentResponse, body=_send_params).map(lambda r: r.data.otp_id)
    verify = endpoint(verify_otp._get_kwargs, OtpVerificationResponse, body=_verify_params).map(
        lambda r: r.data.verified
    )
    resend = endpoint(resend_otp._get_kwargs, OtpResentResponse, body=_resend_params).map(
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
