"""Pytest fixtures for testing code that uses the SDK, registered by installing the package.

::

    def test_welcome_text(contiguity_sandbox):
        with contiguity_sandbox.client() as client:
            client.text.send(to="+15555550123", message="Welcome!")
        assert contiguity_sandbox.messages[0].message == "Welcome!"

``contiguity_sandbox`` is a fresh in-process :class:`~contiguity_ext.testing.Sandbox` for each
test. ``contiguity_sandbox_url`` is the base URL of one sandbox server (``python -m
contiguity_ext.sandbox``, needs the ``sandbox`` extra) on a free loopback port, shared by the
whole session and stopped after it; its state carries over between tests, so tell them apart by
their own numbers or ``POST /_sandbox/reset`` it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .testing import Sandbox

__all__ = ["contiguity_sandbox", "contiguity_sandbox_url"]


# The SDK is imported when a fixture is first used, not when pytest loads this plugin: a test
# session that never asks for a sandbox does not pay for it (and coverage sees the imports).
@pytest.fixture
def contiguity_sandbox() -> Sandbox:
    """An in-process Contiguity API for this test: no sockets, no account, nothing sent."""
    from .testing import Sandbox

    return Sandbox()


@pytest.fixture(scope="session")
def contiguity_sandbox_url() -> Iterator[str]:
    """The base URL of a sandbox server on a free 127.0.0.1 port, stopped after the session."""
    if importlib.util.find_spec("uvicorn") is None or importlib.util.find_spec("starlette") is None:
        pytest.fail(
            "contiguity_sandbox_url needs the sandbox server: pip install 'contiguity-typed[sandbox]'",
            pytrace=False,
        )
    from .sandbox.process import running_sandbox

    with running_sandbox() as url:
        yield url
