"""How many phone numbers per second :func:`contiguity_ext.phone.to_e164` normalises.

Three workloads:

* ``e164``: input already in E.164 form, the common case (no parsing at all);
* ``national``: 1,000 distinct national numbers written five different ways, repeated, as when a
  batch goes to a recipient list (served mostly from the parse cache);
* ``national_uncached``: the same inputs with the cache cleared before every call, the cost of a
  number never seen before.

Run ``python -m benchmarks.phone_throughput`` to print the figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from contiguity_ext import phone

__all__ = ["measure"]

_FORMATS = (
    "({a}) {e}-{n}",
    "{a}-{e}-{n}",
    "1 {a} {e} {n}",
    "+1 ({a}) {e}-{n}",
    "{a}.{e}.{n}",
)


def _national_inputs(count: int = 1000) -> list[str]:
    inputs = []
    for i in range(count):
        area, exchange, line = 201 + i % 700, 200 + (i * 7) % 800, (i * 7919) % 10000
        template = _FORMATS[i % len(_FORMATS)]
        inputs.append(template.format(a=area, e=exchange, n=f"{line:04d}"))
    return inputs


def _rate(inputs: list[str], seconds: float, before_each: Callable[[], None] | None = None) -> float:
    """Calls per second of ``to_e164`` over ``inputs``, cycled for about ``seconds``."""
    to_e164 = phone.to_e164
    calls = 0
    elapsed = 0.0
    while elapsed < seconds:
        if before_each is None:
            start = time.perf_counter()
            for value in inputs:
                to_e164(value)
            elapsed += time.perf_counter() - start
        else:
            for value in inputs:
                before_each()
                start = time.perf_counter()
                to_e164(value)
                elapsed += time.perf_counter() - start
        calls += len(inputs)
    return calls / elapsed


def measure(seconds: float = 1.0) -> dict[str, float]:
    """Calls per second of ``to_e164`` for each workload, each run for about ``seconds``."""
    e164 = [f"+1{2015550000 + i}" for i in range(1000)]
    national = _national_inputs()
    phone._parse.cache_clear()
    return {
        "e164": _rate(e164, seconds),
        "national": _rate(national, seconds),
        "national_uncached": _rate(national, seconds, before_each=phone._parse.cache_clear),
    }


if __name__ == "__main__":
    for workload, rate in measure().items():
        print(f"{workload:>18}: {rate:>12,.0f} calls/s")
