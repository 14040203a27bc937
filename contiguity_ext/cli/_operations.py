"""The client's operation table, read the way the command line needs it.

:func:`contiguity_ext._operation_table.operation_table` lists every method of every product
group (``client.text.send``, ``client.otp.reverse.wait``, ...). For each, this module finds the
parameters the method takes and, for each parameter, what the spec says about the field behind
it (type, enum, description, whether it is required), so that commands can be generated rather
than written one by one.
"""

from __future__ import annotations

import functools
import inspect
import keyword
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import httpx

from .. import _spec
from .._endpoint import Endpoint
from .._operation_table import ClientMethod, operation_table
from .._options import OPTION_NAMES

_PHONE_NUMBER_NAME = _spec.PHONE_NUMBER_REF.rpartition("/")[2]


@attrs.frozen
class Field:
    """One option of a command: a parameter of the client method, or a field of its body."""

    python_name: str
    wire_name: str
    # The spec's schema for the field, ``$ref``s resolved and ``null`` removed; {} when the
    # field is not in the spec (e.g. ``event`` of a reply, ``interval`` of a wait).
    schema: Mapping[str, Any]
    annotation: str
    required: bool
    default: Any
    description: str
    is_phone: bool

    @property
    def option(self) -> str:
        return "--" + self.wire_name.replace("_", "-")


@attrs.frozen
class Operation:
    """One operation of a product group, as the command line calls it."""

    group: tuple[str, ...]
    group_description: str
    name: str
    description: str
    fields: tuple[Field, ...]
    # How the method takes the body fields it does not take one by one: as one positional
    # mapping of wire names ("dict", the original SDK's calls), as ``body=`` ("body"), or not
    # at all (None).
    carrier: str | None = None
    carried: frozenset[str] = frozenset()
    # Whether the method needs its body mapping even when no option fills it.
    carrier_required: bool = False

    def call(self, resource: Any, values: Mapping[str, Any]) -> Any:
        """Call the operation on ``resource`` with the given option values (python names)."""
        method = getattr(resource, self.name)
        given = {name: value for name, value in values.items() if value is not None}
        wire_names = {f.python_name: f.wire_name for f in self.fields}
        body = {wire_names[name]: value for name, value in given.items() if name in self.carried}
        rest = {name: value for name, value in given.items() if name not in self.carried}
        if self.carrier == "dict":
            return method(body, **rest)
        if self.carrier == "body" and (body or self.carrier_required):
            return method(**rest, body=body)
        return method(**rest)


def operations() -> list[Operation]:
    """Every operation of every product group of the sync client."""
    return list(_operations())


@functools.cache
def _operations() -> tuple[Operation, ...]:
    from .._client import Contiguity

    # The client only lends its bound methods' signatures: it sends nothing, so it gets a
    # transport without the TLS set-up (a third of the command line's start-up otherwise).
    offline = httpx.Client(transport=httpx.MockTransport(_unreachable))
    with Contiguity("operation-table", http_client=offline) as client:
        return tuple(_read(method, method.bind(client)) for method in operation_table())


def _unreachable(request: httpx.Request) -> httpx.Response:
    raise RuntimeError(f"the command line's operation table sends nothing ({request.method} {request.url})")


def _read(method: ClientMethod, bound: Callable[..., Any]) -> Operation:
    member = inspect.getattr_static(method.resource, method.name)
    group_description = _description(method.resource.__doc__)
    if isinstance(member, Endpoint):
        return _endpoint_operation(method, group_description, member, bound)
    parameters = [
        p
        for p in inspect.signature(bound).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    fields = tuple(
        _field(p.name, p.name, {}, _text(p.annotation), p.default is p.empty, p.default) for p in parameters
    )
    return Operation(method.group, group_description, method.name, _description(member.__doc__), fields)


def _endpoint_operation(
    method: ClientMethod, group_description: str, endpoint: Endpoint[Any, Any], bound: Callable[..., Any]
) -> Operation:
    spec_operation = endpoint._operation
    parameter_names = {python: wire for wire, python in endpoint._python_names.items()}
    body = _body_schema(spec_operation)
    body_properties: Mapping[str, Any] = body["properties"]
    fields: list[Field] = []
    carrier: tuple[str, inspect.Parameter] | None = None
    for parameter in inspect.signature(bound).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.name in OPTION_NAMES and parameter.kind is parameter.KEYWORD_ONLY:
            continue  # per-call options: the command line has its global options instead
        # ``body`` is the request model, unless the body has a field of that name (email's).
        is_model = parameter.name == "body" and "body" not in body_properties
        if is_model or (parameter.kind is parameter.POSITIONAL_ONLY and body_properties):
            carrier = ("body" if parameter.name == "body" else "dict", parameter)
            continue
        wire_name = parameter_names.get(parameter.name, parameter.name.rstrip("_"))
        schema = _parameter_schema(spec_operation, wire_name)
        if schema is None:
            schema = body_properties.get(wire_name, {})
        required = parameter.default is inspect.Parameter.empty
        fields.append(
            _field(
                parameter.name, wire_name, schema, _text(parameter.annotation), required, parameter.default
            )
        )
    # Body fields the method does not take one by one travel in its body mapping.
    carried: set[str] = set()
    if carrier is not None:
        taken = {f.wire_name for f in fields}
        for wire_name, schema in body_properties.items():
            if wire_name not in taken:
                python_name = _python_name(wire_name)
                carried.add(python_name)
                fields.append(_field(python_name, wire_name, schema, "", wire_name in body["required"], None))
    return Operation(
        method.group,
        group_description,
        method.name,
        _description(endpoint.__doc__),
        tuple(fields),
        carrier[0] if carried and carrier is not None else None,
        frozenset(carried),
        carrier is not None and carrier[1].default is inspect.Parameter.empty,
    )


def _parameter_schema(operation: _spec.Operation, wire_name: str) -> Mapping[str, Any] | None:
    """A path or query parameter's schema, with the parameter's own description."""
    for parameter in operation.parameters:
        if parameter.name == wire_name:
            description = _parameter_descriptions(operation.path, operation.method).get(wire_name)
            return {**parameter.schema, "description": description} if description else parameter.schema
    return None


@functools.cache
def _parameter_descriptions(path: str, method: str) -> dict[str, str]:
    item = _spec.document()["paths"][path]
    declared = [*item.get("parameters", ()), *item[method.lower()].get("parameters", ())]
    resolved = [_spec.resolve(p) for p in declared]
    return {p["name"]: p["description"] for p in resolved if "description" in p}


def _body_schema(operation: _spec.Operation) -> Mapping[str, Any]:
    """The body's properties and required names, ``allOf`` parts merged."""
    if operation.body_ref is None:
        return {"properties": {}, "required": []}
    schema = _spec.resolve({"$ref": operation.body_ref})
    properties: dict[str, Any] = dict(schema.get("properties", {}))
    required = list(schema.get("required", ()))
    for part in schema.get("allOf", ()):
        resolved = _spec.resolve(part)
        properties.update(resolved.get("properties", {}))
        required.extend(resolved.get("required", ()))
    return {"properties": properties, "required": required}


def _field(
    python_name: str,
    wire_name: str,
    raw_schema: Mapping[str, Any],
    annotation: str,
    required: bool,
    default: Any,
) -> Field:
    is_phone = raw_schema.get("$ref") == _spec.PHONE_NUMBER_REF
    schema = _plain_schema(raw_schema)
    description = raw_schema.get("description") or schema.get("description") or ""
    return Field(
        python_name=python_name,
        wire_name=wire_name,
        schema=schema,
        annotation=annotation,
        required=required,
        default=default,
        description=" ".join(str(description).split()),
        is_phone=is_phone or _PHONE_NUMBER_NAME in annotation,
    )


def _plain_schema(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """``schema`` with ``$ref`` resolved and ``null`` dropped from ``type``/``anyOf``/``oneOf``."""
    if "$ref" in schema:
        return _plain_schema({**_spec.resolve(schema), **{k: v for k, v in schema.items() if k != "$ref"}})
    plain = dict(schema)
    kind = plain.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        plain["type"] = kinds[0] if len(kinds) == 1 else kinds
    for key in ("anyOf", "oneOf"):
        if key in plain:
            branches = [_plain_schema(b) for b in plain[key] if b.get("type") != "null"]
            if len(branches) == 1:
                del plain[key]
                plain.update(branches[0])
            else:
                plain[key] = branches
    return plain


def _python_name(wire_name: str) -> str:
    """The generator's attribute name for a wire name (``from`` → ``from_``)."""
    return wire_name + "_" if keyword.iskeyword(wire_name) else wire_name


def _text(annotation: Any) -> str:
    if annotation is inspect.Parameter.empty:
        return ""
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def _description(doc: str | None) -> str:
    """The docstring's paragraphs, each on one line, without the "Returns ..." note."""
    # Up to the sections help() shows but a command's options already say.
    text = re.split(r"\n\s*(?:Returns :class:|Args:|Returns:|Raises:)", inspect.cleandoc(doc or ""))[0]
    text = text.replace("``", "`")
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())
