"""The retry policy: :data:`POLICY` says it in words, the functions below apply it.

Messaging calls are not idempotent and the API has no idempotency key, so the policy separates
failures where the request provably never reached the server (safe to repeat for any call) from
those where it may have (safe only for reads). The functions are pure, so the policy is tested
as a table.
"""

from __future__ import annotations

import datetime
import email.utils
import random
import time
from collections.abc import Mapping

import httpx

DEFAULT_MAX_RETRIES = 2
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A server asking for a longer pause than this gets an error instead of a blocked caller.
MAX_RETRY_AFTER = 60.0

POLICY = """
    Retries (``max_retries``, 0 to 10, default 2, so at most 3 attempts; 0 disables them): with
    exponential backoff (0.5 s doubling to 8 s, with jitter) or the server's ``Retry-After`` when it
    is at most 60 s. Any call is retried when the connection failed before the request was sent, and on 408
    and 429. Reads (GET) are also retried on 502, 503, 504, timeouts and dropped connections. A
    send (text, email, OTP, iMessage, WhatsApp, reactions, ...) is never sent again once it may
    have reached the server, so a timeout or 5xx raises instead of risking a duplicate message.
    The default timeout is 30 s (5 s to connect).
"""
"""The policy in words, the one copy: the clients' docstrings end with it and the README links here."""

# The server answered without acting on the request: always safe to send again.
RETRY_ANY_STATUSES = frozenset({408, 429})
# Gateways failing: the request may have been processed, so only reads are repeated.
RETRY_READ_STATUSES = frozenset({502, 503, 504})

# Raised before a single byte of the request left this machine.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait, from ``retry-after-ms`` or ``retry-after``.

    ``retry-after`` may be seconds (fractions allowed) or an HTTP date. Anything unparsable or
    negative yields ``None``.
    """
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            value = float(milliseconds) / 1000
        except ValueError:
            value = -1.0
        if value >= 0:
            return value
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:
            # asctime dates carry no zone; HTTP dates are always GMT (RFC 9110, 5.6.7).
            moment = moment.replace(tzinfo=datetime.timezone.utc)
        seconds = moment.timestamp() - (time.time() if now is None else now)
    if seconds != seconds or seconds < 0:  # NaN or in the past
        return None
    return seconds


def backoff_delay(retries_done: int, retry_after: float | None = None) -> float:
    """How long to sleep before the next attempt.

    The server's ``Retry-After`` wins when it is within :data:`MAX_RETRY_AFTER`; otherwise an
    exponential delay (0.5 s, 1 s, 2 s, … capped at 8 s) shortened by up to 25% of jitter so
    that many clients rate-limited together do not return together.
    """
    if retry_after is not None and retry_after <= MAX_RETRY_AFTER:
        return retry_after
    delay = min(INITIAL_RETRY_DELAY * 2.0**retries_done, MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())


def should_retry_status(status_code: int, *, is_read: bool, retry_after: float | None) -> bool:
    """Whether an error status is worth another attempt under the policy."""
    if retry_after is not None and retry_after > MAX_RETRY_AFTER:
        return False
    if status_code in RETRY_ANY_STATUSES:
        return True
    return is_read and status_code in RETRY_READ_STATUSES


def should_retry_exception(error: httpx.TransportError, *, is_read: bool) -> bool:
    """Whether a transport failure is worth another attempt under the policy."""
    return isinstance(error, NOT_SENT_ERRORS) or is_read
