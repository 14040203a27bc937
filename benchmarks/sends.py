"""The four ways of sending a text that the benchmarks compare, each timed over ``n`` calls.

Raw httpx is the baseline a user could write by hand: the same JSON posted with the same token,
the status checked and the JSON answer parsed (the SDK does all three, so the baseline must too).
Each class owns one long-lived client, as real programs do, so a round measures calls and not
connection set-up; the first round of each is a warm-up that opens connections and compiles
the SDK's validators.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import httpx

import contiguity_ext

__all__ = ["TO", "TOKEN", "AsyncRaw", "AsyncSdk", "SyncRaw", "SyncSdk", "check_sent"]

TOKEN = "contiguity_sk_benchmark"
TO = "+15555550100"
MESSAGE = "benchmark"
PAYLOAD = {"to": TO, "message": MESSAGE}


class SyncRaw:
    """``httpx.Client.post`` in a loop."""

    def __init__(self, base_url: str) -> None:
        self._client = httpx.Client()
        self._url = base_url + "/send/text"
        self._headers = {"Authorization": f"Token {TOKEN}"}

    def run(self, n: int) -> float:
        post, url, headers = self._client.post, self._url, self._headers
        started = time.perf_counter()
        for _ in range(n):
            response = post(url, json=PAYLOAD, headers=headers)
            response.raise_for_status()
            check_sent(response.json()["data"]["message_id"])
        return time.perf_counter() - started

    def close(self) -> None:
        self._client.close()


class SyncSdk:
    """``client.text.send(to=..., message=...)`` in a loop."""

    def __init__(self, base_url: str) -> None:
        self._client = contiguity_ext.login(TOKEN, base_url=base_url)

    def run(self, n: int) -> float:
        send = self._client.text.send
        started = time.perf_counter()
        for _ in range(n):
            check_sent(send(to=TO, message=MESSAGE).data.message_id)
        return time.perf_counter() - started

    def close(self) -> None:
        self._client.close()


class AsyncRaw:
    """``httpx.AsyncClient.post`` for ``n`` messages, ``concurrency`` at a time."""

    def __init__(self, base_url: str, concurrency: int) -> None:
        self._client = httpx.AsyncClient()
        self._url = base_url + "/send/text"
        self._headers = {"Authorization": f"Token {TOKEN}"}
        self._concurrency = concurrency

    async def run(self, n: int) -> float:
        post, url, headers = self._client.post, self._url, self._headers
        gate = asyncio.Semaphore(self._concurrency)

        async def one() -> None:
            async with gate:
                response = await post(url, json=PAYLOAD, headers=headers)
            response.raise_for_status()
            check_sent(response.json()["data"]["message_id"])

        return await _timed_gather(one, n)

    async def aclose(self) -> None:
        await self._client.aclose()


class AsyncSdk:
    """The async client's ``text.send`` for ``n`` messages, ``concurrency`` at a time."""

    def __init__(self, base_url: str, concurrency: int) -> None:
        self._client = contiguity_ext.login_async(TOKEN, base_url=base_url)
        self._concurrency = concurrency

    async def run(self, n: int) -> float:
        send = self._client.text.send
        gate = asyncio.Semaphore(self._concurrency)

        async def one() -> None:
            async with gate:
                sent = await send(to=TO, message=MESSAGE)
            check_sent(sent.data.message_id)

        return await _timed_gather(one, n)

    async def aclose(self) -> None:
        await self._client.aclose()


async def _timed_gather(one: Callable[[], Awaitable[None]], n: int) -> float:
    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(n)))
    return time.perf_counter() - started


def check_sent(message_id: str) -> None:
    # A benchmark that silently measured error answers would be worse than none.
    if message_id != "text_x":
        raise AssertionError(f"unexpected message id {message_id!r}")
