from typing import Literal

ReactionAction = Literal["add", "remove"]

REACTION_ACTION_VALUES: set[ReactionAction] = {
    "add",
    "remove",
}


def check_reaction_action(value: str) -> ReactionAction:
    if value in REACTION_ACTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REACTION_ACTION_VALUES!r}"
    )
