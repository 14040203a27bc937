from typing import Literal, cast

from ..types import unknown_enum_value

LeaseStatus = Literal["active", "expired", "paused", "terminated"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_lease_status``), so a ``match`` on this
type needs a default case. """

LEASE_STATUS_VALUES: set[LeaseStatus] = {
    "active",
    "expired",
    "paused",
    "terminated",
}


def check_lease_status(value: str, field: str = "LeaseStatus") -> LeaseStatus:
    """``value`` as a LeaseStatus; a string this SDK does not know is kept as sent."""
    if value in LEASE_STATUS_VALUES:
        return value
    return cast(LeaseStatus, unknown_enum_value("LeaseStatus", field, value))
