from typing import Literal, cast

from ..types import unknown_enum_value

Currency = Literal["AUD", "CAD", "EUR", "GBP", "USD"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_currency``), so a ``match`` on this
type needs a default case. """

CURRENCY_VALUES: set[Currency] = {
    "AUD",
    "CAD",
    "EUR",
    "GBP",
    "USD",
}


def check_currency(value: str, field: str = "Currency") -> Currency:
    """``value`` as a Currency; a string this SDK does not know is kept as sent."""
    if value in CURRENCY_VALUES:
        return value
    return cast(Currency, unknown_enum_value("Currency", field, value))
