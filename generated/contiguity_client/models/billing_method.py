from typing import Literal

BillingMethod = Literal["goodwill", "monthly", "service_contract"]

BILLING_METHOD_VALUES: set[BillingMethod] = {
    "goodwill",
    "monthly",
    "service_contract",
}


def check_billing_method(value: str) -> BillingMethod:
    if value in BILLING_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_METHOD_VALUES!r}"
    )
