"""Another language shares the spec: a TypeScript program, typed by openapi-typescript from
openapi.yaml and calling through openapi-fetch, runs against the HTTP sandbox.

Each test generates the types and compiles the program itself, from the spec as it is now, in
a scratch copy of the layout it expects (``build/ts/`` beside ``tests/typescript/``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from contiguity_ext.sandbox.process import running_sandbox
from tests.support.sandbox import ROOT

NODE_BIN = ROOT / "node_modules" / ".bin"
PROGRAM = ROOT / "tests" / "typescript"

pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js"),
    pytest.mark.skipif(not (NODE_BIN / "tsc").exists(), reason="needs node_modules: make setup"),
]


def compile_program(workspace: Path, spec: str) -> subprocess.CompletedProcess[str]:
    """Generate the types from ``spec`` and compile the program; tsc's result."""
    (workspace / "openapi.yaml").write_text(spec, encoding="utf-8")
    (workspace / "build" / "ts").mkdir(parents=True)
    shutil.copytree(PROGRAM, workspace / "tests" / "typescript", ignore=shutil.ignore_patterns("usage.ts"))
    (workspace / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    subprocess.run(
        [NODE_BIN / "openapi-typescript", "openapi.yaml", "--output", "build/ts/contiguity.d.ts"],
        cwd=workspace, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return subprocess.run(
        [NODE_BIN / "tsc", "--project", "tests/typescript/tsconfig.json"],
        cwd=workspace, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_typescript_program_sends_a_text_and_runs_an_otp_flow(tmp_path: Path) -> None:
    compiled = compile_program(tmp_path, (ROOT / "openapi.yaml").read_text("utf-8"))
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr

    with running_sandbox() as url:
        ran = subprocess.run(
            ["node", tmp_path / "build" / "ts" / "run" / "sandbox_flow.mjs", url, "+15555550142"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert (ran.returncode, ran.stderr) == (0, "")
        messages = httpx.get(f"{url}/_sandbox/messages").json()["data"]["messages"]

    report = json.loads(ran.stdout)
    assert report["verified"] == [False, True, False]  # wrong code, right code, the code reused
    assert report["error_status"] == 400
    assert "otp" in report["error"]
    text, otp = messages
    assert (text["id"], text["kind"], text["to"]) == (report["message_id"], "text", "+15555550142")
    assert text["message"] == "Hello from TypeScript"
    assert (otp["kind"], otp["details"]["otp_id"]) == ("otp", report["otp_id"])


def test_a_spec_change_that_breaks_the_program_fails_to_compile(tmp_path: Path) -> None:
    spec = (ROOT / "openapi.yaml").read_text("utf-8")
    assert spec.count("\n  /otp/verify:\n") == 1
    compiled = compile_program(tmp_path, spec.replace("\n  /otp/verify:\n", "\n  /otp/check:\n"))
    assert compiled.returncode != 0
    assert '"/otp/verify"' in compiled.stdout
