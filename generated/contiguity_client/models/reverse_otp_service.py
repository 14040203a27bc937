from typing import Literal

ReverseOtpService = Literal["imessage", "sms"]

REVERSE_OTP_SERVICE_VALUES: set[ReverseOtpService] = {
    "imessage",
    "sms",
}


def check_reverse_otp_service(value: str) -> ReverseOtpService:
    if value in REVERSE_OTP_SERVICE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REVERSE_OTP_SERVICE_VALUES!r}"
    )
