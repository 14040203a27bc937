"""Delivering the sandbox's webhook events, signed like Contiguity signs them.

Two ways, neither of which can fail the API call that raised the event:

* :class:`CallbackDelivery` hands each event to a function in the same process (what
  :class:`contiguity_ext.testing.Sandbox` uses), right after the call that raised it;
* :class:`HttpDelivery` POSTs each event to a URL from a background thread, so the server
  answers the API call without waiting for the webhook receiver.

A failed delivery is logged on ``contiguity.sandbox`` and dropped; like Contiguity, the sandbox
does not promise retries.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ..webhooks import SIGNATURE_HEADER, sign
from .core import WebhookEvent

__all__ = ["CallbackDelivery", "HttpDelivery", "WebhookDelivery", "prepare"]

logger = logging.getLogger("contiguity.sandbox")


@dataclass(frozen=True)
class WebhookDelivery:
    """One webhook request: the exact body bytes and the headers that go with them.

    ``headers`` carries ``Contiguity-Signature`` when a secret is configured. ``url`` is the
    event's own destination (a reverse OTP session's ``success_url``), or None for the account
    webhook.
    """

    event: WebhookEvent
    body: bytes
    headers: dict[str, str]
    url: str | None

    @property
    def type(self) -> str:
        return self.event.type

    @property
    def payload(self) -> dict[str, Any]:
        return self.event.payload


def prepare(event: WebhookEvent, secret: str | None) -> WebhookDelivery:
    """Serialise ``event`` once and sign those bytes (unsigned when ``secret`` is empty)."""
    body = json.dumps(event.payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": "contiguity-sandbox"}
    if secret:
        headers[SIGNATURE_HEADER] = sign(body, secret)
    return WebhookDelivery(event, body, headers, event.destination)


class CallbackDelivery:
    """Calls ``callback`` with each :class:`WebhookDelivery`; its exceptions are logged."""

    def __init__(self, callback: Callable[[WebhookDelivery], object], secret: str | None = None) -> None:
        self._callback = callback
        self._secret = secret

    def __call__(self, event: WebhookEvent) -> None:
        try:
            self._callback(prepare(event, self._secret))
        except Exception:
            logger.exception("webhook callback failed for %s %s", event.type, event.payload["id"])


_STOP = object()


class HttpDelivery:
    """POSTs events to ``url`` (or the event's own destination) from one background thread.

    Calling the instance only queues the event. :meth:`close` delivers what is queued, then
    stops the thread.
    """

    def __init__(self, url: str | None, secret: str | None = None, *, timeout: float = 10.0) -> None:
        self._url = url
        self._secret = secret
        self._timeout = timeout
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="contiguity-sandbox-webhooks", daemon=True)
        self._thread.start()

    def __call__(self, event: WebhookEvent) -> None:
        self._queue.put(event)

    def close(self, timeout: float | None = None) -> None:
        self._queue.put(_STOP)
        self._thread.join(timeout)

    def _run(self) -> None:
        with httpx.Client(timeout=self._timeout) as client:
            while (event := self._queue.get()) is not _STOP:
                assert isinstance(event, WebhookEvent)
                self._post(client, event)

    def _post(self, client: httpx.Client, event: WebhookEvent) -> None:
        url = event.destination or self._url
        if url is None:
            return
        delivery = prepare(event, self._secret)
        try:
            response = client.post(url, content=delivery.body, headers=delivery.headers)
        except Exception as error:  # a bad URL or a dead receiver must not stop later deliveries
            logger.warning("webhook %s to %s failed: %s", event.type, url, error)
            return
        if response.is_success:
            logger.info("webhook %s delivered to %s", event.type, url)
        else:
            logger.warning("webhook %s to %s answered %s", event.type, url, response.status_code)
