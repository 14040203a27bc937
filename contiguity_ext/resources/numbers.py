"""Number leasing, with the client-side filters the API itself does not offer."""

from __future__ import annotations

from collections.abc import Collection

from contiguity_client.api.numbers import (
    configure_number,
    get_number,
    lease_number,
    list_available_numbers,
    list_leased_numbers,
    terminate_lease,
)
from contiguity_client.models import (
    AvailableNumbersResponse,
    LeasedNumbersResponse,
    LeaseResponse,
    LeaseTerminationResponse,
    NumberConfigurationResponse,
    NumberDetailsResponse,
)

from .._endpoint import endpoint
from .._filters import filter_numbers
from .._resource import Resource, TransportT
from .._transport import AsyncTransport, SyncTransport


class _NumbersEndpoints(Resource[TransportT]):
    get = endpoint(get_number._get_kwargs, NumberDetailsResponse)
    lease = endpoint(lease_number._get_kwargs, LeaseResponse)
    terminate = endpoint(terminate_lease._get_kwargs, LeaseTerminationResponse)
    configure = endpoint(configure_number._get_kwargs, NumberConfigurationResponse)
    _available = endpoint(list_available_numbers._get_kwargs, AvailableNumbersResponse)
    _leased = endpoint(list_leased_numbers._get_kwargs, LeasedNumbersResponse)


class Numbers(_NumbersEndpoints[SyncTransport]):
    """Numbers to lease and numbers you lease. Filters apply locally; all given must match."""

    def available(
        self,
        *,
        status: str | None = None,
        channels: Collection[str] = (),
        country: str | None = None,
        region: str | None = None,
        city: str | None = None,
    ) -> AvailableNumbersResponse:
        """Numbers this account may lease, filtered by status, required channels and place."""
        return filter_numbers(
            self._available(), status=status, channels=channels, country=country, region=region, city=city
        )

    def leased(
        self,
        *,
        status: str | None = None,
        channels: Collection[str] = (),
        country: str | None = None,
        region: str | None = None,
        city: str | None = None,
    ) -> LeasedNumbersResponse:
        """Numbers this account leases, filtered by status, required channels and place."""
        return filter_numbers(
            self._leased(), status=status, channels=channels, country=country, region=region, city=city
        )


class AsyncNumbers(_NumbersEndpoints[AsyncTransport]):
    """Numbers to lease and numbers you lease. Filters apply locally; all given must match."""

    async def available(
        self,
        *,
        status: str | None = None,
        channels: Collection[str] = (),
        country: str | None = None,
        region: str | None = None,
        city: str | None = None,
    ) -> AvailableNumbersResponse:
        """Numbers this account may lease, filtered by status, required channels and place."""
        return filter_numbers(
            await self._available(),
            status=status,
            channels=channels,
            country=country,
            region=region,
            city=city,
        )

    async def leased(
        self,
        *,
        status: str | None = None,
        channels: Collection[str] = (),
        country: str | None = None,
        region: str | None = None,
        city: str | None = None,
    ) -> LeasedNumbersResponse:
        """Numbers this account leases, filtered by status, required channels and place."""
        return filter_numbers(
            await self._leased(), status=status, channels=channels, country=country, region=region, city=city
        )
