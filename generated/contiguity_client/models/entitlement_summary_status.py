from typing import Literal

EntitlementSummaryStatus = Literal["available", "granted", "ineligible", "rejected"]

ENTITLEMENT_SUMMARY_STATUS_VALUES: set[EntitlementSummaryStatus] = {
    "available",
    "granted",
    "ineligible",
    "rejected",
}


def check_entitlement_summary_status(value: str) -> EntitlementSummaryStatus:
    if value in ENTITLEMENT_SUMMARY_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENTITLEMENT_SUMMARY_STATUS_VALUES!r}"
    )
