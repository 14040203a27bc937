"""The sandbox as an ASGI application (needs the ``sandbox`` extra: Starlette).

Every request, whatever its path, goes to :meth:`SandboxApp.handle`; Starlette only reads the
request and writes the response.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .app import SandboxApp, SandboxRequest

__all__ = ["create_asgi_app", "dropping_connections"]

_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
_DROP = "contiguity.sandbox.drop"


def create_asgi_app(sandbox: SandboxApp, *, on_shutdown: Callable[[], None] | None = None) -> Starlette:
    """An ASGI app serving ``sandbox``; ``on_shutdown`` runs when the server stops.

    A request the sandbox answers by dropping the connection gets no answer at all; serve the
    app through :func:`dropping_connections` so that uvicorn then closes the connection.
    """

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if on_shutdown is not None:
                on_shutdown()

    # An object, not a function, so Starlette hands it the raw ASGI call rather than a Request.
    endpoint = _Endpoint(sandbox)
    return Starlette(routes=[Route("/{path:path}", endpoint, methods=_METHODS)], lifespan=lifespan)


class _Endpoint:
    def __init__(self, sandbox: SandboxApp) -> None:
        self._sandbox = sandbox

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        # The raw path keeps %2B and %2F as sent, so a `+` in a phone number survives routing.
        raw_path: bytes | None = scope.get("raw_path")
        path = raw_path.decode("latin-1") if raw_path else quote(request.url.path)
        answer = self._sandbox.handle(
            SandboxRequest(
                method=request.method,
                path=path,
                query=dict(request.query_params),
                headers=dict(request.headers),
                body=await request.body(),
            )
        )
        if answer.drop:
            scope[_DROP] = True
            return
        if answer.delay and await _disconnected_within(answer.delay, receive):
            return
        response = Response(answer.body, status_code=answer.status, headers=answer.headers)
        await response(scope, receive, send)


async def _disconnected_within(seconds: float, receive: Receive) -> bool:
    """Wait ``seconds``, or less if the client hangs up first (then True): a client that timed
    out does not keep the request, or the server's shutdown, waiting."""

    async def disconnect() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    try:
        await asyncio.wait_for(disconnect(), seconds)
    except asyncio.TimeoutError:
        return False
    return True


def dropping_connections(app: ASGIApp) -> Callable[[Scope, Receive, Send], Any]:
    """``app`` for uvicorn, closing the connection of each request the sandbox drops.

    uvicorn closes a connection without writing anything when the application returns a value
    other than None; that is the only way ASGI offers to hang up on a client.
    """
    logging.getLogger("uvicorn.error").addFilter(
        lambda record: not record.getMessage().startswith("ASGI callable should return None")
    )

    async def serve(scope: Scope, receive: Receive, send: Send) -> Any:
        await app(scope, receive, send)
        return _DROP if scope.get(_DROP) else None

    return serve
