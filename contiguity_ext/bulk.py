"""Bulk text sends that survive a crash: a template filled per recipient, paced, journaled.

::

    from contiguity_ext import bulk

    recipients = bulk.read_csv("recipients.csv", message="Hi {name}, your code is {code}")
    if recipients.problems:                       # bad rows, each with its line number
        raise SystemExit("\\n".join(map(str, recipients.problems)))
    with contiguity_ext.login() as client:
        report = bulk.send(client, recipients.rows, journal="campaign.sqlite")
    print(len(report.sent), "sent;", len(report.unknown), "may or may not have been sent")

The journal (an SQLite file) records each row before it is sent and again when the API answers,
committed to disk each time. Running the same send again with the same journal therefore:

* sends the rows never attempted (a crash or Ctrl-C stopped the run before them);
* never sends again a row the API answered, whether it accepted or refused it;
* lists the rows whose outcome is unknown (sent, but the answer never came: a crash mid-request,
  a timeout, a dropped connection) in :attr:`Report.unknown`, and does not send them again
  unless ``retry_unknown=True``: the API has no idempotency key, so sending one again may send
  the text twice;
* refuses to run (:class:`JournalMismatchError`, nothing sent) when a row's recipient or
  message differs from what the journal recorded for that line.

A row whose request provably never left (the connection was refused) is taken out of the
journal again, so the next run sends it. :func:`send_async` is the same for
:class:`~contiguity_ext.AsyncContiguity`.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import os
import sqlite3
import string
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import attrs

from . import _spec
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    ContiguityError,
    ValidationError,
)
from .phone import to_e164

if TYPE_CHECKING:
    from ._client import AsyncContiguity, Contiguity

__all__ = [
    "DEFAULT_BURST",
    "DEFAULT_CONCURRENCY",
    "DEFAULT_RATE",
    "JournalMismatchError",
    "Outcome",
    "Problem",
    "Recipient",
    "Recipients",
    "Report",
    "read_csv",
    "recipients_from_rows",
    "send",
    "send_async",
]

# The API documents one sending limit: 1 message per second per line, in bursts of up to 5.
DEFAULT_RATE = 1.0
DEFAULT_BURST = 5
DEFAULT_CONCURRENCY = 4


class JournalMismatchError(ValidationError):
    """The journal was written for other rows: same line, another recipient or message."""


@attrs.frozen
class Recipient:
    """One row to send: its line in the source, the E.164 number and the filled-in message."""

    line: int
    to: str
    message: str

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(f"{self.to}\n{self.message}".encode()).hexdigest()


@attrs.frozen
class Problem:
    """A row that cannot be sent, and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@attrs.frozen
class Recipients:
    """The rows of a source: those ready to send, and those that cannot be sent."""

    rows: tuple[Recipient, ...]
    problems: tuple[Problem, ...]


@attrs.frozen
class Outcome:
    """What became of one row in this run."""

    recipient: Recipient
    # "sent" (accepted), "failed" (the API refused it), "unknown" (no answer), or "not_sent"
    # (the request provably never left; the next run sends it).
    status: str
    message_id: str | None = None
    error: str | None = None
    status_code: int | None = None


@attrs.frozen
class Report:
    """A run's result.

    ``answered_before`` holds the rows an earlier run got an answer for (not sent again), each
    with the outcome the journal recorded: ``sent`` or ``failed``.
    """

    sent: tuple[Outcome, ...]
    failed: tuple[Outcome, ...]
    not_sent: tuple[Outcome, ...]
    unknown: tuple[Recipient, ...]
    answered_before: tuple[Outcome, ...]

    @property
    def failed_before(self) -> tuple[Outcome, ...]:
        """The rows the API refused in an earlier run."""
        return tuple(o for o in self.answered_before if o.status == "failed")

    @property
    def complete(self) -> bool:
        """Whether every row was accepted, in this run or an earlier one."""
        return not (self.failed or self.not_sent or self.unknown or self.failed_before)


# ---- reading recipients --------------------------------------------------------------------


def read_csv(
    path: str | os.PathLike[str], *, message: str, to_column: str = "to", region: str = "US"
) -> Recipients:
    """Read a CSV file with a header row; each row fills ``message`` (``{column}`` placeholders).

    Every row is checked as the API would check it (a phone number in ``to_column``, a message
    the spec accepts); rows that fail are :attr:`Recipients.problems`, with their line numbers.
    Raises :class:`ValidationError` when the file cannot be read, or the template names a
    column the file does not have.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as source:
            reader = csv.DictReader(source)
            rows = list(_numbered(reader))
            columns = reader.fieldnames or []
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ValidationError(f"cannot read {os.fspath(path)}: {error}", field="file") from None
    return _recipients(rows, columns, message, to_column, region)


def recipients_from_rows(
    rows: Iterable[Mapping[str, str]], *, message: str, to_column: str = "to", region: str = "US"
) -> Recipients:
    """:func:`read_csv` for rows already in memory; row ``n`` (from 1) counts as line ``n + 1``."""
    numbered = [(index + 2, dict(row)) for index, row in enumerate(rows)]
    columns = list(dict.fromkeys(key for _, row in numbered for key in row))
    return _recipients(numbered, columns, message, to_column, region)


def _numbered(reader: csv.DictReader[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    # line_num is the line a record ends on; a record starts on the line after the previous one.
    _ = reader.fieldnames  # reads the header
    start = reader.line_num + 1
    for row in reader:
        yield start, row
        start = reader.line_num + 1


def _recipients(
    rows: Sequence[tuple[int, Mapping[str, Any]]],
    columns: Sequence[str],
    message: str,
    to_column: str,
    region: str,
) -> Recipients:
    placeholders = _placeholders(message)
    missing = [name for name in [to_column, *placeholders] if name not in columns]
    if missing:
        raise ValidationError(
            f"no column {', '.join(repr(name) for name in missing)} (the columns are: {', '.join(columns)})",
            # The argument to correct: the recipients' column, or the template naming the others.
            field="to_column" if to_column in missing else "message",
        )
    validate = _spec.operation("send_text").body_validator
    ready: list[Recipient] = []
    problems: list[Problem] = []
    for line, row in rows:
        try:
            recipient = _recipient(line, row, message, placeholders, to_column, region)
            if validate is not None:
                _spec.validate(validate, {"to": recipient.to, "message": recipient.message})
        except ValidationError as error:
            problems.append(Problem(line, str(error)))
        else:
            ready.append(recipient)
    return Recipients(tuple(ready), tuple(problems))


def _placeholders(message: str) -> list[str]:
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as error:
        raise ValidationError(f"not a template: {error}", field="message") from None
    for name in fields:
        # Only plain column names: "{0}", "{a.b}" or "{a[0]}" would reach into Python objects.
        if not name or name.isdigit() or any(mark in name for mark in ".[]"):
            raise ValidationError(f"{{{name}}} is not a column name", field="message")
    return list(dict.fromkeys(fields))


def _recipient(
    line: int, row: Mapping[str, Any], message: str, placeholders: Sequence[str], to_column: str, region: str
) -> Recipient:
    empty = [name for name in [to_column, *placeholders] if not (row.get(name) or "").strip()]
    if empty:
        others = f" (nor for {', '.join(repr(name) for name in empty[1:])})" if empty[1:] else ""
        raise ValidationError(f"no value on line {line}{others}", field=empty[0])
    to = to_e164(row[to_column], region=region, field=to_column)
    try:
        text = message.format_map({name: row[name] for name in placeholders})
    except (ValueError, KeyError) as error:
        raise ValidationError(f"not a template: {error}", field="message") from None
    if not text.strip():
        raise ValidationError(f"empty on line {line}", field="message")
    return Recipient(line, to, text)


# ---- the journal ---------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rows (
    line INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
    message_id TEXT,
    error TEXT,
    status_code INTEGER,
    attempted_at REAL NOT NULL,
    answered_at REAL
)
"""


@attrs.frozen
class _Record:
    state: str
    fingerprint: str
    message_id: str | None
    error: str | None
    status_code: int | None


class _Journal:
    """The SQLite record of every attempt; each change is committed before the run goes on."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        # Worker threads share the connection; the lock keeps one statement at a time.
        self._lock = threading.Lock()
        location = ":memory:" if path is None else os.fspath(path)
        try:
            self._db = sqlite3.connect(location, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise ValidationError(f"cannot use {location} as a journal: {error}", field="journal") from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute(_SCHEMA)
        except sqlite3.Error as error:
            self._db.close()
            raise ValidationError(f"cannot use {location} as a journal: {error}", field="journal") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def records(self) -> dict[int, _Record]:
        """Line → what the journal holds for it, for every row recorded so far."""
        with self._lock:
            found = self._db.execute(
                "SELECT line, state, fingerprint, message_id, error, status_code FROM rows"
            ).fetchall()
        return {row[0]: _Record(*row[1:]) for row in found}

    def sending(self, recipient: Recipient) -> None:
        self._write(
            "INSERT OR REPLACE INTO rows (line, recipient, fingerprint, state, attempted_at)"
            " VALUES (?, ?, ?, 'sending', ?)",
            (recipient.line, recipient.to, recipient.fingerprint, time.time()),
        )

    def answered(self, outcome: Outcome) -> None:
        if outcome.status == "not_sent":
            self._write("DELETE FROM rows WHERE line = ?", (outcome.recipient.line,))
        elif outcome.status in ("sent", "failed"):
            self._write(
                "UPDATE rows SET state = ?, message_id = ?, error = ?, status_code = ?, answered_at = ?"
                " WHERE line = ?",
                (
                    outcome.status,
                    outcome.message_id,
                    outcome.error,
                    outcome.status_code,
                    time.time(),
                    outcome.recipient.line,
                ),
            )

    def _write(self, statement: str, parameters: tuple[Any, ...]) -> None:
        with self._lock:
            self._db.execute(statement, parameters)


# ---- one run -------------------------------------------------------------------------------


class _Pacer:
    """A token bucket: ``rate`` sends per second on average, up to ``burst`` at once."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        if not rate > 0:
            raise ValidationError("rate must be a positive number of sends per second", field="rate")
        if burst < 1:
            raise ValidationError("burst must be at least 1", field="burst")
        self._interval = 1.0 / rate
        self._burst = burst
        self._clock = clock
        self._lock = threading.Lock()
        self._next = clock() - (burst - 1) * self._interval

    def reserve(self) -> float:
        """Take the next slot; return how long to wait for it, in seconds."""
        with self._lock:
            now = self._clock()
            # An idle bucket refills up to `burst` slots, never more.
            slot = max(self._next, now - (self._burst - 1) * self._interval)
            self._next = slot + self._interval
            return max(0.0, slot - now)


@attrs.define
class _Run:
    """What the sync and async runs share: the plan, the journal and how answers are recorded."""

    journal: _Journal
    pacer: _Pacer
    on_outcome: Callable[[Outcome], None] | None
    outcomes: list[Outcome] = attrs.field(factory=list)
    stop: threading.Event = attrs.field(factory=threading.Event)

    @classmethod
    @contextmanager
    def open(
        cls,
        journal: str | os.PathLike[str] | None,
        rate: float,
        burst: int,
        concurrency: int,
        on_outcome: Callable[[Outcome], None] | None,
    ) -> Iterator[_Run]:
        if concurrency < 1:
            raise ValidationError("concurrency must be at least 1", field="concurrency")
        pacer = _Pacer(rate, burst)
        opened = _Journal(journal)
        try:
            yield cls(opened, pacer, on_outcome)
        finally:
            opened.close()

    def plan(
        self, recipients: Sequence[Recipient], retry_unknown: bool
    ) -> tuple[list[Recipient], list[Recipient], list[Outcome]]:
        """(to send, unknown and not to send, answered before), checking the journal fits."""
        records = self.journal.records()
        mismatched = [
            r.line for r in recipients if r.line in records and records[r.line].fingerprint != r.fingerprint
        ]
        if mismatched:
            lines = ", ".join(map(str, mismatched[:10])) + (" ..." if len(mismatched) > 10 else "")
            raise JournalMismatchError(
                f"the journal recorded another recipient or message for line(s) {lines}; "
                "use a new journal for a changed file or message",
                field="journal",
            )
        shared = sorted(line for line, count in Counter(r.line for r in recipients).items() if count > 1)
        if shared:
            raise ValidationError(f"more than one recipient on line {shared[0]}", field="line")
        to_send: list[Recipient] = []
        unknown: list[Recipient] = []
        answered: list[Outcome] = []
        for recipient in recipients:
            record = records.get(recipient.line)
            state = record.state if record is not None else ""
            if record is not None and state in ("sent", "failed"):
                answered.append(
                    Outcome(recipient, state, record.message_id, record.error, record.status_code)
                )
            elif state == "sending" and not retry_unknown:
                unknown.append(recipient)
            else:
                to_send.append(recipient)
        return to_send, unknown, answered

    def begin(self, recipient: Recipient) -> None:
        self.journal.sending(recipient)

    def finish(self, recipient: Recipient, result: Any = None, error: BaseException | None = None) -> Outcome:
        outcome = _outcome(recipient, result, error)
        self.journal.answered(outcome)
        self.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)
        return outcome

    def report(self, unknown: list[Recipient], answered: list[Outcome]) -> Report:
        by_status: dict[str, list[Outcome]] = {"sent": [], "failed": [], "not_sent": [], "unknown": []}
        for outcome in sorted(self.outcomes, key=lambda o: o.recipient.line):
            by_status[outcome.status].append(outcome)
        unknown_now = [o.recipient for o in by_status["unknown"]]
        return Report(
            sent=tuple(by_status["sent"]),
            failed=tuple(by_status["failed"]),
            not_sent=tuple(by_status["not_sent"]),
            unknown=tuple(sorted([*unknown, *unknown_now], key=lambda r: r.line)),
            answered_before=tuple(answered),
        )


def _outcome(recipient: Recipient, result: Any, error: BaseException | None) -> Outcome:
    if error is None:
        return Outcome(recipient, "sent", message_id=result.data.message_id)
    if isinstance(error, APIError):
        return Outcome(recipient, "failed", error=str(error), status_code=error.status_code)
    if isinstance(error, APIResponseValidationError):
        # The API answered; only the body was off. A 2xx means it took the message.
        status = "sent" if 200 <= error.status_code < 300 else "failed"
        return Outcome(recipient, status, error=str(error), status_code=error.status_code)
    if isinstance(error, APIConnectionError) and not error.may_have_been_sent:
        return Outcome(recipient, "not_sent", error=str(error))
    if isinstance(error, ValidationError):
        return Outcome(recipient, "not_sent", error=str(error))
    return Outcome(recipient, "unknown", error=str(error) or type(error).__name__)


def _arguments(recipient: Recipient, from_: str | None) -> dict[str, Any]:
    arguments: dict[str, Any] = {"to": recipient.to, "message": recipient.message}
    if from_ is not None:
        arguments["from_"] = from_
    return arguments


def _recorded(error: BaseException) -> bool:
    """Whether ``error`` is an outcome to record, rather than a reason to stop the run."""
    return isinstance(error, ContiguityError)


# Keep in step with send_async: the same plan, pacing and journal, only the waiting differs.
def send(
    client: Contiguity,
    recipients: Iterable[Recipient],
    *,
    journal: str | os.PathLike[str] | None = None,
    from_: str | None = None,
    rate: float = DEFAULT_RATE,
    burst: int = DEFAULT_BURST,
    concurrency: int = DEFAULT_CONCURRENCY,
    retry_unknown: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Report:
    """Send a text to each recipient, at most ``rate`` per second, ``concurrency`` at a time.

    ``journal`` (an SQLite file, created if missing) makes the run resumable; see the module
    documentation for what a second run does. ``on_outcome`` is called (from a worker thread)
    with each row's :class:`Outcome` as it arrives. A Ctrl-C or any other exception stops the
    run: requests in flight finish and are recorded, then the exception propagates.
    """
    rows = list(recipients)
    with _Run.open(journal, rate, burst, concurrency, on_outcome) as run:
        to_send, unknown, answered = run.plan(rows, retry_unknown)
        queue = iter(to_send)
        queue_lock = threading.Lock()
        failures: list[BaseException] = []

        def work() -> None:
            while not run.stop.is_set():
                with queue_lock:
                    recipient = next(queue, None)
                if recipient is None:
                    return
                run.stop.wait(run.pacer.reserve())
                if run.stop.is_set():
                    return
                run.begin(recipient)
                try:
                    result = client.text.send(**_arguments(recipient, from_))
                except BaseException as error:  # the main thread re-raises it
                    run.finish(recipient, error=error)
                    if not _recorded(error):
                        failures.append(error)
                        run.stop.set()
                else:
                    run.finish(recipient, result)

        # Waiting on events rather than Thread.join: a join interrupted by Ctrl-C may return
        # early the next time (CPython gh-90882), and the journal must outlive every worker.
        workers: list[tuple[threading.Thread, threading.Event]] = []

        def worker(done: threading.Event) -> None:
            try:
                work()
            finally:
                done.set()

        try:
            for _ in range(min(concurrency, len(to_send))):
                done = threading.Event()
                thread = threading.Thread(target=worker, args=(done,), daemon=True)
                workers.append((thread, done))
                thread.start()
            for _, done in workers:
                done.wait()
        except BaseException:
            run.stop.set()
            for thread, done in workers:
                if thread.ident is not None:  # started: let its request in flight be recorded
                    done.wait()
            raise
        if failures:
            raise failures[0]
        return run.report(unknown, answered)


# Keep in step with send.
async def send_async(
    client: AsyncContiguity,
    recipients: Iterable[Recipient],
    *,
    journal: str | os.PathLike[str] | None = None,
    from_: str | None = None,
    rate: float = DEFAULT_RATE,
    burst: int = DEFAULT_BURST,
    concurrency: int = DEFAULT_CONCURRENCY,
    retry_unknown: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Report:
    """:func:`send` for :class:`~contiguity_ext.AsyncContiguity`, with the same guarantees.

    Cancelling it stops the run: the rows in flight stay recorded as sent without an answer.
    """
    rows = list(recipients)
    with _Run.open(journal, rate, burst, concurrency, on_outcome) as run:
        to_send, unknown, answered = run.plan(rows, retry_unknown)
        queue = iter(to_send)

        async def work() -> None:
            for recipient in queue:
                await asyncio.sleep(run.pacer.reserve())
                run.begin(recipient)
                try:
                    result = await client.text.send(**_arguments(recipient, from_))
                except BaseException as error:
                    run.finish(recipient, error=error)
                    if not _recorded(error):
                        raise
                else:
                    run.finish(recipient, result)

        workers = [asyncio.ensure_future(work()) for _ in range(min(concurrency, len(to_send)))]
        try:
            await asyncio.gather(*workers)
        except BaseException:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            raise
        return run.report(unknown, answered)
