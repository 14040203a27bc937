from typing import Literal

Channel = Literal["imessage", "mms", "rcs", "sms", "whatsapp"]

CHANNEL_VALUES: set[Channel] = {
    "imessage",
    "mms",
    "rcs",
    "sms",
    "whatsapp",
}


def check_channel(value: str) -> Channel:
    if value in CHANNEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANNEL_VALUES!r}")
