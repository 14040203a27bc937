from typing import Literal

PhoneNumberRecordCarrier = Literal[
    "AT&T", "Contiguity", "International Partner", "T-Mobile", "Twilio", "Verizon"
]

PHONE_NUMBER_RECORD_CARRIER_VALUES: set[PhoneNumberRecordCarrier] = {
    "AT&T",
    "Contiguity",
    "International Partner",
    "T-Mobile",
    "Twilio",
    "Verizon",
}


def check_phone_number_record_carrier(value: str) -> PhoneNumberRecordCarrier:
    if value in PHONE_NUMBER_RECORD_CARRIER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PHONE_NUMBER_RECORD_CARRIER_VALUES!r}"
    )
