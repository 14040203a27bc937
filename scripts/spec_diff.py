"""Report what a change to openapi.yaml breaks for existing users, and gate on it.

    python -m scripts.spec_diff                  # against the spec as last released
    python -m scripts.spec_diff --base main      # against openapi.yaml at a git ref

The comparison is api-smart-diff's (an npm package, pure JavaScript, pinned in package.json),
which classifies each change as breaking (a removed operation or field, a new required request
field, a narrowed enum, a changed type, ...), non-breaking, deprecated or annotation. A new
enum value or ``null`` in an answer is breaking for clients with closed enums but not for this
SDK, which reads both; it is reported as "tolerated". Every
breaking change must be acknowledged in CHANGELOG.md's ``[Unreleased]`` section by an entry
(a ``- `` item) that contains "breaking", the operation (``POST /numbers/lease/{number}`` or
``webhook text.incoming.sms``) and the field, if the change names one; otherwise the command
fails.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
RELEASED = ROOT / "released" / "openapi.yaml"
CHANGELOG = ROOT / "CHANGELOG.md"
NODE_SCRIPT = ROOT / "scripts" / "spec_diff.mjs"


@attrs.frozen
class Change:
    """One classified difference between two versions of the spec."""

    kind: str  # breaking, tolerated, non-breaking, deprecated, annotation, unclassified
    operation: str  # "POST /send/email", "webhook text.incoming.sms", or the document part
    field: str | None
    description: str

    def __str__(self) -> str:
        return f"{self.operation}: {self.description}"

    def acknowledged_by(self, entry: str) -> bool:
        """Whether a changelog entry says this change is breaking, naming its operation and field."""
        return (
            "breaking" in entry.lower()
            and self.operation in entry
            and (self.field is None or self.field in entry)
        )


def compare(base: Mapping[str, Any], head: Mapping[str, Any]) -> list[Change]:
    """The changes from ``base`` to ``head``, as api-smart-diff classifies them."""
    with tempfile.TemporaryDirectory() as directory:
        files = []
        for name, document in (("base", base), ("head", head)):
            path = Path(directory) / f"{name}.json"
            path.write_text(json.dumps(document), encoding="utf-8")
            files.append(str(path))
        output = subprocess.run(
            ["node", str(NODE_SCRIPT), *files], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
    return [_change(raw) for raw in json.loads(output) if raw["path"][:1] != ["components"]]


def _change(raw: Mapping[str, Any]) -> Change:
    path = [str(part) for part in raw["path"]]
    if path[0] == "paths" and len(path) > 2:
        operation = f"{path[2].upper()} {path[1]}"
    elif path[0] == "paths":
        operation = path[1] if len(path) > 1 else "paths"
    elif path[0] == "webhooks" and len(path) > 1:
        operation = f"webhook {path[1]}"
    else:
        operation = ".".join(path[:2])
    description = raw["description"] or f"{raw['action']} {'/'.join(path[1:])}"
    named = re.findall(r"`([^`]+)`", description)
    return Change(_kind(path, raw), operation, named[0] if named else None, description)


def _kind(path: Sequence[str], raw: Mapping[str, Any]) -> str:
    """api-smart-diff's verdict, corrected for what widens rather than breaks.

    A new enum value or ``null`` in an answer or a webhook event breaks a client with closed
    enums, but not this SDK: it keeps unknown values and reads ``null`` as absent
    (tests/test_version_bump.py rehearses exactly these changes); such changes are "tolerated".
    ``null`` newly accepted in a request breaks nobody, though the tool reports a ``$ref`` that
    becomes nullable as breaking.
    """
    if raw["type"] != "breaking" or raw["action"] != "add":
        return str(raw["type"])
    adds_null = raw.get("after") in ("null", {"type": "null"})
    if "responses" in path or path[0] == "webhooks":
        return "tolerated" if adds_null or "enum" in path else "breaking"
    return "non-breaking" if adds_null else "breaking"


def unreleased_entries(changelog: str) -> list[str]:
    """The entries (``- ...`` items, continuation lines joined) of the ``## [Unreleased]`` section."""
    match = re.search(r"^## \[Unreleased\][^\n]*\n(.*?)(?=^## \[|\Z)", changelog, re.MULTILINE | re.DOTALL)
    entries: list[str] = []
    for line in match.group(1).splitlines() if match else []:
        if line.startswith("- "):
            entries.append(line[2:])
        elif line.startswith(" ") and entries:
            entries[-1] += " " + line.strip()
    return entries


def unacknowledged(changes: Sequence[Change], changelog: str) -> list[Change]:
    entries = unreleased_entries(changelog)
    return [
        change
        for change in changes
        if change.kind == "breaking" and not any(change.acknowledged_by(entry) for entry in entries)
    ]


def _load_base(ref: str | None) -> dict[str, Any]:
    if ref is None:
        text = RELEASED.read_text(encoding="utf-8")
    else:
        text = subprocess.run(
            ["git", "show", f"{ref}:openapi.yaml"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base", help="git ref whose openapi.yaml is the base (default: released/openapi.yaml)"
    )
    args = parser.parse_args(argv)
    base = _load_base(args.base or None)
    head = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    changes = compare(base, head)
    label = args.base or f"the released spec ({base['info']['version']})"
    out = sys.stdout.write
    out(f"openapi.yaml against {label}: {len(changes)} change(s)\n")
    for kind in ("breaking", "tolerated", "deprecated", "non-breaking", "unclassified", "annotation"):
        of_kind = [change for change in changes if change.kind == kind]
        if of_kind:
            out(f"\n{kind} ({len(of_kind)}):\n")
            for change in of_kind:
                out(f"  - {change}\n")
    missing = unacknowledged(changes, CHANGELOG.read_text(encoding="utf-8") if CHANGELOG.exists() else "")
    if missing:
        err = sys.stderr.write
        err(
            "\nbreaking changes not acknowledged in CHANGELOG.md [Unreleased] (add an entry with"
            " 'Breaking', the operation and the field):\n"
        )
        for change in missing:
            field = f" `{change.field}`" if change.field else ""
            err(f"  - Breaking: `{change.operation}`{field}: {change.description}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
