"""Run the sandbox server in a child process, and receive its webhooks locally.

For scripts and tests that want the sandbox over real HTTP (the demo, README examples, your
own end-to-end tests); in-process tests are simpler with :mod:`contiguity_ext.testing`.
"""

from __future__ import annotations

import http.server
import os
import queue
import re
import selectors
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

_READY = re.compile(r"Contiguity sandbox listening on (http://\S+)\n")
# Importing the SDK and starting uvicorn takes well under a second; this bounds a broken start.
START_TIMEOUT = 60.0


class SandboxStartError(RuntimeError):
    """The sandbox server exited or stayed silent instead of listening."""


@contextmanager
def running_sandbox(
    *args: str, log: IO[str] | None = None, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Start ``python -m contiguity_ext.sandbox --port 0 ARGS``; yield its base URL; stop it.

    The URL is read from the server's first output line, printed once it accepts connections,
    so there is no race for a port and nothing to poll. ``log`` receives its stderr (OTP codes,
    webhook deliveries); by default it is discarded.
    """
    command = [sys.executable, "-m", "contiguity_ext.sandbox", "--host", "127.0.0.1", "--port", "0", *args]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=log if log is not None else subprocess.DEVNULL,
        text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        yield _wait_until_listening(process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _wait_until_listening(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=START_TIMEOUT)
    line = process.stdout.readline() if ready else ""
    match = _READY.fullmatch(line)
    if match is None:
        raise SandboxStartError(f"the sandbox did not start (exit code {process.poll()}): {line!r}")
    return match[1]


Received = tuple[str, dict[str, str], bytes]


class WebhookReceiver:
    """A local HTTP endpoint that answers every POST with ``status`` and queues what it got.

    Use it as a context manager: it listens on a free 127.0.0.1 port until the block ends.
    ``next()`` returns ``(path, headers, raw body)`` of the next delivery.
    """

    def __init__(self, status: int = 204) -> None:
        self.requests: queue.Queue[Received] = queue.Queue()
        received = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                received.put((self.path, dict(self.headers.items()), body))
                self.send_response(status)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                """Deliveries are reported through ``next()``, not stderr."""

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def next(self, timeout: float = 10.0) -> Received:
        """The next request received, waiting up to ``timeout`` seconds for it."""
        return self.requests.get(timeout=timeout)


__all__ = ["SandboxStartError", "WebhookReceiver", "running_sandbox"]
