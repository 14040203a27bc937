"""Typed Python SDK for the Contiguity communications API.

::

    import contiguity_ext as contiguity

    client = contiguity.login("contiguity_sk_...")
    client.send.text({"to": "+15555555555", "message": "Hello"})          # the original SDK's style
    client.text.send(to="+15555555555", message="Hello")                  # keyword style

Names are imported on first use, so ``import contiguity_ext`` stays cheap for programs that
only touch part of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._client import (
        AsyncContiguity as AsyncContiguity,
    )
    from ._client import (
        Contiguity as Contiguity,
    )
    from ._client import (
        login as login,
    )
    from ._client import (
        login_async as login_async,
    )
    from .errors import (
        APIConnectionError as APIConnectionError,
    )
    from .errors import (
        APIError as APIError,
    )
    from .errors import (
        APIResponseValidationError as APIResponseValidationError,
    )
    from .errors import (
        APITimeoutError as APITimeoutError,
    )
    from .errors import (
        AuthenticationError as AuthenticationError,
    )
    from .errors import (
        BadRequestError as BadRequestError,
    )
    from .errors import (
        ConflictError as ConflictError,
    )
    from .errors import (
        ContiguityError as ContiguityError,
    )
    from .errors import (
        InternalServerError as InternalServerError,
    )
    from .errors import (
        NotFoundError as NotFoundError,
    )
    from .errors import (
        PermissionDeniedError as PermissionDeniedError,
    )
    from .errors import (
        RateLimitError as RateLimitError,
    )
    from .errors import (
        TemplateError as TemplateError,
    )
    from .errors import (
        UnprocessableEntityError as UnprocessableEntityError,
    )
    from .errors import (
        ValidationError as ValidationError,
    )
    from .errors import (
        WebhookVerificationError as WebhookVerificationError,
    )
    from .phone import (
        to_e164 as to_e164,
    )
    from .webhooks import (
        construct_event as construct_event,
    )
    from .webhooks import (
        parse_event as parse_event,
    )
    from .webhooks import (
        sign as sign,
    )
    from .webhooks import (
        verify_signature as verify_signature,
    )

_SUBMODULES = frozenset({"webhooks", "testing"})

_EXPORTS = {
    "AsyncContiguity": "._client",
    "Contiguity": "._client",
    "login": "._client",
    "login_async": "._client",
    "APIConnectionError": ".errors",
    "APIError": ".errors",
    "APIResponseValidationError": ".errors",
    "APITimeoutError": ".errors",
    "AuthenticationError": ".errors",
    "BadRequestError": ".errors",
    "ConflictError": ".errors",
    "ContiguityError": ".errors",
    "InternalServerError": ".errors",
    "NotFoundError": ".errors",
    "PermissionDeniedError": ".errors",
    "RateLimitError": ".errors",
    "TemplateError": ".errors",
    "UnprocessableEntityError": ".errors",
    "ValidationError": ".errors",
    "WebhookVerificationError": ".errors",
    "to_e164": ".phone",
    "construct_event": ".webhooks",
    "parse_event": ".webhooks",
    "verify_signature": ".webhooks",
}

__all__ = ["__version__", *sorted(_EXPORTS), *sorted(_SUBMODULES)]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
