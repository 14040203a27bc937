"""Benchmarks of the SDK against raw httpx on loopback: ``make bench`` (``python -m benchmarks.run``).

Not part of the installed package and not run by the test suite (a smoke test keeps the harness
working); results are written to ``docs/benchmarks.md``.
"""
