"""Reverse OTP `wait`: polls no faster than asked, stops on a final status or the timeout."""

from __future__ import annotations

import httpx
import pytest

from contiguity_ext.testing import FakeClock
from tests.support.recording import Recorder, envelope


def statuses(recorder: Recorder, *sequence: str) -> None:
    answers = iter(sequence)

    def handler(_request: httpx.Request) -> httpx.Response:
        status = next(answers)
        data = {"otp_id": "r_otp_1", "status": status, "expires_at": "2026-11-29T10:00:00Z"}
        return httpx.Response(200, json=envelope(data))

    recorder.handler = handler


@pytest.mark.parametrize("final", ["verified", "cancelled", "expired"])
def test_wait_polls_every_20_seconds_until_a_final_status(
    recorder: Recorder, clock: FakeClock, final: str
) -> None:
    statuses(recorder, "pending", "pending", final)
    client = recorder.client(clock=clock)
    result = client.otp.reverse.wait("r_otp_1")
    assert result.data.status == final
    assert clock.sleeps == [20.0, 20.0]
    assert [r.url.path for r in recorder.requests] == ["/otp/reverse/verify/r_otp_1"] * 3


def test_wait_returns_the_pending_status_at_the_timeout(recorder: Recorder, clock: FakeClock) -> None:
    statuses(recorder, *["pending"] * 10)
    client = recorder.client(clock=clock)
    result = client.otp.reverse.wait("r_otp_1", interval=30, timeout=75)
    assert result.data.status == "pending"
    assert clock.sleeps == [30.0, 30.0, 15.0]
    assert len(recorder.requests) == 4


async def test_async_wait_uses_the_same_schedule(recorder: Recorder, clock: FakeClock) -> None:
    statuses(recorder, "pending", "verified")
    client = recorder.async_client(clock=clock)
    result = await client.otp.reverse.wait("r_otp_1", interval=25)
    assert result.data.status == "verified"
    assert clock.sleeps == [25.0]


def test_an_expiry_timestamp_with_z_parses_to_an_aware_datetime(recorder: Recorder) -> None:
    statuses(recorder, "pending")
    result = recorder.client().otp.reverse.status("r_otp_1")
    assert result.data.expires_at.utcoffset() is not None
