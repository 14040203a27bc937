"""What every call of one client shares; kept free of heavy imports, as login() creates it."""

from __future__ import annotations

from typing import Generic, TypeVar

from ._transport import AsyncTransport, SyncTransport

TransportT = TypeVar("TransportT", SyncTransport, AsyncTransport)


class ClientContext(Generic[TransportT]):
    """The transport and settings of one client, and whether its results are raw responses."""

    __slots__ = ("base_url", "newer_api_noticed", "raw", "region", "strict_response_validation", "transport")

    def __init__(
        self,
        transport: TransportT,
        base_url: str | None,
        region: str,
        strict_response_validation: bool,
        *,
        raw: bool = False,
        newer_api_noticed: list[str] | None = None,
    ) -> None:
        self.transport: TransportT = transport
        # None sends each operation to its own host from the spec (legacy calls live elsewhere).
        self.base_url = base_url
        self.region = region
        # False checks an answer only for what the typed result needs, so a newer API still parses.
        self.strict_response_validation = strict_response_validation
        self.raw = raw
        # Whether this client has said that the API is newer than its spec (said once per
        # client, copies made by with_options and with_raw_response included).
        self.newer_api_noticed: list[str] = [] if newer_api_noticed is None else newer_api_noticed

    @property
    def is_async(self) -> bool:
        return isinstance(self.transport, AsyncTransport)

    def replace(
        self, *, transport: TransportT | None = None, raw: bool | None = None
    ) -> ClientContext[TransportT]:
        """A copy with another transport or rawness."""
        return ClientContext(
            self.transport if transport is None else transport,
            self.base_url,
            self.region,
            self.strict_response_validation,
            raw=self.raw if raw is None else raw,
            newer_api_noticed=self.newer_api_noticed,
        )
