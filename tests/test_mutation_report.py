"""`make mutation`'s report: scores per module, equivalents honoured, stale entries refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import mutation_report


def write_results(root: Path, module: str, codes: dict[str, int | None]) -> None:
    meta = root / (module.replace(".", "/") + ".py.meta")
    meta.parent.mkdir(parents=True, exist_ok=True)
    meta.write_text(json.dumps({"exit_code_by_key": {f"{module}.{k}": v for k, v in codes.items()}}))


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(mutation_report, "MUTANTS", tmp_path / "mutants")
    monkeypatch.setattr(mutation_report, "EQUIVALENTS", tmp_path / "equivalents.txt")
    return tmp_path


def run(results: Path, equivalents: str, *args: str) -> int:
    (results / "equivalents.txt").write_text(equivalents)
    return mutation_report.main(["--target", "90", *args])


def test_a_module_scores_killed_over_non_equivalent_mutants(
    results: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codes: dict[str, int | None] = {f"x_f__mutmut_{n}": 1 for n in range(1, 10)}
    codes["x_f__mutmut_10"] = 0  # survived
    codes["x_f__mutmut_11"] = 36  # timed out: killed
    write_results(results / "mutants", "pkg.mod", codes)
    assert run(results, "# header\npkg.mod.x_f__mutmut_10  only changes a log line's level\n") == 0
    [row] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("pkg.mod")]
    assert row.split() == ["pkg.mod", "11", "10", "1", "0", "0", "100.0%"]


def test_a_module_below_the_target_fails(results: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_results(results / "mutants", "pkg.mod", {"xǁKǁm__mutmut_1": 1, "xǁKǁm__mutmut_2": 0})
    assert run(results, "") == 1
    assert "pkg.mod: 50.0% is below the 90% target" in capsys.readouterr().err


def test_modules_not_run_are_left_out_and_unchecked_ones_fail(
    results: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_results(results / "mutants", "pkg.skipped", {"x_f__mutmut_1": None})
    write_results(results / "mutants", "pkg.half", {"x_f__mutmut_1": 1, "x_f__mutmut_2": None})
    assert run(results, "") == 1
    captured = capsys.readouterr()
    assert "pkg.skipped" not in captured.out
    assert "pkg.half: 1 mutant(s) not checked" in captured.err


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ("pkg.mod.x_f__mutmut_1  was equivalent once", "which a test now kills"),
        ("pkg.mod.x_f__mutmut_9  renamed since", "which mutmut no longer generates"),
    ],
)
def test_stale_equivalents_fail(
    results: Path, capsys: pytest.CaptureFixture[str], line: str, complaint: str
) -> None:
    write_results(results / "mutants", "pkg.mod", {"x_f__mutmut_1": 1})
    assert run(results, line + "\n") == 1
    assert complaint in capsys.readouterr().err


def test_an_equivalent_needs_a_reason(results: Path) -> None:
    write_results(results / "mutants", "pkg.mod", {"x_f__mutmut_1": 0})
    with pytest.raises(SystemExit, match="expected '<mutant name>  <reason>'"):
        run(results, "pkg.mod.x_f__mutmut_1\n")


def test_the_repository_equivalents_file_parses() -> None:
    equivalents = mutation_report.read_equivalents()
    assert all(name.startswith("contiguity_ext.") for name in equivalents)
    assert all(reason.strip() for reason in equivalents.values())


def test_a_package_asked_for_reports_each_of_its_modules(
    results: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_results(results / "mutants", "pkg.sub.one", {"x_f__mutmut_1": 1})
    write_results(results / "mutants", "pkg.sub.two", {"x_f__mutmut_1": 1})
    write_results(results / "mutants", "pkg.subtle", {"x_f__mutmut_1": 0})
    assert run(results, "", "pkg.sub") == 0
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.startswith("pkg.")]
    assert rows == ["pkg.sub.one", "pkg.sub.two"]
