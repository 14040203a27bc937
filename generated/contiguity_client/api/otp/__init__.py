"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ...models.initiate_reverse_otp_request import InitiateReverseOtpRequest
from ...models.otp_language import OtpLanguage, check_otp_language
from ...models.resend_otp_request import ResendOtpRequest
from ...models.reverse_otp_service import ReverseOtpService, check_reverse_otp_service
from ...models.send_otp_request import SendOtpRequest
from ...models.verify_otp_request import VerifyOtpRequest
from ...types import UNSET, Unset


def send_otp_arguments(
    *,
    to: str,
    language: OtpLanguage,
    name: str | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Send a one-time passcode

    Texts a 6-digit code to `to`. The code expires 15 minutes after this call; resending does
    not extend it, and a successful verification consumes it.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        language (OtpLanguage): Language of the OTP message.
        name (str | Unset): Your app's name, as in "Your [name] code is …".
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `send_otp._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": SendOtpRequest(
            to=to,
            language=language,
            name=name,
        ),
    }


def verify_otp_arguments(
    *,
    otp_id: str,
    otp: str,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Verify a one-time passcode

    Checks the code a user entered. `verified` is false for a wrong, expired or already used
    code. Call it once per complete code, not per keystroke.

    Args:
        otp_id (str):
        otp (str): The 6-digit code the user entered.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `verify_otp._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": VerifyOtpRequest(
            otp_id=otp_id,
            otp=otp,
        ),
    }


def resend_otp_arguments(
    *,
    otp_id: str,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Resend a one-time passcode

    Texts the same code again. The original expiry still applies.

    Args:
        otp_id (str):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `resend_otp._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": ResendOtpRequest(
            otp_id=otp_id,
        ),
    }


def initiate_reverse_otp_arguments(
    *,
    number: str,
    factor: str | Unset = UNSET,
    to: str | Unset = UNSET,
    service: ReverseOtpService | Unset = UNSET,
    language: str | Unset = "en",
    success_url: str | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Start a reverse OTP session

    Opens a session in which the user proves ownership of `number` by texting `factor` to the
    returned `to` number. Completion arrives as the `otp.reverse.verified` webhook, or can be
    polled (no faster than every 20 seconds) with `getReverseOtpStatus`.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        factor (str | Unset): What the user must send; a random 4-digit code by default.
        to (str | Unset): A phone number in E.164 form (`+` followed by country code and number).
        service (ReverseOtpService | Unset):
        language (str | Unset): Language of the instructions in `ui.text`. Default: 'en'.
        success_url (str | Unset): Where the `otp.reverse.verified` webhook goes; the account
            webhook by default.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `initiate_reverse_otp._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "body": InitiateReverseOtpRequest(
            number=number,
            factor=factor,
            to=to,
            service=service,
            language=language,
            success_url=success_url,
        ),
    }


def get_reverse_otp_status_arguments(
    otp_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Get a reverse OTP session's status

    Reports whether the session is still pending, verified, cancelled or expired.

    Args:
        otp_id (str):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_reverse_otp_status._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "otp_id": otp_id,
    }


def cancel_reverse_otp_arguments(
    otp_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Cancel a reverse OTP session

    Ends an active session; a text that arrives afterwards does not verify it.

    Args:
        otp_id (str):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `cancel_reverse_otp._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "otp_id": otp_id,
    }
