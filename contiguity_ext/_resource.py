"""The base of every product group (``client.text``, ``client.numbers``, ...)."""

from __future__ import annotations

import functools
from typing import Generic

from typing_extensions import TypeVar

from ._context import ClientContext, TransportT

__all__ = ["ClientContext", "ModeT", "Parsed", "Raw", "Resource", "TransportT"]


class Parsed:
    """Marks a product group whose methods return the parsed model (the default)."""


class Raw:
    """Marks the ``with_raw_response`` view of a group: methods return an :class:`APIResponse`."""


ModeT = TypeVar("ModeT", Parsed, Raw, default=Parsed)


class Resource(Generic[TransportT, ModeT]):
    """A group of operations bound to one client.

    ``TransportT`` makes its methods sync or async; ``ModeT`` whether they return the parsed
    model or, in the ``with_raw_response`` view, the HTTP response around it. A group declares
    ``with_raw_response: <its class>[TransportT, Raw]`` so type checkers see its own methods there.
    """

    def __init__(self, context: ClientContext[TransportT]) -> None:
        self._context: ClientContext[TransportT] = context

    @functools.cached_property
    def with_raw_response(self) -> Resource[TransportT, Raw]:
        """The same operations, each returning an :class:`~contiguity_ext.APIResponse`."""
        return type(self)(self._context.replace(raw=True))  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
