from typing import Literal, cast

from ..types import unknown_enum_value

Tapback = Literal["dislike", "emphasize", "laugh", "like", "love", "question"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_tapback``), so a ``match`` on this
type needs a default case. """

TAPBACK_VALUES: set[Tapback] = {
    "dislike",
    "emphasize",
    "laugh",
    "like",
    "love",
    "question",
}


def check_tapback(value: str, field: str = "Tapback") -> Tapback:
    """``value`` as a Tapback; a string this SDK does not know is kept as sent."""
    if value in TAPBACK_VALUES:
        return value
    return cast(Tapback, unknown_enum_value("Tapback", field, value))
