from typing import Literal, cast

from ..types import unknown_enum_value

ReactionAction = Literal["add", "remove"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_reaction_action``), so a ``match`` on this
type needs a default case. """

REACTION_ACTION_VALUES: set[ReactionAction] = {
    "add",
    "remove",
}


def check_reaction_action(value: str, field: str = "ReactionAction") -> ReactionAction:
    """``value`` as a ReactionAction; a string this SDK does not know is kept as sent."""
    if value in REACTION_ACTION_VALUES:
        return value
    return cast(ReactionAction, unknown_enum_value("ReactionAction", field, value))
