"""The base of every product group (``client.text``, ``client.numbers``, ...)."""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs

from ._transport import AsyncTransport, SyncTransport

TransportT = TypeVar("TransportT", SyncTransport, AsyncTransport)


@attrs.frozen
class ClientContext(Generic[TransportT]):
    """What every call of one client shares."""

    transport: TransportT
    # None sends each operation to its own host from the spec (legacy calls live elsewhere).
    base_url: str | None
    region: str
    # False checks an answer only for what the typed result needs, so a newer API still parses.
    strict_response_validation: bool = False
    # Whether this client has said that the API is newer than its spec (said once per client).
    newer_api_noticed: list[str] = attrs.field(factory=list, eq=False, repr=False)

    @property
    def is_async(self) -> bool:
        return isinstance(self.transport, AsyncTransport)


class Resource(Generic[TransportT]):
    """A group of operations bound to one client; sync or async depending on ``TransportT``."""

    def __init__(self, context: ClientContext[TransportT]) -> None:
        self._context: ClientContext[TransportT] = context

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
