"""A local Contiguity API: every operation of ``openapi.yaml``, with in-memory state.

Try the SDK without an account or a phone, in-process::

    from contiguity_ext.testing import Sandbox

    sandbox = Sandbox()
    client = sandbox.client()
    client.text.send(to="+15555550123", message="Hello")
    print(sandbox.messages[-1].message)

or as a server (``pip install contiguity-typed[sandbox]``)::

    python -m contiguity_ext.sandbox --port 8787

Nothing here imports Starlette or uvicorn; only :mod:`.asgi` and ``__main__`` do. See
``docs/sandbox.md`` for the sandbox-only ``/_sandbox/`` routes.
"""

from __future__ import annotations

from .app import EventSink, SandboxApp, SandboxRequest, SandboxResponse
from .core import Clock, SandboxError, SentMessage, WebhookEvent
from .delivery import CallbackDelivery, HttpDelivery, WebhookDelivery
from .fixtures import SANDBOX_NUMBER
from .state import SandboxState

__all__ = [
    "SANDBOX_NUMBER",
    "CallbackDelivery",
    "Clock",
    "EventSink",
    "HttpDelivery",
    "SandboxApp",
    "SandboxError",
    "SandboxRequest",
    "SandboxResponse",
    "SandboxState",
    "SentMessage",
    "WebhookDelivery",
    "WebhookEvent",
]
