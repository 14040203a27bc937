from typing import Literal, cast

from ..types import unknown_enum_value

OtpLanguage = Literal[
    "af",
    "ar",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "fi",
    "fr",
    "he",
    "hi",
    "hr",
    "hu",
    "id",
    "it",
    "ja",
    "ko",
    "ms",
    "nb",
    "nl",
    "pl",
    "pt",
    "pt-br",
    "ro",
    "ru",
    "sv",
    "th",
    "tl",
    "tr",
    "vi",
    "zh",
    "zh-hk",
]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_otp_language``), so a ``match`` on this
type needs a default case. """

OTP_LANGUAGE_VALUES: set[OtpLanguage] = {
    "af",
    "ar",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "fi",
    "fr",
    "he",
    "hi",
    "hr",
    "hu",
    "id",
    "it",
    "ja",
    "ko",
    "ms",
    "nb",
    "nl",
    "pl",
    "pt",
    "pt-br",
    "ro",
    "ru",
    "sv",
    "th",
    "tl",
    "tr",
    "vi",
    "zh",
    "zh-hk",
}


def check_otp_language(value: str, field: str = "OtpLanguage") -> OtpLanguage:
    """``value`` as a OtpLanguage; a string this SDK does not know is kept as sent."""
    if value in OTP_LANGUAGE_VALUES:
        return value
    return cast(OtpLanguage, unknown_enum_value("OtpLanguage", field, value))
