from typing import Literal, cast

from ..types import unknown_enum_value

ImessageFallbackWhenItem = Literal["imessage_fails", "imessage_unsupported"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_imessage_fallback_when_item``), so a ``match`` on this
type needs a default case. """

IMESSAGE_FALLBACK_WHEN_ITEM_VALUES: set[ImessageFallbackWhenItem] = {
    "imessage_fails",
    "imessage_unsupported",
}


def check_imessage_fallback_when_item(
    value: str, field: str = "ImessageFallbackWhenItem"
) -> ImessageFallbackWhenItem:
    """``value`` as a ImessageFallbackWhenItem; a string this SDK does not know is kept as sent."""
    if value in IMESSAGE_FALLBACK_WHEN_ITEM_VALUES:
        return value
    return cast(
        ImessageFallbackWhenItem,
        unknown_enum_value("ImessageFallbackWhenItem", field, value),
    )
