"""Hypothesis strategies for the component schemas of openapi.yaml, via hypothesis-jsonschema.

``strategy_for("SendTextRequest")`` generates dicts the spec allows for that schema: every
kind of value it allows, with arrays and the number of extra keys kept small (see
:func:`bounded`) so that a test runs in a second rather than a minute.

hypothesis-jsonschema 0.23.1 needs two adjustments to work, and work fast, with the pinned
Hypothesis; they are made at the end of this module, inside hypothesis-jsonschema only.
"""

from __future__ import annotations

import functools
import json
import types
import warnings
from collections.abc import Callable
from typing import Any

import hypothesis_jsonschema._from_schema as _hjs
import yaml
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning
from hypothesis.internal.conjecture import utils as _conjecture_utils
from hypothesis.internal.conjecture.data import ConjectureData
from hypothesis_jsonschema import from_schema

from tests.support import REPO

SPEC_PATH = REPO / "openapi.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
SCHEMA_REF = "#/components/schemas/"


def inline(node: Any, seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every ``#/components/schemas/...`` reference replaced by its target.

    hypothesis-jsonschema resolves references only within the schema it is given, which for a
    component is not the whole OpenAPI document. ``$ref`` siblings (only descriptions in our
    spec) stay next to the target in an ``allOf``, which is how JSON Schema 2020-12 reads them.
    """
    if isinstance(node, list):
        return [inline(item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        reference: str = node["$ref"]
        if not reference.startswith(SCHEMA_REF):
            raise ValueError(f"only component schemas can be inlined, not {reference}")
        name = reference.removeprefix(SCHEMA_REF)
        if name in seen:
            raise ValueError(f"recursive schema: {' -> '.join((*seen, name))}")
        target = inline(SCHEMAS[name], (*seen, name))
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return {**siblings, "allOf": [target]} if siblings else target
    return {key: inline(value, seen) for key, value in node.items()}


# Addresses the SDK's `email` format (email-validator) accepts. Hypothesis's own emails()
# also produces quoted local parts and special-use domains, which the SDK rightly rejects.
_LOCAL_PART = st.from_regex(r"[A-Za-z0-9]{1,12}([._+-][A-Za-z0-9]{1,8}){0,2}", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8})?", fullmatch=True)
_TOP_LEVEL = st.sampled_from(["com", "org", "net", "io", "co.uk", "de"])
EMAILS: st.SearchStrategy[str] = st.builds("{}@{}.{}".format, _LOCAL_PART, _DOMAIN, _TOP_LEVEL)


# Bounds on generated sizes. Unbounded, a history answer holds a dozen messages, each with a
# handful of arbitrary extra keys holding nested JSON, and one example takes a third of a second.
MAX_ITEMS = 3
MAX_EXTRA_PROPERTIES = 2
# Keywords whose subschemas constrain the instance (or a part of it) directly, so that adding a
# bound below them only narrows what is valid. Below `not`, `if` and the like it would not.
_NARROWABLE = frozenset({"allOf", "anyOf", "oneOf", "items", "properties", "additionalProperties"})


def bounded(node: Any, *, in_all_of: bool = False) -> Any:
    """``node`` with arrays capped at ``MAX_ITEMS`` and objects at their declared keys plus
    ``MAX_EXTRA_PROPERTIES``; a subset of what ``node`` allows, so still valid instances.

    An ``allOf`` branch is left uncapped: a key count there would also count the keys the
    other branches declare. The node holding the ``allOf`` is capped instead.
    """
    if not isinstance(node, dict):
        return node
    result = dict(node)
    for keyword in _NARROWABLE.intersection(node):
        value = node[keyword]
        if keyword == "properties":
            result[keyword] = {name: bounded(schema) for name, schema in value.items()}
        elif isinstance(value, list):
            result[keyword] = [bounded(branch, in_all_of=keyword == "allOf") for branch in value]
        else:
            result[keyword] = bounded(value)
    if node.get("type") == "array" or "items" in node:
        result["maxItems"] = min(node.get("maxItems", MAX_ITEMS), max(MAX_ITEMS, node.get("minItems", 0)))
    declared = _declared_properties(node)
    if not in_all_of and (declared or node.get("type") == "object"):
        result["maxProperties"] = min(
            node.get("maxProperties", len(declared) + MAX_EXTRA_PROPERTIES),
            len(declared) + MAX_EXTRA_PROPERTIES,
        )
    return result


def _declared_properties(node: dict[str, Any]) -> set[str]:
    names = set(node.get("properties", {}))
    for branch in node.get("allOf", []):
        names |= _declared_properties(branch)
    return names


@functools.cache
def strategy_for(name: str) -> st.SearchStrategy[Any]:
    """JSON values valid against component schema ``name`` (within the size bounds above)."""
    with warnings.catch_warnings():
        # Replacing the built-in "email" strategy is intended; the warning says only that.
        warnings.simplefilter("ignore", HypothesisWarning)
        return from_schema(bounded(inline(SCHEMAS[name])), custom_formats={"email": EMAILS})


# ---- compatibility with the pinned Hypothesis -----------------------------------------------
#
# hypothesis-jsonschema 0.23.1 is the latest release. Two private parts of it are adjusted here,
# in its own module namespace only; Hypothesis itself is left alone.


class _ManyWithMore:
    """The ``while elements.more()`` interface of Hypothesis's ``many``, on top of its iterator.

    hypothesis-jsonschema draws object keys through ``many(...).more()``, which Hypothesis has
    replaced with ``with many(...) as elements: for _ in elements``; without this every object
    schema fails with AttributeError. Stepping the iterator by hand makes the same choices and
    spans as the loop it replaces.
    """

    def __init__(self, data: ConjectureData, min_size: int, max_size: float, average_size: float) -> None:
        self._many = _conjecture_utils.many(
            data, min_size=min_size, max_size=max_size, average_size=average_size
        )
        self._elements = iter(self._many.__enter__())

    def more(self) -> bool:
        if next(self._elements, StopIteration) is StopIteration:
            self._many.__exit__(None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


if not hasattr(_conjecture_utils.many, "more"):
    _compat_utils = types.ModuleType(_conjecture_utils.__name__)
    vars(_compat_utils).update(vars(_conjecture_utils), many=_ManyWithMore)
    vars(_hjs)["cu"] = _compat_utils


_Build = Callable[..., st.SearchStrategy[Any]]


def _memoised(build: _Build) -> _Build:
    """``build`` answering repeated calls for the same schema with the same strategy.

    hypothesis-jsonschema builds the strategy of each object property anew on every draw,
    re-canonicalising the schema each time: two thirds of the run time for our larger answers.
    A strategy is an immutable description, so one per (schema, alphabet, formats) is enough.
    """
    built: dict[tuple[str, int, int], tuple[st.SearchStrategy[Any], object, object]] = {}

    def memoised(schema: Any, *, alphabet: object, custom_formats: object) -> st.SearchStrategy[Any]:
        key = (json.dumps(schema, sort_keys=True), id(alphabet), id(custom_formats))
        if key not in built:
            # The arguments are kept alive with the strategy so that their ids stay unique.
            strategy = build(schema, alphabet=alphabet, custom_formats=custom_formats)
            built[key] = (strategy, alphabet, custom_formats)
        return built[key][0]

    return memoised


# Calls inside the module look both names up at call time, so they reach the memoised versions.
_namespace = vars(_hjs)
_namespace["__from_schema"] = _memoised(_namespace["__from_schema"])
_namespace["merged_as_strategies"] = _memoised(_namespace["merged_as_strategies"])
