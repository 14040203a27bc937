"""One generic wrapper that turns a generated operation into a client method.

A product group declares each operation in one line::

    class Text(Resource[TransportT, ModeT]):
        send = endpoint(text.send_text_arguments, MessageSentResponse)

``send_text_arguments`` is generated next to the operation (see the generator templates): its
signature is the method's (path parameters, then keyword-only query parameters, body fields and
the per-call options of :class:`~contiguity_ext.types.RequestOptions`), its docstring the spec's,
and it returns the keyword arguments of the operation module's ``_get_kwargs``. The group gets,
for both the sync and the async client, a method with that signature returning the response model.
Every call then goes through the same steps:

1. arguments → wire values (``to_dict``; ``None`` values dropped, so no field is sent as null);
2. every field the spec types as ``PhoneNumber`` is normalised to E.164;
3. parameters and body are validated against the spec, so bad input fails before sending;
4. the generated builder makes method, path and query; the transport sends with the retry policy;
5. the 2xx body is checked for what the generated model needs (all of the spec with
   ``strict_response_validation``) and parsed into it; additions of a newer API read fine.

Why the private ``_get_kwargs``: it is the one generated function that builds a request without
sending it, which lets the SDK own the HTTP client, retries and error handling while keeping
the generated code untouched.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeGuard, TypeVar, overload

import fastjsonschema
from contiguity_client.types import UNSET
from typing_extensions import ParamSpec, Self

from . import _spec
from ._checks import check_path_segment
from ._options import OPTION_NAMES, pop_options
from ._quote import quote
from ._response import APIResponse
from ._transport import PreparedRequest, redact, request_id_of
from .errors import APIResponseValidationError, ValidationError
from .phone import to_e164

if TYPE_CHECKING:
    import httpx

    from ._resource import ClientContext, Parsed, Raw, Resource
    from ._transport import AsyncTransport, SyncTransport

P = ParamSpec("P")
Q = ParamSpec("Q")
R = TypeVar("R")
S = TypeVar("S")
ModelT = TypeVar("ModelT", bound="_Model")

DEFAULT_BASE_URL = "https://api.contiguity.com"
_ARGUMENTS_SUFFIX = "_arguments"


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


class SendableModel(Protocol):
    """A generated request model (or anything else) that gives its wire form."""

    def to_dict(self) -> dict[str, Any]: ...


def is_sendable(value: object) -> TypeGuard[SendableModel]:
    """Whether ``value`` gives its wire form (``to_dict``); cheaper than a runtime Protocol check."""
    return getattr(value, "to_dict", None) is not None


def wire_form(model: SendableModel, field: str, what: str | None = None) -> dict[str, Any]:
    """``model.to_dict()``; a model holding a value of the wrong type is refused as ``field``."""
    try:
        return model.to_dict()
    except (AttributeError, TypeError) as error:
        raise ValidationError(f"invalid {what or field}: {_plain(error)}", field=field) from None


class _WireBody:
    """Hands an already-validated wire dict to a generated builder that expects a model."""

    __slots__ = ("_wire",)

    def __init__(self, wire: dict[str, Any]) -> None:
        self._wire = wire

    def to_dict(self) -> dict[str, Any]:
        return self._wire


class Endpoint(Generic[P, R]):
    """A descriptor: ``resource.method(...)`` calls the operation with the shared behaviour."""

    def __init__(
        self,
        operation: Callable[..., Mapping[str, Any]],
        response: type[_Model],
        *,
        arguments: Callable[..., Mapping[str, Any]] | None = None,
        unwrap: Callable[[Any], Any] | None = None,
    ) -> None:
        self._operation_arguments = operation
        self._response = response
        self._adapter = arguments
        # What callers call: the operation's own signature, or a hand-written adapter's.
        self._arguments_of = arguments or operation
        # A hand-written adapter declares the options as **_options, which would swallow any
        # misspelt keyword: these are the keywords it really takes.
        self._adapter_keywords = None if arguments is None else _named_keywords(arguments)
        self._unwrap = unwrap
        self._name = operation.__name__.removesuffix(_ARGUMENTS_SUFFIX)
        operation_module = importlib.import_module(f"{operation.__module__}.{self._name}")
        self._build: Callable[..., dict[str, Any]] = operation_module._get_kwargs
        # A mapped result (``otp.send`` → the id) is described by the group, not by the model.
        self.__doc__ = _describe(operation, None if unwrap else response, with_arguments=arguments is None)

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = name

    def map(self, unwrap: Callable[[R], S]) -> Endpoint[P, S]:
        """The same operation, returning ``unwrap(result)`` (e.g. just ``data.otp_id``)."""
        previous = self._unwrap
        combined = unwrap if previous is None else (lambda model: unwrap(previous(model)))
        return Endpoint(self._operation_arguments, self._response, arguments=self._adapter, unwrap=combined)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: Resource[SyncTransport, Parsed], owner: type) -> Callable[P, R]: ...
    @overload
    def __get__(self, obj: Resource[AsyncTransport, Parsed], owner: type) -> Callable[P, Awaitable[R]]: ...
    @overload
    def __get__(self, obj: Resource[SyncTransport, Raw], owner: type) -> Callable[P, APIResponse[R]]: ...
    @overload
    def __get__(
        self, obj: Resource[AsyncTransport, Raw], owner: type
    ) -> Callable[P, Awaitable[APIResponse[R]]]: ...
    def __get__(self, obj: Resource[Any, Any] | None, owner: type) -> Any:
        if obj is None:
            return self
        method = self._bind(obj)
        # Cache on the instance: the descriptor is non-data, so later lookups skip __get__.
        obj.__dict__[self._attribute] = method
        return method

    # ---- per call ------------------------------------------------------------------------

    def _bind(self, resource: Resource[Any, Any]) -> Callable[..., Any]:
        context = resource._context
        transport = context.transport
        prepare = self._prepare
        parse = self._parse
        parse_in_context = functools.partial(parse, context=context)

        if context.is_async:

            async def call_async(*args: Any, **kwargs: Any) -> Any:
                request = prepare(context, args, kwargs)
                return parse(await transport.send(request), context)

            async def call_async_raw(*args: Any, **kwargs: Any) -> Any:
                request = prepare(context, args, kwargs)
                started = time.perf_counter()
                response = await transport.send(request)
                return APIResponse(response, parse_in_context, time.perf_counter() - started)

            call: Callable[..., Any] = call_async_raw if context.raw else call_async
        else:

            def call_sync(*args: Any, **kwargs: Any) -> Any:
                return parse(transport.send(prepare(context, args, kwargs)), context)

            def call_sync_raw(*args: Any, **kwargs: Any) -> Any:
                request = prepare(context, args, kwargs)
                started = time.perf_counter()
                response = transport.send(request)
                return APIResponse(response, parse_in_context, time.perf_counter() - started)

            call = call_sync_raw if context.raw else call_sync
        call.__name__ = call.__qualname__ = self._attribute
        call.__doc__ = self.__doc__
        signature = self._public_signature
        if context.raw:
            returns = signature.return_annotation
            raw_returns = APIResponse if returns is inspect.Signature.empty else APIResponse[returns]  # type: ignore[valid-type]
            signature = signature.replace(return_annotation=raw_returns)
        call.__signature__ = signature  # type: ignore[attr-defined]
        return call

    def _prepare(
        self, context: ClientContext[Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> PreparedRequest:
        operation = self._operation
        # The common call gives no option: one set test instead of five dict pops.
        options = None if not kwargs or OPTION_NAMES.isdisjoint(kwargs) else pop_options(kwargs)
        arguments = self._arguments(args, kwargs)
        if operation.parameters:
            self._check_parameters(operation, arguments, context.region)

        body = arguments.get("body")
        if (body is None or body is UNSET) and operation.body_ref is not None:
            # Every field given was optional and none was: still send the body. The vendor's
            # documents require one on some such operations, and its own SDK always sends {}.
            body = {}
        extra_body = options.body if options is not None else None
        wire: dict[str, Any] | None = None
        if body is not None and body is not UNSET:
            wire = _to_wire(body)
        if extra_body:
            if not operation.body_properties:
                raise ValidationError(f"{self._attribute}() sends no body", field="extra_body")
            wire = {**(wire or {}), **_drop_nulls(extra_body)}
        if wire is not None:
            for path in operation.phone_paths:
                _visit(wire, path, (), functools.partial(_normalise_leaf, region=context.region))
            for path in operation.integer_paths:
                _visit(wire, path, (), _check_integer_leaf)
            unknown_keys = wire.keys() - operation.body_properties
            if extra_body:
                # Fields newer than this SDK are the point of extra_body.
                unknown_keys -= extra_body.keys()
            unknown = sorted(unknown_keys)
            if unknown:
                raise ValidationError(
                    "unknown field(s): " + ", ".join(map(str, unknown)), field=str(unknown[0])
                )
            if operation.body_validator is not None:
                _spec.validate(operation.body_validator, wire)
            for wrapper in operation.deprecated_wrappers:
                _unwrap_deprecated(wire, wrapper)
            arguments["body"] = _WireBody(wire)

        built = self._build(**arguments)
        base_url = context.base_url or operation.server or DEFAULT_BASE_URL
        params = built.get("params") or None
        if options is not None and options.query:
            params = {**(params or {}), **options.query}
        return PreparedRequest(
            operation.method,
            base_url + built["url"],
            built["url"],
            operation.retries_when_ambiguous,
            params,
            wire,
            operation.operation_id,
            options,
        )

    def _check_parameters(self, operation: _spec.Operation, arguments: dict[str, Any], region: str) -> None:
        """Normalise phone-number parameters in ``arguments`` and validate every parameter."""
        query_and_path: dict[str, Any] = {}
        for parameter in operation.parameters:
            python_name = self._python_names[parameter.name]
            value = arguments.get(python_name, UNSET)
            if value is UNSET:
                continue
            if parameter.is_phone:
                value = arguments[python_name] = to_e164(value, region=region, field=parameter.name)
            elif parameter.location == "path":
                check_path_segment(value, field=parameter.name)
            if parameter.is_integer:
                _check_integer(value, parameter.name)
            query_and_path[parameter.name] = value
        _spec.validate(operation.parameter_validator, query_and_path)

    def _arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        """The builder's keyword arguments; a call Python would refuse raises TypeError."""
        arguments_of = self._arguments_of
        if self._adapter_keywords is not None and not self._adapter_keywords.issuperset(kwargs):
            unknown = sorted(kwargs.keys() - self._adapter_keywords)[0]
            raise TypeError(f"{self._attribute}() got an unexpected keyword argument {unknown!r}")
        try:
            arguments = arguments_of(*args, **kwargs)
        except (TypeError, KeyError) as error:
            if isinstance(error, TypeError) and not self._binds(args, kwargs):
                raise TypeError(f"{self._attribute}() {_plain(error)}") from None
            raise ValidationError(_plain(error), field=_argument_named(error)) from None
        # The generated functions return a fresh dict; an adapter may return any mapping.
        return arguments if type(arguments) is dict else dict(arguments)

    def _binds(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        try:
            inspect.signature(self._arguments_of).bind(*args, **kwargs)
        except TypeError:
            return False
        return True

    def _parse(self, response: httpx.Response, context: ClientContext[Any]) -> Any:
        operation = self._operation
        strict = context.strict_response_validation
        validator = operation.response_validator if strict else operation.lenient_response_validator
        try:
            payload = response.json()
            if validator is not None:
                validator(payload)
            model = self._response.from_dict(payload)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
            raise _shape_error(response, f"the answer is not JSON ({error})") from None
        except fastjsonschema.JsonSchemaValueException as error:
            reason = _spec.explain(error)
            raise _shape_error(response, f"the answer {_NOT_READABLE[strict]}: {reason}") from None
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise _shape_error(response, f"the answer could not be parsed: {error!r}") from None
        if isinstance(payload, dict):
            _spec.notice_api_version(payload.get("api_version"), context.newer_api_noticed)
        return self._unwrap(model) if self._unwrap is not None else model

    # ---- derived once --------------------------------------------------------------------

    @property
    def operation(self) -> _spec.Operation:
        """The operation of the spec this method calls."""
        return self._operation

    @functools.cached_property
    def _operation(self) -> _spec.Operation:
        return _spec.operation(self._name)

    @functools.cached_property
    def _python_names(self) -> dict[str, str]:
        """Wire parameter name → the generated builder's argument name (``from`` → ``from_``)."""
        accepted = set(inspect.signature(self._build).parameters)
        return {
            parameter.name: parameter.name if parameter.name in accepted else parameter.name + "_"
            for parameter in self._operation.parameters
        }

    @functools.cached_property
    def _public_signature(self) -> inspect.Signature:
        """What ``inspect.signature`` and ``help()`` show for the method."""
        try:
            signature = inspect.signature(self._arguments_of, eval_str=True)
        except NameError:
            signature = inspect.signature(self._arguments_of)
        returns = self._response if self._unwrap is None else inspect.Signature.empty
        return signature.replace(return_annotation=returns)


def _named_keywords(function: Callable[..., Any]) -> frozenset[str]:
    parameters = inspect.signature(function).parameters.values()
    return frozenset(p.name for p in parameters if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY))


@overload
def endpoint(operation: Callable[P, Mapping[str, Any]], response: type[ModelT]) -> Endpoint[P, ModelT]: ...
@overload
def endpoint(
    operation: Callable[..., Mapping[str, Any]], response: type[ModelT], *, body: Callable[Q, Any]
) -> Endpoint[Q, ModelT]: ...
@overload
def endpoint(
    operation: Callable[..., Mapping[str, Any]],
    response: type[ModelT],
    *,
    arguments: Callable[Q, Mapping[str, Any]],
) -> Endpoint[Q, ModelT]: ...
def endpoint(
    operation: Callable[..., Mapping[str, Any]],
    response: type[ModelT],
    *,
    body: Callable[..., Any] | None = None,
    arguments: Callable[..., Mapping[str, Any]] | None = None,
) -> Endpoint[Any, ModelT]:
    """Declare a client method for a generated operation.

    ``operation`` is the generated ``<operation>_arguments`` function; ``response`` the model of
    its 200 body. By default the method takes ``operation``'s parameters. With ``body`` (a
    function returning a model or a wire mapping) it takes ``body``'s parameters instead; with
    ``arguments`` it takes that function's parameters, which returns the builder's keyword
    arguments. Such a function declares ``**options: Unpack[RequestOptions]`` so that the
    per-call options are part of its signature; the endpoint removes them before calling it.
    """
    if body is not None:
        factory = body

        @functools.wraps(factory)
        def wrap_body(*args: Any, **kwargs: Any) -> Mapping[str, Any]:
            return {"body": factory(*args, **kwargs)}

        arguments = wrap_body
    return Endpoint(operation, response, arguments=arguments)


# ---- helpers -------------------------------------------------------------------------------


def _to_wire(body: Any) -> dict[str, Any]:
    if is_sendable(body):
        wire = wire_form(body, "body", "request body")
    elif isinstance(body, Mapping):
        wire = dict(body)
    else:
        raise ValidationError(
            f"invalid request body: expected a mapping, got {type(body).__name__}", field="body"
        )
    return _drop_nulls(wire)


def _drop_nulls(value: dict[str, Any]) -> dict[str, Any]:
    return {k: _drop_nulls(v) if isinstance(v, dict) else v for k, v in value.items() if v is not None}


def _unwrap_deprecated(wire: dict[str, Any], wrapper: str) -> None:
    """Send a deprecated nested form (email ``body: {text, html}``) as the top-level fields it stands for."""
    nested = wire.pop(wrapper, None)
    if not isinstance(nested, dict):
        return
    # Nulls were dropped from the whole body already.
    for name, value in nested.items():
        if wire.get(name, value) != value:
            raise ValidationError(f"give {name} or {wrapper}.{name}, not both", field=name)
        wire[name] = value


Leaf = Callable[[Any, "str | int", tuple[str, ...]], None]


def _visit(node: Any, path: tuple[str, ...], where: tuple[str, ...], leaf: Leaf) -> None:
    """Call ``leaf(container, key, where)`` for each value at ``path`` in ``node`` (found at ``where``)."""
    key, rest = path[0], path[1:]
    if key == "*":
        if isinstance(node, list):
            for index, item in enumerate(node):
                if rest:
                    _visit(item, rest, (*where, f"[{index}]"), leaf)
                else:
                    leaf(node, index, where)
        return
    if not isinstance(node, dict) or key not in node:
        return
    if rest:
        _visit(node[key], rest, (*where, key), leaf)
    else:
        leaf(node, key, where)


def _leaf_name(key: str | int, where: tuple[str, ...]) -> str:
    return _dotted((*where, key if isinstance(key, str) else f"[{key}]"))


def _normalise_leaf(container: Any, key: str | int, where: tuple[str, ...], *, region: str) -> None:
    """Rewrite a phone number in place, in E.164 form."""
    # The field's dotted name is only worth building when the number is rejected.
    try:
        container[key] = to_e164(container[key], region=region)
    except ValidationError as error:
        raise ValidationError(str(error), field=_leaf_name(key, where)) from None


def _check_integer_leaf(container: Any, key: str | int, where: tuple[str, ...]) -> None:
    if isinstance(container[key], float):
        _check_integer(container[key], _leaf_name(key, where))


def _check_integer(value: object, field: str) -> None:
    """Refuse a float where the spec says integer; JSON Schema alone would accept ``20.0``."""
    if isinstance(value, float):
        raise ValidationError(f"must be an integer, got {quote(value)}", field=field)


def _argument_named(error: BaseException) -> str:
    """The argument a binding error is about (``'mesage'`` in "unexpected keyword argument 'mesage'")."""
    found = re.search(r"'([^']+)'", str(error))
    return found.group(1) if found else "arguments"


def _dotted(parts: tuple[str, ...]) -> str:
    return ".".join(parts).replace(".[", "[")


def _plain(error: BaseException) -> str:
    """A TypeError from binding arguments, without the generated function's name."""
    text = str(error.args[0]) if error.args else str(error)
    return re.sub(r"^[\w.<>]+\(\) ", "", text)


_NOT_READABLE = {False: "lacks what this SDK needs", True: "does not match the spec"}


def _shape_error(response: httpx.Response, message: str) -> APIResponseValidationError:
    request_id = request_id_of(response)
    accepted = f"the server accepted the request (HTTP {response.status_code}"
    accepted += f", request id {request_id})" if request_id else ")"
    method = response.request.method
    # A read changes nothing; anything else took effect on the server, so repeating it may double it.
    advice = "" if method in ("GET", "HEAD") else " It may have taken effect: check before repeating it."
    return APIResponseValidationError(
        redact(f"{method} {response.request.url.path}: {accepted}, but {message}.{advice}", response.request),
        status_code=response.status_code,
        body=redact(response.text, response.request),
        request_id=request_id,
    )


def _describe(operation: Callable[..., Any], response: type[Any] | None, *, with_arguments: bool) -> str:
    """The spec's summary, description and (for the generated signature) arguments, for help()."""
    text = (inspect.getdoc(operation) or "").split("\nReturns:")[0]
    if not with_arguments:
        text = text.split("\nArgs:")[0]
    returns = "" if response is None else f"Returns:\n    {response.__name__}"
    return "\n\n".join(part for part in (text.strip(), returns) if part)
