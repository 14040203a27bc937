"""An httpx transport that records requests and answers like the API would."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx

import contiguity_ext as contiguity
from contiguity_ext.testing import FakeClock

ENVELOPE = {"id": "req_test", "timestamp": 1757916599341, "api_version": "v2026.8.2", "object": "response"}

Handler = Callable[[httpx.Request], httpx.Response]


def envelope(data: Any) -> dict[str, Any]:
    return {**ENVELOPE, "data": data}


def error_envelope(status: int, message: str, **extra: Any) -> dict[str, Any]:
    return {
        **ENVELOPE,
        "id": "err_test",
        "object": "error",
        "data": {"error": message, "status": status, **extra},
    }


class Recorder:
    """Records requests; answers with ``handler`` (default: a `message_id` envelope)."""

    def __init__(self, handler: Handler | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.handler: Handler = handler or (
            lambda _request: httpx.Response(200, json=envelope({"message_id": "text_1"}))
        )

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.handler(request)

    def answer(self, data: Any, status: int = 200) -> None:
        self.handler = lambda _request: httpx.Response(status, json=envelope(data))

    @property
    def last_json(self) -> Any:
        return json.loads(self.requests[-1].content)

    def client(self, token: str | None = "tok_test", **options: Any) -> contiguity.Contiguity:
        return contiguity.login(
            token, http_client=httpx.Client(transport=httpx.MockTransport(self)), **options
        )

    def async_client(self, token: str | None = "tok_test", **options: Any) -> contiguity.AsyncContiguity:
        return contiguity.login_async(
            token, http_client=httpx.AsyncClient(transport=httpx.MockTransport(self)), **options
        )


Answer = httpx.Response | Callable[[], httpx.Response] | Exception
"""One scripted answer: a response, a function making one, or an exception to raise instead."""


def in_turn(*answers: Answer) -> Handler:
    """A handler giving ``answers`` one per request, in order."""
    pending = list(answers)

    def handle(_request: httpx.Request) -> httpx.Response:
        answer = pending.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer if isinstance(answer, httpx.Response) else answer()

    return handle


def message_sent() -> httpx.Response:
    """A fresh ``text.send`` success (a response object answers only one request)."""
    return httpx.Response(200, json=envelope({"message_id": "text_1"}))


def call_with(
    recorder: Recorder,
    call: Callable[[Any], Any],
    *,
    is_async: bool,
    token: str = "tok_test",
    **options: Any,
) -> Any:
    """``call(client)`` on a new sync or async client over ``recorder``; retries do not wait."""
    options.setdefault("clock", FakeClock())
    if is_async:

        async def call_async() -> Any:
            async with recorder.async_client(token, **options) as client:
                return await call(client)

        return asyncio.run(call_async())
    with recorder.client(token, **options) as client:
        return call(client)


def send_text(recorder: Recorder, *, is_async: bool, token: str = "tok_test", **options: Any) -> Any:
    """One ``text.send`` on a new sync or async client over ``recorder``; retries do not wait."""
    return call_with(
        recorder,
        lambda client: client.text.send(to="+15555555555", message="hi"),
        is_async=is_async,
        token=token,
        **options,
    )
