"""A scripted HTTP/1.1 server on 127.0.0.1 that misbehaves on request.

Fault tests need answers no well-behaved server gives: a connection closed or reset after the
request was read, a body shorter than its ``Content-Length``, a reply that never comes. This
server speaks just enough HTTP/1.1 over raw sockets to produce them, and records every request
it read in full, so a test can prove how many times a call reached the server.

::

    with FaultServer() as server:
        server.play(Reply(503), Reply(200, json_body={"ok": True}))
        ...                       # point a client at server.url
        assert len(server.requests) == 2
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections.abc import Callable, Iterator, Mapping
from http import HTTPStatus
from types import TracebackType
from typing import Any, BinaryIO

import attrs
from typing_extensions import Self

__all__ = ["Action", "Drop", "FaultServer", "Hang", "Raw", "Received", "Reply", "Script", "sequence"]

# Long enough for any loaded CI machine; only reached when a test is already failing.
_PATIENCE = 10.0


@attrs.frozen
class Received:
    """One request the server read completely."""

    method: str
    path: str
    headers: Mapping[str, str]  # names lower-cased
    body: bytes


@attrs.frozen
class Reply:
    """Answer with a status, headers and body, then keep the connection open for more."""

    status: int
    body: bytes = b""
    headers: Mapping[str, str] = attrs.field(factory=dict)
    # None: the standard phrase for the status ("Unknown" for non-standard ones).
    reason: str | None = None
    # When set, the body is this value as JSON (with a JSON content type unless one is given).
    json_body: Any = None

    @property
    def content(self) -> bytes:
        return self.body if self.json_body is None else json.dumps(self.json_body).encode()

    @property
    def header_items(self) -> dict[str, str]:
        headers = {name.lower(): value for name, value in self.headers.items()}
        if self.json_body is not None:
            headers.setdefault("content-type", "application/json")
        return headers

    def encode(self) -> bytes:
        content = self.content
        headers = self.header_items
        headers.setdefault("content-length", str(len(content)))
        reason = self.reason
        if reason is None:
            try:
                reason = HTTPStatus(self.status).phrase
            except ValueError:
                reason = "Unknown"
        head = f"HTTP/1.1 {self.status} {reason}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        return (head + "\r\n").encode("latin-1") + content


@attrs.frozen
class Raw:
    """Write these bytes verbatim, then close the connection (for malformed answers)."""

    data: bytes


@attrs.frozen
class Drop:
    """Close the connection without answering; with ``reset`` send a TCP RST instead of a FIN."""

    reset: bool = False


@attrs.frozen
class Hang:
    """Never answer: hold the connection until the server stops, then close it."""


Action = Reply | Raw | Drop | Hang
Script = Callable[[Received], Action]


class FaultServer:
    """A threaded server answering each request as the current ``script`` says.

    Start and stop it with ``with`` (or :meth:`start`/:meth:`stop`). Stopping releases every
    :class:`Hang`, closes every connection and joins every thread it started.
    """

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.script: Script = lambda _request: Reply(404, json_body={"message": "not scripted"})
        self._changed = threading.Condition()
        self._released = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._connections: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, name="fault-server-accept", daemon=True)
        self._wake_address: tuple[str, int] | None = None

    # ---- scripting -----------------------------------------------------------------------

    def play(self, *actions: Action) -> None:
        """Answer the next requests with ``actions`` in turn; the last one repeats forever."""
        self.script = sequence(*actions)

    @property
    def connections(self) -> int:
        """How many connections the server has accepted."""
        return len(self._threads)

    def wait_for_requests(self, count: int) -> list[Received]:
        """Block until at least ``count`` requests have been read; return them all."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.requests) >= count, timeout=_PATIENCE):
                raise AssertionError(f"expected {count} request(s), the server read {len(self.requests)}")
            return list(self.requests)

    # ---- lifecycle -----------------------------------------------------------------------

    def start(self) -> Self:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Release hung requests, close every connection and join every thread."""
        self._released.set()
        if self._acceptor.is_alive():
            # accept() has no timeout; a connection from a known address tells the loop to end.
            # Connections queued before it are still accepted and served first.
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as wake:
                wake.bind(("127.0.0.1", 0))
                self._wake_address = wake.getsockname()
                wake.connect(("127.0.0.1", self.port))
                self._acceptor.join(_PATIENCE)
        self._listener.close()
        with self._changed:
            connections = list(self._connections)
        for connection in connections:
            # Unblocks handlers waiting for another request on a kept-alive connection.
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(_PATIENCE)
        alive = [thread.name for thread in [self._acceptor, *self._threads] if thread.is_alive()]
        if alive:
            raise AssertionError(f"fault server threads did not stop: {alive}")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # ---- serving -------------------------------------------------------------------------

    def _accept(self) -> None:
        while True:
            try:
                connection, address = self._listener.accept()
            except OSError:
                return
            if address == self._wake_address:
                connection.close()
                return
            thread = threading.Thread(
                target=self._serve, args=(connection,), name=f"fault-server-{address[1]}", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        with self._changed:
            self._connections.add(connection)
        try:
            with connection, connection.makefile("rb") as reader:
                for request in _requests(reader):
                    with self._changed:
                        self.requests.append(request)
                        self._changed.notify_all()
                    if not self._act(connection, self.script(request)):
                        return
        except OSError:
            # The client went away mid-exchange; what it saw is the test's business.
            pass
        finally:
            with self._changed:
                self._connections.discard(connection)

    def _act(self, connection: socket.socket, action: Action) -> bool:
        """Carry out ``action``; return whether the connection stays open."""
        if isinstance(action, Reply):
            connection.sendall(action.encode())
            return True
        if isinstance(action, Raw):
            connection.sendall(action.data)
        elif isinstance(action, Drop) and action.reset:
            # Linger with a zero timeout: close() sends RST rather than FIN.
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        elif isinstance(action, Hang):
            self._released.wait()
        return False


def sequence(*actions: Action) -> Script:
    """A script answering with ``actions`` in turn, repeating the last one forever."""
    if not actions:
        raise ValueError("a sequence needs at least one action")
    remaining = list(actions)

    def script(_request: Received) -> Action:
        return remaining.pop(0) if len(remaining) > 1 else remaining[0]

    return script


def _requests(reader: BinaryIO) -> Iterator[Received]:
    """The requests on one connection, until the client closes it or sends garbage."""
    while True:
        request_line = reader.readline()
        if not request_line.endswith(b"\r\n"):
            return
        parts = request_line.decode("latin-1").split()
        if len(parts) != 3:
            return
        headers: dict[str, str] = {}
        while True:
            line = reader.readline()
            if not line.endswith(b"\r\n"):
                return
            if line == b"\r\n":
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        body = reader.read(length) if length else b""
        if len(body) != length:
            return
        yield Received(method=parts[0], path=parts[1], headers=headers, body=body)
