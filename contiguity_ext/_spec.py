"""What the SDK learns from the bundled OpenAPI document, once per operation.

The generated package knows how to build each request and which model parses each answer, but
not the spec's limits (``maxItems``, ``pattern``, enums, conditional requirements), which
fields hold phone numbers, or which host a legacy operation lives on. Rather than copy those
facts into Python by hand, this module reads them from ``_spec/openapi.json`` (written from
``openapi.yaml`` by ``make generate``) the first time an operation is called.
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
_READ_METHODS = frozenset({"GET", "HEAD"})
_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head")

Validator = Callable[[Any], Any]
Path = tuple[str, ...]


@functools.cache
def document() -> dict[str, Any]:
    """The OpenAPI document, parsed once per process."""
    text = resources.files(__package__).joinpath("_spec/openapi.json").read_text(encoding="utf-8")
    parsed: dict[str, Any] = json.loads(text)
    return parsed


def _snake_case(name: str) -> str:
    """The module name openapi-python-client gives an operationId (``sendText`` → ``send_text``)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


@attrs.frozen
class Parameter:
    """A path or query parameter: its wire name, where it goes, and its schema."""

    name: str
    location: str
    schema: Mapping[str, Any]

    @property
    def is_phone(self) -> bool:
        return self.schema.get("$ref") == PHONE_NUMBER_REF


@attrs.frozen
class Operation:
    """Everything the SDK needs to know about one operation beyond the generated code."""

    operation_id: str
    method: str
    path: str
    server: str | None
    parameters: tuple[Parameter, ...]
    body_ref: str | None
    body_properties: frozenset[str]
    phone_paths: tuple[Path, ...]
    response_ref: str | None

    @property
    def retries_when_ambiguous(self) -> bool:
        """Whether a request that may have reached the server can be sent again.

        Only reads qualify: a POST may have sent an SMS or consumed an OTP, and the API offers no
        idempotency key to make a second attempt safe.
        """
        return self.method in _READ_METHODS

    @functools.cached_property
    def body_validator(self) -> Validator | None:
        return _compile(self.body_ref) if self.body_ref else None

    @functools.cached_property
    def parameter_validator(self) -> Validator:
        schema = {
            "type": "object",
            "properties": {p.name: p.schema for p in self.parameters},
        }
        return _compile_inline(schema)

    @functools.cached_property
    def response_validator(self) -> Validator | None:
        return _compile(self.response_ref) if self.response_ref else None

    @functools.cached_property
    def lenient_response_validator(self) -> Validator | None:
        """Checks only what the typed model needs: required fields present and of their type."""
        return _compile_lenient(self.response_ref) if self.response_ref else None


def _version_key(version: object) -> tuple[int, ...] | None:
    """``v2026.8.2`` → ``(2026, 8, 2)``; None for anything else."""
    match = re.fullmatch(r"v?(\d+(?:\.\d+)*)", version) if isinstance(version, str) else None
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def notice_api_version(api_version: object, noticed: list[str]) -> None:
    """Log once (per ``noticed`` list) that the server runs a newer API version than the bundled spec."""
    if noticed:
        return
    served = _version_key(api_version)
    known = _version_key(document()["info"]["version"])
    if served is not None and known is not None and served > known:
        noticed.append(str(api_version))
        logging.getLogger("contiguity").info(
            "the API answered as version %s, newer than this SDK's %s; "
            "calls keep working, and regenerating the SDK brings the new fields and values",
            api_version,
            document()["info"]["version"],
        )


@functools.cache
def _operations() -> dict[str, Operation]:
    spec = document()
    found: dict[str, Operation] = {}
    for path, item in spec["paths"].items():
        shared_parameters = item.get("parameters", [])
        for method in _HTTP_METHODS:
            if method in item:
                operation = _read_operation(spec, path, method, item[method], shared_parameters)
                found[_snake_case(operation.operation_id)] = operation
    return found


def operation(module_name: str) -> Operation:
    """The operation whose generated module is ``module_name`` (e.g. ``"send_text"``)."""
    try:
        return _operations()[module_name]
    except KeyError:
        raise LookupError(f"openapi.yaml has no operation generated as {module_name!r}") from None


def operations() -> Mapping[str, Operation]:
    """Every operation of the spec, keyed by generated module name."""
    return _operations()


def _read_operation(
    spec: Mapping[str, Any],
    path: str,
    method: str,
    raw: Mapping[str, Any],
    shared_parameters: list[Mapping[str, Any]],
) -> Operation:
    parameters = tuple(
        _read_parameter(_resolve(spec, p)) for p in [*shared_parameters, *raw.get("parameters", [])]
    )
    body_ref = _json_schema_ref(spec, raw.get("requestBody"))
    servers = raw.get("servers")
    return Operation(
        operation_id=raw["operationId"],
        method=method.upper(),
        path=path,
        server=servers[0]["url"] if servers else None,
        parameters=parameters,
        body_ref=body_ref,
        body_properties=frozenset(_properties(spec, body_ref)) if body_ref else frozenset(),
        phone_paths=tuple(_phone_paths(spec, {"$ref": body_ref}, ())) if body_ref else (),
        response_ref=_json_schema_ref(spec, raw["responses"].get("200")),
    )


def _read_parameter(raw: Mapping[str, Any]) -> Parameter:
    return Parameter(name=raw["name"], location=raw["in"], schema=raw["schema"])


def _resolve(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _json_schema_ref(spec: Mapping[str, Any], holder: Mapping[str, Any] | None) -> str | None:
    """The ``$ref`` of the JSON body schema of a request body or response, if it has one."""
    if holder is None:
        return None
    content = _resolve(spec, holder).get("content", {}).get("application/json")
    if content is None:
        return None
    ref = content["schema"].get("$ref")
    return str(ref) if ref else None


def _properties(spec: Mapping[str, Any], ref: str) -> Iterator[str]:
    schema = _resolve(spec, {"$ref": ref})
    yield from schema.get("properties", {})
    for part in schema.get("allOf", []):
        if "$ref" in part:
            yield from _properties(spec, part["$ref"])
        else:
            yield from part.get("properties", {})


def _phone_paths(spec: Mapping[str, Any], schema: Mapping[str, Any], prefix: Path) -> Iterator[Path]:
    """Paths to every value that the spec types as ``PhoneNumber`` (``"*"`` = each list item)."""
    if schema.get("$ref") == PHONE_NUMBER_REF:
        yield prefix
        return
    schema = _resolve(spec, schema)
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in schema.get(key, []):
            yield from _phone_paths(spec, branch, prefix)
    for name, child in schema.get("properties", {}).items():
        yield from _phone_paths(spec, child, (*prefix, name))
    if "items" in schema:
        yield from _phone_paths(spec, schema["items"], (*prefix, "*"))


# ---- validation ----------------------------------------------------------------------------

_FORMATS: dict[str, Callable[[Any], bool]] = {
    "email": is_email,
    # An int64 annotation adds nothing to `type: integer` for Python's unbounded ints.
    "int64": lambda _value: True,
}


def _compile(ref: str) -> Validator:
    return _compile_inline({"$ref": ref})


def _compile_inline(schema: Mapping[str, Any]) -> Validator:
    # Our schemas only reference components, so the components travel with each compiled schema.
    # The schema sits under allOf so that the root has no check of its own: fastjsonschema writes
    # the schema of every check into the code that raises its error, and for a check on the root
    # that schema is the whole of `components` (a validator of ~100 KiB of code, ~50 ms to compile).
    root = {"allOf": [schema], "components": document()["components"]}
    return fastjsonschema.compile(root, use_default=False, formats=_FORMATS)


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
def _lenient_components() -> dict[str, Any]:
    relaxed: dict[str, Any] = lenient(document()["components"])
    return relaxed


def _compile_lenient(ref: str) -> Validator:
    root = {"allOf": [{"$ref": ref}], "components": _lenient_components()}
    return fastjsonschema.compile(root, use_default=False, formats=_FORMATS)


def validate(validator: Validator, value: Any, *, prefix: str = "") -> None:
    """Run ``validator`` on ``value``, raising :class:`ValidationError` naming the field."""
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
        missing = [name for name in definition.get("required", []) if name not in present]
        where = f" in {field}" if field else ""
        return ValidationError(
            f"missing required field{'s' if len(missing) > 1 else ''}{where}: " + ", ".join(missing)
        )
    if error.rule in ("anyOf", "oneOf"):
        options = [b for b in definition.get(error.rule, []) if _resolve(document(), b).get("type") != "null"]
        branches = [b for b in options if _accepts_type(b, error.value)]
        if len(branches) == 1:
            try:
                _compile_inline(branches[0])(error.value)
            except fastjsonschema.JsonSchemaValueException as inner:
                return _explain(inner, field or "")
        if not branches:
            expected = sorted({_type_name(b) for b in options})
            return ValidationError(f"must be {' or '.join(expected)}, got {_short(error.value)}", field=field)
    message = error.message.removeprefix(error.name or "").strip() or error.message
    if error.rule == "pattern" and "description" in _resolve(document(), definition):
        message += f" ({_resolve(document(), definition)['description'].rstrip('.')})"
    elif error.rule == "enum":
        message = "must be one of " + ", ".join(map(repr, definition.get("enum", [])))
    return ValidationError(f"{message}, got {_short(error.value)}", field=field)


_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


def _accepts_type(branch: Mapping[str, Any], value: Any) -> bool:
    """Whether a union branch is meant for values of this JSON type (so its error is the real one)."""
    declared = _resolve(document(), branch).get("type")
    if declared is None:
        return True
    actual = _JSON_TYPES.get(type(value), "null" if value is None else "")
    allowed = {declared} if isinstance(declared, str) else set(declared)
    return actual in allowed or (actual == "integer" and "number" in allowed)


def _type_name(branch: Mapping[str, Any]) -> str:
    declared = _resolve(document(), branch).get("type", "value")
    return declared if isinstance(declared, str) else " or ".join(declared)


def _field_name(name: str, prefix: str) -> str | None:
    local = name.removeprefix("data").lstrip(".")
    joined = f"{prefix}.{local}" if prefix and local and not local.startswith("[") else prefix + local
    return joined or None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
