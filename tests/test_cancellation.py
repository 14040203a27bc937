"""Cancelling an async call: the caller sees the cancellation, nothing is sent again, the client goes on.

A task cancelled while the server holds its answer, or while the client waits before a retry or
between reverse-OTP polls, must end there: no retry, no further poll, and the connection given back
so the next call on the same client works. Every step waits on an event the other side sets, never
on the passing of time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import TypeVar

import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext.testing import FakeClock
from tests.support.faults_server import FaultServer, Hang, Reply
from tests.support.recording import envelope

PHONE = "+15555555555"
SENT = envelope({"message_id": "text_1"})
PENDING = envelope({"otp_id": "r_otp_1", "status": "pending", "expires_at": "2026-11-29T10:00:00Z"})
T = TypeVar("T")

# How long a call waits for the one pooled connection: reached only when a test already fails,
# and well before the read timeout that would end a call left running on a held answer.
TIMEOUT = httpx.Timeout(60.0, pool=2.0)


class GatedClock(FakeClock):
    """A fake clock that, once :attr:`held`, never ends a wait: it sets :attr:`waiting` and blocks
    until cancelled. Until then it waits no time at all, like :class:`FakeClock`."""

    def __init__(self) -> None:
        super().__init__()
        self.held = False
        self.waiting = asyncio.Event()

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
        if self.held:
            # A second wait means the call went on after it was cancelled: fail, don't hang.
            assert not self.waiting.is_set(), "waited again after being cancelled"
            self.waiting.set()
            await asyncio.Event().wait()


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def clock() -> GatedClock:
    return GatedClock()


@pytest.fixture
async def client(server: FaultServer, clock: GatedClock) -> AsyncIterator[contiguity.AsyncContiguity]:
    """An async client with a single pooled connection, so a connection a cancelled call kept would
    make the next call wait for the pool and fail."""
    http_client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1))
    client = contiguity.login_async(
        "tok_cancel",
        base_url=server.url,
        http_client=http_client,
        max_retries=2,
        timeout=TIMEOUT,
        clock=clock,
    )
    async with http_client, client:
        yield client


def started(call: Awaitable[T]) -> asyncio.Task[T]:
    """``call`` running as a task of its own, so the test can cancel it."""

    async def run() -> T:
        return await call

    return asyncio.create_task(run())


async def requests_reached(server: FaultServer, count: int) -> None:
    """Wait (off the event loop) until the server has read ``count`` requests."""
    await asyncio.to_thread(server.wait_for_requests, count)


async def cancelled_while_the_server_holds_the_answer(
    server: FaultServer, client: contiguity.AsyncContiguity
) -> None:
    server.play(Hang(), Reply(200, json_body=SENT))
    task = started(client.text.send(to=PHONE, message="hi"))
    await requests_reached(server, 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_call_cancelled_in_flight_raises_cancelled_error_and_is_not_sent_again(
    server: FaultServer, client: contiguity.AsyncContiguity, clock: GatedClock
) -> None:
    await cancelled_while_the_server_holds_the_answer(server, client)
    assert len(server.requests) == 1
    assert clock.sleeps == []


async def test_the_next_call_on_the_same_client_works_after_a_cancellation(
    server: FaultServer, client: contiguity.AsyncContiguity, clock: GatedClock
) -> None:
    await cancelled_while_the_server_holds_the_answer(server, client)
    result = await client.text.send(to=PHONE, message="again")
    assert result.data.message_id == "text_1"
    first, second = server.wait_for_requests(2)
    assert (first.body, second.body) == (
        b'{"to":"+15555555555","message":"hi"}',
        b'{"to":"+15555555555","message":"again"}',
    )
    assert len(server.requests) == 2
    # Not even a wait for the pool: the cancelled call gave its connection back.
    assert clock.sleeps == []


async def test_wait_for_timing_out_a_call_cancels_it_without_a_retry(
    server: FaultServer, client: contiguity.AsyncContiguity, clock: GatedClock
) -> None:
    server.play(Hang(), Reply(200, json_body=SENT))
    # A read would be retried after a connection failure: a cancellation is not one.
    task = started(client.domains.list())
    await requests_reached(server, 1)
    # The server never answers, so the timeout is reached whatever the machine's speed.
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(task, timeout=0.01)
    assert task.cancelled()
    assert len(server.requests) == 1
    result = await client.text.send(to=PHONE, message="again")
    assert result.data.message_id == "text_1"
    assert len(server.requests) == 2
    assert clock.sleeps == []


async def test_a_call_cancelled_while_waiting_to_retry_is_never_retried(
    server: FaultServer, client: contiguity.AsyncContiguity, clock: GatedClock
) -> None:
    server.play(Reply(503, json_body={"message": "busy"}), Reply(200, json_body=SENT))
    clock.held = True
    task = started(client.domains.list())
    await clock.waiting.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(clock.sleeps) == 1
    assert len(server.requests) == 1
    result = await client.text.send(to=PHONE, message="again")
    assert result.data.message_id == "text_1"
    assert len(server.requests) == 2


async def test_cancelling_reverse_otp_wait_during_its_pause_stops_polling(
    server: FaultServer, client: contiguity.AsyncContiguity, clock: GatedClock
) -> None:
    server.play(Reply(200, json_body=PENDING))
    clock.held = True
    task = started(client.otp.reverse.wait("r_otp_1", interval=20, timeout=600))
    await clock.waiting.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert clock.sleeps == [20.0]
    assert [request.path for request in server.requests] == ["/otp/reverse/verify/r_otp_1"]
    status = await client.otp.reverse.status("r_otp_1")
    assert status.data.status == "pending"
    assert len(server.requests) == 2


async def test_cancelling_reverse_otp_wait_during_a_poll_stops_it(
    server: FaultServer, client: contiguity.AsyncContiguity, clock: GatedClock
) -> None:
    server.play(Hang(), Reply(200, json_body=PENDING))
    task = started(client.otp.reverse.wait("r_otp_1"))
    await requests_reached(server, 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert clock.sleeps == []
    assert len(server.requests) == 1
