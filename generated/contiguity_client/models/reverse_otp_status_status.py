from typing import Literal

ReverseOtpStatusStatus = Literal["cancelled", "expired", "pending", "verified"]

REVERSE_OTP_STATUS_STATUS_VALUES: set[ReverseOtpStatusStatus] = {
    "cancelled",
    "expired",
    "pending",
    "verified",
}


def check_reverse_otp_status_status(value: str) -> ReverseOtpStatusStatus:
    if value in REVERSE_OTP_STATUS_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REVERSE_OTP_STATUS_STATUS_VALUES!r}"
    )
