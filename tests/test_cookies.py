"""The client's own cookie jar: answers without ``Set-Cookie`` skip it, cookies still work."""

from __future__ import annotations

import http.cookiejar
from collections.abc import Iterator

import pytest

from tests.support.driven import Clients
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


def test_answers_without_cookies_never_reach_the_jar(
    server: FaultServer, jar_calls: list[str], clients: Clients
) -> None:
    server.play(Reply(200, json_body=SENT), Reply(200, json_body=SENT))
    client = clients.login("token", base_url=server.url)
    client.text.send(to=PHONE, message="one")
    client.text.send(to=PHONE, message="two")
    assert jar_calls == []
    assert len(server.wait_for_requests(2)) == 2


def test_a_cookie_that_is_set_is_sent_back_on_later_calls(
    server: FaultServer, jar_calls: list[str], clients: Clients
) -> None:
    server.play(Reply(200, json_body=SENT), _with_cookie(), Reply(200, json_body=SENT))
    client = clients.login("token", base_url=server.url)
    for message in ("one", "two", "three"):
        client.text.send(to=PHONE, message=message)
    first, second, third = server.wait_for_requests(3)
    assert len(jar_calls) == 1
    assert "cookie" not in first.headers
    assert "cookie" not in second.headers
    assert third.headers["cookie"] == "lb=node-2"
