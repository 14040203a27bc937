from typing import Literal

LeaseNumberRequestBillingMethod = Literal["monthly", "service_contract"]

LEASE_NUMBER_REQUEST_BILLING_METHOD_VALUES: set[LeaseNumberRequestBillingMethod] = {
    "monthly",
    "service_contract",
}


def check_lease_number_request_billing_method(
    value: str,
) -> LeaseNumberRequestBillingMethod:
    if value in LEASE_NUMBER_REQUEST_BILLING_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LEASE_NUMBER_REQUEST_BILLING_METHOD_VALUES!r}"
    )
