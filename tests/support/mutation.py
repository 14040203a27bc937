"""Let ``make mutation`` see the code whose results the SDK keeps.

mutmut runs each mutant's tests in a process forked from one that has already imported the SDK
and run the suite, so every cache (``functools.cache`` functions, ``cached_property`` values on
the endpoints the product groups declare) holds what the original code computed. A mutant of a
cached function would never run and would survive without a test being wrong. While mutmut
collects its statistics, or tests a mutant of code whose results are cached, the conftest
forgets those results before each test.
"""

from __future__ import annotations

import functools
import os
import sys

from contiguity_ext import _spec
from contiguity_ext._endpoint import Endpoint
from contiguity_ext._resource import Resource

UNDER_MUTATION = "MUTANT_UNDER_TEST"
# Caches whose results depend on nothing mutmut mutates (it leaves decorated functions alone):
# the spec as read from disk, and a schema compiled from its JSON. Keeping them saves each test
# re-reading the spec and recompiling validators (~10 ms a test).
_PURE: frozenset[object] = frozenset({_spec.document, _spec._compile})


# The modules whose code computes what the caches hold. A mutant anywhere else runs whatever
# the caches say, so its tests need not pay for refilling them (~4 ms a test).
_CACHING_MODULES = tuple(
    f"contiguity_ext.{module}."
    for module in ("_spec", "_endpoint", "_operation_table", "_exports", "phone", "webhooks")
)


def caches_may_hide_the_mutant() -> bool:
    """Whether mutmut is collecting its statistics, or testing a mutant of code whose results are cached."""
    mutant = os.environ.get(UNDER_MUTATION, "")
    return mutant == "stats" or mutant.startswith(_CACHING_MODULES)


def forget_cached_results() -> None:
    """Empty every cache of the SDK's own modules, so the next call runs the code again."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "contiguity_ext" or name.startswith("contiguity_ext.")):
            continue
        for value in list(vars(module).values()):
            cache_clear = getattr(value, "cache_clear", None)
            if callable(cache_clear) and value not in _PURE:
                cache_clear()
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
