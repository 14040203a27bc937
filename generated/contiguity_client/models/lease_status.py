from typing import Literal

LeaseStatus = Literal["active", "expired", "paused", "terminated"]

LEASE_STATUS_VALUES: set[LeaseStatus] = {
    "active",
    "expired",
    "paused",
    "terminated",
}


def check_lease_status(value: str) -> LeaseStatus:
    if value in LEASE_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LEASE_STATUS_VALUES!r}"
    )
