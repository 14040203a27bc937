"""``python -m contiguity_ext.sandbox``: serve the sandbox over HTTP with uvicorn.

The first line on stdout is ``Contiguity sandbox listening on http://HOST:PORT``, printed once
the socket accepts connections (``--port 0`` picks a free port). OTP codes and webhook
deliveries are logged to stderr. Ctrl+C stops it quietly; on SIGTERM it shuts down cleanly and
then exits by that signal, as uvicorn does.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import socket
import sys
from collections.abc import Sequence

from .app import SandboxApp
from .delivery import HttpDelivery

DEFAULT_PORT = 8787


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m contiguity_ext.sandbox",
        description="Serve a local, in-memory Contiguity API for trying and testing the SDK.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port, 0 for any free one (default {DEFAULT_PORT})"
    )
    parser.add_argument("--webhook-url", help="POST webhook events (text delivery, inbound texts, ...) here")
    parser.add_argument("--webhook-secret", help="sign webhook events with this secret (whsec_...)")
    parser.add_argument(
        "--token", help="accept only this API token (401 for any other); by default any token is accepted"
    )
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return parser.parse_args(argv)


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP must be explicit: asyncio sets TCP_NODELAY only on accepted sockets whose
    # protocol says TCP, and without it every answer on a kept-alive connection waits ~40 ms
    # for the client's delayed ACK (Nagle's algorithm).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    # Listening before the URL is printed lets a client connect as soon as it reads the line;
    # the connection waits in the backlog until uvicorn starts accepting.
    sock.listen(128)
    return sock


def main(argv: Sequence[str] | None = None) -> None:
    try:
        import uvicorn

        from .asgi import create_asgi_app, dropping_connections
    except ImportError:
        sys.exit("The sandbox server needs Starlette and uvicorn: pip install 'contiguity-typed[sandbox]'")

    args = _parse(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # The delivery thread always runs: a reverse OTP session's success_url needs no --webhook-url.
    delivery = HttpDelivery(args.webhook_url, args.webhook_secret)
    app = create_asgi_app(SandboxApp(on_event=delivery, token=args.token), on_shutdown=delivery.close)

    sock = _listen(args.host, args.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if sock.family == socket.AF_INET6 else host
    print(f"Contiguity sandbox listening on http://{shown}:{port}", flush=True)
    # A client still waiting on a slow-answer scenario must not hold up shutdown for long.
    config = uvicorn.Config(
        dropping_connections(app), log_level=args.log_level, lifespan="on", timeout_graceful_shutdown=3
    )
    # uvicorn shuts down cleanly on Ctrl+C and then re-raises it; a traceback would only be noise.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()
