"""Raw httpx against the SDK, interleaved finely so that drift in machine load hits both alike.

Each round gives each side ``calls`` calls in ``blocks`` blocks; the sides take turns block by
block, and whichever went second in one block goes first in the next. Each round yields the
ratio of the SDK's total time to raw's, and the round with the median ratio is reported: on a
shared machine a burst of load lasts seconds, which would skew a whole round of one side if
rounds alternated, but here lands on a block or two of each side.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
from collections.abc import Awaitable, Callable, Iterator

import attrs

from .sends import AsyncRaw, AsyncSdk, SyncRaw, SyncSdk

__all__ = ["Comparison", "compare_async", "compare_sync"]

BLOCKS = 8


@attrs.frozen
class Comparison:
    """Seconds per round for each side, over ``calls`` calls a round; round ``i`` of both is paired.

    Every figure comes from one round, the one whose SDK-over-raw ratio is the median (the lower
    of the two middle ones for an even count), so the ratio and the per-call times agree.
    """

    calls: int
    raw: tuple[float, ...]
    sdk: tuple[float, ...]

    @property
    def ratios(self) -> tuple[float, ...]:
        return tuple(sdk / raw for raw, sdk in zip(self.raw, self.sdk, strict=True))

    @property
    def _median_round(self) -> int:
        ratios = self.ratios
        return ratios.index(statistics.median_low(ratios))

    @property
    def ratio(self) -> float:
        """SDK time over raw time in the median round: 1.00 means the SDK costs nothing extra."""
        return self.ratios[self._median_round]

    @property
    def raw_per_call(self) -> float:
        return self.raw[self._median_round] / self.calls

    @property
    def sdk_per_call(self) -> float:
        return self.sdk[self._median_round] / self.calls


def _schedule(rounds: int, calls: int, blocks: int) -> Iterator[tuple[int, int, str]]:
    """(round, calls in the block, side) in running order."""
    sizes = [calls // blocks + (1 if index < calls % blocks else 0) for index in range(blocks)]
    for round_index in range(rounds):
        for block_index, size in enumerate(sizes):
            sides = ("raw", "sdk") if (round_index + block_index) % 2 == 0 else ("sdk", "raw")
            for side in sides:
                if size:
                    yield round_index, size, side


def compare_sync(base_url: str, *, calls: int, rounds: int, warmup: int, blocks: int = BLOCKS) -> Comparison:
    """Sequential ``text.send`` calls: :class:`SyncRaw` against :class:`SyncSdk`."""
    raw, sdk = SyncRaw(base_url), SyncSdk(base_url)
    runs: dict[str, Callable[[int], float]] = {"raw": raw.run, "sdk": sdk.run}
    try:
        raw.run(warmup)
        sdk.run(warmup)
        totals = {"raw": [0.0] * rounds, "sdk": [0.0] * rounds}
        gc.collect()
        for round_index, size, side in _schedule(rounds, calls, blocks):
            totals[side][round_index] += runs[side](size)
    finally:
        raw.close()
        sdk.close()
    return Comparison(calls, tuple(totals["raw"]), tuple(totals["sdk"]))


def compare_async(
    base_url: str, *, calls: int, rounds: int, warmup: int, concurrency: int, blocks: int = BLOCKS
) -> Comparison:
    """Concurrent ``text.send`` calls: :class:`AsyncRaw` against :class:`AsyncSdk`."""
    return asyncio.run(_compare_async(base_url, calls, rounds, warmup, concurrency, blocks))


async def _compare_async(
    base_url: str, calls: int, rounds: int, warmup: int, concurrency: int, blocks: int
) -> Comparison:
    raw, sdk = AsyncRaw(base_url, concurrency), AsyncSdk(base_url, concurrency)
    runs: dict[str, Callable[[int], Awaitable[float]]] = {"raw": raw.run, "sdk": sdk.run}
    try:
        await raw.run(warmup)
        await sdk.run(warmup)
        totals = {"raw": [0.0] * rounds, "sdk": [0.0] * rounds}
        gc.collect()
        for round_index, size, side in _schedule(rounds, calls, blocks):
            totals[side][round_index] += await runs[side](size)
    finally:
        await raw.aclose()
        await sdk.aclose()
    return Comparison(calls, tuple(totals["raw"]), tuple(totals["sdk"]))
