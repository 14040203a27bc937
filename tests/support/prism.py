"""Run Prism (Stoplight's OpenAPI mock server) on openapi.yaml for contract tests.

Prism answers every operation of the spec with a response built from its examples and schemas,
and validates each request it receives against the spec. With ``--errors`` a request that breaks
the spec gets the operation's 400 response (or 422 where the operation declares one, and 401
for a failed security check) instead of a success, and every response carries what Prism found
wrong in an ``sl-violations`` header: a JSON array of
``{"location": [...], "severity": "Error", "code": ..., "message": ...}``. The header is
absent when the request is valid.

Usage::

    with prism_mock() as prism:
        recorder = ViolationRecorder()
        with httpx.Client(base_url=prism.base_url, event_hooks={"response": [recorder]}) as http:
            http.post("/send/text", json={...}, headers={"Authorization": "Token x"})
        recorder.assert_clean()

Prism only checks that the ``Authorization`` header is present (the spec's ``tokenAuth`` is an
``apiKey`` scheme); it cannot check the ``Token`` prefix. It does not serve the spec's
``webhooks``, and in its default static mode every response is the schema's examples, so
response parsing against varied data needs ``dynamic=True`` (seeded for reproducibility).
"""

from __future__ import annotations

import collections
import json
import os
import re
import signal
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

import attrs
import httpx

from tests.support import REPO as REPO_ROOT

SPEC_PATH = REPO_ROOT / "openapi.yaml"
PRISM_BIN = REPO_ROOT / "node_modules" / ".bin" / "prism"
VIOLATIONS_HEADER = "sl-violations"

# Prism prints this once the server accepts connections; with `--port 0` it names the port the
# OS picked, so there is no window between choosing a free port and binding it.
_LISTENING = re.compile(r"Prism is listening on (http://\S+)")
# Plenty for any test's debugging; bounded so a long session cannot grow without limit.
_MAX_LOG_LINES = 20_000


class PrismError(RuntimeError):
    """Prism could not be started, or exited before it was listening."""


@attrs.frozen
class Violation:
    """One way in which a request broke the spec, as Prism reported it."""

    location: tuple[str, ...]
    """Where the problem is, e.g. ``("request", "body", "attachments")``."""
    severity: str
    """``"Error"``, ``"Warning"``, ``"Information"`` or ``"Hint"``; only errors fail a request."""
    code: str
    """The JSON Schema keyword that failed (``"maxItems"``), or the HTTP status of a failed
    security check (``"401"``)."""
    message: str

    @property
    def where(self) -> str:
        """The location as a dotted path, e.g. ``request.body.attachments``."""
        return ".".join(self.location)

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.code}]"


def violations_of(response: httpx.Response) -> list[Violation]:
    """The violations Prism reported for the request that produced ``response``."""
    raw = response.headers.get(VIOLATIONS_HEADER)
    if raw is None:
        return []
    try:
        items = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise PrismError(f"unreadable {VIOLATIONS_HEADER} header: {raw!r}") from exc
    return [
        Violation(
            location=tuple(str(part) for part in item.get("location", ())),
            severity=str(item.get("severity", "Error")),
            code=str(item.get("code", "")),
            message=str(item.get("message", "")),
        )
        for item in items
    ]


@attrs.frozen
class Exchange:
    """A request Prism answered, with what it found wrong with it."""

    method: str
    url: str
    status_code: int
    violations: tuple[Violation, ...]


@attrs.define
class ViolationRecorder:
    """An httpx response hook that keeps Prism's verdict on every request a client sends.

    Pass the recorder itself in ``event_hooks={"response": [recorder]}`` of an ``httpx.Client``,
    or ``recorder.async_hook`` for an ``httpx.AsyncClient``.
    """

    exchanges: list[Exchange] = attrs.field(factory=list)

    def __call__(self, response: httpx.Response) -> None:
        request = response.request
        self.exchanges.append(
            Exchange(
                method=request.method,
                url=str(request.url),
                status_code=response.status_code,
                violations=tuple(violations_of(response)),
            )
        )

    async def async_hook(self, response: httpx.Response) -> None:
        self(response)

    @property
    def violations(self) -> list[Violation]:
        """Every violation recorded so far, in request order."""
        return [violation for exchange in self.exchanges for violation in exchange.violations]

    def report(self) -> str:
        """The requests that broke the spec and how, one line per violation."""
        return "\n".join(
            f"{exchange.method} {exchange.url} -> {exchange.status_code}: {violation}"
            for exchange in self.exchanges
            for violation in exchange.violations
        )

    def assert_clean(self) -> None:
        """Fail unless every recorded request conformed to the spec."""
        if self.violations:
            raise AssertionError(f"Prism found requests that break openapi.yaml:\n{self.report()}")

    def clear(self) -> None:
        self.exchanges.clear()


class _Log:
    """Prism's output so far; readers can wait for a line that has not been read yet."""

    def __init__(self) -> None:
        self._lines: collections.deque[str] = collections.deque(maxlen=_MAX_LOG_LINES)
        self._changed = threading.Condition()

    def append(self, line: str) -> None:
        with self._changed:
            self._lines.append(line)
            self._changed.notify_all()

    def text(self) -> str:
        with self._changed:
            return "".join(self._lines)

    def wait_for(self, text: str, timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: any(text in line for line in self._lines), timeout)


@attrs.frozen
class PrismServer:
    """A running Prism mock server."""

    base_url: str
    """Where the server listens, e.g. ``http://127.0.0.1:40123`` (no trailing slash)."""
    process: subprocess.Popen[str] = attrs.field(repr=False)
    _log: _Log = attrs.field(repr=False, alias="log")

    def output(self) -> str:
        """What Prism has printed so far: its request log, validation results and errors."""
        return self._log.text()

    def wait_for_output(self, text: str, timeout: float = 10.0) -> bool:
        """Wait until a line Prism printed contains ``text``; False if none did within ``timeout``.

        Prism logs a request while it answers it, so its lines about a request can arrive
        after the response.
        """
        return self._log.wait_for(text, timeout)


class _OutputReader(threading.Thread):
    """Drains Prism's output so its pipe never fills, and spots the line that says it is ready."""

    def __init__(self, stream: IO[str], log: _Log) -> None:
        super().__init__(name="prism-output", daemon=True)
        self._stream = stream
        self._log = log
        self.done = threading.Event()
        """Set once Prism is listening, or its output ended (it exited) before that."""
        self.base_url: str | None = None

    def run(self) -> None:
        try:
            for line in self._stream:
                self._log.append(line)
                if self.base_url is None and (match := _LISTENING.search(line)):
                    self.base_url = match.group(1).rstrip("/")
                    self.done.set()
        finally:
            self.done.set()


@contextmanager
def prism_mock(
    spec: Path = SPEC_PATH,
    *,
    dynamic: bool = False,
    seed: str | None = None,
    extra_args: Sequence[str] = (),
    startup_timeout: float = 60.0,
) -> Iterator[PrismServer]:
    """Serve ``spec`` with Prism on a free 127.0.0.1 port until the block exits.

    Requests are validated and invalid ones answered with an error response (``--errors``).
    ``dynamic`` makes Prism generate responses from the schemas instead of their examples;
    give a ``seed`` to make that deterministic.
    """
    if not PRISM_BIN.exists():
        raise PrismError(f"{PRISM_BIN} is missing; run `make setup` (npm ci) first")
    command = [str(PRISM_BIN), "mock", str(spec), "--host", "127.0.0.1", "--port", "0", "--errors"]
    if dynamic:
        command.append("--dynamic")
    if seed is not None:
        command += ["--seed", seed]
    command += extra_args

    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        # Its own process group, so stopping it also stops anything it spawned.
        start_new_session=True,
    )
    assert process.stdout is not None
    log = _Log()
    reader = _OutputReader(process.stdout, log)
    reader.start()
    try:
        if not reader.done.wait(startup_timeout):
            raise PrismError(f"Prism did not start within {startup_timeout}s:\n{log.text()}")
        if reader.base_url is None:
            raise PrismError(f"Prism exited with {process.wait()} before listening:\n{log.text()}")
        yield PrismServer(reader.base_url, process, log=log)
    finally:
        _stop(process)
        reader.join()
        process.stdout.close()


def _stop(process: subprocess.Popen[str], grace: float = 10.0) -> None:
    """Stop ``process`` and everything in its process group, forcefully if SIGTERM is ignored."""
    if process.poll() is None:
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()
    # Anything Prism spawned that outlived it; the group id cannot be reused while they live.
    _signal_group(process, signal.SIGKILL)


def _signal_group(process: subprocess.Popen[str], sig: signal.Signals) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
