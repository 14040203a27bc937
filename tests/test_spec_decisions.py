"""docs/spec-decisions.md accounts for every response field whose `required` differs from the vendor's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vendor_spec import REPO_ROOT, VENDOR_DIR, required_differences

DECISIONS = REPO_ROOT / "docs" / "spec-decisions.md"


def decision_rows() -> list[str]:
    text = DECISIONS.read_text(encoding="utf-8")
    table = text.split("## Decisions", 1)[1].split("\n## ", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| `")]


def test_every_required_that_differs_from_the_vendor_is_a_recorded_decision() -> None:
    if not VENDOR_DIR.is_dir():
        pytest.skip(f"the vendor OpenAPI files are not at {VENDOR_DIR}")
    differences = required_differences()
    assert differences, "the audit compares nothing: the vendor documents were not read"
    rows = decision_rows()
    word = {True: "required", False: "optional"}
    unrecorded = [
        f"{operation}: {path} (ours {word[ours]}, vendor's {word[vendor]})"
        for operation, fields in differences.items()
        for path, (ours, vendor) in fields.items()
        if not any(operation in row and f".{path.rsplit('.', 1)[-1]}`" in row for row in rows)
    ]
    assert unrecorded == [], "record these in docs/spec-decisions.md"


def test_a_required_changed_without_a_decision_is_caught(tmp_path: Path) -> None:
    """The check can fail: requiring a field the spec makes optional shows up as a difference."""
    spec = (REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8")
    loosened = spec.replace(
        "      required: [to, from, message, timestamp, delivery, risk, attachments]",
        "      required: [to, from, message, timestamp, delivery, risk]",
    )
    assert loosened != spec
    path = tmp_path / "openapi.yaml"
    path.write_text(loosened, encoding="utf-8")
    assert "data.conversation[].attachments" in required_differences(path)["getImessageHistory"]
