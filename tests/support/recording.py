"""An httpx transport that records requests and answers like the API would."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

import contiguity_ext as contiguity

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

    def client(self, token: str = "tok_test", **options: Any) -> contiguity.Contiguity:
        return contiguity.login(
            token, http_client=httpx.Client(transport=httpx.MockTransport(self)), **options
        )

    def async_client(self, token: str = "tok_test", **options: Any) -> contiguity.AsyncContiguity:
        return contiguity.login_async(
            token, http_client=httpx.AsyncClient(transport=httpx.MockTransport(self)), **options
        )
