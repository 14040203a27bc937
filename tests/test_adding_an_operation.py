"""Rehearse "Adding an operation" (docs/architecture.md) on a copy of the repository.

The copy gets a new operation in ``openapi.yaml`` (its operationId spelled ``getOTPAttempts``,
which a naive snake_case would not name as the generator does), is generated with the pinned
generator and templates, and gets the one line in ``resources/otp.py``. A fresh interpreter on
the copy then shows the rest follows without another edit: the spec reader names it as the
generator did, the operation table and both clients have it, the sandbox answers it with a
spec-valid example, the derived every-operation call reaches it, the command line offers it,
and the coverage checks hold.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import REPO

pytest.importorskip("openapi_python_client", reason="the rehearsal runs the generator (dev tools)")

NEW_PATH = "/otp/{otp_id}/attempts"
NEW_OPERATION: dict[str, Any] = {
    "operationId": "getOTPAttempts",
    "tags": ["otp"],
    "summary": "Count the attempts at an OTP",
    "description": "How many codes were tried against the OTP so far.",
    "parameters": [{"name": "otp_id", "in": "path", "required": True, "schema": {"type": "string"}}],
    "responses": {
        "200": {
            "description": "The attempts.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OtpAttemptsResponse"}}},
        },
        "404": {"$ref": "#/components/responses/NotFound"},
    },
}
NEW_SCHEMA = {
    "allOf": [
        {"$ref": "#/components/schemas/SuccessEnvelope"},
        {
            "type": "object",
            "required": ["data"],
            "properties": {
                "data": {
                    "type": "object",
                    "required": ["attempts"],
                    "properties": {"attempts": {"type": "integer", "minimum": 0}},
                }
            },
        },
    ]
}
# The one line, and the imports it needs.
NEW_LINE = "    attempts = endpoint(otp.get_otp_attempts_arguments, OtpAttemptsResponse)\n"
NEW_IMPORTS = "from contiguity_client.models import OtpAttemptsResponse\n"

CHECKS = textwrap.dedent(
    """
    import asyncio
    import contiguity_ext as contiguity
    from click.testing import CliRunner
    from contiguity_ext import _spec
    from contiguity_ext._operation_table import by_operation
    from contiguity_ext.cli import main
    from contiguity_ext.testing import Sandbox
    from tests.support.operations import CALLS

    assert contiguity.__file__.startswith(COPY), contiguity.__file__
    operation = _spec.operation("get_otp_attempts")
    assert operation.python_module == "contiguity_client.api.otp.get_otp_attempts"
    assert set(by_operation()) == set(_spec.operations())
    assert [m.dotted for m in by_operation()["get_otp_attempts"]] == ["otp.attempts"]

    sandbox = Sandbox()
    with sandbox.client() as client:
        assert client.otp.attempts("otp_1").data.attempts == 0
        assert CALLS["get_otp_attempts"](client).data.attempts == 0

    async def call_async():
        async with sandbox.async_client() as client:
            return await client.otp.attempts("otp_1")

    assert asyncio.run(call_async()).data.attempts == 0
    done = CliRunner().invoke(main, ["otp", "--help"])
    assert done.exit_code == 0 and "attempts" in done.output, done.output
    print("the rest followed")
    """
)


def _copy(destination: Path) -> None:
    for name in ("openapi.yaml", "generator-config.yml"):
        shutil.copy(REPO / name, destination / name)
    for name in ("generator-templates", "scripts", "contiguity_ext"):
        shutil.copytree(REPO / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))


def _add_to_spec(spec_path: Path) -> None:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    spec["paths"][NEW_PATH] = {"get": NEW_OPERATION}
    spec["components"]["schemas"]["OtpAttemptsResponse"] = NEW_SCHEMA
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")


def _add_the_line(resources: Path) -> None:
    module = resources / "otp.py"
    text = module.read_text(encoding="utf-8")
    text = text.replace(
        "\nfrom .._endpoint import endpoint\n", "\n" + NEW_IMPORTS + "from .._endpoint import endpoint\n"
    )
    text = text.replace(
        "class _OtpEndpoints(Resource[TransportT, ModeT]):\n",
        "class _OtpEndpoints(Resource[TransportT, ModeT]):\n" + NEW_LINE,
    )
    assert NEW_LINE in text
    module.write_text(text, encoding="utf-8")


def _run(command: list[str], cwd: Path, **environment: str) -> str:
    done = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_an_operation_costs_one_spec_edit_make_generate_and_one_line(tmp_path: Path) -> None:
    _copy(tmp_path)
    _add_to_spec(tmp_path / "openapi.yaml")
    bin_dir = Path(sys.executable).parent
    # `make generate`, on the copy.
    _run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path=openapi.yaml",
            "--config=generator-config.yml",
            "--meta=none",
            "--custom-template-path=generator-templates",
            "--overwrite",
            "--fail-on-warning",
            "--output-path=generated/contiguity_client",
        ],
        tmp_path,
        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    _run(
        [sys.executable, "-m", "scripts.export_spec", "openapi.yaml", "contiguity_ext/_spec/openapi.json"],
        tmp_path,
    )
    _add_the_line(tmp_path / "contiguity_ext" / "resources")

    path = os.pathsep.join([str(tmp_path), str(tmp_path / "generated"), str(REPO)])
    script = f"COPY = {str(tmp_path)!r}\n" + CHECKS
    assert "the rest followed" in _run([sys.executable, "-c", script], tmp_path, PYTHONPATH=path)
