"""The clients users hold: :class:`Contiguity` and :class:`AsyncContiguity`."""

from __future__ import annotations

import importlib
import logging
import os
import re
import sys
import warnings
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic

import httpx

from ._checks import check_base_url
from ._clock import SYSTEM_CLOCK, Clock
from ._context import ClientContext, TransportT
from ._retry import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, POLICY
from ._transport import LOG_LEVELS, AsyncTransport, SyncTransport, enable_logging
from .errors import ValidationError

# Product groups are imported when first used: a program that only sends texts never loads
# the others (nor the generated code behind them), which keeps login() cheap.
if TYPE_CHECKING:
    from typing_extensions import Self

    from .hooks import Hooks
    from .resources.classic import AsyncTemplate, AsyncVerify, Send, Template, Verify
    from .resources.domains import Domains
    from .resources.email import Email
    from .resources.entitlements import Agreements, AsyncAgreements, Entitlements
    from .resources.imessage import IMessage
    from .resources.legacy import LegacyEmailAnalytics, LegacyQuota
    from .resources.numbers import AsyncNumbers, Numbers
    from .resources.otp import AsyncOtp, Otp
    from .resources.text import Text
    from .resources.whatsapp import WhatsApp

TOKEN_VARIABLES = ("CONTIGUITY_API_KEY", "CONTIGUITY_TOKEN")
BASE_URL_VARIABLE = "CONTIGUITY_BASE_URL"
LOG_VARIABLE = "CONTIGUITY_LOG"


# What an HTTP header value may carry unquoted; any other character is a copy-paste accident.
_is_token = re.compile(r"[!-~]+").fullmatch


def _resolve_token(token: str | None) -> str:
    if token is None:
        token = next((os.environ[name] for name in TOKEN_VARIABLES if os.environ.get(name, "").strip()), None)
    if token is None:
        raise ValidationError(
            "no API token: pass one to login() or set CONTIGUITY_API_KEY (or CONTIGUITY_TOKEN)", field="token"
        )
    if not isinstance(token, str):
        raise ValidationError(f"the token must be a str, not {type(token).__name__}", field="token")
    token = token.strip()
    if not token:
        raise ValidationError("the token is blank", field="token")
    if not _is_token(token):
        # The token itself is never quoted: an error message may end up in a log.
        raise ValidationError(
            "must be printable ASCII without spaces or control characters (the value is not shown)",
            field="token",
        )
    return token


def _resolve_base_url(base_url: str | None) -> str | None:
    base_url = base_url or os.environ.get(BASE_URL_VARIABLE) or None
    if base_url is None:
        return None
    return check_base_url(base_url)


def _configure_logging(debug: bool) -> None:
    """Turn on the ``contiguity`` logger's stderr output for ``debug=True`` or ``CONTIGUITY_LOG``."""
    setting = os.environ.get(LOG_VARIABLE, "").strip().lower()
    level = LOG_LEVELS.get(setting)
    if setting and level is None:
        warnings.warn(
            f"{LOG_VARIABLE}={setting!r} is ignored: use one of {', '.join(LOG_LEVELS)}",
            stacklevel=_user_stacklevel(),
        )
    if debug:
        level = logging.DEBUG
    if level is not None:
        enable_logging(level)


# Not mutated: mutmut runs each function through a trampoline of its own module, so under it the
# first frame outside the package is mutmut's (the test of this is skipped there).
def _user_stacklevel() -> int:  # pragma: no mutate block
    """The ``stacklevel`` of the first caller outside this package, for its caller's warnings.

    A warning points at the user's line whether it came through login() or a class made directly.
    """
    frame = sys._getframe(1)  # the function about to warn
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIRECTORY):
        frame = frame.f_back
        level += 1
    return level


_PACKAGE_DIRECTORY = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _check_region(region: str) -> str:
    # The default region needs no lookup, and phonenumbers' metadata is most of what login()
    # would otherwise cost; a call loads it when a number is not already in E.164 form.
    if region == "US":
        return region
    from .phone import check_region

    return check_region(region)


def _group(module: str, name: str) -> Any:
    """A product group created on first access, from ``contiguity_ext.resources.<module>``."""

    def load(client: _ClientBase[Any]) -> Any:
        group_class = getattr(importlib.import_module(f".resources.{module}", __package__), name)
        return group_class(client._context)

    load.__doc__ = f"The ``{name}`` product group."
    return cached_property(load)


class _ClientBase(Generic[TransportT]):
    """What both clients hold: the shared context and the product groups alike in both."""

    def __init__(
        self,
        transport: TransportT,
        *,
        base_url: str | None,
        region: str,
        debug: bool,
        strict_response_validation: bool,
    ) -> None:
        _configure_logging(debug)
        context = ClientContext(
            transport, _resolve_base_url(base_url), _check_region(region), bool(strict_response_validation)
        )
        self._context: ClientContext[TransportT] = context

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A client with other defaults, sharing this one's connection pool; this one is unchanged.

        ``default_headers`` are added to (or replace) this client's default headers for every
        request of the new client; ``Authorization`` cannot be replaced. Closing either client
        closes the pool they share.
        """
        clone = object.__new__(type(self))
        transport = self._context.transport._copy_with(timeout, max_retries, default_headers)
        clone._context = self._context.replace(transport=transport)
        return clone

    text: Text[TransportT] = _group("text", "Text")
    email: Email[TransportT] = _group("email", "Email")
    imessage: IMessage[TransportT] = _group("imessage", "IMessage")
    whatsapp: WhatsApp[TransportT] = _group("whatsapp", "WhatsApp")
    domains: Domains[TransportT] = _group("domains", "Domains")
    entitlements: Entitlements[TransportT] = _group("entitlements", "Entitlements")
    send: Send[TransportT] = _group("classic", "Send")
    email_analytics: LegacyEmailAnalytics[TransportT] = _group("legacy", "LegacyEmailAnalytics")
    quota: LegacyQuota[TransportT] = _group("legacy", "LegacyQuota")

    def __repr__(self) -> str:
        base_url = self._context.base_url or "https://api.contiguity.com"
        return f"<{type(self).__name__} base_url={base_url!r} token=<redacted>>"


# Contiguity and AsyncContiguity (and login/login_async) are deliberate sync/async twins: their
# signatures are what users and type checkers read. Keep each in step with the other.
class Contiguity(_ClientBase[SyncTransport]):
    """A Contiguity client. Create one with :func:`login`, reuse it, close it when done.

    Products: ``text``, ``email``, ``imessage``, ``whatsapp``, ``otp`` (with ``otp.reverse``),
    ``numbers``, ``domains``, ``entitlements``, ``agreements``; the original SDK's ``send``,
    ``verify``, ``template``, ``email_analytics`` and ``quota`` work as they always did.
    """

    __doc__ = (__doc__ or "") + POLICY

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        debug: bool = False,
        region: str = "US",
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        app_info: str | None = None,
        hooks: Hooks | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        transport = SyncTransport(
            token=_resolve_token(token),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            app_info=app_info,
            hooks=hooks,
            clock=clock,
        )
        super().__init__(
            transport,
            base_url=base_url,
            region=region,
            debug=debug,
            strict_response_validation=strict_response_validation,
        )

    otp: Otp = _group("otp", "Otp")
    agreements: Agreements = _group("entitlements", "Agreements")
    numbers: Numbers = _group("numbers", "Numbers")

    @cached_property
    def verify(self) -> Verify:
        from .resources.classic import Verify

        return Verify(self._context.region)

    @cached_property
    def template(self) -> Template:
        from .resources.classic import Template

        return Template()

    def close(self) -> None:
        """Close the connection pool."""
        self._context.transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


# Keep in step with Contiguity.
class AsyncContiguity(_ClientBase[AsyncTransport]):
    """The asyncio twin of :class:`Contiguity`: the same products, every method awaitable."""

    __doc__ = (__doc__ or "") + POLICY

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        debug: bool = False,
        region: str = "US",
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        app_info: str | None = None,
        hooks: Hooks | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        transport = AsyncTransport(
            token=_resolve_token(token),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            default_headers=default_headers,
            app_info=app_info,
            hooks=hooks,
            clock=clock,
        )
        super().__init__(
            transport,
            base_url=base_url,
            region=region,
            debug=debug,
            strict_response_validation=strict_response_validation,
        )

    otp: AsyncOtp = _group("otp", "AsyncOtp")
    agreements: AsyncAgreements = _group("entitlements", "AsyncAgreements")
    numbers: AsyncNumbers = _group("numbers", "AsyncNumbers")

    @cached_property
    def verify(self) -> AsyncVerify:
        from .resources.classic import AsyncVerify

        return AsyncVerify(self._context.region)

    @cached_property
    def template(self) -> AsyncTemplate:
        from .resources.classic import AsyncTemplate

        return AsyncTemplate()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._context.transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()


def login(
    token: str | None = None,
    debug: bool = False,
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    region: str = "US",
    http_client: httpx.Client | None = None,
    strict_response_validation: bool = False,
    default_headers: Mapping[str, str] | None = None,
    app_info: str | None = None,
    hooks: Hooks | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> Contiguity:
    """Create a client, as the original SDK's ``contiguity.login(token, debug)`` did.

    ``token`` defaults to ``CONTIGUITY_API_KEY``, then ``CONTIGUITY_TOKEN``. ``base_url`` (or
    ``CONTIGUITY_BASE_URL``) sends every call, legacy ones included, to another host such as the
    local sandbox. ``debug=True`` (or ``CONTIGUITY_LOG=debug``) logs one line per request to
    stderr, logger ``contiguity``; ``CONTIGUITY_LOG=info`` logs only retries and failed calls.
    The token is never logged. ``region`` is the default country for phone numbers written
    without a country code. ``http_client`` supplies the transport (its base URL is ignored).

    ``default_headers`` are sent with every request (they cannot replace ``Authorization``);
    ``app_info`` (e.g. ``"my-shop/2.1"``) is appended to the ``User-Agent``. ``hooks`` observe
    every request, answer and retry (:class:`contiguity_ext.hooks.Hooks`).

    Answers are checked only for what the typed result needs, so an SDK released today keeps
    working when the API adds enum values, fields or nulls tomorrow (each new enum value is
    logged once as a warning). ``strict_response_validation=True`` checks every answer against
    the whole spec instead, as contract tests want. ``clock`` is where retries and
    ``otp.reverse.wait`` read the time and wait (tests pass a
    :class:`~contiguity_ext.testing.FakeClock`).
    """
    return Contiguity(
        token,
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
        debug=debug,
        region=region,
        http_client=http_client,
        strict_response_validation=strict_response_validation,
        default_headers=default_headers,
        app_info=app_info,
        hooks=hooks,
        clock=clock,
    )


# Keep in step with login.
def login_async(
    token: str | None = None,
    debug: bool = False,
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    region: str = "US",
    http_client: httpx.AsyncClient | None = None,
    strict_response_validation: bool = False,
    default_headers: Mapping[str, str] | None = None,
    app_info: str | None = None,
    hooks: Hooks | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> AsyncContiguity:
    """:func:`login` for asyncio: returns an :class:`AsyncContiguity`."""
    return AsyncContiguity(
        token,
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
        debug=debug,
        region=region,
        http_client=http_client,
        strict_response_validation=strict_response_validation,
        default_headers=default_headers,
        app_info=app_info,
        hooks=hooks,
        clock=clock,
    )
