"""The retry policy's pure functions, as tables: what is retried, after how long."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping
from types import SimpleNamespace

import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext import _retry
from contiguity_ext._checks import MAX_RETRIES_LIMIT
from contiguity_ext._retry import (
    backoff_delay,
    parse_retry_after,
    should_retry_exception,
    should_retry_status,
)
from tests.support import REPO

NOW = 1_700_000_000.0  # Tue, 14 Nov 2023 22:13:20 GMT


def http_date(offset: float) -> str:
    return email.utils.formatdate(NOW + offset, usegmt=True)


# ---- parse_retry_after ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param({}, None, id="absent"),
        pytest.param({"retry-after": "2"}, 2.0, id="seconds"),
        pytest.param({"retry-after": "1.5"}, 1.5, id="fractional seconds"),
        pytest.param({"retry-after": " 7 "}, 7.0, id="surrounding whitespace"),
        pytest.param({"retry-after": "0"}, 0.0, id="zero: retry at once"),
        pytest.param({"retry-after": "-1"}, None, id="negative"),
        pytest.param({"retry-after": "-0.5"}, None, id="negative fraction"),
        pytest.param({"retry-after": "60"}, 60.0, id="sixty"),
        pytest.param({"retry-after": "61"}, 61.0, id="sixty-one"),
        pytest.param({"retry-after": "120"}, 120.0, id="two minutes"),
        pytest.param({"retry-after": "99999999999"}, 99999999999.0, id="huge"),
        pytest.param({"retry-after": "NaN"}, None, id="NaN"),
        pytest.param({"retry-after": "-inf"}, None, id="minus infinity"),
        pytest.param({"retry-after": ""}, None, id="empty"),
        pytest.param({"retry-after": "   "}, None, id="blank"),
        pytest.param({"retry-after": "soon"}, None, id="garbage"),
        pytest.param({"retry-after": "5s"}, None, id="seconds with a unit"),
        pytest.param({"retry-after": "0x10"}, None, id="hexadecimal"),
        pytest.param({"retry-after": http_date(30)}, 30.0, id="HTTP date 30 s ahead"),
        pytest.param({"retry-after": http_date(90)}, 90.0, id="HTTP date 90 s ahead"),
        pytest.param({"retry-after": http_date(0)}, 0.0, id="HTTP date now"),
        pytest.param({"retry-after": http_date(-30)}, None, id="HTTP date in the past"),
        pytest.param({"retry-after": "Tuesday, 14-Nov-23 22:13:50 GMT"}, 30.0, id="RFC 850 date"),
        pytest.param({"retry-after": "Tue Nov 14 22:13:50 2023"}, 30.0, id="asctime date, implicitly GMT"),
        pytest.param({"retry-after": "Tue, 14 Nov 2023 23:13:50 +0100"}, 30.0, id="date with an offset"),
        pytest.param({"retry-after": "Tue, 14 Nov 2023 22:13:50"}, 30.0, id="date without a zone is GMT"),
        pytest.param({"retry-after": "Tue, 99 Nov 2023 22:13:50 GMT"}, None, id="impossible date"),
        pytest.param({"retry-after-ms": "1500"}, 1.5, id="milliseconds"),
        pytest.param({"retry-after-ms": "1500", "retry-after": "10"}, 1.5, id="milliseconds win"),
        pytest.param({"retry-after-ms": "0", "retry-after": "10"}, 0.0, id="zero milliseconds win"),
        pytest.param({"retry-after-ms": "soon", "retry-after": "10"}, 10.0, id="bad milliseconds ignored"),
        pytest.param({"retry-after-ms": "-5", "retry-after": "10"}, 10.0, id="negative milliseconds ignored"),
        pytest.param({"retry-after-ms": "NaN", "retry-after": "10"}, 10.0, id="NaN milliseconds ignored"),
        pytest.param({"retry-after-ms": "-5"}, None, id="only negative milliseconds"),
        pytest.param({"retry-after-ms": "120000"}, 120.0, id="milliseconds above the cap"),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(headers, now=NOW) == expected


def test_parse_retry_after_reads_httpx_headers_case_insensitively() -> None:
    headers = httpx.Headers({"Retry-After": "3", "Content-Type": "application/json"})
    assert parse_retry_after(headers) == 3.0
    assert parse_retry_after(httpx.Headers({"Retry-After-Ms": "250"})) == 0.25


def test_parse_retry_after_measures_dates_from_the_clock_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_retry, "time", SimpleNamespace(time=lambda: NOW))
    assert parse_retry_after({"retry-after": http_date(45)}) == 45.0
    assert parse_retry_after({"retry-after": http_date(-1)}) is None


# ---- backoff_delay -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retries_done", "base"),
    [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (10, 8.0), (60, 8.0)],
)
@pytest.mark.parametrize("draw", [0.0, 0.5, 0.999999])
def test_backoff_is_exponential_capped_and_jittered_down_by_at_most_a_quarter(
    monkeypatch: pytest.MonkeyPatch, retries_done: int, base: float, draw: float
) -> None:
    monkeypatch.setattr(_retry, "random", SimpleNamespace(random=lambda: draw))
    delay = backoff_delay(retries_done)
    assert delay == pytest.approx(base * (1 - 0.25 * draw))
    assert 0.75 * base < delay <= base


def test_backoff_stays_within_bounds_for_real_random_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_retry, "random", random.Random(1234))
    for retries_done in range(8):
        base = min(0.5 * 2**retries_done, 8.0)
        delays = [backoff_delay(retries_done) for _ in range(500)]
        assert all(0.75 * base <= delay <= base for delay in delays)
        # Jitter actually spreads the delays rather than returning one constant.
        assert max(delays) - min(delays) > 0.15 * base


def test_backoff_never_exceeds_the_cap() -> None:
    assert _retry.MAX_RETRY_DELAY == 8.0
    assert max(backoff_delay(n) for n in range(100) for _ in range(20)) <= 8.0


@pytest.mark.parametrize("retry_after", [0.0, 0.25, 1.0, 8.5, 30.0, 60.0])
@pytest.mark.parametrize("retries_done", [0, 3, 9])
def test_retry_after_up_to_sixty_seconds_is_used_exactly(retries_done: int, retry_after: float) -> None:
    assert backoff_delay(retries_done, retry_after) == retry_after


@pytest.mark.parametrize("retry_after", [60.001, 61.0, 120.0, 1e9, float("inf")])
def test_retry_after_above_sixty_seconds_falls_back_to_backoff(retry_after: float) -> None:
    assert 0.375 < backoff_delay(0, retry_after) <= 0.5


# ---- should_retry_status -------------------------------------------------------------------

# status: (retried for a send (POST), retried for a read (GET))
STATUS_POLICY: Mapping[int, tuple[bool, bool]] = {
    400: (False, False),
    401: (False, False),
    403: (False, False),
    404: (False, False),
    408: (True, True),
    409: (False, False),
    410: (False, False),
    418: (False, False),
    422: (False, False),
    425: (False, False),
    429: (True, True),
    500: (False, False),
    501: (False, False),
    502: (False, True),
    503: (False, True),
    504: (False, True),
    505: (False, False),
    520: (False, False),
    599: (False, False),
}


@pytest.mark.parametrize("status", sorted(STATUS_POLICY))
@pytest.mark.parametrize("is_read", [False, True], ids=["send", "read"])
def test_should_retry_status(status: int, is_read: bool) -> None:
    expected = STATUS_POLICY[status][is_read]
    assert should_retry_status(status, is_read=is_read, retry_after=None) is expected
    # A Retry-After the client will honour changes nothing about *whether* to retry.
    assert should_retry_status(status, is_read=is_read, retry_after=60.0) is expected


@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
@pytest.mark.parametrize("retry_after", [60.5, 61.0, 120.0, float("inf")])
def test_a_retry_after_beyond_sixty_seconds_is_never_waited_for(status: int, retry_after: float) -> None:
    assert should_retry_status(status, is_read=True, retry_after=retry_after) is False
    assert should_retry_status(status, is_read=False, retry_after=retry_after) is False


def test_status_policy_table_matches_the_module_constants() -> None:
    assert frozenset({408, 429}) == _retry.RETRY_ANY_STATUSES
    assert frozenset({502, 503, 504}) == _retry.RETRY_READ_STATUSES
    assert _retry.MAX_RETRY_AFTER == 60.0


# ---- should_retry_exception ----------------------------------------------------------------

# Every concrete httpx transport error: (retried for a send, retried for a read).
EXCEPTION_POLICY: Mapping[type[httpx.TransportError], tuple[bool, bool]] = {
    # Nothing left the machine: safe for any call.
    httpx.ConnectError: (True, True),
    httpx.ConnectTimeout: (True, True),
    httpx.PoolTimeout: (True, True),
    # The request may have reached the server: reads only.
    httpx.ReadTimeout: (False, True),
    httpx.WriteTimeout: (False, True),
    httpx.ReadError: (False, True),
    httpx.WriteError: (False, True),
    httpx.CloseError: (False, True),
    httpx.RemoteProtocolError: (False, True),
    httpx.LocalProtocolError: (False, True),
    httpx.ProxyError: (False, True),
    httpx.UnsupportedProtocol: (False, True),
}


def _concrete_transport_errors() -> set[type[httpx.TransportError]]:
    found: set[type[httpx.TransportError]] = set()
    pending: list[type[httpx.TransportError]] = [httpx.TransportError]
    while pending:
        cls = pending.pop()
        subclasses = cls.__subclasses__()
        if not subclasses:
            found.add(cls)
        pending.extend(subclasses)
    return found


def test_the_exception_table_covers_every_httpx_transport_error() -> None:
    assert _concrete_transport_errors() <= set(EXCEPTION_POLICY)


@pytest.mark.parametrize("error_class", list(EXCEPTION_POLICY), ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("is_read", [False, True], ids=["send", "read"])
def test_should_retry_exception(error_class: type[httpx.TransportError], is_read: bool) -> None:
    error = error_class("boom", request=httpx.Request("GET", "http://127.0.0.1/"))
    assert should_retry_exception(error, is_read=is_read) is EXCEPTION_POLICY[error_class][is_read]


def test_not_sent_errors_are_exactly_the_connection_phase_ones() -> None:
    assert set(_retry.NOT_SENT_ERRORS) == {httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout}


def test_the_policy_is_written_once_with_the_numbers_the_code_uses() -> None:
    words = " ".join(_retry.POLICY.split())
    for fragment in (
        f"0 to {MAX_RETRIES_LIMIT}, default {_retry.DEFAULT_MAX_RETRIES}, so at most "
        f"{_retry.DEFAULT_MAX_RETRIES + 1} attempts",
        f"{_retry.INITIAL_RETRY_DELAY} s doubling to {_retry.MAX_RETRY_DELAY:g} s",
        f"at most {_retry.MAX_RETRY_AFTER:g} s",
        f"timeout is {_retry.DEFAULT_TIMEOUT.read:g} s ({_retry.DEFAULT_TIMEOUT.connect:g} s to connect)",
    ):
        assert fragment in words
    for client in (contiguity.Contiguity, contiguity.AsyncContiguity):
        assert (client.__doc__ or "").endswith(_retry.POLICY)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](contiguity_ext/_retry.py)" in readme
    assert "doubling" not in readme, "the README links to the policy instead of repeating it"


def test_an_asctime_retry_after_is_read_as_gmt_whatever_the_local_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = 1_700_000_000.0
    asctime = time.asctime(time.gmtime(now + 30))  # "Tue Nov 14 22:14:50 2023": no zone written
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert _retry.parse_retry_after({"retry-after": asctime}, now=now) == 30.0
    finally:
        monkeypatch.undo()
        time.tzset()
