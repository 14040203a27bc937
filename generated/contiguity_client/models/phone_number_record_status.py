from typing import Literal

PhoneNumberRecordStatus = Literal["available", "g-available", "leased", "unavailable"]

PHONE_NUMBER_RECORD_STATUS_VALUES: set[PhoneNumberRecordStatus] = {
    "available",
    "g-available",
    "leased",
    "unavailable",
}


def check_phone_number_record_status(value: str) -> PhoneNumberRecordStatus:
    if value in PHONE_NUMBER_RECORD_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PHONE_NUMBER_RECORD_STATUS_VALUES!r}"
    )
