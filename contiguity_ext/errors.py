"""Every exception the SDK raises, rooted at :class:`ContiguityError`.

::

    ContiguityError
    ├── ValidationError (also ValueError)      bad input, raised before anything is sent
    ├── TemplateError (also OSError)           a local template could not be read
    ├── WebhookVerificationError (ValueError)  a webhook failed its signature or parse check
    ├── APIConnectionError                     no HTTP answer (DNS, refused, reset, ...)
    │   └── APITimeoutError                    the answer did not come in time
    ├── APIResponseValidationError             a 2xx answer the SDK cannot read (the request took effect)
    └── APIError                               the API answered with an error status
        ├── BadRequestError            400
        ├── AuthenticationError        401
        ├── PermissionDeniedError      403 (``agreement_url`` names a missing agreement)
        ├── NotFoundError              404
        ├── ConflictError              409
        ├── UnprocessableEntityError   422
        ├── RateLimitError             429 (``retry_after`` in seconds when the API sent it)
        └── InternalServerError        5xx

No other exception type escapes a call: malformed bodies, JSON errors and transport failures are
all mapped here. Messages never contain the API token.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ContiguityError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "TemplateError",
    "UnprocessableEntityError",
    "ValidationError",
    "WebhookVerificationError",
]


class ContiguityError(Exception):
    """Base class of every error raised by this SDK."""


class ValidationError(ContiguityError, ValueError):
    """Input was rejected locally; nothing was sent.

    ``field`` is the dotted name of the offending field (``"attachments"``, ``"fallback.from"``)
    when one field is to blame.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class TemplateError(ContiguityError, OSError):
    """A local template file is missing, is a directory, or is not UTF-8 text."""

    def __init__(self, message: str, *, path: str) -> None:
        self.path = path
        super().__init__(f"{message}: {path}")


class WebhookVerificationError(ContiguityError, ValueError):
    """A webhook's signature did not verify, or its body is not a webhook event."""


class APIConnectionError(ContiguityError):
    """The request got no HTTP answer.

    ``may_have_been_sent`` is True when the request may have reached the server before the
    connection failed; the SDK never retries a send in that state, so a message may or may not
    have gone out.
    """

    def __init__(self, message: str, *, method: str, url: str, may_have_been_sent: bool) -> None:
        self.method = method
        self.url = url
        self.may_have_been_sent = may_have_been_sent
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIResponseValidationError(ContiguityError):
    """The API answered with a success status, but the body lacks what the SDK needs to read it.

    The server accepted the request, so ``may_have_been_sent`` is always True: a message may have
    gone out, a number may be leased. Repeating the call could do it twice; check its effect
    (``request_id`` identifies it to support) instead. ``body`` is the answer exactly as received.

    By default only what the typed result cannot do without is checked (a missing required field,
    a changed type); ``login(..., strict_response_validation=True)`` checks the whole spec.
    """

    may_have_been_sent = True

    def __init__(self, message: str, *, status_code: int, body: str, request_id: str | None = None) -> None:
        self.status_code = status_code
        self.body = body
        self.request_id = request_id
        super().__init__(message)


class APIError(ContiguityError):
    """The API answered with an error status.

    ``message`` is the server's own description (``data.error`` in the error envelope), and
    ``request_id`` the id to quote to support. ``body`` is the decoded JSON body when there was
    one, else ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        agreement_url: str | None = None,
        body: Any = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.agreement_url = agreement_url
        self.body = body
        detail = f"{status_code} {message}"
        if request_id:
            detail += f" (request id {request_id})"
        if agreement_url:
            detail += f"; accept the agreement at {agreement_url}"
        super().__init__(detail)


class BadRequestError(APIError):
    """400: the API rejected the request's content."""


class AuthenticationError(APIError):
    """401: the token is missing, malformed or revoked."""


class PermissionDeniedError(APIError):
    """403: the account may not do this; ``agreement_url`` may name what to accept."""


class NotFoundError(APIError):
    """404: the resource does not exist, or there is nothing to return."""


class ConflictError(APIError):
    """409: the request conflicts with the resource's current state."""


class UnprocessableEntityError(APIError):
    """422: the request was well-formed but could not be processed."""


class RateLimitError(APIError):
    """429: too many requests. ``retry_after`` is the server's requested wait in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class InternalServerError(APIError):
    """5xx: the service failed. A send may or may not have happened."""


_STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[APIError]:
    """The most specific :class:`APIError` subclass for an HTTP status."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status_code, APIError)
