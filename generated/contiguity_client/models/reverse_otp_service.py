from typing import Literal, cast

from ..types import unknown_enum_value

ReverseOtpService = Literal["imessage", "sms"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_reverse_otp_service``), so a ``match`` on this
type needs a default case. """

REVERSE_OTP_SERVICE_VALUES: set[ReverseOtpService] = {
    "imessage",
    "sms",
}


def check_reverse_otp_service(
    value: str, field: str = "ReverseOtpService"
) -> ReverseOtpService:
    """``value`` as a ReverseOtpService; a string this SDK does not know is kept as sent."""
    if value in REVERSE_OTP_SERVICE_VALUES:
        return value
    return cast(
        ReverseOtpService, unknown_enum_value("ReverseOtpService", field, value)
    )
