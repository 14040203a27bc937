"""What each make target installs: the demo and the benchmarks are Python only."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_TOOLS = re.compile(r"\b(npm|npx|node|tsc|openapi-typescript|redocly|prism)\b")

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def recipes(target: str) -> str:
    """Every command ``make TARGET`` would run on a fresh clone, without running any."""
    done = subprocess.run(
        ["make", "--dry-run", "--always-make", target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.mark.parametrize(
    ("target", "runs"),
    [
        ("demo", "-m contiguity_ext.demo"),
        ("bench", "-m benchmarks.run"),
        ("mutation", "mutmut run --max-children 2"),
    ],
)
def test_python_only_targets_never_touch_node(target: str, runs: str) -> None:
    commands = recipes(target)
    assert "pip install" in commands
    assert runs in commands
    assert NODE_TOOLS.search(commands) is None, commands


def test_make_test_still_installs_the_node_tools() -> None:
    commands = recipes("test")
    assert "npm ci" in commands
    assert "tsc" in commands
    assert "mutmut" not in commands  # far too slow for every run
