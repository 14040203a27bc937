from typing import Literal

Currency = Literal["AUD", "CAD", "EUR", "GBP", "USD"]

CURRENCY_VALUES: set[Currency] = {
    "AUD",
    "CAD",
    "EUR",
    "GBP",
    "USD",
}


def check_currency(value: str) -> Currency:
    if value in CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CURRENCY_VALUES!r}")
