"""Raw httpx against the SDK in alternating rounds, so drift in machine load hits both alike.

Round ``i`` runs raw then SDK when ``i`` is even and SDK then raw when it is odd; each side's
figure is the median of its rounds, after one untimed warm-up round each.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
from collections.abc import Awaitable, Callable

import attrs

from .sends import AsyncRaw, AsyncSdk, SyncRaw, SyncSdk

__all__ = ["Comparison", "compare_async", "compare_sync"]


@attrs.frozen
class Comparison:
    """Seconds per round for each side, over ``calls`` calls a round."""

    calls: int
    raw: tuple[float, ...]
    sdk: tuple[float, ...]

    @property
    def raw_per_call(self) -> float:
        return statistics.median(self.raw) / self.calls

    @property
    def sdk_per_call(self) -> float:
        return statistics.median(self.sdk) / self.calls

    @property
    def ratio(self) -> float:
        """SDK time over raw time: 1.00 means the SDK costs nothing extra."""
        return statistics.median(self.sdk) / statistics.median(self.raw)


def compare_sync(base_url: str, *, calls: int, rounds: int, warmup: int) -> Comparison:
    """Sequential ``text.send`` calls: :class:`SyncRaw` against :class:`SyncSdk`."""
    raw, sdk = SyncRaw(base_url), SyncSdk(base_url)
    try:
        raw.run(warmup)
        sdk.run(warmup)
        timings: dict[str, list[float]] = {"raw": [], "sdk": []}
        for index in range(rounds):
            order = (("raw", raw.run), ("sdk", sdk.run))
            for side, run in order if index % 2 == 0 else reversed(order):
                gc.collect()
                timings[side].append(run(calls))
    finally:
        raw.close()
        sdk.close()
    return Comparison(calls, tuple(timings["raw"]), tuple(timings["sdk"]))


def compare_async(base_url: str, *, calls: int, rounds: int, warmup: int, concurrency: int) -> Comparison:
    """Concurrent ``text.send`` calls: :class:`AsyncRaw` against :class:`AsyncSdk`."""
    return asyncio.run(_compare_async(base_url, calls, rounds, warmup, concurrency))


async def _compare_async(base_url: str, calls: int, rounds: int, warmup: int, concurrency: int) -> Comparison:
    raw, sdk = AsyncRaw(base_url, concurrency), AsyncSdk(base_url, concurrency)
    try:
        await raw.run(warmup)
        await sdk.run(warmup)
        timings: dict[str, list[float]] = {"raw": [], "sdk": []}
        order: tuple[tuple[str, Callable[[int], Awaitable[float]]], ...] = (
            ("raw", raw.run),
            ("sdk", sdk.run),
        )
        for index in range(rounds):
            for side, run in order if index % 2 == 0 else reversed(order):
                gc.collect()
                timings[side].append(await run(calls))
    finally:
        await raw.aclose()
        await sdk.aclose()
    return Comparison(calls, tuple(timings["raw"]), tuple(timings["sdk"]))
