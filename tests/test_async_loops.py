"""An AsyncContiguity belongs to the event loop that first uses it.

Its pooled connections are bound to that loop, so reuse from a second ``asyncio.run()`` would
fail deep inside the HTTP stack with a raw ``RuntimeError``; instead it raises a
``ContiguityError`` saying what to do, before anything is sent.
"""

from __future__ import annotations

import asyncio

import pytest

import contiguity_ext as contiguity
from tests.support.recording import Recorder

PHONE = "+15555555555"


def test_a_second_event_loop_gets_an_error_that_says_what_to_do(recorder: Recorder) -> None:
    client = recorder.async_client()

    async def send(message: str) -> None:
        await client.text.send(to=PHONE, message=message)

    asyncio.run(send("first"))
    with pytest.raises(contiguity.ContiguityError) as caught:
        asyncio.run(send("second"))
    assert str(caught.value) == (
        "this AsyncContiguity was first used in another event loop, and its connections"
        " belong to that loop; create the client inside the loop that uses it (in the"
        " coroutine given to asyncio.run(), for example), one client per event loop"
    )
    assert not isinstance(caught.value, RuntimeError)
    assert len(recorder.requests) == 1


def test_one_client_per_loop_works(recorder: Recorder) -> None:
    async def send(message: str) -> None:
        async with recorder.async_client() as client:
            await client.text.send(to=PHONE, message=message)

    asyncio.run(send("first"))
    asyncio.run(send("second"))
    assert [r.content for r in recorder.requests] == [
        b'{"to":"+15555555555","message":"first"}',
        b'{"to":"+15555555555","message":"second"}',
    ]


def test_many_calls_in_one_loop_are_fine(recorder: Recorder) -> None:
    async def main() -> None:
        client = recorder.async_client()
        await asyncio.gather(*(client.text.send(to=PHONE, message=str(i)) for i in range(5)))

    asyncio.run(main())
    assert len(recorder.requests) == 5
