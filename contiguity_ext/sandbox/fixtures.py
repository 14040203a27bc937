"""The fixed data a fresh sandbox starts with: numbers to lease and the account's entitlements.

Every phone number here is fictional: North American numbers use the 555-0100 to 555-0199 block
and the UK number the 07700 900xxx drama range, so nothing the sandbox prints can reach a real
phone.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ENTITLEMENTS", "NUMBERS", "SANDBOX_NUMBER"]

SANDBOX_NUMBER = "+15555550100"
"""The sandbox's own number: the sender when no leased number fits, and the default number
users text in a reverse OTP session."""

_CREATED_AT = 1_718_851_200  # 2024-06-20, in Unix seconds as the numbers API reports it


def _number(
    e164: str,
    formatted: str,
    location: tuple[str, str, str],
    carrier: str,
    channels: list[str],
    *,
    status: str = "available",
    intl_sms: bool = False,
    reputation: float = 0.92,
    previous_owners: int = 0,
    requirements: list[str] | None = None,
    pricing: tuple[str, float, float] = ("USD", 0.0, 5.0),
) -> dict[str, Any]:
    country, region, city = location
    currency, upfront_fee, monthly_rate = pricing
    return {
        "id": e164,
        "status": status,
        "number": {"e164": e164, "formatted": formatted},
        "location": {"country": country, "region": region, "city": city},
        "carrier": carrier,
        "capabilities": {"intl_sms": intl_sms, "channels": channels},
        "health": {"reputation": reputation, "previous_owners": previous_owners},
        "data": {"requirements": requirements or [], "e911_capable": country == "US"},
        "created_at": _CREATED_AT,
        "pricing": {"currency": currency, "upfront_fee": upfront_fee, "monthly_rate": monthly_rate},
    }


NUMBERS: tuple[dict[str, Any], ...] = (
    _number("+13055550142", "+1 (305) 555-0142", ("US", "FL", "Miami"), "T-Mobile", ["sms", "mms", "rcs"]),
    _number(
        "+14155550117",
        "+1 (415) 555-0117",
        ("US", "CA", "San Francisco"),
        "AT&T",
        ["sms", "mms", "imessage"],
        requirements=["imessage_entitlement_required"],
        pricing=("USD", 10.0, 25.0),
    ),
    _number(
        "+12125550199",
        "+1 (212) 555-0199",
        ("US", "NY", "New York"),
        "Verizon",
        ["sms", "mms", "whatsapp"],
        requirements=["whatsapp_entitlement_required"],
        pricing=("USD", 10.0, 20.0),
    ),
    _number(
        "+15125550163",
        "+1 (512) 555-0163",
        ("US", "TX", "Austin"),
        "Contiguity",
        ["sms", "mms"],
        status="g-available",
        reputation=0.74,
        previous_owners=2,
        pricing=("USD", 0.0, 2.0),
    ),
    _number(
        "+447700900123",
        "+44 7700 900123",
        ("GB", "England", "London"),
        "International Partner",
        ["sms"],
        intl_sms=True,
        reputation=0.88,
        pricing=("GBP", 5.0, 8.0),
    ),
)

ENTITLEMENTS: tuple[tuple[str, str, str], ...] = (
    # (name, description, initial status)
    ("fast_track", "Send from leased numbers without queueing or per-line rate limits.", "available"),
    ("lease", "Lease dedicated phone numbers.", "granted"),
    ("identity", "Verify people's identity documents with Contiguity Identity.", "available"),
)
