"""Every place the spec types as a phone number reaches the wire in E.164, whatever national form
the caller wrote it in.

The locations come from the spec (through the shared OpenAPI module): body fields at any depth,
items of arrays, path and query parameters. The methods come from the client's operation table,
so a new operation, a new phone field or a new nesting level is covered without touching this file.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib
import inspect
import json
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

import attrs
import httpx
import phonenumbers
import pytest
from contiguity_client import models
from contiguity_client.types import Unset
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat

from contiguity_ext import _spec
from contiguity_ext._operation_table import ClientMethod, operation_table
from contiguity_ext.errors import APIResponseValidationError, ValidationError
from tests.support.operations import example_arguments, python_parameter_name
from tests.support.recording import Recorder, call_with

# Replies take the numbers from the incoming event they answer (see test_replies.py), not as
# arguments of their own.
TAKES_AN_EVENT = frozenset({"text.reply", "imessage.reply", "whatsapp.reply"})


def phone_locations(operation: _spec.Operation) -> list[tuple[str, ...]]:
    """``("body", *path)`` for each phone field of the body, ``(location, name)`` for parameters."""
    body = [("body", *path) for path in operation.phone_paths]
    return body + [(p.location, p.name) for p in operation.parameters if p.is_phone]


METHODS: list[ClientMethod] = [
    method
    for method in operation_table()
    if method.operation is not None
    and phone_locations(method.operation)
    and method.dotted not in TAKES_AN_EVENT
]
LOCATIONS = {method.dotted: phone_locations(method.operation) for method in METHODS if method.operation}


def test_the_walk_reaches_every_kind_of_location() -> None:
    """Guards the walk itself: a spec change it could not follow would silently shrink it."""
    every = [location for locations in LOCATIONS.values() for location in locations]
    assert ("body", "fallback", "from") in every  # nested
    assert ("body", "failover", "numbers", "*") in every  # array items
    assert ("path", "number") in every
    with_phones = {
        m.operation.operation_id for m in operation_table() if m.operation and phone_locations(m.operation)
    }
    assert with_phones == {m.operation.operation_id for m in METHODS if m.operation}


# ---- national numbers -----------------------------------------------------------------------

REGIONS = ["US", "CA", "GB", "DE", "FR", "JP", "AU", "BR", "IN"]
_TYPES = [value for name, value in vars(phonenumbers.PhoneNumberType).items() if name.isupper()]
EXAMPLES = {
    region: [
        number
        for kind in _TYPES
        if (number := phonenumbers.example_number_for_type(region, kind)) is not None
        and phonenumbers.region_code_for_number(number) == region
    ]
    for region in REGIONS
}
NANP_FORMS = ["({a}) {e}-{l}", "{a}.{e}.{l}", "{a}-{e}-{l}", "1 {a} {e} {l}", "{a}{e}{l}", "+1 ({a}) {e}-{l}"]


@st.composite
def national_number(draw: st.DrawFn, region: str) -> tuple[str, str]:
    """A number as a person in ``region`` writes it, and its E.164 form."""
    if region in ("US", "CA"):
        area = draw(st.from_regex(r"\A[2-9][0-9]{2}\Z"))
        exchange = draw(st.from_regex(r"\A[0-9]{3}\Z"))
        line = draw(st.from_regex(r"\A[0-9]{4}\Z"))
        written = draw(st.sampled_from(NANP_FORMS)).format(a=area, e=exchange, l=line)
        return written, f"+1{area}{exchange}{line}"
    number = draw(st.sampled_from(EXAMPLES[region]))
    return (
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        phonenumbers.format_number(number, PhoneNumberFormat.E164),
    )


# ---- putting numbers in and reading them off the wire ---------------------------------------


def _holders(value: Any, path: tuple[str, ...]) -> Iterator[tuple[Any, str | int]]:
    """(container, key) of every value ``path`` reaches in ``value`` (``"*"``: each list item)."""
    head, *rest = path
    keys: list[str | int] = list(range(len(value))) if head == "*" else [head]
    assert keys, f"the example has an empty list where {path} should be"
    for key in keys:
        if not rest:
            yield value, key
        else:
            assert key in value if isinstance(value, dict) else True, f"the example lacks {path}"
            yield from _holders(value[key], tuple(rest))


def place(arguments: dict[str, Any], location: tuple[str, ...], written: str, python_names: Any) -> None:
    kind, *path = location
    if kind == "body":
        for holder, key in _holders(arguments["body"], tuple(path)):
            holder[key] = written
    else:
        arguments[python_parameter_name(path[0], python_names)] = written


def on_the_wire(request: httpx.Request, operation: _spec.Operation, location: tuple[str, ...]) -> list[str]:
    kind, *path = location
    if kind == "body":
        body = json.loads(request.content)
        return [holder[key] for holder, key in _holders(body, tuple(path))]
    if kind == "query":
        return request.url.params.get_list(path[0])
    template = re.escape(operation.path).replace(r"\{", "{").replace(r"\}", "}")
    pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    match = re.search(pattern + "$", request.url.raw_path.decode("ascii").split("?")[0])
    assert match is not None, f"{request.url} does not match {operation.path}"
    return [unquote(match[path[0]])]


def accepted_names(operation: _spec.Operation) -> Any:
    return inspect.signature(importlib.import_module(operation.python_module)._get_kwargs).parameters


def _body_model(operation: _spec.Operation) -> Any:
    assert operation.body_ref is not None
    return getattr(models, operation.body_ref.rsplit("/", 1)[-1])


def _as_fields(operation: _spec.Operation, wire: dict[str, Any]) -> dict[str, Any]:
    """The body as the keyword arguments of its request model (``from`` → ``from_``, nested models)."""
    model = _body_model(operation).from_dict(wire)
    return {
        field.name: getattr(model, field.name)
        for field in attrs.fields(type(model))
        if field.name != "additional_properties" and not isinstance(getattr(model, field.name), Unset)
    }


# How a method takes its body: as ``body=``, as its request model's fields, or as one mapping.
Convention = Callable[[_spec.Operation, dict[str, Any]], tuple[tuple[Any, ...], dict[str, Any]]]
CONVENTIONS: dict[str, Convention] = {
    "body": lambda operation, arguments: ((), arguments),
    "fields": lambda operation, arguments: (
        (),
        {k: v for k, v in arguments.items() if k != "body"} | _as_fields(operation, arguments["body"]),
    ),
    "mapping": lambda operation, arguments: (
        (arguments["body"],),
        {k: v for k, v in arguments.items() if k != "body"},
    ),
}


@functools.cache
def convention(method: ClientMethod) -> str:
    """The convention under which ``method`` sends its spec example (found by sending it)."""
    operation = method.operation
    assert operation is not None
    if operation.body_ref is None:
        return "body"
    working = []
    for name, convert in CONVENTIONS.items():
        recorder = Recorder()
        args, kwargs = convert(operation, copy.deepcopy(example_arguments(method)))
        with (
            contextlib.suppress(ValidationError, APIResponseValidationError, TypeError),
            recorder.client() as client,
        ):
            method.bind(client)(*args, **kwargs)
        if recorder.requests:
            working.append(name)
    # The fields, flat, are every method's own form; ``body=`` is kept only where it was the form.
    assert working in (["body"], ["mapping"], ["fields"], ["body", "fields"]), f"{method.dotted}: {working}"
    return working[-1]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("method", METHODS, ids=[method.dotted for method in METHODS])
@settings(max_examples=15)
@given(data=st.data())
def test_national_input_reaches_the_wire_as_e164(
    method: ClientMethod, is_async: bool, data: st.DataObject
) -> None:
    operation = method.operation
    assert operation is not None
    region = data.draw(st.sampled_from(REGIONS), label="region")
    arguments = copy.deepcopy(example_arguments(method))
    expected: dict[tuple[str, ...], str] = {}
    for location in LOCATIONS[method.dotted]:
        written, expected[location] = data.draw(national_number(region), label="/".join(location))
        place(arguments, location, written, accepted_names(operation))

    recorder = Recorder()
    args, kwargs = CONVENTIONS[convention(method)](operation, arguments)
    # Only the request matters here; the recorder's answer need not be what the method reads.
    with contextlib.suppress(APIResponseValidationError):
        call_with(
            recorder, lambda client: method.bind(client)(*args, **kwargs), is_async=is_async, region=region
        )

    [request] = recorder.requests
    for location, e164 in expected.items():
        sent = on_the_wire(request, operation, location)
        assert sent, location
        assert all(value == e164 for value in sent), (location, sent, e164)
