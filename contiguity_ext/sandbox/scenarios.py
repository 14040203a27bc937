"""Failures on demand: make the sandbox answer the way a struggling API does.

Two triggers, documented in ``docs/sandbox.md``:

* a request header, ``Contiguity-Sandbox-Scenario: NAME[; times=N][; retry_after=S][; delay=S][; id=X]``,
  on any API route (``times=N``: only the first N requests carrying that exact header value
  fail, so a retried call can succeed; ``id=X`` tells apart tests sharing one sandbox);
* a reserved fictional recipient, :data:`RESERVED_NUMBERS`, as the ``to`` of any request body:
  every request to it fails the same way. The undeliverable number exists only this way, since
  what fails is the delivery of a text, after the API accepted it.

The numbers sit in the NANP range reserved for fiction (555-0100 to 555-0199), in a block of
their own (555-0180 to 555-0185) so everyday examples using other 555-01xx numbers never hit one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .core import SandboxError

__all__ = [
    "HEADER_SCENARIOS",
    "RESERVED_NUMBERS",
    "SCENARIOS",
    "SCENARIO_HEADER",
    "UNDELIVERABLE_NUMBER",
    "Scenario",
    "scenario_for",
]

SCENARIO_HEADER = "Contiguity-Sandbox-Scenario"

# The SDK's default read timeout is 30 s; a slow answer takes twice that unless `delay=` says.
_DEFAULT_DELAY = 60.0


@dataclass(frozen=True)
class Scenario:
    """How to fail one request.

    ``status``: answer with this error instead of serving the call. ``delay``: serve the call,
    then hold the answer this many seconds (a client with a shorter timeout gives up; the call
    still took effect). ``drop``: close the connection without answering, the call not served.
    ``undeliverable``: accept a text, then report it failed (``text.delivery.failed``).
    """

    name: str
    description: str
    status: int | None = None
    message: str = ""
    retry_after: float | None = None
    delay: float = 0.0
    drop: bool = False
    undeliverable: bool = False

    def error(self) -> SandboxError | None:
        """The API error this scenario answers with, if it answers with one."""
        if self.status is None:
            return None
        headers = {} if self.retry_after is None else {"Retry-After": _seconds(self.retry_after)}
        return SandboxError(self.status, self.message, headers=headers)


SCENARIOS: dict[str, Scenario] = {
    scenario.name: scenario
    for scenario in (
        Scenario(
            "rate_limited",
            "429 Too Many Requests with `Retry-After: 1`",
            status=429,
            message="Too Many Requests: rate limit exceeded",
            retry_after=1.0,
        ),
        Scenario("server_error", "500 Internal Server Error", status=500, message="Internal Server Error"),
        Scenario("unavailable", "503 Service Unavailable", status=503, message="Service Unavailable"),
        Scenario(
            "timeout",
            f"serves the call, then answers after {_DEFAULT_DELAY:.0f} s (the SDK's timeout: 30 s)",
            delay=_DEFAULT_DELAY,
        ),
        Scenario("drop", "closes the connection without answering; the call is not served", drop=True),
        Scenario(
            "undeliverable",
            "accepts a text, then raises `text.delivery.failed` instead of `text.delivery.confirmed`",
            undeliverable=True,
        ),
    )
}

HEADER_SCENARIOS = tuple(name for name, scenario in SCENARIOS.items() if not scenario.undeliverable)
"""The scenarios a header can ask for: all but ``undeliverable``, which only its number triggers."""

RESERVED_NUMBERS: dict[str, str] = {
    "+15555550180": "rate_limited",
    "+15555550181": "server_error",
    "+15555550182": "unavailable",
    "+15555550183": "timeout",
    "+15555550184": "drop",
    "+15555550185": "undeliverable",
}
"""Recipient → scenario: any request whose body's ``to`` is one of these fails that way."""

UNDELIVERABLE_NUMBER = next(number for number, name in RESERVED_NUMBERS.items() if name == "undeliverable")


def scenario_for(
    count_use: Callable[[str], int], headers: Mapping[str, str], body: Mapping[str, Any]
) -> Scenario | None:
    """The scenario a request asks for, by header or by recipient; None to serve it normally.

    ``count_use(key)`` counts the requests seen with ``key``, this one included.

    Raises :class:`SandboxError` (400) for a header naming no scenario or with bad parameters.
    """
    value = next((v for k, v in headers.items() if k.lower() == SCENARIO_HEADER.lower()), None)
    if value is not None:
        scenario, times = _parse(value)
        if times is None or count_use(f"scenario:{value}") <= times:
            return scenario
        return None
    recipient = body.get("to")
    if isinstance(recipient, str) and recipient in RESERVED_NUMBERS:
        return SCENARIOS[RESERVED_NUMBERS[recipient]]
    return None


def _parse(value: str) -> tuple[Scenario, int | None]:
    name, *options = (part.strip() for part in value.split(";"))
    scenario = SCENARIOS.get(name)
    if scenario is not None and scenario.undeliverable:
        raise SandboxError(
            400, f"{SCENARIO_HEADER}: {name!r} is chosen by recipient: text {UNDELIVERABLE_NUMBER}"
        )
    if scenario is None:
        raise SandboxError(
            400, f"{SCENARIO_HEADER}: unknown scenario {name!r}; one of {', '.join(HEADER_SCENARIOS)}"
        )
    times: int | None = None
    for option in filter(None, options):
        key, _, raw = (piece.strip() for piece in option.partition("="))
        if key == "id" and raw:
            continue
        if key == "times" and raw.isdigit():
            times = int(raw)
        elif key == "retry_after" and scenario.retry_after is not None and _is_seconds(raw):
            scenario = replace(scenario, retry_after=float(raw))
        elif key == "delay" and scenario.delay and _is_seconds(raw):
            scenario = replace(scenario, delay=float(raw))
        else:
            raise SandboxError(400, f"{SCENARIO_HEADER}: option {option!r} does not apply to {name!r}")
    return scenario, times


def _is_seconds(raw: str) -> bool:
    try:
        seconds = float(raw)
    except ValueError:
        return False
    return math.isfinite(seconds) and seconds >= 0


def _seconds(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
