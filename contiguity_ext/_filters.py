"""Client-side filters for number listings (the API filters nothing itself)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, TypeVar, cast

import attrs
from contiguity_client.models import (
    AvailableNumbersResponse,
    LeasedNumbersResponse,
    PhoneNumberRecord,
)
from contiguity_client.models import LeasedNumber as LeasedNumberRecord
from typing_extensions import Unpack

from . import _spec
from .errors import ValidationError
from .types import NumberFilter

ListingT = TypeVar("ListingT", AvailableNumbersResponse, LeasedNumbersResponse)
ModelT = TypeVar("ModelT")


def _evolve(model: ModelT, **changes: Any) -> ModelT:
    """``attrs.evolve`` that keeps the unknown keys the API sent (not an __init__ argument)."""
    evolved: Any = attrs.evolve(model, **changes)  # type: ignore[misc]
    evolved.additional_properties = dict(getattr(model, "additional_properties", {}))
    return cast(ModelT, evolved)


def _matches(
    number: PhoneNumberRecord | LeasedNumberRecord,
    *,
    status: str | None,
    channels: Collection[str],
    country: str | None,
    region: str | None,
    city: str | None,
) -> bool:
    location = number.location
    return (
        (status is None or number.status == status)
        and set(channels) <= set(number.capabilities.channels)
        and (country is None or location.country.casefold() == country.casefold())
        and (region is None or location.region.casefold() == region.casefold())
        and (city is None or location.city.casefold() == city.casefold())
    )


# Where the spec describes each criterion's values (the enums of `status` and `channels`).
_CRITERIA_SCHEMAS = {
    "status": "PhoneNumberRecord/properties/status",
    "channels": "NumberCapabilities/properties/channels",
    "country": "NumberLocation/properties/country",
    "region": "NumberLocation/properties/region",
    "city": "NumberLocation/properties/city",
}


def check_criteria(criteria: Mapping[str, Any]) -> None:
    """Refuse unknown criteria and values the spec does not allow, naming the criterion.

    A ``str`` for ``channels`` is refused rather than read as a collection of letters.
    """
    for name in criteria:
        if name not in _CRITERIA_SCHEMAS:
            raise ValidationError(
                f"unknown filter; the filters are {', '.join(_CRITERIA_SCHEMAS)}", field=name
            )
    wire = {
        name: list(value) if isinstance(value, Collection) and not isinstance(value, str | Mapping) else value
        for name, value in criteria.items()
    }
    properties = {
        name: {"$ref": f"#/components/schemas/{where}"} for name, where in _CRITERIA_SCHEMAS.items()
    }
    _spec.validate(_spec.compile_schema({"type": "object", "properties": properties}), wire)


def filter_numbers(listing: ListingT, **criteria: Unpack[NumberFilter]) -> ListingT:
    """The listing with only the numbers that match every given criterion, count recomputed.

    ``channels`` are all required (``["sms", "imessage"]`` keeps numbers offering both); place
    names compare case-insensitively.
    """
    check_criteria(criteria)

    def keep(number: PhoneNumberRecord | LeasedNumberRecord) -> bool:
        return _matches(
            number,
            status=criteria.get("status"),
            channels=criteria.get("channels", ()),
            country=criteria.get("country"),
            region=criteria.get("region"),
            city=criteria.get("city"),
        )

    if isinstance(listing, AvailableNumbersResponse):
        available = [n for n in listing.data.numbers if keep(n)]
        return _evolve(listing, data=_evolve(listing.data, numbers=available, available=len(available)))
    leased = [n for n in listing.data.numbers if keep(n)]
    return _evolve(listing, data=_evolve(listing.data, numbers=leased, leased=len(leased)))
