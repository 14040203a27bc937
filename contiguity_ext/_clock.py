"""Where a client reads the time and waits: retry back-off and reverse OTP polling.

A client takes any object with these three methods as ``clock=``; tests pass
:class:`contiguity_ext.testing.FakeClock` so that waiting takes no time and is recorded.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """A monotonic clock and the two ways of waiting on it (sync clients sleep, async ones await)."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    async def async_sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: :func:`time.monotonic`, :func:`time.sleep` and :func:`asyncio.sleep`."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        import asyncio  # here, so that sync programs never load it

        await asyncio.sleep(seconds)


SYSTEM_CLOCK = SystemClock()
