"""The real clock a client uses unless given another: time.monotonic, time.sleep, asyncio.sleep."""

from __future__ import annotations

import asyncio
import time

import pytest

from contiguity_ext._clock import SystemClock


def test_the_system_clock_reads_and_waits_on_the_real_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    waited: list[object] = []
    monkeypatch.setattr(time, "monotonic", lambda: 42.5)
    monkeypatch.setattr(time, "sleep", waited.append)

    async def record(seconds: float) -> None:
        waited.append(("async", seconds))

    monkeypatch.setattr(asyncio, "sleep", record)
    clock = SystemClock()
    assert clock.monotonic() == 42.5
    clock.sleep(0.25)
    asyncio.run(clock.async_sleep(1.5))
    assert waited == [0.25, ("async", 1.5)]
