"""The HTTP response behind a result: ``client.<group>.with_raw_response.<operation>(...)``."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs
import httpx

from ._transport import redact, request_id_of

R = TypeVar("R")
S = TypeVar("S")

_MASKED = {"authorization": "<redacted>"}


@attrs.frozen
class RequestInfo:
    """The request that was sent, safe to log: the ``Authorization`` value is masked."""

    method: str
    url: str
    headers: dict[str, str]

    @classmethod
    def of(cls, request: httpx.Request) -> RequestInfo:
        headers = {name: _MASKED.get(name.lower(), value) for name, value in request.headers.items()}
        # The token travels in a header only, but a URL built from careless input could quote it.
        return cls(request.method, redact(str(request.url), request), redact(headers, request))


class APIResponse(Generic[R]):
    """A 2xx answer as received; :meth:`parse` gives what the plain call returns.

    Errors are raised exactly as by the plain call, so an ``APIResponse`` is always a success.
    """

    def __init__(
        self, response: httpx.Response, parse: Callable[[httpx.Response], R], seconds: float
    ) -> None:
        self._response = response
        self._parse = parse
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers
        try:
            elapsed = response.elapsed
        except RuntimeError:
            # httpx times only responses it streamed; one made in memory (httpx.MockTransport,
            # the testing sandbox) gets the time the call took, retries included.
            elapsed = datetime.timedelta(seconds=seconds)
        self.elapsed: datetime.timedelta = elapsed
        self.http_request: RequestInfo = RequestInfo.of(response.request)

    @property
    def request_id(self) -> str | None:
        """The envelope's ``id``, else the ``x-request-id`` header."""
        return request_id_of(self._response)

    @property
    def api_version(self) -> str | None:
        """The API version that served the request (the envelope's ``api_version``)."""
        body = self.json()
        version = body.get("api_version") if isinstance(body, dict) else None
        if isinstance(version, str):
            return version
        header: str | None = self.headers.get("x-api-version")
        return header

    @property
    def content(self) -> bytes:
        return self._response.content

    def json(self) -> Any:
        """The body as JSON, or None when it is not JSON."""
        try:
            return self._response.json()
        except (ValueError, RecursionError):
            return None

    def parse(self) -> R:
        """The typed result, validated as the plain call validates it."""
        return self._parse(self._response)

    def map(self, then: Callable[[R], S]) -> APIResponse[S]:
        """The same answer, whose :meth:`parse` also applies ``then`` (a local post-step)."""
        mapped: APIResponse[S] = APIResponse.__new__(APIResponse)
        mapped.__dict__.update(self.__dict__)
        parse = self._parse
        mapped._parse = lambda response: then(parse(response))
        return mapped

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.http_request.method} {self.http_request.url}>"
