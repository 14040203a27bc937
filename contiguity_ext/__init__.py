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

from typing import TYPE_CHECKING

from ._version import __version__ as __version__

if TYPE_CHECKING:
    # The public names. This block is their only list: type checkers read it as imports, and at
    # run time it is parsed (never executed) to learn which module holds each name, so that
    # each module loads on first use and the two views cannot drift apart.
    from . import hooks as hooks
    from . import testing as testing
    from . import webhooks as webhooks
    from ._client import AsyncContiguity as AsyncContiguity
    from ._client import Contiguity as Contiguity
    from ._client import login as login
    from ._client import login_async as login_async
    from ._response import APIResponse as APIResponse
    from ._response import RequestInfo as RequestInfo
    from .errors import APIConnectionError as APIConnectionError
    from .errors import APIError as APIError
    from .errors import APIResponseValidationError as APIResponseValidationError
    from .errors import APITimeoutError as APITimeoutError
    from .errors import AuthenticationError as AuthenticationError
    from .errors import BadRequestError as BadRequestError
    from .errors import ConflictError as ConflictError
    from .errors import ContiguityError as ContiguityError
    from .errors import InternalServerError as InternalServerError
    from .errors import NotFoundError as NotFoundError
    from .errors import PermissionDeniedError as PermissionDeniedError
    from .errors import RateLimitError as RateLimitError
    from .errors import TemplateError as TemplateError
    from .errors import UnprocessableEntityError as UnprocessableEntityError
    from .errors import ValidationError as ValidationError
    from .errors import WebhookVerificationError as WebhookVerificationError
    from .hooks import Hooks as Hooks
    from .phone import to_e164 as to_e164
    from .types import RequestOptions as RequestOptions
    from .webhooks import construct_event as construct_event
    from .webhooks import parse_event as parse_event
    from .webhooks import sign as sign
    from .webhooks import verify_signature as verify_signature

if not TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise accept any name from this package.
    from ._exports import lazy_exports

    __getattr__, __dir__ = lazy_exports(__name__, ["__version__"])
