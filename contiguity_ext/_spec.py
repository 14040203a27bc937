"""The one reader of the OpenAPI document, for the client, the sandbox and the tests.

The generated package knows how to build each request and which model parses each answer, but
not the spec's limits (``maxItems``, ``pattern``, enums, conditional requirements), which
fields hold phone numbers, or which host a legacy operation lives on. Rather than copy those
facts into Python by hand, this module reads them from ``_spec/openapi.json`` (written from
``openapi.yaml`` by ``make generate``): loading, ``$ref`` resolution, operations and their
parameters, compiled validators, explanations of what failed, and spec-valid example values.

Each operation's Python name is the one the generator gave its module, recorded in the bundled
document (``x-python-module``) by ``scripts/export_spec.py`` with the generator's own naming
rule.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs
import fastjsonschema

from .emails import is_email
from .errors import ValidationError

PHONE_NUMBER_REF = "#/components/schemas/PhoneNumber"
PYTHON_MODULE = "x-python-module"
_READ_METHODS = frozenset({"GET", "HEAD"})
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

Validator = Callable[[Any], Any]
Path = tuple[str, ...]


@functools.cache
def document() -> dict[str, Any]:
    """The OpenAPI document, parsed once per process."""
    text = resources.files(__package__).joinpath("_spec/openapi.json").read_text(encoding="utf-8")
    parsed: dict[str, Any] = json.loads(text)
    return parsed


def api_version() -> str:
    """The API version the spec describes (``info.version``)."""
    return str(document()["info"]["version"])


def resolve(node: Any, within: Mapping[str, Any] | None = None) -> Any:
    """Follow ``$ref`` (to anything in the document ``within``, by default this one) to a node without one.

    Anything but a mapping (a list of branches, a boolean schema) is returned as it is.
    """
    spec = document() if within is None else within
    while isinstance(node, Mapping) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@attrs.frozen
class Parameter:
    """A path or query parameter: its wire name, where it goes, and its schema."""

    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]

    @property
    def is_phone(self) -> bool:
        return _is_phone_schema(self.schema)

    @property
    def is_integer(self) -> bool:
        return _is_integer_schema(resolve(self.schema))

    def parse(self, text: str) -> Any:
        """The parameter as the JSON value its schema describes, from its text on the wire (``"20"`` → 20)."""
        kind = resolve(self.schema).get("type")
        if kind == "integer":
            try:
                return int(text)
            except ValueError:
                raise ValidationError(f"must be an integer, got {text!r}", field=self.name) from None
        if kind == "boolean":
            lowered = text.lower()
            if lowered in ("true", "1"):
                return True
            if lowered in ("false", "0"):
                return False
            raise ValidationError(f"must be true or false, got {text!r}", field=self.name)
        return text


@attrs.frozen
class Operation:
    """Everything the SDK needs to know about one operation beyond the generated code."""

    operation_id: str
    # The generated module's name (``send_text``): how the client, the tests and the table name it.
    python_name: str
    python_module: str
    tag: str
    method: str
    path: str
    server: str | None
    parameters: tuple[Parameter, ...]
    body_ref: str | None
    body_required: bool
    body_properties: frozenset[str]
    phone_paths: tuple[Path, ...]
    integer_paths: tuple[Path, ...]
    response_ref: str | None

    @property
    def is_legacy(self) -> bool:
        """Whether it lives on a host of its own (the v1 calls), answering without the envelope."""
        return self.server is not None

    @property
    def retries_when_ambiguous(self) -> bool:
        """Whether a request that may have reached the server can be sent again.

        Only reads qualify: a POST may have sent an SMS or consumed an OTP, and the API offers no
        idempotency key to make a second attempt safe.
        """
        return self.method in _READ_METHODS

    @functools.cached_property
    def deprecated_wrappers(self) -> tuple[str, ...]:
        """Deprecated body fields that only nest fields the body also has at its top level.

        The vendor still documents such older shapes (email ``body: {text, html}``); the SDK
        accepts them and sends the current form.
        """
        if self.body_ref is None:
            return ()
        body = resolve({"$ref": self.body_ref})
        wrappers = []
        for name, schema in body.get("properties", {}).items():
            branches = [resolve(branch) for branch in schema.get("anyOf", [schema])]
            nested = [branch for branch in branches if branch.get("type") == "object"]
            deprecated = schema.get("deprecated") or any(branch.get("deprecated") for branch in nested)
            if deprecated and nested and set(nested[0].get("properties", {})) <= self.body_properties:
                wrappers.append(name)
        return tuple(wrappers)

    @functools.cached_property
    def body_validator(self) -> Validator | None:
        return compile_schema({"$ref": self.body_ref}) if self.body_ref else None

    @functools.cached_property
    def parameter_validator(self) -> Validator:
        return compile_schema({"type": "object", "properties": {p.name: p.schema for p in self.parameters}})

    @functools.cached_property
    def response_validator(self) -> Validator | None:
        return compile_schema({"$ref": self.response_ref}) if self.response_ref else None

    @functools.cached_property
    def lenient_response_validator(self) -> Validator | None:
        """Checks only what the typed model needs: required fields present and of their type."""
        return _compile_lenient(self.response_ref) if self.response_ref else None


def _version_key(version: object) -> tuple[int, ...] | None:
    """``v2026.8.2`` → ``(2026, 8, 2)``; None for anything else."""
    return _parse_version(version) if isinstance(version, str) else None


# Every answer names its version, and one server names few: parse each once.
@functools.lru_cache(maxsize=64)
def _parse_version(version: str) -> tuple[int, ...] | None:
    match = re.fullmatch(r"v?(\d+(?:\.\d+)*)", version)
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def notice_api_version(served_version: object, noticed: list[str]) -> None:
    """Log once (per ``noticed`` list) that the server runs a newer API version than the bundled spec."""
    if noticed or served_version == api_version():
        return
    served = _version_key(served_version)
    known = _version_key(api_version())
    if served is not None and known is not None and served > known:
        noticed.append(str(served_version))
        logging.getLogger("contiguity").info(
            "the API answered as version %s, newer than this SDK's %s; "
            "calls keep working, and regenerating the SDK brings the new fields and values",
            served_version,
            api_version(),
        )


@functools.cache
def _operations() -> dict[str, Operation]:
    spec = document()
    found: dict[str, Operation] = {}
    for path, item in spec["paths"].items():
        shared_parameters = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method in item:
                operation = _read_operation(spec, path, method, item[method], shared_parameters)
                found[operation.python_name] = operation
    return found


def operation(python_name: str) -> Operation:
    """The operation whose generated module is ``python_name`` (e.g. ``"send_text"``)."""
    try:
        return _operations()[python_name]
    except KeyError:
        raise LookupError(f"openapi.yaml has no operation generated as {python_name!r}") from None


def operations() -> Mapping[str, Operation]:
    """Every operation of the spec, keyed by generated module name, in the spec's order."""
    return _operations()


def _read_operation(
    spec: Mapping[str, Any],
    path: str,
    method: str,
    raw: Mapping[str, Any],
    shared_parameters: list[Mapping[str, Any]],
) -> Operation:
    parameters = tuple(
        _read_parameter(resolve(p, spec)) for p in [*shared_parameters, *raw.get("parameters", [])]
    )
    body = resolve(raw["requestBody"], spec) if "requestBody" in raw else None
    body_ref = _json_schema_ref(spec, body)
    servers = raw.get("servers")
    module = raw[PYTHON_MODULE]
    return Operation(
        operation_id=raw["operationId"],
        python_name=module.rpartition(".")[2],
        python_module=module,
        tag=raw["tags"][0],
        method=method.upper(),
        path=path,
        server=servers[0]["url"] if servers else None,
        parameters=parameters,
        body_ref=body_ref,
        body_required=bool(body and body.get("required")),
        body_properties=frozenset(_properties(spec, body_ref)) if body_ref else frozenset(),
        phone_paths=_paths_to(spec, body_ref, _is_phone_schema),
        integer_paths=_paths_to(spec, body_ref, _is_integer_schema),
        response_ref=_json_schema_ref(spec, raw["responses"].get("200")),
    )


def _read_parameter(raw: Mapping[str, Any]) -> Parameter:
    return Parameter(
        name=raw["name"], location=raw["in"], required=bool(raw.get("required")), schema=raw["schema"]
    )


def _json_schema_ref(spec: Mapping[str, Any], holder: Mapping[str, Any] | None) -> str | None:
    """The ``$ref`` of the JSON body schema of a request body or response, if it has one."""
    if holder is None:
        return None
    content = resolve(holder, spec).get("content", {}).get("application/json")
    if content is None:
        return None
    ref = content["schema"].get("$ref")
    return str(ref) if ref else None


def _properties(spec: Mapping[str, Any], ref: str) -> Iterator[str]:
    schema = resolve({"$ref": ref}, spec)
    yield from schema.get("properties", {})
    for part in schema.get("allOf", []):
        if "$ref" in part:
            yield from _properties(spec, part["$ref"])
        else:
            yield from part.get("properties", {})


def _is_phone_schema(schema: Mapping[str, Any]) -> bool:
    return schema.get("$ref") == PHONE_NUMBER_REF


def _is_integer_schema(schema: Mapping[str, Any]) -> bool:
    # JSON Schema counts 20.0 as an integer; a Python caller passing a float meant something else.
    declared = schema.get("type")
    return declared == "integer" or (isinstance(declared, list) and "integer" in declared)


def _paths_to(
    spec: Mapping[str, Any], body_ref: str | None, wanted: Callable[[Mapping[str, Any]], bool]
) -> tuple[Path, ...]:
    """Paths to every value of a request body whose schema is ``wanted`` (``"*"`` = each list item)."""
    return tuple(dict.fromkeys(_walk(spec, {"$ref": body_ref}, (), wanted))) if body_ref else ()


def _walk(
    spec: Mapping[str, Any],
    schema: Mapping[str, Any],
    prefix: Path,
    wanted: Callable[[Mapping[str, Any]], bool],
) -> Iterator[Path]:
    if wanted(schema):
        yield prefix
        return
    schema = resolve(schema, spec)
    if wanted(schema):
        yield prefix
        return
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in schema.get(key, []):
            yield from _walk(spec, branch, prefix, wanted)
    for name, child in schema.get("properties", {}).items():
        yield from _walk(spec, child, (*prefix, name), wanted)
    if "items" in schema:
        yield from _walk(spec, schema["items"], (*prefix, "*"), wanted)


# ---- validation ----------------------------------------------------------------------------

_FORMATS: dict[str, Callable[[Any], bool]] = {
    "email": is_email,
    # An int64 annotation adds nothing to `type: integer` for Python's unbounded ints.
    "int64": lambda _value: True,
}


def compile_schema(schema: Mapping[str, Any]) -> Validator:
    """A validator for ``schema``, whose ``$ref``s may point into the spec's components."""
    return _compile(json.dumps(schema, sort_keys=True))


@functools.cache
def _compile(schema_json: str) -> Validator:
    # Our schemas only reference components, so the components travel with each compiled schema.
    # The schema sits under allOf so that the root has no check of its own: fastjsonschema writes
    # the schema of every check into the code that raises its error, and for a check on the root
    # that schema is the whole of `components` (a validator of ~100 KiB of code, ~50 ms to compile).
    root = {"allOf": [json.loads(schema_json)], "components": document()["components"]}
    return _compiled(root)


# Keywords that only narrow a value the model can hold anyway; a newer API may loosen any of them.
_NARROWING = frozenset(
    {
        "enum",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "uniqueItems",
    }
)


def lenient(schema: Any) -> Any:
    """``schema`` as a newer API may fill it: additive changes pass, missing or retyped fields fail.

    Unknown values, unknown keys and ``null`` in optional fields are accepted; ``oneOf`` becomes
    ``anyOf`` because loosened branches may overlap.
    """
    if isinstance(schema, list):
        return [lenient(item) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    relaxed: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _NARROWING or (key == "additionalProperties" and value is False):
            continue
        if key == "properties" and isinstance(value, Mapping):
            required = set(schema.get("required", ()))
            relaxed[key] = {
                name: lenient(child) if name in required else {"anyOf": [lenient(child), {"type": "null"}]}
                for name, child in value.items()
            }
        else:
            relaxed["anyOf" if key == "oneOf" else key] = lenient(value)
    return relaxed


@functools.cache
def lenient_components() -> dict[str, Any]:
    """The spec's ``components`` with every schema made :func:`lenient`."""
    relaxed: dict[str, Any] = lenient(document()["components"])
    return relaxed


def _compile_lenient(ref: str) -> Validator:
    root = {"allOf": [{"$ref": ref}], "components": lenient_components()}
    return _compiled(root)


def _compiled(root: dict[str, Any]) -> Validator:
    # Annotated because fastjsonschema before 2.22.3 ships no types: compile() is Any there.
    validator: Validator = fastjsonschema.compile(root, use_default=False, formats=_FORMATS)
    return validator


def validate(validator: Validator, value: Any, *, prefix: str = "") -> None:
    """Run ``validator`` on ``value``, raising :class:`ValidationError` naming the field.

    ``prefix`` names ``value`` itself (``"body"``), so fields read ``body.to``.
    """
    try:
        validator(value)
    except fastjsonschema.JsonSchemaValueException as error:
        raise _explain(error, prefix) from None


def explain(error: fastjsonschema.JsonSchemaValueException) -> str:
    """A schema failure as one line naming the field, e.g. ``missing required field in data: id``."""
    return str(_explain(error, ""))


def _explain(error: fastjsonschema.JsonSchemaValueException, prefix: str) -> ValidationError:
    """Turn a schema failure into a message a caller can act on.

    fastjsonschema reports a failed ``anyOf`` (our nullable fields) as "cannot be validated by any
    definition"; re-checking the value against each non-null branch recovers the real reason.
    """
    field = _field_name(error.name or "", prefix)
    definition = error.definition if isinstance(error.definition, Mapping) else {}
    if error.rule == "required":
        present = error.value if isinstance(error.value, Mapping) else {}
        missing = [name for name in definition["required"] if name not in present]
        where = f" in {field}" if field else ""
        refused = ValidationError(
            f"missing required field{'s' if len(missing) > 1 else ''}{where}: " + ", ".join(missing)
        )
        # The message already names the field(s); the first one is what code can act on.
        refused.field = _field_name(f"data.{missing[0]}", field or "") if missing else field
        return refused
    if error.rule in ("anyOf", "oneOf"):
        options = [b for b in definition.get(error.rule, []) if resolve(b).get("type") != "null"]
        branches = [b for b in options if _accepts_type(b, error.value)]
        if len(branches) == 1:
            try:
                compile_schema(branches[0])(error.value)
            except fastjsonschema.JsonSchemaValueException as inner:
                return _explain(inner, field or "")
        if not branches:
            expected = sorted({_type_name(b) for b in options})
            return ValidationError(f"must be {' or '.join(expected)}, got {_short(error.value)}", field=field)
    message = error.message.removeprefix(error.name or "").strip() or error.message
    if error.rule == "pattern" and "description" in resolve(definition):
        message += f" ({resolve(definition)['description'].rstrip('.')})"
    elif error.rule == "enum":
        message = "must be one of " + ", ".join(map(repr, definition.get("enum", [])))
    return ValidationError(f"{message}, got {_short(error.value)}", field=field)


_JSON_TYPES: dict[type, str] = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
}


def _accepts_type(branch: Mapping[str, Any], value: Any) -> bool:
    """Whether a union branch is meant for values of this JSON type (so its error is the real one)."""
    declared = resolve(branch).get("type")
    if declared is None:
        return True
    # None (null) and anything JSON has no name for match no branch here: a branch that allowed
    # null would have passed the value.
    actual = _JSON_TYPES.get(type(value))
    allowed = {declared} if isinstance(declared, str) else set(declared)
    return actual in allowed or (actual == "integer" and "number" in allowed)


def _type_name(branch: Mapping[str, Any]) -> str:
    # Only asked of branches _accepts_type refused, which declare a type.
    declared = resolve(branch)["type"]
    return declared if isinstance(declared, str) else " or ".join(declared)


def _field_name(name: str, prefix: str) -> str | None:
    local = name.removeprefix("data").lstrip(".")
    joined = f"{prefix}.{local}" if prefix and local and not local.startswith("[") else prefix + local
    return joined or None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# ---- examples ------------------------------------------------------------------------------

_FORMAT_EXAMPLES: dict[object, str] = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "email": "user@example.com",
    "uri": "https://example.com/",
    "uuid": "00000000-0000-4000-8000-000000000000",
}


def example(schema: Mapping[str, Any]) -> Any:
    """A value that satisfies ``schema``, built from the spec's own examples where it gives them.

    Objects get every property they declare if that is valid, else only the required ones.
    Raises :class:`LookupError` when neither is valid: the spec then needs an ``examples`` entry.
    """
    validator = compile_schema(schema)
    for complete in (True, False):
        candidate = _example(schema, complete=complete)
        try:
            validator(candidate)
        except fastjsonschema.JsonSchemaValueException:
            continue
        return candidate
    raise LookupError(f"no example satisfies {json.dumps(schema)[:200]}; give it `examples` in openapi.yaml")


def _example(schema: Mapping[str, Any], *, complete: bool) -> Any:
    for given in ("const", "default"):
        if given in schema:
            return schema[given]
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "$ref" in schema:
        return _example(resolve(schema), complete=complete)
    if "enum" in schema:
        return next(value for value in schema["enum"] if value is not None)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for branch in schema["allOf"]:
            part = _example(branch, complete=complete)
            if not isinstance(part, dict):
                return part
            merged.update(part)
        return {**merged, **_object_example(schema, complete=complete)} if "properties" in schema else merged
    for union in ("anyOf", "oneOf"):
        if union in schema:
            branch = next(b for b in schema[union] if resolve(b).get("type") != "null")
            return _example(branch, complete=complete)
    kind = schema.get("type", "object" if "properties" in schema else None)
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object":
        return _object_example(schema, complete=complete)
    if kind == "array":
        item = _example(schema.get("items", {}), complete=complete)
        return [item] * max(schema.get("minItems", 1), 1)
    if kind == "string":
        text = _FORMAT_EXAMPLES.get(schema.get("format"), "example")
        if "minLength" in schema:
            text = text.ljust(schema["minLength"], "x")
        if "maxLength" in schema:
            text = text[: schema["maxLength"]]
        return text
    if kind in ("integer", "number"):
        if "minimum" in schema:
            return schema["minimum"]
        if "exclusiveMinimum" in schema:
            return schema["exclusiveMinimum"] + 1
        return min(1, schema["maximum"]) if "maximum" in schema else 1
    if kind == "boolean":
        return False  # the flag left off: the common case, and never one that needs an entitlement
    return None


def _object_example(schema: Mapping[str, Any], *, complete: bool) -> dict[str, Any]:
    required = set(schema.get("required", []))
    return {
        name: _example(child, complete=complete)
        for name, child in schema.get("properties", {}).items()
        if complete or name in required
    }
