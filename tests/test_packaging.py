"""What the package declares about itself agrees with the code, the spec and the test matrix."""

from __future__ import annotations

import importlib
import re
import sys
from importlib.metadata import metadata
from pathlib import Path

import pytest
import yaml

from contiguity_ext import __version__, _console
from scripts.environments import FLOORS_PYTHON, PYTHONS, parse

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
METADATA = metadata("contiguity-typed")


def test_the_version_is_the_api_version_plus_a_release_counter() -> None:
    # The README's regeneration steps: `info.version` without its "v", then a release counter.
    api_version = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))["info"]["version"]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", api_version), api_version
    assert re.fullmatch(re.escape(api_version.removeprefix("v")) + r"\.\d+", __version__), (
        __version__,
        api_version,
    )


def test_the_version_lives_only_in_version_py() -> None:
    project = PYPROJECT.partition("[project]")[2].partition("\n[")[0]
    assert not re.search(r"^version\s*=", project, re.MULTILINE)
    assert re.search(r'^dynamic = \[.*"version"', project, re.MULTILINE)
    assert re.search(r'\[tool\.hatch\.version\]\npath = "contiguity_ext/_version\.py"', PYPROJECT)
    assert METADATA["Version"] == __version__


def test_the_build_backend_is_a_range_not_a_pin() -> None:
    [requires] = re.findall(r"^requires = \[(.*)\]$", PYPROJECT, re.MULTILINE)
    requirements = re.findall(r'"([^"]+)"', requires)
    assert any(requirement.startswith("hatchling") for requirement in requirements)
    for requirement in requirements:
        assert ">=" in requirement, requirement
        assert "<" in requirement.replace("<=", ""), requirement
        assert "==" not in requirement, requirement


def test_the_license_file_is_the_declared_license() -> None:
    assert METADATA["License-Expression"] == "MIT"
    assert METADATA.get_all("License-File") == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text


def test_classifiers_name_exactly_the_pythons_the_matrix_runs() -> None:
    classifiers = METADATA.get_all("Classifier") or []
    versions = [c.removeprefix("Programming Language :: Python :: ") for c in classifiers]
    assert tuple(v for v in versions if re.fullmatch(r"3\.\d+", v)) == PYTHONS
    assert METADATA["Requires-Python"] == f">={FLOORS_PYTHON}"
    assert "Typing :: Typed" in classifiers


def test_metadata_a_package_index_shows() -> None:
    urls = dict(url.split(", ", 1) for url in METADATA.get_all("Project-URL") or [])
    assert {"Homepage", "Documentation", "Repository"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    assert METADATA["Author"]
    assert "sms" in (METADATA["Keywords"] or "").split(",")


def test_the_command_without_its_extra_names_the_extra_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A core-only install: click is not importable, so neither is the command line.
    monkeypatch.setitem(sys.modules, "click", None)
    for name in [name for name in sys.modules if name.startswith("contiguity_ext.cli")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(SystemExit) as exit_info:
        _console.main()
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert '"cli" extra' in err
    assert "contiguity-typed[cli]" in err


def test_an_unrelated_missing_module_is_not_blamed_on_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "contiguity_ext.cli", None)
    with pytest.raises(ModuleNotFoundError):
        _console.main()


def test_the_command_runs_the_cli_when_the_extra_is_installed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["contiguity", "--help"])
    importlib.import_module("contiguity_ext.cli")
    with pytest.raises(SystemExit) as exit_info:
        _console.main()
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("Usage: contiguity")


def test_the_matrix_runs_every_supported_python_unless_told_which() -> None:
    assert parse(["matrix"]).versions == list(PYTHONS)
    assert parse(["matrix", "3.10", "3.13"]).versions == ["3.10", "3.13"]
    with pytest.raises(SystemExit):
        parse(["matrix", "3.9"])  # not a supported version: refused, not silently skipped
