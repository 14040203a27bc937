"""Number leasing, with the client-side filters the API itself does not offer."""

from __future__ import annotations

from typing import Any, TypeVar

from contiguity_client.api import numbers
from contiguity_client.models import (
    AvailableNumbersResponse,
    LeasedNumbersResponse,
    LeaseResponse,
    LeaseTerminationResponse,
    NumberConfigurationResponse,
    NumberDetailsResponse,
)
from typing_extensions import Unpack

from .._endpoint import endpoint
from .._filters import check_criteria, filter_numbers
from .._resource import ModeT, Raw, Resource, TransportT
from .._response import APIResponse
from .._transport import AsyncTransport, SyncTransport
from ..types import NumberFilter

ListingT = TypeVar("ListingT", AvailableNumbersResponse, LeasedNumbersResponse)


def _filtered(listing: ListingT | APIResponse[ListingT], criteria: NumberFilter) -> Any:
    """The listing filtered by ``criteria``; on the raw view, an answer whose ``parse()`` filters."""
    if isinstance(listing, APIResponse):
        return listing.map(lambda model: filter_numbers(model, **criteria))
    return filter_numbers(listing, **criteria)


class _NumbersEndpoints(Resource[TransportT, ModeT]):
    with_raw_response: _NumbersEndpoints[TransportT, Raw]
    get = endpoint(numbers.get_number_arguments, NumberDetailsResponse)
    lease = endpoint(numbers.lease_number_arguments, LeaseResponse)
    terminate = endpoint(numbers.terminate_lease_arguments, LeaseTerminationResponse)
    configure = endpoint(numbers.configure_number_arguments, NumberConfigurationResponse)
    _available = endpoint(numbers.list_available_numbers_arguments, AvailableNumbersResponse)
    _leased = endpoint(numbers.list_leased_numbers_arguments, LeasedNumbersResponse)


# Keep in step with AsyncNumbers.
class Numbers(_NumbersEndpoints[SyncTransport]):
    """Numbers to lease and numbers you lease.

    ``available`` and ``leased`` filter locally (the API does not): ``status``, ``channels``
    (all required), ``country``, ``region`` and ``city`` (case-insensitive). The count in the
    result is recomputed.
    """

    def available(self, **criteria: Unpack[NumberFilter]) -> AvailableNumbersResponse:
        """Numbers this account may lease, filtered by ``criteria``."""
        check_criteria(criteria)
        return _filtered(self._available(), criteria)  # type: ignore[no-any-return]

    def leased(self, **criteria: Unpack[NumberFilter]) -> LeasedNumbersResponse:
        """Numbers this account leases, filtered by ``criteria``."""
        check_criteria(criteria)
        return _filtered(self._leased(), criteria)  # type: ignore[no-any-return]


# Keep in step with Numbers: the same two filtered listings, awaiting.
class AsyncNumbers(_NumbersEndpoints[AsyncTransport]):
    """Numbers to lease and numbers you lease, filtered locally as in :class:`Numbers`."""

    async def available(self, **criteria: Unpack[NumberFilter]) -> AvailableNumbersResponse:
        """Numbers this account may lease, filtered by ``criteria``."""
        check_criteria(criteria)
        return _filtered(await self._available(), criteria)  # type: ignore[no-any-return]

    async def leased(self, **criteria: Unpack[NumberFilter]) -> LeasedNumbersResponse:
        """Numbers this account leases, filtered by ``criteria``."""
        check_criteria(criteria)
        return _filtered(await self._leased(), criteria)  # type: ignore[no-any-return]
