"""Commands generated from the client's operation table: one per operation of every group.

``contiguity <group> <operation> --field value`` calls ``client.<group>.<operation>(...)``: the
options are the method's parameters (a body given as one mapping is spread into one option per
field), typed and described from the spec; answers print as tables, or as JSON with ``--json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import click
from contiguity_client import models
from rich.console import Group, RenderableType
from rich.text import Text

from .. import webhooks
from ..errors import WebhookVerificationError
from ._app import client, emit, table
from ._operations import Field, Operation, operations

_MODEL_NAME = re.compile(r"[A-Z]\w*")


def derived_groups() -> list[click.Group]:
    """A group per product group of the client, holding a command per operation."""
    groups: dict[tuple[str, ...], click.Group] = {}
    for operation in operations():
        parent: click.Group | None = None
        for depth in range(1, len(operation.group) + 1):
            path = operation.group[:depth]
            if path not in groups:
                help_text = operation.group_description if depth == len(operation.group) else ""
                groups[path] = click.Group(_command_name(path[-1]), help=help_text or _group_help(path))
                if parent is not None:
                    parent.add_command(groups[path])
            parent = groups[path]
        assert parent is not None
        parent.add_command(_command(operation))
    return [group for path, group in groups.items() if len(path) == 1]


def _command_name(python_name: str) -> str:
    return python_name.replace("_", "-")


def _group_help(path: tuple[str, ...]) -> str:
    return f"Every operation of client.{'.'.join(path)}."


def _command(operation: Operation) -> click.Command:
    def run(**values: Any) -> None:
        ctx = click.get_current_context()
        resource: Any = client(ctx)
        for part in operation.group:
            resource = getattr(resource, part)
        arguments = {
            field.python_name: _convert(field, values[field.python_name]) for field in operation.fields
        }
        result = operation.call(resource, arguments)
        emit(ctx, _as_json(result), _human(result))

    description = operation.description or f"client.{'.'.join(operation.group)}.{operation.name}"
    return click.Command(
        _command_name(operation.name),
        callback=run,
        params=[_option(field) for field in operation.fields],
        help=description,
        short_help=description.split("\n")[0].rstrip("."),
    )


# ---- options -------------------------------------------------------------------------------


def _kind(field: Field) -> str:
    """How the option reads its value: text, int, float, flag, many, one-or-many, json, event."""
    schema, annotation = field.schema, field.annotation
    if "Event" in annotation:
        return "event"
    kind = schema.get("type")
    if kind == "boolean" or annotation.split(" |")[0] == "bool":
        return "flag"
    if kind == "integer" or annotation.split(" |")[0] == "int":
        return "int"
    if kind == "number" or annotation.split(" |")[0] == "float":
        return "float"
    if kind == "array" or annotation.startswith("list["):
        return "many"
    branches = schema.get("oneOf") or schema.get("anyOf") or ()
    if {b.get("type") for b in branches} == {"string", "array"}:
        return "one-or-many"
    if kind == "object" or branches or _models(annotation):
        return "json"
    return "text"


def _option(field: Field) -> click.Option:
    kind = _kind(field)
    name = field.option
    help_text = field.description
    default = field.schema.get("default", field.default)
    if _shown(default):
        help_text += f" [default: {json.dumps(default) if isinstance(default, bool) else default}]"
    if kind == "flag":
        # No default: an absent flag is not sent, so the API's (or the method's) default applies.
        return click.Option(
            [f"{name}/--no-{name[2:]}", field.python_name], default=None, help=help_text.strip()
        )
    choices = field.schema.get("enum") or (
        field.schema.get("items", {}).get("enum") if kind == "many" else None
    )
    value_type: Any = {"int": int, "float": float}.get(kind, str)
    if choices:
        value_type = click.Choice([str(choice) for choice in choices])
    metavar = {"json": "JSON", "event": "FILE"}.get(kind)
    if field.is_phone:
        metavar = "NUMBER"
    if kind == "event":
        help_text = (help_text + " The webhook event's raw body, from this file ('-' for stdin).").strip()
    elif kind == "json":
        help_text = (help_text + " (a JSON object)").strip()
    return click.Option(
        [name, field.python_name],
        type=value_type,
        required=field.required,
        multiple=kind in ("many", "one-or-many"),
        metavar=metavar,
        help=help_text.strip() or None,
    )


def _shown(default: Any) -> bool:
    return isinstance(default, str | int | float | bool)


def _convert(field: Field, value: Any) -> Any:
    """The value to call the method with, from what the option read."""
    kind = _kind(field)
    if value is None or value == ():
        return None
    if kind == "many":
        return list(value)
    if kind == "one-or-many":
        return value[0] if len(value) == 1 else list(value)
    if kind == "event":
        try:
            with click.open_file(value, "rb") as source:
                raw = source.read()
        except OSError as error:
            raise click.BadParameter(
                f"cannot read {value}: {error.strerror}", param_hint=field.option
            ) from None
        try:
            return webhooks.parse_event(raw)
        except WebhookVerificationError as error:
            raise click.BadParameter(str(error), param_hint=field.option) from None
    if kind == "json":
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as error:
            raise click.BadParameter(f"not JSON: {error}", param_hint=field.option) from None
        for model in _models(field.annotation):
            if isinstance(parsed, dict):
                return model.from_dict(parsed)
        return parsed
    return value


def _models(annotation: str) -> list[Any]:
    """The generated models an annotation names (``ImessageFallback | None | Unset`` → one)."""
    found = (getattr(models, name, None) for name in _MODEL_NAME.findall(annotation))
    return [model for model in found if model is not None and hasattr(model, "from_dict")]


# ---- output --------------------------------------------------------------------------------


def _as_json(result: Any) -> dict[str, Any]:
    if hasattr(result, "to_dict"):
        payload: dict[str, Any] = result.to_dict()
        return payload
    return {"result": result}


def _human(result: Any) -> RenderableType:
    if not hasattr(result, "to_dict"):
        return Text(json.dumps(result) if isinstance(result, bool) or result is None else str(result))
    wire = result.to_dict()
    data = wire.get("data", wire) if isinstance(wire.get("data"), dict) else wire
    lists = {key: value for key, value in data.items() if _is_rows(value)}
    scalars = [(key, _cell(value)) for key, value in data.items() if key not in lists]
    parts: list[RenderableType] = []
    if scalars:
        parts.append(table("", ("Field", "Value"), scalars))
    for key, rows in lists.items():
        columns = _columns(rows)
        rendered_rows = [tuple(_cell(row.get(column)) for column in columns) for row in rows]
        parts.append(table(key.replace("_", " ").capitalize(), columns, rendered_rows))
    return parts[0] if len(parts) == 1 else Group(*parts)


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _columns(rows: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """The keys of ``rows`` whose values fit a cell; nested objects are left to ``--json``."""
    seen: dict[str, None] = {}
    nested: set[str] = set()
    for row in rows:
        seen.update(dict.fromkeys(row))
        nested.update(key for key, value in row.items() if not _fits_a_cell(value))
    return tuple(key for key in seen if key not in nested)


def _fits_a_cell(value: Any) -> bool:
    if isinstance(value, list):
        return all(not isinstance(item, dict | list) for item in value)
    return not isinstance(value, dict)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and _fits_a_cell(value):
        return ", ".join(_cell(item) for item in value)
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
