from typing import Literal

WhatsappFallbackWhenItem = Literal["whatsapp_fails", "whatsapp_unsupported"]

WHATSAPP_FALLBACK_WHEN_ITEM_VALUES: set[WhatsappFallbackWhenItem] = {
    "whatsapp_fails",
    "whatsapp_unsupported",
}


def check_whatsapp_fallback_when_item(value: str) -> WhatsappFallbackWhenItem:
    if value in WHATSAPP_FALLBACK_WHEN_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WHATSAPP_FALLBACK_WHEN_ITEM_VALUES!r}"
    )
