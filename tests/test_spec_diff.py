"""``make spec-diff``: what a change to openapi.yaml breaks for the SDK's users, and the gate on it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from scripts import spec_diff
from tests.support.future_spec import NEW_PATH, future_spec

TODAY: dict[str, Any] = yaml.safe_load(spec_diff.SPEC.read_text(encoding="utf-8"))
Edit = Callable[[dict[str, Any]], None]


def edited(edit: Edit) -> dict[str, Any]:
    head = copy.deepcopy(TODAY)
    edit(head)
    return head


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


BREAKING: list[Any] = [
    pytest.param(
        lambda s: s["paths"]["/user/get/quota"].pop("get"),
        "GET /user/get/quota",
        None,
        id="removed operation",
    ),
    pytest.param(
        lambda s: schema(s, "SendEmailRequest")["required"].append("reply_to"),
        "POST /send/email",
        "reply_to",
        id="new required request field",
    ),
    pytest.param(
        lambda s: schema(s, "LeaseNumberRequest")["properties"]["billing_method"]["enum"].remove(
            "service_contract"
        ),
        "POST /numbers/lease/{number}",
        "billing_method",
        id="narrowed request enum",
    ),
    pytest.param(
        lambda s: schema(s, "Lease")["required"].remove("lease_id"),
        "POST /numbers/lease/{number}",
        "lease_id",
        id="answer field no longer guaranteed",
    ),
    pytest.param(
        lambda s: schema(s, "MessageSent")["properties"]["message_id"].update(type="integer"),
        "POST /send/text",
        "message_id",
        id="changed type",
    ),
]


@pytest.mark.parametrize(("edit", "operation", "field"), BREAKING)
def test_a_breaking_change_fails_the_gate_until_the_changelog_acknowledges_it(
    edit: Edit, operation: str, field: str | None
) -> None:
    changes = spec_diff.compare(TODAY, edited(edit))
    breaking = [change for change in changes if change.kind == "breaking"]
    assert any(
        change.operation == operation and (field is None or field in (change.field or ""))
        for change in breaking
    ), changes
    assert spec_diff.unacknowledged(changes, "# Changelog\n\n## [Unreleased]\n") == breaking
    acknowledged = "## [Unreleased]\n\n### Changed\n\n" + "".join(
        f"- Breaking: `{change.operation}`{f' `{change.field}`' if change.field else ''} changed.\n"
        for change in breaking
    )
    assert spec_diff.unacknowledged(changes, acknowledged) == []
    # An acknowledgement in an earlier release does not cover a new change.
    assert (
        spec_diff.unacknowledged(changes, "## [Unreleased]\n\n" + acknowledged.replace("Unreleased", "1.0.0"))
        == breaking
    )


def test_the_rehearsed_future_spec_breaks_nothing_for_this_sdk() -> None:
    changes = spec_diff.compare(TODAY, future_spec(TODAY))
    assert [str(change) for change in changes if change.kind == "breaking"] == []
    tolerated = {change.description.split(" of ")[0] for change in changes if change.kind == "tolerated"}
    assert any("possible values" in text for text in tolerated)
    assert any(change.operation == f"GET {NEW_PATH}" and change.kind == "non-breaking" for change in changes)


def test_a_multi_line_changelog_entry_acknowledges_every_operation_it_names() -> None:
    changelog = (
        "## [Unreleased]\n\n"
        "- Breaking: `GET /a` and\n  `GET /b` no longer declare a default for `tracking`.\n"
        "- Something else about `GET /c`.\n"
    )
    changes = [
        spec_diff.Change("breaking", operation, "tracking", "x")
        for operation in ("GET /a", "GET /b", "GET /c")
    ]
    assert [change.operation for change in spec_diff.unacknowledged(changes, changelog)] == ["GET /c"]
