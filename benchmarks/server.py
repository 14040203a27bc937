"""A loopback HTTP/1.1 server that answers ``POST /send/text`` with a fixed success envelope.

The benchmarks compare the SDK with raw httpx, so the server must cost next to nothing: it is an
asyncio protocol over raw bytes (no HTTP framework), with every answer prepared in advance,
keep-alive and pipelining, and it runs in a process of its own so that its work never shares an
interpreter with the client being measured.

Routes: ``POST /send/text`` → 200 and :data:`ENVELOPE`; ``GET /stats`` → 200 and
``{"send_text": <requests served>}``; anything else → 404. Request bodies are read by
``Content-Length`` and ignored.

``python -m benchmarks.server`` binds a free port on 127.0.0.1, prints it on the first line of
stdout and serves until its stdin closes, so it cannot outlive the process that started it.
:class:`BenchServer` does exactly that; :func:`measure_capacity` finds how many requests per
second the server itself can answer.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from typing_extensions import Self

__all__ = ["ENVELOPE", "BenchServer", "measure_capacity", "request_bytes"]

ENVELOPE = (
    b'{"id":"req_x","timestamp":1,"api_version":"v2026.8.2","object":"response",'
    b'"data":{"message_id":"text_x"}}'
)

ROOT = Path(__file__).resolve().parent.parent


def _response(status: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


SEND_TEXT_RESPONSE = _response("200 OK", ENVELOPE)
_NOT_FOUND = _response(
    "404 Not Found", b'{"id":"req_x","object":"error","data":{"error":"not found","status":404}}'
)


def request_bytes(
    host: str, port: int, body: bytes = b'{"to":"+15555550100","message":"benchmark"}'
) -> bytes:
    """One complete ``POST /send/text`` request, as a pipelining client sends it."""
    head = (
        f"POST /send/text HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


class _Counter:
    send_text = 0


class _HTTPProtocol(asyncio.Protocol):
    """Parses pipelined requests from one connection and answers them in one write."""

    def __init__(self, counter: type[_Counter]) -> None:
        self._counter = counter
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        answers: list[bytes] = []
        close = False
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = bytes(buffer[:end]).lower()
            length = _content_length(head)
            total = end + 4 + length
            if len(buffer) < total:
                break
            del buffer[:total]
            if head.startswith(b"post /send/text "):
                self._counter.send_text += 1
                answers.append(SEND_TEXT_RESPONSE)
            elif head.startswith(b"get /stats "):
                answers.append(
                    _response("200 OK", json.dumps({"send_text": self._counter.send_text}).encode())
                )
            else:
                answers.append(_NOT_FOUND)
            if b"\r\nconnection: close" in head:
                close = True
                break
        transport = self._transport
        assert transport is not None
        if answers:
            transport.write(b"".join(answers))
        if close:
            transport.close()


def _content_length(head: bytes) -> int:
    start = head.find(b"\r\ncontent-length:")
    if start < 0:
        return 0
    start += len(b"\r\ncontent-length:")
    stop = head.find(b"\r\n", start)
    return int(head[start : stop if stop >= 0 else len(head)])


async def _serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    server = await loop.create_server(lambda: _HTTPProtocol(_Counter), "127.0.0.1", port, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)

    def wait_for_eof() -> None:
        sys.stdin.buffer.read()
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=wait_for_eof, daemon=True).start()
    async with server:
        await stop.wait()


class BenchServer:
    """Runs ``python -m benchmarks.server`` in a child process for the duration of a ``with``."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.server"],
            cwd=ROOT,
            env=subprocess_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.strip().isdigit():
            self.stop()
            raise RuntimeError(f"benchmark server did not start (printed {line!r})")
        self.port = int(line)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def subprocess_env() -> dict[str, str]:
    """The environment for child interpreters: this checkout's packages first on the path."""
    paths = [str(ROOT), str(ROOT / "generated")]
    inherited = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([*paths, *([inherited] if inherited else [])])}


def measure_capacity(port: int, *, seconds: float = 1.0, depth: int = 64) -> dict[str, float]:
    """Requests per second the server answers, measured with a raw-socket client.

    ``pipelined``: ``depth`` requests written at once, their answers read back, repeatedly (the
    server's own ceiling). ``ping_pong``: one request, one answer, the way a sequential HTTP
    client uses a keep-alive connection (server cost plus loopback round trip).
    """
    request = request_bytes("127.0.0.1", port)
    return {
        "pipelined": _rate(port, request, depth, seconds),
        "ping_pong": _rate(port, request, 1, seconds),
    }


def _rate(port: int, request: bytes, depth: int, seconds: float) -> float:
    batch = request * depth
    expected = len(SEND_TEXT_RESPONSE) * depth
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = bytearray(expected)
        view = memoryview(buffer)
        answered = 0
        started = time.perf_counter()
        deadline = started + seconds
        while True:
            connection.sendall(batch)
            received = 0
            while received < expected:
                count = connection.recv_into(view[received:])
                if count == 0:
                    raise ConnectionError("benchmark server closed the connection")
                received += count
            answered += depth
            now = time.perf_counter()
            if now >= deadline:
                break
        if bytes(buffer[: len(SEND_TEXT_RESPONSE)]) != SEND_TEXT_RESPONSE:
            raise AssertionError("benchmark server sent an unexpected answer")
        return answered / (now - started)


if __name__ == "__main__":
    asyncio.run(_serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
