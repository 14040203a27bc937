from typing import Literal, cast

from ..types import unknown_enum_value

TextReaction = Literal[
    "emphasized", "haha", "love", "questioned", "thumbsdown", "thumbsup"
]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_text_reaction``), so a ``match`` on this
type needs a default case. """

TEXT_REACTION_VALUES: set[TextReaction] = {
    "emphasized",
    "haha",
    "love",
    "questioned",
    "thumbsdown",
    "thumbsup",
}


def check_text_reaction(value: str, field: str = "TextReaction") -> TextReaction:
    """``value`` as a TextReaction; a string this SDK does not know is kept as sent."""
    if value in TEXT_REACTION_VALUES:
        return value
    return cast(TextReaction, unknown_enum_value("TextReaction", field, value))
