from typing import Literal

FailoverMode = Literal["all", "selective"]

FAILOVER_MODE_VALUES: set[FailoverMode] = {
    "all",
    "selective",
}


def check_failover_mode(value: str) -> FailoverMode:
    if value in FAILOVER_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FAILOVER_MODE_VALUES!r}"
    )
