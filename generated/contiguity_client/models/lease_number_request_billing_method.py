from typing import Literal, cast

from ..types import unknown_enum_value

LeaseNumberRequestBillingMethod = Literal["monthly", "service_contract"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_lease_number_request_billing_method``), so a ``match`` on this
type needs a default case. """

LEASE_NUMBER_REQUEST_BILLING_METHOD_VALUES: set[LeaseNumberRequestBillingMethod] = {
    "monthly",
    "service_contract",
}


def check_lease_number_request_billing_method(
    value: str, field: str = "LeaseNumberRequestBillingMethod"
) -> LeaseNumberRequestBillingMethod:
    """``value`` as a LeaseNumberRequestBillingMethod; a string this SDK does not know is kept as sent."""
    if value in LEASE_NUMBER_REQUEST_BILLING_METHOD_VALUES:
        return value
    return cast(
        LeaseNumberRequestBillingMethod,
        unknown_enum_value("LeaseNumberRequestBillingMethod", field, value),
    )
