from typing import Literal

TypingAction = Literal["start", "stop"]

TYPING_ACTION_VALUES: set[TypingAction] = {
    "start",
    "stop",
}


def check_typing_action(value: str) -> TypingAction:
    if value in TYPING_ACTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TYPING_ACTION_VALUES!r}"
    )
