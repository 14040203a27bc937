"""Drive an async client from synchronous test code, so one test body checks both clients.

``AsyncDriven(client, loop)`` looks like the sync client: every method call runs to completion
on ``loop`` (one loop per client, as a program would use it) and returns its result. Tests
parametrised over a sync/async ``flavour`` then share their assertions instead of copying them.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import contiguity_ext as contiguity
from contiguity_ext._resource import Resource
from contiguity_ext.resources.classic import AsyncTemplate, AsyncVerify

if TYPE_CHECKING:
    from tests.support.recording import Recorder


class AsyncDriven:
    """The methods of an async client (or one of its groups), each run to completion on ``loop``."""

    def __init__(self, target: object, loop: asyncio.AbstractEventLoop) -> None:
        self._target = target
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if isinstance(value, (Resource, AsyncVerify, AsyncTemplate)):
            return AsyncDriven(value, self._loop)
        if not callable(value):
            return value

        def run(*args: Any, **kwargs: Any) -> Any:
            result = value(*args, **kwargs)
            if inspect.isawaitable(result):
                result = self._loop.run_until_complete(result)
            # A copy made by with_options() is driven on the same loop as the client it came from.
            return (
                AsyncDriven(result, self._loop) if isinstance(result, contiguity.AsyncContiguity) else result
            )

        return run


def underlying(client: object) -> object:
    """The client itself behind a driven view (a sync client is its own)."""
    return client._target if isinstance(client, AsyncDriven) else client


class DrivenClient:
    """An async client seen as a sync one, with what it takes to close it and its loop."""

    def __init__(self, client: contiguity.AsyncContiguity) -> None:
        self.loop = asyncio.new_event_loop()
        self.client = client
        self.view = cast(contiguity.Contiguity, AsyncDriven(client, self.loop))

    def close(self) -> None:
        if self.loop.is_closed():
            return
        try:
            self.loop.run_until_complete(self.client.aclose())
        finally:
            self.loop.close()


def driven(
    is_async: bool,
    make_sync: Callable[[], contiguity.Contiguity],
    make_async: Callable[[], contiguity.AsyncContiguity],
) -> tuple[contiguity.Contiguity, Callable[[], None]]:
    """A client of the flavour asked for, as a sync-looking object, and how to close it."""
    if not is_async:
        client = make_sync()
        return client, client.close
    async_client = DrivenClient(make_async())
    return async_client.view, async_client.close


class Clients:
    """Clients of one flavour (sync, or async driven as sync) for a test; closed with :meth:`close`.

    ``over(recorder)`` answers from a :class:`~tests.support.recording.Recorder`; ``login()`` makes
    a client with the HTTP client it creates itself, as a user's would be.
    """

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async
        self._closers: list[Callable[[], None]] = []

    def login(self, token: str | None = "tok_test", **options: Any) -> contiguity.Contiguity:
        return self.open(
            lambda: contiguity.login(token, **options), lambda: contiguity.login_async(token, **options)
        )

    def over(
        self, recorder: Recorder, token: str | None = "tok_test", **options: Any
    ) -> contiguity.Contiguity:
        return self.open(
            lambda: recorder.client(token, **options), lambda: recorder.async_client(token, **options)
        )

    def open(
        self,
        make_sync: Callable[[], contiguity.Contiguity],
        make_async: Callable[[], contiguity.AsyncContiguity],
    ) -> contiguity.Contiguity:
        """The client one of the two makes, as the flavour says; closed with the others."""
        client, close = driven(self.is_async, make_sync, make_async)
        self._closers.append(close)
        return client

    def close(self) -> None:
        closers, self._closers = self._closers, []
        for close in closers:
            close()


async def collect_garbage() -> None:
    """Collect what nothing refers to any more, and let the tasks that scheduled finish.

    An async client nobody closed closes its pool in a task scheduled on the running loop.
    """
    gc.collect()
    await asyncio.gather(*(asyncio.all_tasks() - {asyncio.current_task()}))
