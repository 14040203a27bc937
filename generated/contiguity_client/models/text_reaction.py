from typing import Literal

TextReaction = Literal[
    "emphasized", "haha", "love", "questioned", "thumbsdown", "thumbsup"
]

TEXT_REACTION_VALUES: set[TextReaction] = {
    "emphasized",
    "haha",
    "love",
    "questioned",
    "thumbsdown",
    "thumbsup",
}


def check_text_reaction(value: str) -> TextReaction:
    if value in TEXT_REACTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TEXT_REACTION_VALUES!r}"
    )
