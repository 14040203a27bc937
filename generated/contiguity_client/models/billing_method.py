from typing import Literal, cast

from ..types import unknown_enum_value

BillingMethod = Literal["goodwill", "monthly", "service_contract"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_billing_method``), so a ``match`` on this
type needs a default case. """

BILLING_METHOD_VALUES: set[BillingMethod] = {
    "goodwill",
    "monthly",
    "service_contract",
}


def check_billing_method(value: str, field: str = "BillingMethod") -> BillingMethod:
    """``value`` as a BillingMethod; a string this SDK does not know is kept as sent."""
    if value in BILLING_METHOD_VALUES:
        return value
    return cast(BillingMethod, unknown_enum_value("BillingMethod", field, value))
