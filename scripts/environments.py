"""Run the test suite in fresh virtualenvs, installed the way the README tells users to.

``python -m scripts.environments matrix [3.10 ...]`` (``make test-matrix``): every Python the
package claims (its classifiers list exactly :data:`PYTHONS`), each with the versions pinned in
requirements-test.txt and the package installed from the checkout, ``pip install ".[sandbox,cli]"``.

``python -m scripts.environments floors`` (``make test-floors``): the oldest supported Python with
every run-time dependency, core and extras, pinned to the lower bound pyproject.toml declares.
If anything else needs one higher, installing fails and says so: that floor would be untested.

Both leave out what these environments cannot change: the installed-wheel test (it builds its
own environment) and the tests that need Prism from npm (marked ``contract``); ``make test``
runs both on the development Python. uv (pinned in requirements-test.txt) creates the
environments, so repeated runs reuse its cache of downloaded and built wheels.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Collection, Sequence
from importlib.metadata import requires
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ROOT / "build" / "environments"
PYTHONS = ("3.10", "3.11", "3.12", "3.13")
FLOORS_PYTHON = PYTHONS[0]
# anyio's pytest plugin is unused here (pytest-asyncio runs the async tests), and the releases
# that the dependency floors allow import a name the pinned pytest deprecates.
PYTEST_ARGS = (
    *("-p", "no:cacheprovider", "-p", "no:anyio", "-q", "-m", "not contract"),
    *("--ignore", "tests/test_installed_wheel.py"),
)
# Pinned for the matrix, but brought in by the run-time dependencies themselves (httpx needs
# anyio): on the floors they take whatever version the floors allow.
FOLLOW_THE_FLOORS = frozenset({"anyio"})
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def interpreter(version: str) -> str:
    """The machine's Python ``version``: pyenv's build if present (its shims may not run), else PATH."""
    pyenv = sorted(Path("/root/.pyenv/versions").glob(f"{version}.*/bin/python{version}"))
    found = str(pyenv[-1]) if pyenv else shutil.which(f"python{version}")
    if found is None:
        raise SystemExit(f"error: no Python {version} interpreter on this machine")
    return found


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_floors() -> dict[str, str]:
    """Each run-time dependency (core and extras) and the lower bound pyproject.toml gives it.

    Read from the development install's metadata, which ``make setup`` refreshes whenever
    pyproject.toml changes.
    """
    floors: dict[str, str] = {}
    for requirement in requires("contiguity-typed") or []:
        name = _NAME.match(requirement)
        floor = re.search(r">=\s*([\w.]+)", requirement)
        if name is None or floor is None:
            raise SystemExit(f"error: {requirement!r} declares no lower bound")
        floors[normalized(name.group())] = floor.group(1)
    return floors


def pinned(excluding: Collection[str] = ()) -> list[str]:
    """requirements-test.txt's ``name==version`` lines, without the names given."""
    pins = []
    for line in (ROOT / "requirements-test.txt").read_text(encoding="utf-8").splitlines():
        requirement = line.split("#")[0].strip()
        name = _NAME.match(requirement)
        if name and normalized(name.group()) not in excluding:
            pins.append(requirement)
    return pins


def _uv(*args: str | Path) -> None:
    subprocess.run([sys.executable, "-m", "uv", *map(str, args)], check=True, cwd=ROOT)


def create(name: str, version: str, requirements: Sequence[str], *options: str) -> Path:
    """A new virtualenv at build/environments/``name`` holding the package and ``requirements``."""
    venv = ENVIRONMENTS / name
    _uv("venv", "--quiet", "--clear", "--python", interpreter(version), venv)
    python = venv / "bin" / "python"
    _uv("pip", "install", "--quiet", "--python", python, *options, ".[sandbox,cli]", *requirements)
    return python


def run_tests(python: Path) -> int:
    """The suite on ``python``, from the checkout, with that environment's tools first on PATH."""
    env = {**os.environ, "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([str(python), "-m", "pytest", *PYTEST_ARGS], cwd=ROOT, env=env).returncode


def matrix(versions: Sequence[str]) -> int:
    results: dict[str, str] = {}
    for version in versions:
        started = time.monotonic()
        print(f"== Python {version}: pinned dependencies ==", flush=True)
        python = create(f"py{version}", version, pinned())
        code = run_tests(python)
        results[version] = f"{'passed' if code == 0 else 'FAILED'} ({time.monotonic() - started:.0f} s)"
    print("\n".join(f"Python {version}: {result}" for version, result in results.items()))
    return 0 if all(result.startswith("passed") for result in results.values()) else 1


def floors() -> int:
    wanted = declared_floors()
    exact = [f"{name}=={floor}" for name, floor in sorted(wanted.items())]
    print(f"== Python {FLOORS_PYTHON}: {', '.join(exact)} ==", flush=True)
    tools = pinned(excluding={*wanted, *FOLLOW_THE_FLOORS})
    return run_tests(create("floors", FLOORS_PYTHON, [*exact, *tools]))


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.environments", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    matrix_parser = commands.add_parser("matrix", help="the suite on every supported Python")
    matrix_parser.add_argument("versions", nargs="*", metavar="VERSION", help=f"of {PYTHONS}; default: all")
    commands.add_parser("floors", help="the suite on the lowest declared dependencies")
    arguments = parser.parse_args(argv)
    if arguments.command == "matrix":
        # Checked here, not with choices=: argparse checks an empty nargs="*" list against them.
        if unsupported := set(arguments.versions) - set(PYTHONS):
            parser.error(f"not a supported Python: {', '.join(sorted(unsupported))} (supported: {PYTHONS})")
        arguments.versions = arguments.versions or list(PYTHONS)
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse(argv)
    os.environ["UV_PYTHON_DOWNLOADS"] = "never"  # only the machine's own interpreters count
    return matrix(arguments.versions) if arguments.command == "matrix" else floors()


if __name__ == "__main__":
    sys.exit(main())
