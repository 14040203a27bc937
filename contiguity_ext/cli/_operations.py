"""The client's operation table, read the way the command line needs it.

Each product group of a client (``client.text``, ``client.otp.reverse``, ...) is a
:class:`~contiguity_ext._resource.Resource` whose operations are its public
:class:`~contiguity_ext._endpoint.Endpoint` attributes, plus the few plain methods built on them
(``numbers.available``, ``otp.reverse.wait``). For every operation this module finds the
parameters the client method takes and, for each, what the spec says about the field behind it
(type, enum, description, whether it is required), so commands can be generated instead of
written one by one.
"""

from __future__ import annotations

import functools
import inspect
import keyword
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
import httpx

from .. import _spec
from .._endpoint import Endpoint
from .._resource import Resource

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
    # How the method takes its body: "flat" (one keyword per field), "dict" (one positional
    # mapping of wire names, as the original SDK's calls), or "body" (a ``body=`` mapping).
    body_style: str
    body_fields: frozenset[str]

    def call(self, resource: Any, values: Mapping[str, Any]) -> Any:
        """Call the operation on ``resource`` with the given option values (python names)."""
        method = getattr(resource, self.name)
        given = {name: value for name, value in values.items() if value is not None}
        body = {self._wire(name): value for name, value in given.items() if name in self.body_fields}
        rest = {name: value for name, value in given.items() if name not in self.body_fields}
        if self.body_style == "dict":
            return method(body, **rest)
        if self.body_style == "body":
            return method(**rest, body=body) if body else method(**rest)
        return method(**rest, **{name: value for name, value in given.items() if name in self.body_fields})

    def _wire(self, python_name: str) -> str:
        return next(f.wire_name for f in self.fields if f.python_name == python_name)


def operations() -> list[Operation]:
    """Every operation of every product group of the sync client."""
    return list(_operations())


@functools.cache
def _operations() -> tuple[Operation, ...]:
    # A client is the one place that says which group lives under which name; building one costs
    # no network, as nothing is sent and the transport is never opened.
    from .._client import Contiguity

    with Contiguity("operation-table", http_client=httpx.Client(transport=_never_sends())) as client:
        return tuple(
            operation
            for path, resource in _groups(client, ())
            for operation in _group_operations(path, resource)
        )


def _never_sends() -> httpx.MockTransport:
    def refuse(_request: httpx.Request) -> httpx.Response:
        raise RuntimeError("the operation table's client never sends")

    return httpx.MockTransport(refuse)


def _groups(owner: object, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Resource[Any]]]:
    for name, value in vars(owner).items():
        if isinstance(value, Resource) and not name.startswith("_"):
            yield (*path, name), value
            yield from _groups(value, (*path, name))


def _group_operations(path: tuple[str, ...], resource: Resource[Any]) -> Iterator[Operation]:
    cls = type(resource)
    for name in sorted(dir(cls)):
        if name.startswith("_"):
            continue
        member = inspect.getattr_static(cls, name)
        if isinstance(member, Endpoint):
            yield _endpoint_operation(path, resource, name, member)
        elif inspect.isfunction(member):
            yield _method_operation(path, resource, name, member)


def _endpoint_operation(
    path: tuple[str, ...], resource: Resource[Any], name: str, endpoint: Endpoint[Any, Any]
) -> Operation:
    spec_operation: _spec.Operation = endpoint._operation
    signature = _signature(endpoint, getattr(resource, name))
    parameter_names = _parameter_names(endpoint, spec_operation)
    body = _body_schema(spec_operation)
    body_properties: Mapping[str, Any] = body.get("properties", {})
    body_required = set(body.get("required", ()))
    fields: list[Field] = []
    body_fields: set[str] = set()
    body_style = "flat"
    for parameter in signature.parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        carries_body = parameter.name == "body" or (
            parameter.kind is parameter.POSITIONAL_ONLY and body_properties
        )
        if carries_body:
            body_style = "body" if parameter.name == "body" else "dict"
            for wire_name, schema in body_properties.items():
                python_name = _python_name(wire_name)
                body_fields.add(python_name)
                fields.append(
                    _field(
                        python_name,
                        wire_name,
                        schema,
                        "",
                        wire_name in body_required,
                        inspect.Parameter.empty,
                    )
                )
            continue
        wire_name = parameter_names.get(parameter.name, parameter.name.rstrip("_"))
        schema = _parameter_schema(spec_operation, wire_name)
        if schema is None and wire_name in body_properties:
            schema = body_properties[wire_name]
            body_fields.add(parameter.name)
        required = parameter.default is inspect.Parameter.empty
        fields.append(
            _field(
                parameter.name,
                wire_name,
                schema or {},
                _text(parameter.annotation),
                required,
                parameter.default,
            )
        )
    return Operation(
        group=path,
        group_description=_description(type(resource).__doc__),
        name=name,
        description=_description(endpoint.__doc__),
        fields=tuple(fields),
        body_style=body_style,
        body_fields=frozenset(body_fields),
    )


def _method_operation(
    path: tuple[str, ...], resource: Resource[Any], name: str, function: Callable[..., Any]
) -> Operation:
    parameters = list(inspect.signature(function).parameters.values())[1:]  # without self
    fields = tuple(
        _field(p.name, p.name, {}, _text(p.annotation), p.default is p.empty, p.default)
        for p in parameters
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    )
    return Operation(
        path,
        _description(type(resource).__doc__),
        name,
        _description(function.__doc__),
        fields,
        "flat",
        frozenset(),
    )


def _signature(endpoint: Endpoint[Any, Any], bound: Callable[..., Any]) -> inspect.Signature:
    """The parameters the client method takes.

    The bound method's own signature when it publishes one; otherwise that of what the endpoint
    was declared with: the body model or adapter function, or the generated request builder.
    """
    try:
        published = inspect.signature(bound)
    except (TypeError, ValueError):
        published = None
    if published is not None and not any(
        p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in published.parameters.values()
    ):
        return published
    adapt = endpoint._adapt
    if adapt is None:
        return inspect.signature(endpoint._build)
    declared = inspect.getclosurevars(adapt).nonlocals.get("factory", adapt)
    return inspect.signature(declared)


def _parameter_names(endpoint: Endpoint[Any, Any], operation: _spec.Operation) -> dict[str, str]:
    """Python argument name → the spec's wire name, for path and query parameters."""
    return {python: wire for wire, python in endpoint._python_names.items()} if operation.parameters else {}


def _parameter_schema(operation: _spec.Operation, wire_name: str) -> Mapping[str, Any] | None:
    for parameter in operation.parameters:
        if parameter.name == wire_name:
            return parameter.schema
    return None


def _body_schema(operation: _spec.Operation) -> Mapping[str, Any]:
    if operation.body_ref is None:
        return {}
    schema = _resolve(operation.body_ref)
    properties: dict[str, Any] = dict(schema.get("properties", {}))
    required = list(schema.get("required", ()))
    for part in schema.get("allOf", ()):
        resolved = _resolve(part["$ref"]) if "$ref" in part else part
        properties.update(resolved.get("properties", {}))
        required.extend(resolved.get("required", ()))
    return {"properties": properties, "required": required}


def _resolve(ref: str) -> Mapping[str, Any]:
    node: Any = _spec.document()
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node  # type: ignore[no-any-return]


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
        return _plain_schema({**_resolve(schema["$ref"]), **{k: v for k, v in schema.items() if k != "$ref"}})
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
    text = re.split(r"\n\s*Returns :class:", inspect.cleandoc(doc or ""))[0].replace("``", "`")
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())
