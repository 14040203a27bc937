"""Sending requests: the one place for retries, timeouts, error mapping and request logging.

Every call of every product goes through :meth:`SyncTransport.send` or
:meth:`AsyncTransport.send`, which return a 2xx :class:`httpx.Response` or raise an error from
:mod:`contiguity_ext.errors`; no httpx exception escapes.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import platform
import re
import sys
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import httpx

from . import _retry
from ._checks import check_max_retries, check_timeout
from ._clock import SYSTEM_CLOCK, Clock
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ContiguityError,
    RateLimitError,
    ValidationError,
    error_class_for_status,
)

# Hooks and the typing helpers load only when used: login() without hooks never needs them.
if TYPE_CHECKING:
    import asyncio

    from typing_extensions import Required, Self, TypedDict, Unpack

    from ._options import CallOptions
    from .hooks import Call, Hooks, RequestEvent, ResponseEvent

    class TransportOptions(TypedDict, total=False):
        """What a client passes on to its transport from ``login``."""

        token: Required[str]
        timeout: Required[float | httpx.Timeout]
        max_retries: Required[int]
        default_headers: Mapping[str, str] | None
        app_info: str | None
        hooks: Hooks | None


logger = logging.getLogger("contiguity")

USER_AGENT = f"contiguity-typed-python/{__version__} python/{platform.python_version()}"
LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}

# RFC 9110 field names are tokens; values are visible ASCII and spaces (no CR, LF or NUL).
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e\x80-\xff]*")


class PreparedRequest(NamedTuple):
    """A request ready to send; built once and re-sent unchanged by retries."""

    method: str
    url: str
    path: str
    is_read: bool
    params: Mapping[str, Any] | None = None
    json: Any = None
    operation_id: str = ""
    options: CallOptions | None = None


class _SetCookieOnlyJar(httpx.Cookies):
    """Cookies that look at a response only when it sets one.

    httpx offers every response to the client's jar, which first wraps the response and its
    request in :mod:`urllib.request`'s cookie classes: on a small request that is the largest
    single cost of the whole call (``make bench``). The API sets no cookies; whatever a proxy on
    the way sets is still stored and sent back as usual.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


ClientT = TypeVar("ClientT", httpx.Client, httpx.AsyncClient)


def _owned_client(client_class: type[ClientT], *, timeout: httpx.Timeout, headers: httpx.Headers) -> ClientT:
    """The HTTP client a transport creates for itself when none is injected."""
    client = client_class(timeout=timeout, headers=headers)
    # httpx has no parameter for the class of the jar; its `cookies` setter copies into a plain one.
    client._cookies = _SetCookieOnlyJar()
    return client


def enable_logging(level: int) -> None:
    """Print the SDK's log from ``level`` up to stderr (``debug=True``, ``CONTIGUITY_LOG``).

    Never raises the threshold a program already lowered the logger to.
    """
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)


def api_error_from_response(response: httpx.Response) -> APIError:
    """The typed error for a non-2xx answer, whatever its body looks like.

    The current API answers ``{"id", "data": {"error", "status", "agreement_url"?}}``; the v1 API
    and some gateways answer ``{"message": ...}``, HTML or nothing at all.
    """
    body: Any = None
    # ValueError covers JSONDecodeError and UnicodeDecodeError, and also JSON that Python
    # refuses (an integer of over 4300 digits); RecursionError, JSON nested too deep.
    with contextlib.suppress(ValueError, RecursionError):
        body = response.json()
    data = body.get("data") if isinstance(body, dict) else None
    message: Any = None
    agreement_url: Any = None
    if isinstance(data, dict):
        message = data.get("error")
        agreement_url = data.get("agreement_url")
    if not isinstance(message, str) and isinstance(body, dict):
        message = body.get("message")
    if not isinstance(message, str) or not message:
        message = response.reason_phrase or "HTTP error"
    message, body = redact(message, response.request), redact(body, response.request)
    if isinstance(agreement_url, str):
        agreement_url = redact(agreement_url, response.request)
    request_id = request_id_of(response)
    kwargs: dict[str, Any] = {
        "status_code": response.status_code,
        "request_id": request_id,
        "agreement_url": agreement_url if isinstance(agreement_url, str) else None,
        "body": body,
    }
    error_class = error_class_for_status(response.status_code)
    if error_class is RateLimitError:
        return RateLimitError(message, retry_after=_retry.parse_retry_after(response.headers), **kwargs)
    return error_class(message, **kwargs)


# Shorter tokens (test placeholders) would mask ordinary words; real API keys are far longer.
MIN_MASKED_LENGTH = 8
MASK = "***"


def redact(value: Any, request: httpx.Request) -> Any:
    """``value`` (text, or JSON made of dicts, lists and text) with the request's token as ``***``.

    Servers and proxies sometimes quote the credentials they rejected; the token must not reach
    an exception message, a log line or a CLI's output that way.
    """
    _, _, token = request.headers.get("authorization", "").partition(" ")
    return _masked(value, token) if len(token) >= MIN_MASKED_LENGTH else value


def _masked(value: Any, token: str) -> Any:
    if isinstance(value, str):
        return value.replace(token, MASK)
    if isinstance(value, dict):
        return {_masked(key, token): _masked(item, token) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item, token) for item in value]
    return value


def request_id_of(response: httpx.Response) -> str | None:
    """The id the API gave this request: the envelope's ``id``, else an ``x-request-id`` header."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict) and isinstance(body.get("id"), str):
        return str(redact(body["id"], response.request))
    header: str | None = response.headers.get("x-request-id")
    return header if header is None else str(redact(header, response.request))


def check_headers(headers: object, *, field: str) -> dict[str, str]:
    """Extra headers from the caller as a dict, or a ValidationError naming what is wrong.

    ``Authorization`` carries the client's token and cannot be replaced this way.
    """
    if not isinstance(headers, Mapping):
        raise ValidationError(
            f"must be a mapping of header names to values, not {type(headers).__name__}", field=field
        )
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValidationError(f"{name!r} is not a valid header name", field=field)
        if name.lower() == "authorization":
            raise ValidationError("cannot set Authorization: the client's token is sent there", field=field)
        if not isinstance(value, str) or not _HEADER_VALUE.fullmatch(value):
            raise ValidationError(
                f"the value of {name} must be a str without line breaks or NUL", field=field
            )
        checked[name] = value
    return checked


def user_agent(app_info: str | None) -> str:
    """The SDK's ``User-Agent``, with the caller's ``app_info`` (e.g. ``"shop/2.1"``) appended."""
    if app_info is None:
        return USER_AGENT
    if not isinstance(app_info, str):
        raise ValidationError(f"must be a str, not {type(app_info).__name__}", field="app_info")
    app_info = app_info.strip()
    if not app_info or not app_info.isascii() or not app_info.isprintable():
        raise ValidationError("must be printable ASCII text such as 'my-app/1.2'", field="app_info")
    return f"{USER_AGENT} {app_info}"


def _connection_error(error: httpx.TransportError, request: PreparedRequest) -> APIConnectionError:
    may_have_been_sent = not isinstance(error, _retry.NOT_SENT_ERRORS)
    error_class = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if error_class is APITimeoutError else f"failed ({type(error).__name__})"
    message = f"{request.method} {request.path} {what}"
    if may_have_been_sent and not request.is_read:
        message += "; the request may have been processed, so it was not retried"
    logger.info(message)
    return error_class(message, method=request.method, url=request.url, may_have_been_sent=may_have_been_sent)


def _api_error(request: PreparedRequest, response: httpx.Response) -> APIError:
    error = api_error_from_response(response)
    logger.info(
        "%s %s failed: HTTP %s (request id %s)",
        request.method,
        request.path,
        response.status_code,
        error.request_id or "-",
    )
    return error


class _TransportBase:
    """Configuration shared by the sync and async transports."""

    _owns_client: bool
    # Whether the HTTP client was created with exactly this transport's headers and timeout.
    _client_has_defaults: bool
    # A copy made by with_options() keeps the transport whose pool it shares alive.
    _parent: _TransportBase | None = None
    _is_async = False

    def __init__(
        self,
        *,
        token: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None = None,
        app_info: str | None = None,
        hooks: Hooks | None = None,
    ) -> None:
        self.max_retries = check_max_retries(max_retries)
        self.timeout = check_timeout(timeout)
        self._headers = httpx.Headers(
            {
                "Authorization": f"Token {token}",
                "Accept": "application/json",
                "User-Agent": user_agent(app_info),
            }
        )
        if default_headers is not None:
            # Headers.update replaces names case-insensitively: "user-agent" overrides ours.
            self._headers.update(check_headers(default_headers, field="default_headers"))
        # None unless a hook is set, so the default path tests one local variable per attempt.
        self._hooks = None if hooks is None else _checked_hooks(hooks, is_async=self._is_async)

    def __repr__(self) -> str:
        # The token is deliberately absent.
        return f"<{type(self).__name__} max_retries={self.max_retries} timeout={self.timeout}>"

    def _copy_with(
        self,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        headers: Mapping[str, str] | None,
    ) -> Self:
        """A transport sharing this one's HTTP client (and so its pool) with other settings."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy._parent = self
        copy._owns_client = False
        copy._client_has_defaults = False
        if timeout is not None:
            copy.timeout = check_timeout(timeout)
        if max_retries is not None:
            copy.max_retries = check_max_retries(max_retries)
        if headers is not None:
            copy._headers = self._headers.copy()
            copy._headers.update(check_headers(headers, field="default_headers"))
        return copy

    def _build(self, client: httpx.Client | httpx.AsyncClient, request: PreparedRequest) -> httpx.Request:
        options = request.options
        if self._client_has_defaults and options is None:
            # The client was created with our headers and timeout: merging them into every
            # request again (httpx copies and rescans its header list) is a third of the SDK's
            # per-call cost.
            return client.build_request(request.method, request.url, params=request.params, json=request.json)
        headers = self._headers
        timeout = self.timeout
        if options is not None:
            if options.headers:
                headers = headers.copy()
                headers.update(options.headers)
            timeout = options.timeout or timeout
        return client.build_request(
            request.method,
            request.url,
            params=request.params,
            json=request.json,
            headers=headers,
            timeout=timeout,
        )

    def _max_retries(self, request: PreparedRequest) -> int:
        options = request.options
        if options is None or options.max_retries is None:
            return self.max_retries
        return options.max_retries

    def _retry_delay(self, request: PreparedRequest, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retrying ``response``, or None when it is final."""
        if response.is_success or attempt >= self._max_retries(request):
            return None
        retry_after = _retry.parse_retry_after(response.headers)
        if not _retry.should_retry_status(
            response.status_code, is_read=request.is_read, retry_after=retry_after
        ):
            return None
        return _retry.backoff_delay(attempt, retry_after)

    def _exception_delay(
        self, request: PreparedRequest, error: httpx.TransportError, attempt: int
    ) -> float | None:
        if attempt >= self._max_retries(request) or not _retry.should_retry_exception(
            error, is_read=request.is_read
        ):
            return None
        return _retry.backoff_delay(attempt)

    @staticmethod
    def _without_body(response: httpx.Response) -> httpx.Response:
        """``response`` minus a body that does not decode as its ``Content-Encoding`` says.

        Keeping the status lets the usual error mapping and retry policy apply.
        """
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length")
        ]
        return httpx.Response(
            response.status_code, headers=headers, request=response.request, extensions=response.extensions
        )

    @staticmethod
    def _log(request: PreparedRequest, response: httpx.Response, started: float) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s (request id %s) in %.1f ms",
                request.method,
                request.path,
                response.status_code,
                request_id_of(response) or "-",
                (time.perf_counter() - started) * 1000,
            )

    def _log_retry(self, request: PreparedRequest, reason: str, attempt: int, delay: float) -> None:
        logger.info(
            "%s %s: %s; retry %d/%d in %.2f s",
            request.method,
            request.path,
            reason,
            attempt + 1,
            self._max_retries(request),
            delay,
        )

    # ---- hooks: only reached when one is set -------------------------------------------------

    @staticmethod
    def _call(request: PreparedRequest) -> Call:
        from .hooks import Call

        return Call(request.operation_id, request.method, request.url)

    @staticmethod
    def _request_event(call: Call, built: httpx.Request, attempt: int) -> RequestEvent:
        from .hooks import RequestEvent, redacted_headers

        return RequestEvent(call, attempt + 1, redacted_headers(built.headers))

    @staticmethod
    def _connection_error_event(call: Call, attempt: int, failure: APIConnectionError) -> object:
        from .hooks import ConnectionErrorEvent

        return ConnectionErrorEvent(call, attempt + 1, failure)

    @staticmethod
    def _retry_event(call: Call, attempt: int, reason: str, delay: float) -> object:
        from .hooks import RetryEvent

        return RetryEvent(call, attempt + 2, reason, delay)

    @staticmethod
    def _response_event(
        call: Call, response: httpx.Response, attempt: int, started: float, delay: float | None
    ) -> ResponseEvent:
        from .hooks import ResponseEvent

        return ResponseEvent(
            call,
            attempt + 1,
            response.status_code,
            response.headers,
            request_id_of(response),
            time.perf_counter() - started,
            retrying=delay is not None,
        )

    @staticmethod
    def _hook_failed(name: str) -> None:
        logger.warning("the %s hook raised; the call goes on", name, exc_info=True)


# Keep send() in step with AsyncTransport.send().
class SyncTransport(_TransportBase):
    """Sends requests over one pooled :class:`httpx.Client`."""

    def __init__(
        self,
        *,
        http_client: httpx.Client | None = None,
        clock: Clock = SYSTEM_CLOCK,
        **options: Unpack[TransportOptions],
    ) -> None:
        super().__init__(**options)
        self.clock = clock
        self._owns_client = self._client_has_defaults = http_client is None
        self._client = http_client or _owned_client(httpx.Client, timeout=self.timeout, headers=self._headers)

    # The garbage collector runs __del__ at any moment, also inside ContextVar.set(), where on
    # CPython before 3.12 a finaliser that sets a ContextVar itself corrupts the context
    # (CPython gh-148891). mutmut's wrapper of every mutated function does exactly that, so
    # `make mutation` leaves the finalisers alone: the tests that collect clients cover them.
    def __del__(self) -> None:  # pragma: no mutate block
        # Users of the original SDK never closed clients; don't leave their sockets open.
        # _owns_client is set before _client: an __init__ that failed earlier has neither.
        client = self.__dict__.get("_client")
        if client is not None and self._owns_client and not client.is_closed:
            with contextlib.suppress(Exception):
                client.close()

    def send(self, request: PreparedRequest) -> httpx.Response:
        """Send with the retry policy; return a 2xx response or raise a ContiguityError."""
        built = self._build(self._client, request)
        call = None if self._hooks is None else self._call(request)
        attempt = 0
        while True:
            if call is not None:
                self._notify("on_request", self._request_event(call, built, attempt))
            started = time.perf_counter()
            try:
                response = self._receive(built)
            except httpx.TransportError as error:
                delay = self._exception_delay(request, error, attempt)
                if delay is None:
                    failure = _connection_error(error, request)
                    if call is not None:
                        self._notify(
                            "on_connection_error", self._connection_error_event(call, attempt, failure)
                        )
                    raise failure from None
                reason = type(error).__name__
            else:
                self._log(request, response, started)
                delay = self._retry_delay(request, response, attempt)
                if call is not None:
                    self._notify("on_response", self._response_event(call, response, attempt, started, delay))
                if delay is None:
                    if response.is_success:
                        return response
                    raise _api_error(request, response)
                response.close()
                reason = f"HTTP {response.status_code}"
            self._log_retry(request, reason, attempt, delay)
            if call is not None:
                self._notify("on_retry", self._retry_event(call, attempt, reason, delay))
            self.clock.sleep(delay)
            attempt += 1

    def _notify(self, name: str, event: object) -> None:
        hook = getattr(self._hooks, name)
        if hook is not None:
            try:
                hook(event)
            except Exception:
                self._hook_failed(name)

    def _receive(self, built: httpx.Request) -> httpx.Response:
        # Redirects are never followed, whatever the injected client says: a POST must not be
        # re-sent elsewhere, and a 3xx is an APIError like any other unexpected status.
        response = self._client.send(built, stream=True, follow_redirects=False)
        try:
            response.read()
        except httpx.DecodingError:
            return self._without_body(response)
        finally:
            response.close()
        return response

    def close(self) -> None:
        self._client.close()


# The sync/async twin of SyncTransport: only the waiting and the I/O differ, and every policy
# decision lives in _TransportBase and _retry. Keep send() in step with SyncTransport.send().
class AsyncTransport(_TransportBase):
    """Sends requests over one pooled :class:`httpx.AsyncClient`."""

    _is_async = True

    def __init__(
        self,
        *,
        http_client: httpx.AsyncClient | None = None,
        clock: Clock = SYSTEM_CLOCK,
        **options: Unpack[TransportOptions],
    ) -> None:
        super().__init__(**options)
        self.clock = clock
        self._owns_client = self._client_has_defaults = http_client is None
        self._client = http_client or _owned_client(
            httpx.AsyncClient, timeout=self.timeout, headers=self._headers
        )
        # Kept strongly: a collected loop's id could be reused by the next one.
        self._loop: asyncio.AbstractEventLoop | None = None

    # Not mutated, as SyncTransport.__del__.
    def __del__(self) -> None:  # pragma: no mutate block
        # An unclosed pool's sockets would leak; closing needs a running loop to schedule on.
        client = self.__dict__.get("_client")
        # Not imported here: at interpreter exit importing fails, and a program that never
        # loaded asyncio has no running loop to schedule on.
        asyncio_module = sys.modules.get("asyncio")
        if asyncio_module is not None and client is not None and self._owns_client and not client.is_closed:
            with contextlib.suppress(Exception):
                asyncio_module.get_running_loop().create_task(client.aclose())

    async def send(self, request: PreparedRequest) -> httpx.Response:
        """Send with the retry policy; return a 2xx response or raise a ContiguityError."""
        self._check_loop()
        built = self._build(self._client, request)
        call = None if self._hooks is None else self._call(request)
        attempt = 0
        while True:
            if call is not None:
                await self._notify("on_request", self._request_event(call, built, attempt))
            started = time.perf_counter()
            try:
                response = await self._receive(built)
            except httpx.TransportError as error:
                delay = self._exception_delay(request, error, attempt)
                if delay is None:
                    failure = _connection_error(error, request)
                    if call is not None:
                        await self._notify(
                            "on_connection_error", self._connection_error_event(call, attempt, failure)
                        )
                    raise failure from None
                reason = type(error).__name__
            else:
                self._log(request, response, started)
                delay = self._retry_delay(request, response, attempt)
                if call is not None:
                    await self._notify(
                        "on_response", self._response_event(call, response, attempt, started, delay)
                    )
                if delay is None:
                    if response.is_success:
                        return response
                    raise _api_error(request, response)
                await response.aclose()
                reason = f"HTTP {response.status_code}"
            self._log_retry(request, reason, attempt, delay)
            if call is not None:
                await self._notify("on_retry", self._retry_event(call, attempt, reason, delay))
            await self.clock.async_sleep(delay)
            attempt += 1

    async def _notify(self, name: str, event: object) -> None:
        hook = getattr(self._hooks, name)
        if hook is not None:
            try:
                result = hook(event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                self._hook_failed(name)

    def _check_loop(self) -> None:
        """Refuse to run on a second event loop: the pooled connections belong to the first."""
        import asyncio  # here, so that sync programs never load it

        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop:
            raise ContiguityError(
                "this AsyncContiguity was first used in another event loop, and its connections"
                " belong to that loop; create the client inside the loop that uses it (in the"
                " coroutine given to asyncio.run(), for example), one client per event loop"
            )

    async def _receive(self, built: httpx.Request) -> httpx.Response:
        response = await self._client.send(built, stream=True, follow_redirects=False)
        try:
            await response.aread()
        except httpx.DecodingError:
            return self._without_body(response)
        finally:
            await response.aclose()
        return response

    async def aclose(self) -> None:
        await self._client.aclose()


def _checked_hooks(hooks: object, *, is_async: bool) -> Hooks | None:
    from .hooks import check_hooks

    return check_hooks(hooks, is_async=is_async)
