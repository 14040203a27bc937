"""``contiguity_ext.bulk``: every row sent once, answers journaled, unknown outcomes never re-sent
unless asked, both for the sync and the async client, against the in-process sandbox."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext import bulk
from contiguity_ext.errors import ValidationError
from contiguity_ext.testing import Sandbox
from tests.support.recording import error_envelope

NUMBERS = [f"+1555555{n:04d}" for n in range(120, 130)]
TEMPLATE = "Hi {name}, your code is {code}"


def rows(numbers: list[str] = NUMBERS) -> list[dict[str, str]]:
    return [{"to": number, "name": f"N{i}", "code": str(1000 + i)} for i, number in enumerate(numbers)]


def recipients(numbers: list[str] = NUMBERS) -> tuple[bulk.Recipient, ...]:
    found = bulk.recipients_from_rows(rows(numbers), message=TEMPLATE)
    assert found.problems == ()
    return found.rows


class API:
    """The sandbox behind a transport that can lose answers or refuse connections for some numbers."""

    def __init__(self) -> None:
        self.sandbox = Sandbox()
        self.lose_answer_for: set[str] = set()
        self.refuse: set[str] = set()
        self.crash_for: set[str] = set()
        self.reject: set[str] = set()
        self.attempts: Counter[str] = Counter()

    def handle(self, request: httpx.Request) -> httpx.Response:
        to = json.loads(request.read()).get("to")
        if to in self.refuse:
            raise httpx.ConnectError("refused", request=request)
        if to in self.crash_for:
            raise KeyboardInterrupt
        self.attempts[to] += 1
        if to in self.reject:
            return httpx.Response(400, json=error_envelope(400, "to: not a mobile number"))
        response = self.sandbox.app.handle_httpx(request)
        if to in self.lose_answer_for:
            raise httpx.ReadError("connection dropped after the request", request=request)
        return response

    def received(self) -> Counter[str]:
        return Counter(message.to for message in self.sandbox.messages if message.kind == "text")

    def client(self) -> contiguity.Contiguity:
        transport = httpx.MockTransport(self.handle)
        return contiguity.login(
            "contiguity_sk_bulk", base_url=Sandbox.base_url, max_retries=0,
            http_client=httpx.Client(transport=transport),
        )  # fmt: skip

    def async_client(self) -> contiguity.AsyncContiguity:
        transport = httpx.MockTransport(self.handle)
        return contiguity.login_async(
            "contiguity_sk_bulk", base_url=Sandbox.base_url, max_retries=0,
            http_client=httpx.AsyncClient(transport=transport),
        )  # fmt: skip


Send = Callable[..., bulk.Report]


@pytest.fixture(params=["sync", "async"])
def send(request: pytest.FixtureRequest, api: API) -> Send:
    """``bulk.send`` or ``bulk.send_async``, each with a fresh client per run."""

    def run_sync(recipients: Any, **options: Any) -> bulk.Report:
        with api.client() as client:
            return bulk.send(client, recipients, rate=10_000, **options)

    def run_async(recipients: Any, **options: Any) -> bulk.Report:
        async def main() -> bulk.Report:
            async with api.async_client() as client:
                return await bulk.send_async(client, recipients, rate=10_000, **options)

        return asyncio.run(main())

    return run_sync if request.param == "sync" else run_async


@pytest.fixture
def api() -> API:
    return API()


def journal_states(path: Path) -> dict[int, str]:
    # closing(): a connection's own `with` only commits, and Python 3.13 warns of one left open.
    with closing(sqlite3.connect(path)) as db:
        return dict(db.execute("SELECT line, state FROM rows"))


def test_every_row_is_sent_once_with_its_message(api: API, send: Send, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    outcomes: list[bulk.Outcome] = []
    report = send(recipients(), journal=journal, concurrency=3, on_outcome=outcomes.append)
    assert report.complete
    assert [o.recipient.to for o in report.sent] == NUMBERS
    assert len(outcomes) == len(NUMBERS)
    assert api.received() == Counter(NUMBERS)
    assert {m.to: m.message for m in api.sandbox.messages}[NUMBERS[3]] == "Hi N3, your code is 1003"
    assert journal_states(journal) == {line: "sent" for line in range(2, 2 + len(NUMBERS))}
    ids = {m.id for m in api.sandbox.messages}
    assert {o.message_id for o in report.sent} == ids

    again = send(recipients(), journal=journal)
    assert (again.sent, len(again.answered_before)) == ((), len(NUMBERS))
    assert api.received() == Counter(NUMBERS)


def test_unknown_outcomes_are_listed_not_resent_unless_asked(api: API, send: Send, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    lost = {NUMBERS[2], NUMBERS[7]}
    api.lose_answer_for = lost
    first = send(recipients(), journal=journal)
    assert sorted(r.to for r in first.unknown) == sorted(lost)
    assert api.received() == Counter(NUMBERS)  # the sandbox got them; the answers were lost
    assert journal_states(journal)[4] == "sending"

    api.lose_answer_for = set()
    second = send(recipients(), journal=journal)
    assert second.sent == ()
    assert sorted(r.to for r in second.unknown) == sorted(lost)
    assert api.received() == Counter(NUMBERS)

    third = send(recipients(), journal=journal, retry_unknown=True)
    assert sorted(o.recipient.to for o in third.sent) == sorted(lost)
    assert third.complete
    assert api.received() == Counter(NUMBERS) + Counter(lost)


def test_refusals_are_answers_and_never_resent(api: API, send: Send, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    api.reject = {NUMBERS[1]}
    first = send(recipients(NUMBERS[:3]), journal=journal)
    assert [(o.recipient.to, o.status_code) for o in first.failed] == [(NUMBERS[1], 400)]
    assert "not a mobile number" in (first.failed[0].error or "")
    assert journal_states(journal) == {2: "sent", 3: "failed", 4: "sent"}
    api.reject = set()
    again = send(recipients(NUMBERS[:3]), journal=journal)
    assert (again.sent, again.failed, len(again.answered_before)) == ((), (), 3)
    assert [(o.recipient.to, o.status_code) for o in again.failed_before] == [(NUMBERS[1], 400)]
    assert [o.message_id for o in again.answered_before if o.status == "sent"] == [
        o.message_id for o in first.sent
    ]
    assert not again.complete
    assert api.attempts == Counter(NUMBERS[:3])


def test_a_refused_connection_is_sent_by_the_next_run(api: API, send: Send, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    api.refuse = {NUMBERS[0]}
    first = send(recipients(), journal=journal)
    assert [o.recipient.to for o in first.not_sent] == [NUMBERS[0]]
    assert 2 not in journal_states(journal)
    api.refuse = set()
    second = send(recipients(), journal=journal)
    assert [o.recipient.to for o in second.sent] == [NUMBERS[0]]
    assert api.received() == Counter(NUMBERS)


def test_an_interrupted_run_resumes_without_resending(api: API, send: Send, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    api.crash_for = {NUMBERS[5]}
    with pytest.raises(KeyboardInterrupt):
        send(recipients(), journal=journal, concurrency=1)
    states = journal_states(journal)
    assert states[7] == "sending"  # line 7 holds NUMBERS[5]: attempted, no answer
    assert all(state == "sent" for line, state in states.items() if line != 7)
    api.crash_for = set()
    resumed = send(recipients(), journal=journal)
    assert [r.to for r in resumed.unknown] == [NUMBERS[5]]
    assert api.received() == Counter(n for n in NUMBERS if n != NUMBERS[5])


def test_a_journal_for_other_rows_is_refused_before_sending(api: API, send: Send, tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite"
    send(recipients(NUMBERS[:3]), journal=journal)
    changed = bulk.recipients_from_rows(rows(NUMBERS[:3]), message="Changed {name} {code}").rows
    with pytest.raises(bulk.JournalMismatchError, match=r"line\(s\) 2, 3, 4") as refused:
        send(changed, journal=journal)
    assert refused.value.field == "journal"
    assert api.received() == Counter(NUMBERS[:3])


def test_read_csv_reports_bad_rows_with_line_numbers(tmp_path: Path) -> None:
    source = tmp_path / "recipients.csv"
    source.write_text(
        "\ufeffphone,name,code\n"
        "+15555550120,Ada,1\n"
        "call me,Bob,2\n"
        '+15555550122,"Multi\nline",3\n'
        "+15555550123,,4\n"
        "(555) 555-0124,Eve,5\n",
        encoding="utf-8",
    )
    found = bulk.read_csv(source, message=TEMPLATE, to_column="phone")
    assert [(r.line, r.to) for r in found.rows] == [
        (2, "+15555550120"),
        (4, "+15555550122"),
        (7, "+15555550124"),
    ]
    assert found.rows[1].message == "Hi Multi\nline, your code is 3"
    assert [p.line for p in found.problems] == [3, 6]
    assert "contains letters" in found.problems[0].reason
    assert str(found.problems[1]) == "line 6: name: no value on line 6"


def test_an_unreadable_file_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"^file: cannot read .*missing\.csv") as refused:
        bulk.read_csv(tmp_path / "missing.csv", message=TEMPLATE)
    assert refused.value.field == "file"


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ({"to": "", "name": "", "code": "1"}, "to", "to: no value on line 2 (nor for 'name')"),
        ({"to": NUMBERS[0], "name": " ", "code": "1"}, "name", "name: no value on line 2"),
    ],
)
def test_an_empty_value_names_its_column_and_line(row: dict[str, str], field: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        bulk._recipient(2, row, TEMPLATE, ["name", "code"], "to", "US")
    assert (refused.value.field, str(refused.value)) == (field, message)


def test_an_empty_message_names_the_message_and_line() -> None:
    with pytest.raises(ValidationError) as refused:
        bulk._recipient(3, {"to": NUMBERS[0]}, "  ", [], "to", "US")
    assert (refused.value.field, str(refused.value)) == ("message", "message: empty on line 3")


def test_two_recipients_on_one_line_are_refused_before_sending(api: API, send: Send) -> None:
    first, second, *_ = recipients()
    with pytest.raises(ValidationError, match=r"^line: more than one recipient on line 2$") as refused:
        send([first, attrs.evolve(second, line=first.line)])
    assert refused.value.field == "line"
    assert api.received() == Counter()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("Hi {nickname}", "^message: no column 'nickname'"),
        ("Hi {name.__class__}", r"^message: \{name\.__class__\} is not a column name$"),
        ("Hi {0}", r"^message: \{0\} is not a column name$"),
        ("Hi {name", "^message: not a template: "),
    ],
)
def test_templates_name_only_columns(template: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as refused:
        bulk.recipients_from_rows(rows(), message=template)
    assert refused.value.field == "message"


def test_a_missing_recipient_column_names_the_to_column() -> None:
    with pytest.raises(ValidationError, match=r"^to_column: no column 'mobile'") as refused:
        bulk.recipients_from_rows(rows(), message=TEMPLATE, to_column="mobile")
    assert refused.value.field == "to_column"


def test_the_pacer_spreads_sends_after_a_burst() -> None:
    now = [100.0]
    pacer = bulk._Pacer(rate=2.0, burst=3, clock=lambda: now[0])
    assert [pacer.reserve() for _ in range(5)] == [0.0, 0.0, 0.0, 0.5, 1.0]
    now[0] += 10  # idle: the bucket refills, but only up to the burst
    assert [pacer.reserve() for _ in range(4)] == [0.0, 0.0, 0.0, 0.5]


@pytest.mark.parametrize("options", [{"rate": 0}, {"concurrency": 0}, {"burst": 0}])
def test_bad_run_options_are_rejected_before_sending(api: API, send: Send, options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as refused, api.client() as client:
        bulk.send(client, recipients(), **options)
    assert refused.value.field == next(iter(options))
    assert api.received() == Counter()


def test_a_journal_that_cannot_be_used_is_refused_before_sending(
    api: API, send: Send, tmp_path: Path
) -> None:
    not_a_database = tmp_path / "recipients.csv"
    not_a_database.write_text("to,name\n+15555550120,Ada\n", encoding="utf-8")
    for journal in (not_a_database, tmp_path / "missing" / "journal.sqlite"):
        with pytest.raises(ValidationError, match=r"journal: cannot use .* as a journal") as refused:
            send(recipients(), journal=journal)
        assert refused.value.field == "journal"
    assert not_a_database.read_text(encoding="utf-8") == "to,name\n+15555550120,Ada\n"
    assert api.received() == Counter()
