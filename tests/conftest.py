"""Shared fixtures. Hypothesis runs derandomised so `make test` is deterministic."""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterator
from types import ModuleType, SimpleNamespace

import pytest
from hypothesis import HealthCheck, settings

from contiguity_ext.sandbox.process import running_sandbox
from contiguity_ext.testing import FakeClock
from tests.support.driven import Clients
from tests.support.mutation import forget_what_may_hide_the_mutant
from tests.support.prism import PrismServer, prism_mock
from tests.support.recording import Recorder
from tests.support.sandbox import SpecClient, make_client

settings.register_profile(
    "ci", derandomize=True, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("explore", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

for variable in ("CONTIGUITY_API_KEY", "CONTIGUITY_TOKEN", "CONTIGUITY_BASE_URL", "CONTIGUITY_LOG"):
    os.environ.pop(variable, None)


@pytest.fixture(autouse=True)
def _fresh_caches_under_mutation() -> None:
    """Under ``make mutation``, what the SDK caches is what the mutated code computes."""
    forget_what_may_hide_the_mutant()


@pytest.fixture
def recorder() -> Recorder:
    """An in-memory API: records every request and answers with a success envelope."""
    return Recorder()


@pytest.fixture(scope="session")
def prism() -> Iterator[PrismServer]:
    """Prism serving openapi.yaml on a free port, validating every request against it."""
    with prism_mock() as server:
        yield server


@pytest.fixture
def clock() -> FakeClock:
    """A clock that stands still until the test advances it."""
    return FakeClock()


@pytest.fixture
def api(clock: FakeClock) -> SpecClient:
    """The in-process sandbox on ``clock``, every answer checked against the spec."""
    return make_client(clock)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Everything Prism serves counts as a contract test, so `-m "not contract"` runs without npm.
    for item in items:
        if "prism" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.contract)


@pytest.fixture(params=[False, True], ids=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    """Each test using it runs once with the sync client and once with the async one."""
    return bool(request.param)


@pytest.fixture
def clients(is_async: bool) -> Iterator[Clients]:
    """Clients of the test's flavour (``is_async``), each looking like the sync one; closed after it."""
    made = Clients(is_async)
    yield made
    made.close()


@pytest.fixture
def quarter_second_timer(monkeypatch: pytest.MonkeyPatch) -> Callable[[ModuleType], None]:
    """Make a module's ``time.perf_counter()`` read a quarter second later at each call."""

    def install(module: ModuleType) -> None:
        ticks = itertools.count(100.0, 0.25)
        monkeypatch.setattr(module, "time", SimpleNamespace(perf_counter=lambda: next(ticks)))

    return install


@pytest.fixture
def sdk_logger() -> Iterator[logging.Logger]:
    """The ``contiguity`` logger, unset and without handlers; restored at the end of the test."""
    logger = logging.getLogger("contiguity")
    level, handlers = logger.level, logger.handlers[:]
    logger.setLevel(logging.NOTSET)
    logger.handlers.clear()
    yield logger
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture(scope="module")
def sandbox_url() -> Iterator[str]:
    """The sandbox served over HTTP on a free loopback port, one per test module."""
    with running_sandbox() as url:
        yield url
