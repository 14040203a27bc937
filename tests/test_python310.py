"""The SDK runs on the oldest Python it claims (3.10), not just the one developing it.

Builds a Python 3.10 virtual environment with the pinned run-time dependencies and drives the
SDK there through the in-process sandbox: sends, OTP, a date-time field (the reason for the
generator's date-time template override), reverse OTP and webhooks.
"""

from __future__ import annotations

import glob
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# tomllib is 3.11+; these checks run on the development interpreter, not the 3.10 under test.
tomllib = importlib.import_module("tomllib")

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
assert sys.version_info[:2] == (3, 10), sys.version
import contiguity_ext as contiguity
from contiguity_ext.testing import Sandbox

sandbox = Sandbox()
with sandbox.client() as client:
    assert client.send.text({"to": "(555) 555-0123", "message": "hi"}).data.message_id.startswith("text_")
    otp_id = client.otp.send({"to": "+15555550123", "language": "en"})
    assert client.otp.verify({"otp_id": otp_id, "otp": sandbox.otp_code(otp_id)}) is True
    session = client.otp.reverse.initiate(number="+15555550123")
    status = client.otp.reverse.status(session.data.otp_id)
    assert status.data.expires_at.tzinfo is not None
    try:
        client.send.text({"to": "+15555550123", "attachments": ["https://e.com/a.png"] * 4})
    except contiguity.ValidationError:
        pass
    else:
        raise AssertionError("4 attachments were accepted")
body = (b'{"id":"evt_1","type":"text.incoming.sms","timestamp":1,"api_version":"v",'
        b'"data":{"from":"+1","to":"+2","body":"x","timestamp":1}}')
header = contiguity.webhooks.sign(body, "whsec_x")
event = contiguity.webhooks.construct_event(body, header, "whsec_x", tolerance=10**10)
assert event.data.body == "x"
print("ok")
"""


def _python310() -> str | None:
    """A working 3.10 interpreter: pyenv's, or one on PATH (pyenv shims may not run)."""
    pyenv = sorted(glob.glob("/root/.pyenv/versions/3.10*/bin/python3.10"))
    candidates = [*pyenv, shutil.which("python3.10")]
    for candidate in filter(None, candidates):
        if subprocess.run([candidate, "-c", "pass"], capture_output=True).returncode == 0:
            return candidate
    return None


def _pinned_runtime_requirements() -> list[str]:
    names = {
        dependency.split(">")[0].split("<")[0].split("=")[0].strip().lower()
        for dependency in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    pins = [line.strip() for line in (ROOT / "requirements-dev.txt").read_text().splitlines()]
    chosen = [pin for pin in pins if pin and not pin.startswith("#") and pin.split("==")[0].lower() in names]
    assert len(chosen) == len(names), f"every run-time dependency needs a pin: {names}"
    return chosen


@pytest.mark.skipif(_python310() is None, reason="no Python 3.10 interpreter on this machine")
def test_the_sdk_works_on_python_3_10(tmp_path: Path) -> None:
    python310 = _python310()
    assert python310 is not None
    venv = tmp_path / "venv"
    subprocess.run([python310, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *_pinned_runtime_requirements(),
        ],
        check=True,
        timeout=300,
    )
    result = subprocess.run(
        [python, "-c", SCRIPT],
        env={"PYTHONPATH": f"{ROOT}:{ROOT / 'generated'}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert sys.version_info >= (3, 10)
