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

    @property
    def is_async(self) -> bool:
        return isinstance(self.transport, AsyncTransport)


class Resource(Generic[TransportT]):
    """A group of operations bound to one client; sync or async depending on ``TransportT``."""

    def __init__(self, context: ClientContext[TransportT]) -> None:
        self._context: ClientContext[TransportT] = context

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
