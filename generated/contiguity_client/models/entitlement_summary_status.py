from typing import Literal, cast

from ..types import unknown_enum_value

EntitlementSummaryStatus = Literal["available", "granted", "ineligible", "rejected"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_entitlement_summary_status``), so a ``match`` on this
type needs a default case. """

ENTITLEMENT_SUMMARY_STATUS_VALUES: set[EntitlementSummaryStatus] = {
    "available",
    "granted",
    "ineligible",
    "rejected",
}


def check_entitlement_summary_status(
    value: str, field: str = "EntitlementSummaryStatus"
) -> EntitlementSummaryStatus:
    """``value`` as a EntitlementSummaryStatus; a string this SDK does not know is kept as sent."""
    if value in ENTITLEMENT_SUMMARY_STATUS_VALUES:
        return value
    return cast(
        EntitlementSummaryStatus,
        unknown_enum_value("EntitlementSummaryStatus", field, value),
    )
