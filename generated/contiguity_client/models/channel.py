from typing import Literal, cast

from ..types import unknown_enum_value

Channel = Literal["imessage", "mms", "rcs", "sms", "whatsapp"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_channel``), so a ``match`` on this
type needs a default case. """

CHANNEL_VALUES: set[Channel] = {
    "imessage",
    "mms",
    "rcs",
    "sms",
    "whatsapp",
}


def check_channel(value: str, field: str = "Channel") -> Channel:
    """``value`` as a Channel; a string this SDK does not know is kept as sent."""
    if value in CHANNEL_VALUES:
        return value
    return cast(Channel, unknown_enum_value("Channel", field, value))
