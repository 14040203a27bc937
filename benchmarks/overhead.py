"""What the SDK itself costs per call, with the network taken out, and where that time goes.

Both sides send through an in-memory :class:`httpx.MockTransport` that answers with the success
envelope, so the figures are client CPU time only: no server, no sockets. Rounds of the two
sides alternate and each side's figure is its fastest round, as :mod:`timeit` reports: a round
can only be slowed by other work on the machine, never sped up.

The SDK here gets an injected client, so it pays httpx's per-request header merge and cookie
extraction like raw httpx does; this row is the cost of the SDK's own layer (argument checks,
validation against the spec, typed models), not of how it configures the client it owns.

``python -m benchmarks.overhead`` prints the per-call overhead and then a profile: for every
function whose own time differs between the SDK and raw httpx, the difference in µs per call
(under cProfile, which inflates every figure by a similar factor, so compare rows with each
other rather than with the overhead above).
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import time
from collections.abc import Callable

import httpx

import contiguity_ext

from .sends import MESSAGE, PAYLOAD, TO, TOKEN, check_sent
from .server import ENVELOPE

__all__ = ["measure_overhead", "profile_difference"]

_URL = "http://127.0.0.1:9"
_HEADERS = [("content-type", "application/json"), ("content-length", str(len(ENVELOPE)))]


def _answer(_request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers=_HEADERS, content=ENVELOPE)


def _raw_sender() -> Callable[[int], None]:
    client = httpx.Client(transport=httpx.MockTransport(_answer))
    headers = {"Authorization": f"Token {TOKEN}"}
    url = _URL + "/send/text"

    def send(n: int) -> None:
        for _ in range(n):
            response = client.post(url, json=PAYLOAD, headers=headers)
            response.raise_for_status()
            check_sent(response.json()["data"]["message_id"])

    return send


def _sdk_sender() -> Callable[[int], None]:
    http_client = httpx.Client(transport=httpx.MockTransport(_answer))
    send_text = contiguity_ext.login(TOKEN, base_url=_URL, http_client=http_client).text.send

    def send(n: int) -> None:
        for _ in range(n):
            check_sent(send_text(to=TO, message=MESSAGE).data.message_id)

    return send


def measure_overhead(*, rounds: int, calls: int) -> dict[str, float]:
    """CPU seconds per call of ``raw`` and ``sdk``: the fastest of ``rounds`` alternating rounds."""
    senders = {"raw": _raw_sender(), "sdk": _sdk_sender()}
    for send in senders.values():
        send(calls)
    samples: dict[str, list[float]] = {"raw": [], "sdk": []}
    order = list(senders.items())
    for index in range(rounds):
        for side, send in order if index % 2 == 0 else reversed(order):
            gc.collect()
            started = time.process_time()
            send(calls)
            samples[side].append((time.process_time() - started) / calls)
    return {side: min(values) for side, values in samples.items()}


def profile_difference(calls: int) -> list[tuple[float, str]]:
    """(µs per call, function) for each function's own time, SDK minus raw, largest first."""
    own_time: dict[str, dict[str, float]] = {}
    for side, send in (("raw", _raw_sender()), ("sdk", _sdk_sender())):
        send(200)
        profiler = cProfile.Profile()
        profiler.runcall(send, calls)
        stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
        own_time[side] = {_where(key): value[2] for key, value in stats.items()}
    names = own_time["raw"].keys() | own_time["sdk"].keys()
    differences = [
        ((own_time["sdk"].get(name, 0.0) - own_time["raw"].get(name, 0.0)) / calls * 1e6, name)
        for name in names
    ]
    return sorted(differences, reverse=True)


def _where(key: tuple[str, int, str]) -> str:
    path, line, function = key
    for marker in ("site-packages/", "contiguity_ext/", "generated/"):
        if marker in path:
            path = (
                path.split(marker, 1)[1] if marker == "site-packages/" else marker + path.split(marker, 1)[1]
            )
            break
    return f"{path}:{line}({function})" if line else function


def main() -> None:
    figures = measure_overhead(rounds=20, calls=500)
    raw, sdk = figures["raw"] * 1e6, figures["sdk"] * 1e6
    print(
        f"CPU per call, no network: raw httpx {raw:.1f} µs, SDK {sdk:.1f} µs, overhead {sdk - raw:+.1f} µs\n"
    )
    print("Own time under cProfile, SDK minus raw, µs per call (top 30):")
    for difference, name in profile_difference(3000)[:30]:
        print(f"{difference:8.2f}  {name}")


if __name__ == "__main__":
    main()
