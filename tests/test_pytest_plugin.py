"""The pytest plugin, as a user's test session sees it: fixtures that come with the package."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import httpx
import pytest

from tests.support.sandbox import ROOT

pytest_plugins = ["pytester"]

HTTP_TEST = """
import contiguity_ext


def test_over_http(contiguity_sandbox_url):
    with open("url.txt", "w") as out:
        out.write(contiguity_sandbox_url)
    with contiguity_ext.login("contiguity_sk_test", base_url=contiguity_sandbox_url) as client:
        sent = client.text.send(to="+15555550123", message="Hi")
    assert sent.data.message_id.startswith("text_")


def test_the_server_is_shared_by_the_session(contiguity_sandbox_url):
    assert open("url.txt").read() == contiguity_sandbox_url
"""

ISOLATION_TEST = """
import pytest


@pytest.mark.parametrize("attempt", [1, 2])
def test_each_test_gets_a_fresh_sandbox(contiguity_sandbox, attempt):
    assert contiguity_sandbox.messages == []
    with contiguity_sandbox.client() as client:
        client.text.send(to="+15555550123", message="Hi")
    assert len(contiguity_sandbox.messages) == 1
"""


def readme_example() -> str:
    """The plugin example of the README, verbatim."""
    readme = (ROOT / "README.md").read_text("utf-8")
    [example] = [
        block
        for block in re.findall(r"^```python\n(.*?)^```", readme, re.MULTILINE | re.DOTALL)
        if "def test_" in block and "contiguity_sandbox" in block
    ]
    return str(example)


def test_the_package_registers_the_plugin_with_pytest() -> None:
    [plugin] = [entry for entry in entry_points(group="pytest11") if entry.name == "contiguity"]
    assert plugin.value == "contiguity_ext.pytest_plugin"


def test_the_readme_example_passes_and_each_test_gets_a_fresh_sandbox(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_example=readme_example(), test_isolation=ISOLATION_TEST)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_the_http_sandbox_serves_the_session_and_stops_after_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_http=HTTP_TEST)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    url = (Path(pytester.path) / "url.txt").read_text()
    assert url.startswith("http://127.0.0.1:")
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/_sandbox/messages")


def test_the_fixtures_are_listed_with_their_documentation(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--fixtures", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(
        [
            "*contiguity_sandbox*",
            "*in-process Contiguity API*",
            "*contiguity_sandbox_url*",
            "*stopped after the session*",
        ]
    )
