"""The client's own cookie jar: answers without ``Set-Cookie`` skip it, cookies still work."""

from __future__ import annotations

import http.cookiejar
from collections.abc import Iterator

import pytest

import contiguity_ext as contiguity
from tests.support.faults_server import FaultServer, Reply
from tests.support.recording import envelope

PHONE = "+15555555555"
SENT = envelope({"message_id": "text_1"})


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


@pytest.fixture
def jar_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every time urllib's cookie machinery is handed a response."""
    calls: list[str] = []
    original = http.cookiejar.CookieJar.extract_cookies

    def counting(self: http.cookiejar.CookieJar, response: object, request: object) -> None:
        calls.append(type(response).__name__)
        original(self, response, request)  # type: ignore[arg-type]

    monkeypatch.setattr(http.cookiejar.CookieJar, "extract_cookies", counting)
    return calls


def _with_cookie() -> Reply:
    return Reply(200, json_body=SENT, headers={"Set-Cookie": "lb=node-2; Path=/"})


def test_answers_without_cookies_never_reach_the_jar(server: FaultServer, jar_calls: list[str]) -> None:
    server.play(Reply(200, json_body=SENT), Reply(200, json_body=SENT))
    with contiguity.login("token", base_url=server.url) as client:
        client.text.send(to=PHONE, message="one")
        client.text.send(to=PHONE, message="two")
    assert jar_calls == []
    assert len(server.wait_for_requests(2)) == 2


def test_a_cookie_that_is_set_is_sent_back(server: FaultServer, jar_calls: list[str]) -> None:
    server.play(_with_cookie(), Reply(200, json_body=SENT))
    with contiguity.login("token", base_url=server.url) as client:
        client.text.send(to=PHONE, message="one")
        client.text.send(to=PHONE, message="two")
    first, second = server.wait_for_requests(2)
    assert len(jar_calls) == 1
    assert "cookie" not in first.headers
    assert second.headers["cookie"] == "lb=node-2"


async def test_the_async_client_keeps_cookies_too(server: FaultServer, jar_calls: list[str]) -> None:
    server.play(Reply(200, json_body=SENT), _with_cookie(), Reply(200, json_body=SENT))
    async with contiguity.login_async("token", base_url=server.url) as client:
        for message in ("one", "two", "three"):
            await client.text.send(to=PHONE, message=message)
    *_, last = server.wait_for_requests(3)
    assert len(jar_calls) == 1
    assert last.headers["cookie"] == "lb=node-2"
