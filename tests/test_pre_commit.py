"""The pre-commit hooks are valid and pass on the tree as committed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO

pytest.importorskip("pre_commit", reason="pre-commit is a dev tool")


def test_the_hooks_check_python_files_and_skip_the_generation_check_when_the_spec_is_untouched(
    tmp_path: Path,
) -> None:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path)}  # its cache, never the user's
    files = ["contiguity_ext/_spec.py", "tests/test_spec.py"]
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", *files],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ruff check (safe fixes applied)" in done.stdout
    assert "ruff format" in done.stdout
    assert "generated code matches openapi.yaml" in done.stdout
    assert "(no files to check)Skipped" in done.stdout
