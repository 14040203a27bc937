"""Start-up costs, each measured in fresh interpreters: imports, ``login()`` and a first call.

Each figure is the median over several child processes of the time around the statements
alone (interpreter start-up excluded). Bytecode caching is switched on for the children, with
one untimed run first, because installed packages ship compiled bytecode: timing compilation
from source would measure something no user sees.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from .sends import MESSAGE, TO, TOKEN
from .server import ROOT, subprocess_env

__all__ = ["COLD_START", "SNIPPETS", "cold_start_times", "startup_times", "time_snippet"]

SNIPPETS = {
    "import httpx": "import httpx",
    "import contiguity_client": "import contiguity_client",
    "import contiguity_ext": "import contiguity_ext",
    "import contiguity_ext + login()": f"import contiguity_ext\ncontiguity_ext.login({TOKEN!r})",
    "import + login() + first text.send": (
        f"import contiguity_ext\nclient = contiguity_ext.login({TOKEN!r})\n"
        f"client.text.send(to={TO!r}, message={MESSAGE!r})"
    ),
}

# What a program pays before its first call: the SDK's client against a bare httpx client.
COLD_START = {
    "httpx": "import httpx\nhttpx.Client()",
    "sdk": f"import contiguity_ext\ncontiguity_ext.login({TOKEN!r})",
}

_TIMED = """\
import time
_started = time.perf_counter()
{body}
print(time.perf_counter() - _started)
"""


def time_snippet(body: str, *, runs: int, base_url: str) -> float:
    """Median seconds that ``body`` takes in a fresh interpreter, over ``runs`` interpreters.

    ``base_url`` reaches the clients that ``body`` creates through ``CONTIGUITY_BASE_URL``.
    """
    return statistics.median(_run(body, base_url) for _ in range(runs))


def startup_times(base_url: str, *, runs: int) -> dict[str, float]:
    """Median seconds for every entry of :data:`SNIPPETS`; ``base_url`` answers the first call."""
    # Untimed: imports everything once, writing any missing bytecode cache.
    _run(SNIPPETS["import + login() + first text.send"], base_url)
    return {name: time_snippet(body, runs=runs, base_url=base_url) for name, body in SNIPPETS.items()}


def cold_start_times(base_url: str, *, runs: int) -> dict[str, float]:
    """Median seconds of each :data:`COLD_START` snippet, run in alternating interpreters.

    Alternating pairs the two figures in time, so a neighbour's load on the shared CPU weighs
    on both alike and their ratio stays meaningful.
    """
    _run(COLD_START["sdk"], base_url)
    times: dict[str, list[float]] = {name: [] for name in COLD_START}
    for _ in range(runs):
        for name, body in COLD_START.items():
            times[name].append(_run(body, base_url))
    return {name: statistics.median(values) for name, values in times.items()}


def _run(body: str, base_url: str) -> float:
    env = {**subprocess_env(), "CONTIGUITY_BASE_URL": base_url}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    finished = subprocess.run(
        [sys.executable, "-c", _TIMED.format(body=body)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        raise RuntimeError(f"timing {body!r} failed:\n{finished.stderr}")
    return float(finished.stdout.strip().splitlines()[-1])
