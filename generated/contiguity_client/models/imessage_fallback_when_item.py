from typing import Literal

ImessageFallbackWhenItem = Literal["imessage_fails", "imessage_unsupported"]

IMESSAGE_FALLBACK_WHEN_ITEM_VALUES: set[ImessageFallbackWhenItem] = {
    "imessage_fails",
    "imessage_unsupported",
}


def check_imessage_fallback_when_item(value: str) -> ImessageFallbackWhenItem:
    if value in IMESSAGE_FALLBACK_WHEN_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMESSAGE_FALLBACK_WHEN_ITEM_VALUES!r}"
    )
