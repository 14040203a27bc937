"""The client's operation table: every client method, the group it lives in and the operation it calls.

The product groups in ``resources/`` are the one place that says which operation is which
method; everything that needs the list of operations (the every-operation tests, the sandbox
checks, the command line) reads it from here instead of keeping a list of its own::

    for method in operation_table():
        print(method.dotted, method.operation.operation_id if method.operation else "-")

A method is an :class:`~contiguity_ext._endpoint.Endpoint` attribute of a group, or a plain
method built on one: a public method ``x`` that post-processes a private endpoint ``_x``
(``numbers.available`` filters ``_available``) is listed as calling ``_x``'s operation, and a
plain method with no such endpoint (``otp.reverse.wait``, which polls ``status``) calls none
itself.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from . import _spec
from ._endpoint import Endpoint
from ._resource import Resource


class ClientMethod:
    """One method of a client's product group."""

    __slots__ = ("endpoint", "group", "name", "resource")

    def __init__(
        self,
        group: tuple[str, ...],
        name: str,
        resource: type[Resource[Any]],
        endpoint: Endpoint[Any, Any] | None,
    ) -> None:
        self.group = group  # ("otp", "reverse")
        self.name = name  # "initiate"
        self.resource = resource
        # The endpoint the method calls: its own descriptor, or the private ``_name`` one it wraps.
        self.endpoint = endpoint

    def __repr__(self) -> str:
        return f"<ClientMethod {self.dotted}>"

    @property
    def dotted(self) -> str:
        """``"otp.reverse.initiate"``: the attribute path from a client to the method."""
        return ".".join((*self.group, self.name))

    @property
    def operation(self) -> _spec.Operation | None:
        """The spec's operation the method calls, if it calls exactly one."""
        return self.endpoint.operation if self.endpoint is not None else None

    def bind(self, client: object) -> Callable[..., Any]:
        """The method on ``client`` (sync or async)."""
        owner = client
        for attribute in self.group:
            owner = getattr(owner, attribute)
        method: Callable[..., Any] = getattr(owner, self.name)
        return method


def client_methods(client: object) -> Iterator[ClientMethod]:
    """Every public method of every product group reachable from ``client``."""
    yield from _walk(client, ())


def _walk(owner: object, group: tuple[str, ...]) -> Iterator[ClientMethod]:
    for attribute in dir(type(owner)):
        # A client creates its product groups on first access; the raw views repeat the groups.
        if attribute != "with_raw_response" and isinstance(
            inspect.getattr_static(type(owner), attribute), functools.cached_property
        ):
            getattr(owner, attribute)
    for attribute, value in vars(owner).items():
        if isinstance(value, Resource) and not attribute.startswith("_"):
            path = (*group, attribute)
            yield from _methods(type(value), path)
            yield from _walk(value, path)


def _methods(resource: type[Resource[Any]], group: tuple[str, ...]) -> Iterator[ClientMethod]:
    for name in sorted(dir(resource)):
        if not _is_public_name(name):
            continue
        member = inspect.getattr_static(resource, name)
        if isinstance(member, Endpoint):
            yield ClientMethod(group, name, resource, member)
        elif inspect.isfunction(member):
            wrapped = inspect.getattr_static(resource, "_" + name, None)
            yield ClientMethod(group, name, resource, wrapped if isinstance(wrapped, Endpoint) else None)


def _is_public_name(name: str) -> bool:
    """Whether ``name`` can be a method of the SDK's public surface: ASCII and not private.

    ``make mutation`` adds the mutated copies of a group's methods to its class under names
    such as ``xǁReverseOtpǁwait__mutmut_1``; they are not the group's methods.
    """
    return name.isascii() and not name.startswith("_")


@functools.cache
def operation_table() -> tuple[ClientMethod, ...]:
    """Every method of the sync client, in group order (the async client has the same ones)."""
    # A client is the one place that says which group lives under which name. Building one sends
    # nothing: the transport below refuses every request.
    from ._client import Contiguity

    with Contiguity("operation-table", http_client=httpx.Client(transport=_never_sends())) as client:
        return tuple(client_methods(client))


def by_operation() -> dict[str, list[ClientMethod]]:
    """Generated module name (``"send_text"``) → the methods that call that operation."""
    found: dict[str, list[ClientMethod]] = {}
    for method in operation_table():
        if method.operation is not None:
            found.setdefault(method.operation.python_name, []).append(method)
    return found


def _never_sends() -> httpx.MockTransport:
    def refuse(_request: httpx.Request) -> httpx.Response:
        raise RuntimeError("the operation table's client never sends")

    return httpx.MockTransport(refuse)
