from typing import Literal, cast

from ..types import unknown_enum_value

TypingAction = Literal["start", "stop"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_typing_action``), so a ``match`` on this
type needs a default case. """

TYPING_ACTION_VALUES: set[TypingAction] = {
    "start",
    "stop",
}


def check_typing_action(value: str, field: str = "TypingAction") -> TypingAction:
    """``value`` as a TypingAction; a string this SDK does not know is kept as sent."""
    if value in TYPING_ACTION_VALUES:
        return value
    return cast(TypingAction, unknown_enum_value("TypingAction", field, value))
