from typing import Literal, cast

from ..types import unknown_enum_value

PhoneNumberRecordStatus = Literal["available", "g-available", "leased", "unavailable"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_phone_number_record_status``), so a ``match`` on this
type needs a default case. """

PHONE_NUMBER_RECORD_STATUS_VALUES: set[PhoneNumberRecordStatus] = {
    "available",
    "g-available",
    "leased",
    "unavailable",
}


def check_phone_number_record_status(
    value: str, field: str = "PhoneNumberRecordStatus"
) -> PhoneNumberRecordStatus:
    """``value`` as a PhoneNumberRecordStatus; a string this SDK does not know is kept as sent."""
    if value in PHONE_NUMBER_RECORD_STATUS_VALUES:
        return value
    return cast(
        PhoneNumberRecordStatus,
        unknown_enum_value("PhoneNumberRecordStatus", field, value),
    )
