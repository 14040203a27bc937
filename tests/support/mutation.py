"""Let ``make mutation`` see the code whose results the SDK keeps.

mutmut runs each mutant's tests in a process forked from one that has already imported the SDK
and run the suite, so every cache (``functools.cache`` functions, ``cached_property`` values on
the endpoints the product groups declare) holds what the original code computed. A mutant of a
cached function would never run and would survive without a test being wrong. While mutmut
collects its statistics the conftest forgets those results before each test, so that each test
runs (and is seen to reach) the code itself; for a mutant of code whose results are cached, it
forgets them before the first test of the mutant's process, after which the caches hold what
the mutant computed, as they would in any run.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any

from contiguity_ext import _spec
from contiguity_ext._endpoint import Endpoint
from contiguity_ext._resource import Resource

UNDER_MUTATION = "MUTANT_UNDER_TEST"
_SPEC = "contiguity_ext._spec."
# Caches (and what fills them) that only a mutant of a few functions could change: kept for any
# other mutant, which saves each test re-reading the spec and recompiling validators (~10 ms).
# mutmut leaves decorated functions alone, so the cached functions themselves never change.
_KEPT_UNLESS: dict[object, tuple[str, ...]] = {
    _spec.document: (),
    _spec._compile: (f"{_SPEC}x__compiled__",),
    _spec.lenient_components: (f"{_SPEC}x_lenient__",),
}
_LENIENT_VALIDATOR_MAKERS = (f"{_SPEC}x_lenient__", f"{_SPEC}x__compile_lenient__", f"{_SPEC}x__compiled__")


# The modules whose code computes what the caches hold. A mutant anywhere else runs whatever
# the caches say, so its tests need not pay for refilling them (~4 ms a test).
_CACHING_MODULES = tuple(
    f"contiguity_ext.{module}."
    for module in ("_spec", "_endpoint", "_operation_table", "_exports", "phone", "webhooks")
)


# The process and mutant the caches were last emptied for.
_emptied_for: tuple[int, str] | None = None


def forget_what_may_hide_the_mutant() -> None:
    """Before a test: empty the caches if they may hold what code other than the mutant computed."""
    if _caches_may_hide_the_mutant():
        forget_cached_results()


def _caches_may_hide_the_mutant() -> bool:
    # Every test while mutmut collects its statistics; the first test of a mutant of code whose
    # results are cached (mutmut forks one process per mutant).
    global _emptied_for
    mutant = os.environ.get(UNDER_MUTATION, "")
    if mutant == "stats":
        return True
    if not mutant.startswith(_CACHING_MODULES) or _emptied_for == (os.getpid(), mutant):
        return False
    _emptied_for = (os.getpid(), mutant)
    return True


def forget_cached_results() -> None:
    """Empty every cache the mutant under test could have changed, so the next call runs it."""
    mutant = os.environ.get(UNDER_MUTATION, "")
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "contiguity_ext" or name.startswith("contiguity_ext.")):
            continue
        for value in list(vars(module).values()):
            cache_clear = getattr(value, "cache_clear", None)
            if callable(cache_clear) and not _kept(value, mutant):
                cache_clear()
    if mutant != "stats" and not mutant.startswith(_LENIENT_VALIDATOR_MAKERS):
        _remember_lenient_validators()
    for group in _subclasses(Resource):
        for member in list(vars(group).values()):
            if isinstance(member, Endpoint):
                _forget_cached_properties(member)


def _forget_cached_properties(instance: object) -> None:
    for klass in type(instance).__mro__:
        for attribute, value in vars(klass).items():
            if isinstance(value, functools.cached_property):
                instance.__dict__.pop(value.attrname or attribute, None)


def _subclasses(klass: type[object]) -> list[type[object]]:
    found: list[type[object]] = []
    for subclass in klass.__subclasses__():
        found.append(subclass)
        found.extend(_subclasses(subclass))
    return found


def _kept(cache: object, mutant: str) -> bool:
    try:
        makers = _KEPT_UNLESS[cache]
    except (KeyError, TypeError):
        return False
    return mutant != "stats" and not (makers and mutant.startswith(makers))


def _remember_lenient_validators() -> None:
    """Compile each answer's lenient validator once per process (the operations are rebuilt often)."""
    compile_lenient = _spec._compile_lenient
    if getattr(compile_lenient, "remembers", False):
        return
    remembered: dict[str, Any] = {}

    def remembering(ref: str) -> Any:
        if ref not in remembered:
            remembered[ref] = compile_lenient(ref)
        return remembered[ref]

    remembering.remembers = True  # type: ignore[attr-defined]
    _spec._compile_lenient = remembering
