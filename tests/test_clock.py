"""The clocks a client reads and waits on: the real one unless given another, and
``contiguity_ext.testing.FakeClock``, which moves only when told to."""

from __future__ import annotations

import asyncio
import time

import pytest

from contiguity_ext._clock import SystemClock
from contiguity_ext.testing import FakeClock


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


def test_advancing_a_fake_clock_moves_it_forward_by_that_much() -> None:
    clock = FakeClock(now=1_000.0)

    clock.advance(30)
    clock.advance(2.5)

    assert (clock(), clock.monotonic()) == (1_032.5, 1_032.5)
    assert clock.sleeps == []  # advancing is not sleeping: nothing waited
