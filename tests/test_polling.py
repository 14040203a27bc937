"""Reverse OTP `wait`: polls no faster than asked, stops on a final status or the timeout."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from contiguity_ext.errors import ValidationError
from contiguity_ext.testing import FakeClock
from tests.support.driven import Clients
from tests.support.recording import Recorder, call_with, envelope


def statuses(recorder: Recorder, *sequence: str) -> None:
    answers = iter(sequence)

    def handler(_request: httpx.Request) -> httpx.Response:
        status = next(answers)
        data = {"otp_id": "r_otp_1", "status": status, "expires_at": "2026-11-29T10:00:00Z"}
        return httpx.Response(200, json=envelope(data))

    recorder.handler = handler


def wait(recorder: Recorder, clock: FakeClock, is_async: bool, **options: float) -> Any:
    return call_with(
        recorder, lambda client: client.otp.reverse.wait("r_otp_1", **options), is_async=is_async, clock=clock
    )


@pytest.mark.parametrize("final", ["verified", "cancelled", "expired"])
def test_wait_polls_every_20_seconds_until_a_final_status(
    recorder: Recorder, clock: FakeClock, final: str, is_async: bool
) -> None:
    statuses(recorder, "pending", "pending", final)
    result = wait(recorder, clock, is_async)
    assert result.data.status == final
    assert clock.sleeps == [20.0, 20.0]
    assert [r.url.path for r in recorder.requests] == ["/otp/reverse/verify/r_otp_1"] * 3


def test_wait_returns_the_pending_status_at_the_timeout(
    recorder: Recorder, clock: FakeClock, is_async: bool
) -> None:
    statuses(recorder, *["pending"] * 10)
    result = wait(recorder, clock, is_async, interval=30, timeout=75)
    assert result.data.status == "pending"
    assert clock.sleeps == [30.0, 30.0, 15.0]
    assert len(recorder.requests) == 4


def test_wait_with_no_time_left_polls_once_and_never_sleeps(
    recorder: Recorder, clock: FakeClock, is_async: bool
) -> None:
    statuses(recorder, *["pending"] * 3)
    result = wait(recorder, clock, is_async, timeout=0)
    assert result.data.status == "pending"
    assert clock.sleeps == []
    assert len(recorder.requests) == 1


def test_wait_uses_the_interval_it_is_given(recorder: Recorder, clock: FakeClock, is_async: bool) -> None:
    statuses(recorder, "pending", "verified")
    result = wait(recorder, clock, is_async, interval=25)
    assert result.data.status == "verified"
    assert clock.sleeps == [25.0]


def test_wait_gives_up_after_ten_minutes_by_default(
    recorder: Recorder, clock: FakeClock, is_async: bool
) -> None:
    statuses(recorder, *["pending"] * 40)
    assert wait(recorder, clock, is_async).data.status == "pending"
    assert clock.sleeps == [20.0] * 30
    assert len(recorder.requests) == 31


def test_wait_waits_out_the_last_fraction_of_a_second(
    recorder: Recorder, clock: FakeClock, is_async: bool
) -> None:
    statuses(recorder, *["pending"] * 4)
    wait(recorder, clock, is_async, interval=30, timeout=60.5)
    assert clock.sleeps == [30.0, 30.0, 0.5]
    assert len(recorder.requests) == 4


def test_wait_accepts_an_interval_under_a_second(
    recorder: Recorder, clock: FakeClock, is_async: bool
) -> None:
    statuses(recorder, "pending", "verified")
    wait(recorder, clock, is_async, interval=0.5)
    assert clock.sleeps == [0.5]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"interval": 0}, "interval: must be positive"),
        ({"interval": -1}, "interval: must be positive"),
        ({"timeout": -1}, "timeout: must not be negative"),
    ],
)
def test_wait_refuses_a_schedule_that_cannot_work(
    recorder: Recorder, clock: FakeClock, is_async: bool, options: dict[str, float], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        wait(recorder, clock, is_async, **options)
    assert str(caught.value) == message
    assert caught.value.field == message.split(":")[0]
    assert recorder.requests == []


def test_an_expiry_timestamp_with_z_parses_to_an_aware_datetime(recorder: Recorder, clients: Clients) -> None:
    statuses(recorder, "pending")
    result = clients.over(recorder).otp.reverse.status("r_otp_1")
    assert result.data.expires_at.utcoffset() is not None
