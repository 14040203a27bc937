"""Every code block of README.md runs, so the README cannot rot.

``python`` blocks are executed in order against a real sandbox server (``CONTIGUITY_BASE_URL``
points the SDK at it); ``console`` blocks run their ``$ contiguity ...`` lines through the CLI
and their ``$ python -m contiguity_ext.sandbox`` line is how the server under test is started.
``bash`` blocks hold the repository's own commands (``make demo``, ``make test``), which the
test suite cannot run from inside itself; CI runs ``make test`` and tests/test_demo.py runs the demo.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from contiguity_ext.sandbox.process import running_sandbox

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README.read_text(encoding="utf-8")) if lang == language]


@pytest.fixture(scope="module")
def sandbox_url() -> Iterator[str]:
    with running_sandbox() as url:
        yield url


@pytest.fixture
def readme_environment(sandbox_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CONTIGUITY_BASE_URL", sandbox_url)
    monkeypatch.setenv("CONTIGUITY_API_KEY", "contiguity_sk_readme")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "first_email.html").write_text("<b>Welcome!</b>", encoding="utf-8")
    [recipients] = blocks("csv")  # the README's recipients.csv
    (tmp_path / "recipients.csv").write_text(recipients, encoding="utf-8")
    return sandbox_url


def test_the_readme_has_the_blocks_this_test_expects() -> None:
    assert len(blocks("python")) >= 6
    assert any("$ contiguity" in block for block in blocks("console"))
    assert all(set(line.split()[:1]) <= {"make"} for block in blocks("bash") for line in block.splitlines())


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_block_runs(readme_environment: str, index: int) -> None:
    source = blocks("python")[index]
    exec(compile(source, f"README.md python block {index + 1}", "exec"), {"__name__": "__readme__"})


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
    [command] = [
        line.removeprefix("$ ").split("#")[0].split()
        for block in blocks("console")
        for line in block.splitlines()
        if line.startswith("$ python -m contiguity_ext.sandbox")
    ]
    assert command[:3] == ["python", "-m", "contiguity_ext.sandbox"]
    flags = command[3:]
    assert flags[0] == "--port"
    # The same module and flags, on a free port instead of the documented one.
    with running_sandbox() as url:
        assert url.startswith("http://127.0.0.1:")
