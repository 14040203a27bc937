from typing import Literal, cast

from ..types import unknown_enum_value

FailoverMode = Literal["all", "selective"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_failover_mode``), so a ``match`` on this
type needs a default case. """

FAILOVER_MODE_VALUES: set[FailoverMode] = {
    "all",
    "selective",
}


def check_failover_mode(value: str, field: str = "FailoverMode") -> FailoverMode:
    """``value`` as a FailoverMode; a string this SDK does not know is kept as sent."""
    if value in FAILOVER_MODE_VALUES:
        return value
    return cast(FailoverMode, unknown_enum_value("FailoverMode", field, value))
