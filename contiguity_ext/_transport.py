"""Sending requests: the one place for retries, timeouts, error mapping and request logging.

Every call of every product goes through :meth:`SyncTransport.send` or
:meth:`AsyncTransport.send`, which return a 2xx :class:`httpx.Response` or raise an error from
:mod:`contiguity_ext.errors`; no httpx exception escapes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import platform
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, NamedTuple, NoReturn, TypeVar

import httpx

from . import _retry
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    RateLimitError,
    ValidationError,
    error_class_for_status,
)

logger = logging.getLogger("contiguity")

USER_AGENT = f"contiguity-typed-python/{__version__} python/{platform.python_version()}"


class PreparedRequest(NamedTuple):
    """A request ready to send; built once and re-sent unchanged by retries."""

    method: str
    url: str
    path: str
    is_read: bool
    params: Mapping[str, Any] | None = None
    json: Any = None


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


def _owned_client(client_class: type[ClientT], *, timeout: httpx.Timeout, headers: dict[str, str]) -> ClientT:
    """The HTTP client a transport creates for itself when none is injected."""
    client = client_class(timeout=timeout, headers=headers)
    # httpx has no parameter for the class of the jar; its `cookies` setter copies into a plain one.
    client._cookies = _SetCookieOnlyJar()
    return client


def enable_debug_logging() -> None:
    """Print the SDK's request log to stderr (what ``login(token, debug=True)`` does)."""
    logger.setLevel(logging.DEBUG)
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


def request_id_of(response: httpx.Response) -> str | None:
    """The id the API gave this request: the envelope's ``id``, else an ``x-request-id`` header."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict) and isinstance(body.get("id"), str):
        return str(body["id"])
    header: str | None = response.headers.get("x-request-id")
    return header


def _connection_error(error: httpx.TransportError, request: PreparedRequest) -> NoReturn:
    may_have_been_sent = not isinstance(error, _retry.NOT_SENT_ERRORS)
    error_class = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if error_class is APITimeoutError else f"failed ({type(error).__name__})"
    message = f"{request.method} {request.path} {what}"
    if may_have_been_sent and not request.is_read:
        message += "; the request may have been processed, so it was not retried"
    raise error_class(
        message, method=request.method, url=request.url, may_have_been_sent=may_have_been_sent
    ) from None


class _TransportBase:
    """Configuration shared by the sync and async transports."""

    _owns_client: bool

    def __init__(self, *, token: str, timeout: float | httpx.Timeout, max_retries: int) -> None:
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise ValidationError("must be a non-negative int (0 disables retries)", field="max_retries")
        self.max_retries = max_retries
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._headers = {
            "Authorization": f"Token {token}",
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }

    def __repr__(self) -> str:
        # The token is deliberately absent.
        return f"<{type(self).__name__} max_retries={self.max_retries} timeout={self.timeout}>"

    def _build(self, client: httpx.Client | httpx.AsyncClient, request: PreparedRequest) -> httpx.Request:
        if self._owns_client:
            # The client was created with our headers and timeout: merging them into every
            # request again (httpx copies and rescans its header list) is a third of the SDK's
            # per-call cost.
            return client.build_request(request.method, request.url, params=request.params, json=request.json)
        return client.build_request(
            request.method,
            request.url,
            params=request.params,
            json=request.json,
            headers=self._headers,
            timeout=self.timeout,
        )

    def _retry_delay(self, request: PreparedRequest, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retrying ``response``, or None when it is final."""
        if response.is_success or attempt >= self.max_retries:
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
        if attempt >= self.max_retries or not _retry.should_retry_exception(error, is_read=request.is_read):
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

    @staticmethod
    def _log_retry(request: PreparedRequest, reason: str, delay: float) -> None:
        logger.debug("%s %s: %s; retrying in %.2f s", request.method, request.path, reason, delay)


class SyncTransport(_TransportBase):
    """Sends requests over one pooled :class:`httpx.Client`."""

    def __init__(
        self,
        *,
        token: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(token=token, timeout=timeout, max_retries=max_retries)
        self._owns_client = http_client is None
        self._client = http_client or _owned_client(httpx.Client, timeout=self.timeout, headers=self._headers)
        self._sleep = sleep

    def __del__(self) -> None:
        # Users of the original SDK never closed clients; don't leave their sockets open.
        if getattr(self, "_owns_client", False) and not self._client.is_closed:
            with contextlib.suppress(Exception):
                self._client.close()

    def send(self, request: PreparedRequest) -> httpx.Response:
        """Send with the retry policy; return a 2xx response or raise a ContiguityError."""
        built = self._build(self._client, request)
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = self._receive(built)
            except httpx.TransportError as error:
                delay = self._exception_delay(request, error, attempt)
                if delay is None:
                    _connection_error(error, request)
                self._log_retry(request, type(error).__name__, delay)
            else:
                self._log(request, response, started)
                delay = self._retry_delay(request, response, attempt)
                if delay is None:
                    if response.is_success:
                        return response
                    raise api_error_from_response(response)
                response.close()
                self._log_retry(request, f"HTTP {response.status_code}", delay)
            self._sleep(delay)
            attempt += 1

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


class AsyncTransport(_TransportBase):
    """Sends requests over one pooled :class:`httpx.AsyncClient`."""

    def __init__(
        self,
        *,
        token: str,
        timeout: float | httpx.Timeout,
        max_retries: int,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        super().__init__(token=token, timeout=timeout, max_retries=max_retries)
        self._owns_client = http_client is None
        self._client = http_client or _owned_client(
            httpx.AsyncClient, timeout=self.timeout, headers=self._headers
        )
        self._sleep = sleep

    def __del__(self) -> None:
        # An unclosed pool's sockets would leak; closing needs a running loop to schedule on.
        if getattr(self, "_owns_client", False) and not self._client.is_closed:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().create_task(self._client.aclose())

    async def send(self, request: PreparedRequest) -> httpx.Response:
        """Send with the retry policy; return a 2xx response or raise a ContiguityError."""
        built = self._build(self._client, request)
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self._receive(built)
            except httpx.TransportError as error:
                delay = self._exception_delay(request, error, attempt)
                if delay is None:
                    _connection_error(error, request)
                self._log_retry(request, type(error).__name__, delay)
            else:
                self._log(request, response, started)
                delay = self._retry_delay(request, response, attempt)
                if delay is None:
                    if response.is_success:
                        return response
                    raise api_error_from_response(response)
                await response.aclose()
                self._log_retry(request, f"HTTP {response.status_code}", delay)
            await self._sleep(delay)
            attempt += 1

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
