"""Every code block of README.md runs, so the README cannot rot.

``python`` blocks, every one of them, are executed in order and each type-checked with
``mypy --strict``, in the setting the README's "Running the examples" block describes: its
``$ python -m contiguity_ext.sandbox`` line is how the server under test is started (on a free
port rather than the documented one), its ``$ export`` line sets the environment (the token,
and the base URL pointing at that server) and its ``$ cd`` line is the directory blocks run in
(a copy of it, holding the README's ``csv`` block as recipients.csv). A new block needs nothing
more than that. ``console`` blocks run their ``$ contiguity ...``
lines through the CLI. ``bash`` blocks hold commands the test suite cannot run from inside
itself: ``make`` targets (CI runs ``make test``; tests/test_demo.py runs the demo) and the
install lines, which tests/test_installed_wheel.py (the wheel) and ``make test-matrix`` (the
checkout, on every Python) carry out.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from contiguity_ext.sandbox.process import running_sandbox

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README.read_text(encoding="utf-8")) if lang == language]


def setup_lines(prefix: str) -> list[str]:
    """The ``$ <prefix>...`` lines of the README's "Running the examples" block."""
    [setup] = [block for block in blocks("console") if re.search(r"^\$ cd ", block, re.MULTILINE)]
    return [
        line.removeprefix("$ ").split("#")[0].strip()
        for line in setup.splitlines()
        if line.startswith(f"$ {prefix}")
    ]


@pytest.fixture
def readme_environment(sandbox_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    [export] = setup_lines("export ")
    for assignment in shlex.split(export)[1:]:
        name, _, value = assignment.partition("=")
        monkeypatch.setenv(name, sandbox_url if name == "CONTIGUITY_BASE_URL" else value)
    # A copy of the directory the README says to work in, so that files the blocks write
    # (a bulk-send journal) stay out of the checkout.
    [cd] = setup_lines("cd ")
    workdir = tmp_path / shlex.split(cd)[1]
    shutil.copytree(README.parent / shlex.split(cd)[1], workdir)
    monkeypatch.chdir(workdir)
    [recipients] = blocks("csv")  # the README's recipients.csv
    (workdir / "recipients.csv").write_text(recipients, encoding="utf-8")
    return sandbox_url


def test_the_readme_has_the_blocks_this_test_expects() -> None:
    assert len(blocks("python")) >= 6
    assert any("$ contiguity" in block for block in blocks("console"))
    commands = [line.split("#")[0].split() for block in blocks("bash") for line in block.splitlines()]
    assert all(words[:1] == ["make"] or words[:2] == ["pip", "install"] for words in commands if words)
    assert setup_lines("python -m contiguity_ext.sandbox")
    assert setup_lines("export ")


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_block_runs(readme_environment: str, index: int) -> None:
    source = blocks("python")[index]
    exec(compile(source, f"README.md python block {index + 1}", "exec"), {"__name__": "__readme__"})


def test_python_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    """Each block on its own, as a user would paste it: strict mypy with the project's settings."""
    modules = []
    for index, source in enumerate(blocks("python"), start=1):
        module = tmp_path / f"readme_block_{index}.py"
        module.write_text(source, encoding="utf-8")
        modules.append(str(module))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"), *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def console_commands() -> list[list[str]]:
    return [
        shlex.split(line.removeprefix("$ ").split("#")[0])
        for block in blocks("console")
        for line in block.splitlines()
        if line.startswith("$ contiguity ")
    ]


@pytest.mark.parametrize("argv", console_commands(), ids=lambda argv: " ".join(argv[:3]))
def test_console_command_runs(readme_environment: str, argv: list[str]) -> None:
    from contiguity_ext import cli

    result = CliRunner().invoke(cli.main, argv[1:], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_the_documented_sandbox_command_starts_the_server() -> None:
    commands = [
        line.removeprefix("$ ").split("#")[0].split()
        for block in blocks("console")
        for line in block.splitlines()
        if line.startswith("$ python -m contiguity_ext.sandbox")
    ]
    assert commands
    for command in commands:
        assert command[:3] == ["python", "-m", "contiguity_ext.sandbox"]
        assert command[3] == "--port"
    # The same module and flags, on a free port instead of the documented one.
    with running_sandbox() as url:
        assert url.startswith("http://127.0.0.1:")
