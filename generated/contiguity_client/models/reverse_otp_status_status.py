from typing import Literal, cast

from ..types import unknown_enum_value

ReverseOtpStatusStatus = Literal["cancelled", "expired", "pending", "verified"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_reverse_otp_status_status``), so a ``match`` on this
type needs a default case. """

REVERSE_OTP_STATUS_STATUS_VALUES: set[ReverseOtpStatusStatus] = {
    "cancelled",
    "expired",
    "pending",
    "verified",
}


def check_reverse_otp_status_status(
    value: str, field: str = "ReverseOtpStatusStatus"
) -> ReverseOtpStatusStatus:
    """``value`` as a ReverseOtpStatusStatus; a string this SDK does not know is kept as sent."""
    if value in REVERSE_OTP_STATUS_STATUS_VALUES:
        return value
    return cast(
        ReverseOtpStatusStatus,
        unknown_enum_value("ReverseOtpStatusStatus", field, value),
    )
