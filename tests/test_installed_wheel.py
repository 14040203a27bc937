"""The SDK as a user gets it: the built wheel, installed into a fresh virtualenv, under mypy --strict.

``make typecheck`` checks the source tree, which cannot show what installing loses (a missing
``py.typed`` makes every result ``Any`` for users, silently). So this test builds the sdist and
the wheel from it, installs the wheel with the README's own command and nothing but the run-time
dependencies, and there:

* ``mypy --strict`` passes on tests/typing/usage.py (every product, ``assert_type`` on results)
  and on a program that sends through ``contiguity_ext.testing``;
* the same usage file with its ``# type: ignore[code]`` comments removed gets exactly those errors
  (misspelt keyword arguments and TypedDict keys, a ``str`` result assigned to ``int``, ...);
* that program runs, the installed version matches ``__version__``, and the ``contiguity``
  command, whose extra is not installed, says which extra to install and exits 2.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from contiguity_ext._console import MISSING_EXTRA_MESSAGE

ROOT = Path(__file__).resolve().parent.parent
USAGE = ROOT / "tests" / "typing" / "usage.py"
README = ROOT / "README.md"

SEND_ONE = '''\
"""A user's program: one send and one OTP round trip through the in-process sandbox."""

from importlib.metadata import version

from typing_extensions import assert_type

import contiguity_ext as contiguity
from contiguity_ext.testing import Sandbox
from contiguity_ext.types import SendTextParams

sandbox = Sandbox()
with sandbox.client() as client:
    text: SendTextParams = {"to": "(555) 555-0123", "message": "Your order shipped"}
    message_id = client.send.text(text).data.message_id
    assert_type(message_id, str)
    otp_id = client.otp.send({"to": "+15555550123", "language": "en"})
    assert client.otp.verify({"otp_id": otp_id, "otp": sandbox.otp_code(otp_id)}) is True
[sent] = [message for message in sandbox.messages if message.message == "Your order shipped"]
assert sent.to == "+15555550123", sent
assert version("contiguity-typed") == contiguity.__version__
print(message_id)
'''

IGNORE = re.compile(r"\s*# type: ignore\[([\w-]+)\]")


def _run(
    *command: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def _readme_wheel_install_line() -> str:
    """The README's command for installing the built wheel, e.g. ``pip install dist/...whl``."""
    lines = [
        line.split("#")[0].strip()
        for line in README.read_text(encoding="utf-8").splitlines()
        if "pip install dist/" in line
    ]
    assert len(lines) == 1, "the README gives one command that installs the built wheel"
    return lines[0].rpartition("&&")[2].strip()


def _without_ignores(source: str) -> tuple[str, list[tuple[int, str]]]:
    """The source with every targeted ignore removed, and the (line, code) errors they hid."""
    expected: list[tuple[int, str]] = []
    lines = []
    for number, line in enumerate(source.splitlines(), start=1):
        match = IGNORE.search(line)
        if match:
            expected.append((number, match.group(1)))
            line = line[: match.start()] + line[match.end() :]
        lines.append(line)
    return "\n".join(lines) + "\n", expected


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist, and the wheel built from it (as ``make dist`` does)."""
    dist = tmp_path_factory.mktemp("dist")
    result = _run(sys.executable, "-m", "uv", "build", "--quiet", "--out-dir", dist, ROOT, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    [sdist] = dist.glob("*.tar.gz")
    [wheel] = dist.glob("*.whl")
    return sdist, wheel


def test_the_wheel_is_typed_licensed_and_described_for_an_index(built: tuple[Path, Path]) -> None:
    sdist, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [metadata_name] = [name for name in names if name.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(archive.read(metadata_name).decode())
    dist_info = metadata_name.rpartition("/")[0]
    typed_and_licensed = {
        "contiguity_ext/py.typed",
        "contiguity_client/py.typed",
        f"{dist_info}/licenses/LICENSE",
    }
    assert typed_and_licensed <= set(names)
    assert not [name for name in names if "__pycache__" in name or name.startswith(("tests/", "generated/"))]
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert metadata["Version"] == _version()
    description = metadata.get_payload()
    assert isinstance(description, str)
    links = re.findall(r"\]\(([^)\s]+)\)", description)
    assert links, "the long description is the README, links included"
    assert [link for link in links if not link.startswith(("https://", "http://", "#"))] == []
    with tarfile.open(sdist) as archive:
        members = {member.name.partition("/")[2] for member in archive.getmembers()}
    assert {"LICENSE", "README.md", "pyproject.toml", "contiguity_ext/py.typed"} <= members
    assert "generated/contiguity_client/py.typed" in members


def _version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "contiguity_ext" / "_version.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def test_the_installed_wheel_type_checks_runs_and_degrades_politely(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    _, wheel = built
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / wheel.name).write_bytes(wheel.read_bytes())
    venv = tmp_path / "venv"
    created = _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    # The README's command, literally, with the versions this repository pins so runs repeat.
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "PIP_CONSTRAINT": str(ROOT / "requirements-test.txt"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    installed = _run("bash", "-c", _readme_wheel_install_line(), cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    python = venv / "bin" / "python"
    listed = _run(python, "-m", "pip", "list", "--format=freeze", cwd=tmp_path, env=env).stdout.lower()
    for not_a_runtime_dependency in ("click", "rich", "starlette", "uvicorn", "mypy", "pytest"):
        assert f"\n{not_a_runtime_dependency}==" not in f"\n{listed}", listed

    (tmp_path / "app").mkdir()
    usage = USAGE.read_text(encoding="utf-8")
    mistakes, expected = _without_ignores(usage)
    assert {code for _, code in expected} >= {"call-arg", "typeddict-unknown-key", "assignment"}
    (tmp_path / "app" / "usage.py").write_text(usage, encoding="utf-8")
    (tmp_path / "app" / "usage_mistakes.py").write_text(mistakes, encoding="utf-8")
    (tmp_path / "app" / "send_one.py").write_text(SEND_ONE, encoding="utf-8")
    (tmp_path / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    checked = _run(
        sys.executable, "-m", "mypy", "--strict", "--config-file", tmp_path / "mypy.ini",
        "--python-executable", python, "--cache-dir", tmp_path / "mypy-cache",
        "--no-pretty", "--show-error-codes", "usage.py", "usage_mistakes.py", "send_one.py",
        cwd=tmp_path / "app", env={**env, "PATH": os.environ["PATH"]},
    )  # fmt: skip
    reported = [
        (int(match.group(2)), match.group(4))
        for match in re.finditer(r"^([\w.]+):(\d+): (error): .*\[([\w-]+)\]$", checked.stdout, re.MULTILINE)
    ]
    files = set(re.findall(r"^([\w.]+):\d+: error", checked.stdout, re.MULTILINE))
    assert files == {"usage_mistakes.py"}, checked.stdout  # the correct programs pass
    assert sorted(reported) == sorted(expected), checked.stdout  # every mistake, and only those

    ran = _run(python, "send_one.py", cwd=tmp_path / "app", env=env)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("text_"), ran.stdout

    command = _run(venv / "bin" / "contiguity", "text", "send", "--to", "+15555550123", cwd=tmp_path, env=env)
    assert command.returncode == 2
    assert command.stderr == MISSING_EXTRA_MESSAGE + "\n"
    assert "[cli]" in command.stderr
    assert command.stdout == ""


def test_the_readme_wheel_line_installs_what_make_dist_builds() -> None:
    words = shlex.split(_readme_wheel_install_line())
    assert words[:2] == ["pip", "install"]
    assert re.fullmatch(r"dist/contiguity_typed-\*\.whl", words[2]), words
