"""The per-module mutation score of the last ``mutmut run``, against the target.

    python -m scripts.mutation_report [--target 90] [module ...]

Reads mutmut's results (``mutants/**/*.py.meta``) and ``tests/mutation-equivalents.txt``, the
surviving mutants no test can tell from the original, each with one line saying why. The score
of a module is killed / (mutants - equivalent); a timeout counts as killed (the mutant hung a
test). Exits non-zero when a module checked is below the target, a mutant was not checked, or
the equivalents file names a mutant that does not exist or that a test now kills.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MUTANTS = REPO / "mutants"
EQUIVALENTS = REPO / "tests" / "mutation-equivalents.txt"

# mutmut's exit codes (mutmut/stats.py): what each says about the mutant.
KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # a test failed, timed out, or mypy refused it
SURVIVED = {0}
NO_TESTS = {5, 33}
COUNTED = ("mutants", "killed", "equivalent", "survived", "no tests")
_MUTANT = re.compile(r"^(?P<name>[\w.]+__mutmut_\d+)\s+(?P<reason>\S.*)$")


def read_equivalents(path: Path | None = None) -> dict[str, str]:
    """``mutant name -> reason`` from lines ``<name>  <reason>``; ``#`` starts a comment line."""
    path = path or EQUIVALENTS
    found: dict[str, str] = {}
    if not path.exists():
        return found
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _MUTANT.match(line.strip())
        if match is None:
            raise SystemExit(f"{path.name}:{number}: expected '<mutant name>  <reason>', got {line!r}")
        found[match["name"]] = match["reason"]
    return found


def read_results(root: Path | None = None) -> dict[str, int | None]:
    """``mutant name -> mutmut's exit code`` (None: not checked) for every mutant generated."""
    root = root or MUTANTS
    results: dict[str, int | None] = {}
    for meta in sorted(root.rglob("*.py.meta")):
        results.update(json.loads(meta.read_text())["exit_code_by_key"])
    return results


def module_of(mutant: str) -> str:
    """``contiguity_ext.phone.x_to_e164__mutmut_3`` → ``contiguity_ext.phone``."""
    return mutant.split("__mutmut_")[0].rsplit(".", 1)[0]


def _within(module: str, asked: str) -> bool:
    """``contiguity_ext.resources.text`` is within ``contiguity_ext.resources`` and itself."""
    return module == asked or module.startswith(asked + ".")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=90.0, help="minimum score per module, in percent")
    parser.add_argument("modules", nargs="*", help="only these modules or packages (default: all)")
    options = parser.parse_args(argv)

    results = read_results()
    equivalents = read_equivalents()
    problems: list[str] = []
    for name in equivalents:
        if name not in results:
            problems.append(f"{EQUIVALENTS.name} names {name}, which mutmut no longer generates")
        elif results[name] in KILLED:
            problems.append(f"{EQUIVALENTS.name} names {name}, which a test now kills: remove it")

    counts: dict[str, Counter[str]] = {}
    for name, code in results.items():
        module = module_of(name)
        if options.modules and not any(_within(module, asked) for asked in options.modules):
            continue
        tally = counts.setdefault(module, Counter())
        tally["mutants"] += 1
        if code is None:
            tally["unchecked"] += 1
        elif code in KILLED:
            tally["killed"] += 1
        elif name in equivalents:
            tally["equivalent"] += 1
        elif code in SURVIVED:
            tally["survived"] += 1
        elif code in NO_TESTS:
            tally["no tests"] += 1
        else:
            tally["other"] += 1

    columns = ("mutants", "killed", "equiv", "survived", "no tests", "score")
    header = f"{'module':<34} " + " ".join(f"{column:>8}" for column in columns)
    print(header)
    print("-" * len(header))
    for module, tally in sorted(counts.items()):
        if tally["unchecked"] == tally["mutants"]:
            continue  # not part of this run
        judged = tally["mutants"] - tally["equivalent"] - tally["unchecked"]
        score = 100.0 * tally["killed"] / judged if judged else 100.0
        print(f"{module:<34} " + " ".join(f"{tally[key]:>8}" for key in COUNTED) + f" {score:>7.1f}%")
        if tally["unchecked"]:
            problems.append(f"{module}: {tally['unchecked']} mutant(s) not checked")
        if score < options.target:
            problems.append(f"{module}: {score:.1f}% is below the {options.target:g}% target")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
