"""Peak memory of a process that uses the SDK, measured in a child interpreter of its own.

``python -m benchmarks.memory BASE_URL COUNT`` imports the SDK, logs in, sends ``COUNT`` texts
through the sync client to ``BASE_URL`` and prints, as JSON, its peak resident set size and
its resident size after the first tenth of the sends and at the end: a steady resident size
between those two points means calls do not leak. ``COUNT`` 0 measures import and login alone.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from .server import ROOT, subprocess_env

__all__ = ["measure_memory"]

_PAGE_SIZE = resource.getpagesize()


def measure_memory(base_url: str, count: int) -> dict[str, float]:
    """MiB figures (``peak``, ``after_tenth``, ``after_all``) of a child that sends ``count`` texts."""
    finished = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", base_url, str(count)],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        raise RuntimeError(f"memory benchmark failed:\n{finished.stderr}")
    figures: dict[str, float] = json.loads(finished.stdout)
    return figures


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _current_mib() -> float:
    """Resident size now (Linux); elsewhere the peak, which can only over-report growth."""
    statm = Path("/proc/self/statm")
    if not statm.exists():
        return _peak_mib()
    return int(statm.read_text().split()[1]) * _PAGE_SIZE / (1024 * 1024)


def _main(base_url: str, count: int) -> None:
    import contiguity_ext

    from .sends import MESSAGE, TO, TOKEN

    with contiguity_ext.login(TOKEN, base_url=base_url) as client:
        send = client.text.send
        tenth = count // 10
        for _ in range(tenth):
            send(to=TO, message=MESSAGE)
        after_tenth = _current_mib()
        for _ in range(count - tenth):
            send(to=TO, message=MESSAGE)
        after_all = _current_mib()
    print(json.dumps({"peak": _peak_mib(), "after_tenth": after_tenth, "after_all": after_all}))


if __name__ == "__main__":
    _main(sys.argv[1], int(sys.argv[2]))
