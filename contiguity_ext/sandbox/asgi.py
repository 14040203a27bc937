"""The sandbox as an ASGI application (needs the ``sandbox`` extra: Starlette).

Every request, whatever its path, goes to :meth:`SandboxApp.handle`; Starlette only reads the
request and writes the response.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .app import SandboxApp, SandboxRequest

__all__ = ["create_asgi_app"]

_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def create_asgi_app(sandbox: SandboxApp, *, on_shutdown: Callable[[], None] | None = None) -> Starlette:
    """An ASGI app serving ``sandbox``; ``on_shutdown`` runs when the server stops."""

    async def endpoint(request: Request) -> Response:
        # The raw path keeps %2B and %2F as sent, so a `+` in a phone number survives routing.
        raw_path: bytes | None = request.scope.get("raw_path")
        path = raw_path.decode("latin-1") if raw_path else quote(request.url.path)
        answer = sandbox.handle(
            SandboxRequest(
                method=request.method,
                path=path,
                query=dict(request.query_params),
                headers=dict(request.headers),
                body=await request.body(),
            )
        )
        return Response(answer.body, status_code=answer.status, headers=answer.headers)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if on_shutdown is not None:
                on_shutdown()

    return Starlette(routes=[Route("/{path:path}", endpoint, methods=_METHODS)], lifespan=lifespan)
