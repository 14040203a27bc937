"""Nothing a caller passes can add a line to an email's headers.

CR, LF and every other control character (C0, DEL, C1 and the Unicode line and paragraph
separators, which some mail libraries also split lines on) are refused in every field that
becomes an email header: ``from``, ``to``, ``cc``, ``bcc``, ``reply_to``, ``subject``, and the
names and values of custom ``headers``. The rule lives in the spec (``HeaderText``,
``EmailHeaders``), so the typed and the original SDK's dict-style calls, sync and async, all
apply it.
"""

from __future__ import annotations

from typing import Any

import pytest

from contiguity_ext import _spec
from tests.support.driven import Clients
from tests.support.recording import Recorder
from tests.support.refusals import assert_refused

BASE: dict[str, Any] = {"to": "user@example.com", "from": "Contiguity", "subject": "Hello", "text": "Hi"}
BREAKS = {
    "crlf": "\r\nBcc: victim@example.com",
    "lf": "\nBcc: victim@example.com",
    "cr": "\rX",
    "nul": "\x00",
    "tab": "\tX",
    "del": "\x7f",
    "nel": "\x85",
    "line-separator": "\u2028",
}
ADDRESS_FIELDS = ["to", "cc", "bcc", "reply_to"]


def _header_text_fields() -> list[str]:
    """The request fields the spec gives the header-text rule (besides the addresses)."""
    schemas = _spec.document()["components"]["schemas"]
    rule = schemas["HeaderText"]["pattern"]
    return sorted(
        name
        for name, field in schemas["SendEmailRequest"]["properties"].items()
        if field.get("pattern") == rule
    )


TEXT_FIELDS = _header_text_fields()


def test_the_spec_marks_from_and_subject_as_header_text() -> None:
    assert TEXT_FIELDS == ["from", "subject"]


def _rows() -> list[tuple[str, dict[str, Any], str]]:
    rows: list[tuple[str, dict[str, Any], str]] = []
    for field in TEXT_FIELDS:
        for name, tail in BREAKS.items():
            rows.append((f"{field}-{name}", {field: f"{BASE[field]}{tail}"}, field))
    for field in ADDRESS_FIELDS:
        for name in ("crlf", "lf", "nul"):
            rows.append((f"{field}-{name}", {field: f"a@example.com{BREAKS[name]}"}, field))
        if field != "reply_to":  # a single address
            rows.append(
                (
                    f"{field}-list-crlf",
                    {field: ["a@example.com", f"b@example.com{BREAKS['crlf']}"]},
                    f"{field}[1]",
                )
            )
    for name, tail in BREAKS.items():
        rows.append(
            (f"header-value-{name}", {"headers": {"X-Campaign": f"spring{tail}"}}, "headers.X-Campaign")
        )
    for name, header in [
        ("crlf", "X-A\r\nBcc"),
        ("colon", "Bcc: x@example.com\r\nX-A"),
        ("space", "X A"),
        ("empty", ""),
        ("non-ascii", "X-Ünicode"),
        ("colon-only", "X:A"),
    ]:
        rows.append((f"header-name-{name}", {"headers": {header: "1"}}, "headers"))
    return rows


ROWS = _rows()
IDS = [row[0] for row in ROWS]


def _typed(changes: dict[str, Any]) -> dict[str, Any]:
    wire = {**BASE, **changes}
    return {("from_" if key == "from" else key): value for key, value in wire.items()}


@pytest.mark.parametrize(("changes", "field"), [row[1:] for row in ROWS], ids=IDS)
def test_typed_email_send_refuses_control_characters(
    recorder: Recorder, clients: Clients, changes: dict[str, Any], field: str
) -> None:
    client = clients.over(recorder)
    assert_refused(recorder, lambda: client.email.send(**_typed(changes)), field)


@pytest.mark.parametrize(("changes", "field"), [row[1:] for row in ROWS], ids=IDS)
def test_dict_style_email_send_refuses_control_characters(
    recorder: Recorder, clients: Clients, changes: dict[str, Any], field: str
) -> None:
    client = clients.over(recorder)
    params = {**BASE, **changes}
    if "reply_to" in params:  # the original SDK's spelling
        params["replyTo"] = params.pop("reply_to")
    assert_refused(recorder, lambda: client.send.email(params), field)  # type: ignore[arg-type]


def test_ordinary_header_text_is_sent_unchanged(recorder: Recorder, clients: Clients) -> None:
    recorder.answer({"email_id": "eml_1"})
    clients.over(recorder).email.send(
        **_typed(
            {
                "from": "Ünïcode Team <team@example.com>",
                "subject": "Prices — 20% off, ½ price: “today” 🎉",
                "headers": {"X-Priority": "1", "List-Unsubscribe": "<mailto:u@example.com>"},
            }
        )
    )
    sent = recorder.last_json
    assert sent["subject"] == "Prices — 20% off, ½ price: “today” 🎉"
    assert sent["headers"] == {"X-Priority": "1", "List-Unsubscribe": "<mailto:u@example.com>"}
