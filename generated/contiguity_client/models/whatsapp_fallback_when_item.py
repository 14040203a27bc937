from typing import Literal, cast

from ..types import unknown_enum_value

WhatsappFallbackWhenItem = Literal["whatsapp_fails", "whatsapp_unsupported"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_whatsapp_fallback_when_item``), so a ``match`` on this
type needs a default case. """

WHATSAPP_FALLBACK_WHEN_ITEM_VALUES: set[WhatsappFallbackWhenItem] = {
    "whatsapp_fails",
    "whatsapp_unsupported",
}


def check_whatsapp_fallback_when_item(
    value: str, field: str = "WhatsappFallbackWhenItem"
) -> WhatsappFallbackWhenItem:
    """``value`` as a WhatsappFallbackWhenItem; a string this SDK does not know is kept as sent."""
    if value in WHATSAPP_FALLBACK_WHEN_ITEM_VALUES:
        return value
    return cast(
        WhatsappFallbackWhenItem,
        unknown_enum_value("WhatsappFallbackWhenItem", field, value),
    )
