"""What the sandbox reads from the OpenAPI document: its routes and its request schemas.

The route table is built from ``paths`` rather than written out by hand, so an operation added
to ``openapi.yaml`` is routed at once: it answers 501 until the sandbox implements it, and the
test that calls every operation fails until then. Requests are checked with
:mod:`fastjsonschema`, a dependency of the SDK itself, so the in-process sandbox needs no extra
package.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import fastjsonschema

__all__ = [
    "Operation",
    "Parameter",
    "RequestInvalid",
    "Validator",
    "api_version",
    "check",
    "compile_schema",
    "document",
    "load",
    "operations",
    "path_pattern",
]

_PACKAGE = Path(__file__).resolve().parent.parent
_HTTP_METHODS = ("get", "put", "post", "delete", "patch")
# An int64 annotation adds nothing to `type: integer` for Python's unbounded ints.
_FORMATS: dict[str, Callable[[Any], bool]] = {"int64": lambda _value: True}


class Validator(Protocol):
    """A compiled fastjsonschema validator."""

    def __call__(self, data: Any, custom_formats: Any = ..., name_prefix: str | None = None) -> Any: ...


class RequestInvalid(Exception):
    """A request part failed its schema; the message names the field and the reason."""


@functools.cache
def document() -> dict[str, Any]:
    """The OpenAPI document: the bundled JSON copy, or ``openapi.yaml`` in a source checkout."""
    return load(_PACKAGE / "_spec" / "openapi.json", _PACKAGE.parent / "openapi.yaml")


def load(bundled: Path, source: Path) -> dict[str, Any]:
    """Read ``bundled`` (JSON) when it exists, else ``source`` (YAML)."""
    if bundled.is_file():
        parsed: dict[str, Any] = json.loads(bundled.read_text(encoding="utf-8"))
        return parsed
    # Only a source checkout that has not run `make generate` gets here; PyYAML is a dev tool.
    import yaml

    loaded: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return loaded


def api_version() -> str:
    """The API version the sandbox reports in every envelope (the spec's ``info.version``)."""
    return str(document()["info"]["version"])


@dataclass(frozen=True)
class Parameter:
    """A path or query parameter and the schema its (string) value must satisfy."""

    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]

    def parse(self, raw: str) -> Any:
        """The parameter as the JSON value its schema describes (``"20"`` → ``20``)."""
        kind = _resolve(self.schema).get("type")
        if kind == "integer":
            try:
                return int(raw)
            except ValueError:
                raise RequestInvalid(f"{self.name} must be an integer, got {raw!r}") from None
        if kind == "boolean":
            lowered = raw.lower()
            if lowered in ("true", "1"):
                return True
            if lowered in ("false", "0"):
                return False
            raise RequestInvalid(f"{self.name} must be true or false, got {raw!r}")
        return raw

    def check(self, value: Any) -> None:
        check(compile_schema(json.dumps(self.schema, sort_keys=True)), value, self.name)


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: where it is served and what its request must look like."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    body_ref: str | None
    body_required: bool
    legacy: bool

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Matches a request path (trailing slash optional) and captures its path parameters."""
        return path_pattern(self.path)

    def check_body(self, body: Any) -> None:
        if self.body_ref is not None:
            check(compile_schema(json.dumps({"$ref": self.body_ref})), body, "body")


def path_pattern(template: str) -> re.Pattern[str]:
    """A regex for a path template such as ``/numbers/{number}/configure``."""
    parts = re.split(r"\{(\w+)\}", template.rstrip("/"))
    regex = "".join(
        f"(?P<{part}>[^/]+)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
    )
    return re.compile(f"^{regex}/?$")


@functools.cache
def operations() -> tuple[Operation, ...]:
    """Every operation of the spec, literal paths first so ``/numbers/leased`` beats ``/numbers/{number}``."""
    found: list[Operation] = []
    for path, item in document()["paths"].items():
        shared = item.get("parameters", [])
        for method in _HTTP_METHODS:
            if method in item:
                found.append(_read_operation(path, method, item[method], shared))
    return tuple(sorted(found, key=lambda op: op.path.count("{")))


def _read_operation(
    path: str, method: str, raw: Mapping[str, Any], shared: list[Mapping[str, Any]]
) -> Operation:
    parameters = tuple(
        Parameter(name=p["name"], location=p["in"], required=bool(p.get("required")), schema=p["schema"])
        for p in (_resolve(node) for node in [*shared, *raw.get("parameters", [])])
    )
    body = _resolve(raw["requestBody"]) if "requestBody" in raw else None
    schema = body["content"]["application/json"]["schema"] if body else None
    return Operation(
        operation_id=raw["operationId"],
        method=method.upper(),
        path=path,
        parameters=parameters,
        body_ref=schema["$ref"] if schema else None,
        body_required=bool(body and body.get("required")),
        legacy="servers" in raw,
    )


def _resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = document()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@functools.cache
def compile_schema(schema_json: str) -> Validator:
    """Compile a schema given as JSON text (hashable, so each one is compiled once).

    The spec's components travel with every schema, as its ``$ref``s all point into them.
    """
    root = {**json.loads(schema_json), "components": document()["components"]}
    compiled: Validator = fastjsonschema.compile(root, use_default=False, formats=_FORMATS)
    return compiled


def check(validator: Validator, value: Any, name: str) -> None:
    """Validate ``value``, raising :class:`RequestInvalid` with a readable reason."""
    try:
        validator(value, name_prefix=name)
    except fastjsonschema.JsonSchemaValueException as error:
        raise RequestInvalid(_explain(error)) from None


def _explain(error: fastjsonschema.JsonSchemaValueException) -> str:
    """The failure as a sentence, looking inside ``anyOf``/``oneOf`` for the real reason.

    fastjsonschema reports a nullable field (``anyOf: [X, null]``) that fails ``X`` only as
    "cannot be validated by any definition"; re-checking the value against the branch of its
    own JSON type recovers what is actually wrong.
    """
    if error.rule == "required" and isinstance(error.value, Mapping):
        missing = [name for name in error.rule_definition if name not in error.value]
        return ", ".join(f"{error.name}.{name}" for name in missing) + " is required"
    if error.rule in ("anyOf", "oneOf") and isinstance(error.rule_definition, list):
        branches = [b for b in error.rule_definition if b.get("type") != "null"]
        matching = [b for b in branches if _json_type(error.value) in _types(b)] or branches
        if matching:
            branch = compile_schema(json.dumps(matching[0], sort_keys=True))
            try:
                branch(error.value, name_prefix=error.name)
            except fastjsonschema.JsonSchemaValueException as inner:
                return _explain(inner)
    return str(error.message)


def _types(schema: Mapping[str, Any]) -> set[str]:
    declared = _resolve(schema).get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


_JSON_TYPES: dict[type, str] = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
}


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), "object")
