from typing import Literal, cast

from ..types import unknown_enum_value

PhoneNumberRecordCarrier = Literal[
    "AT&T", "Contiguity", "International Partner", "T-Mobile", "Twilio", "Verizon"
]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_phone_number_record_carrier``), so a ``match`` on this
type needs a default case. """

PHONE_NUMBER_RECORD_CARRIER_VALUES: set[PhoneNumberRecordCarrier] = {
    "AT&T",
    "Contiguity",
    "International Partner",
    "T-Mobile",
    "Twilio",
    "Verizon",
}


def check_phone_number_record_carrier(
    value: str, field: str = "PhoneNumberRecordCarrier"
) -> PhoneNumberRecordCarrier:
    """``value`` as a PhoneNumberRecordCarrier; a string this SDK does not know is kept as sent."""
    if value in PHONE_NUMBER_RECORD_CARRIER_VALUES:
        return value
    return cast(
        PhoneNumberRecordCarrier,
        unknown_enum_value("PhoneNumberRecordCarrier", field, value),
    )
