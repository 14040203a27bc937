"""Failure scenarios on demand: reserved numbers and the scenario header, in-process and over HTTP.

The retry tests run each scenario twice, against the HTTP sandbox and against the raw-socket
:class:`~tests.faults_server.FaultServer` answering the same way, and expect the SDK to behave
identically: the sandbox's failures are the real thing, not a look-alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ContiguityError,
    InternalServerError,
    RateLimitError,
)
from contiguity_ext.sandbox.process import running_sandbox
from contiguity_ext.sandbox.scenarios import HEADER_SCENARIOS, RESERVED_NUMBERS, SCENARIO_HEADER, SCENARIOS
from contiguity_ext.testing import FakeClock, Sandbox
from tests.support.faults_server import Action, Drop, FaultServer, Hang, Reply
from tests.support.recording import envelope, error_envelope
from tests.support.sandbox import ROOT
from tests.test_faults import CountingTransport

pytest.importorskip("uvicorn")

NUMBER = {name: number for number, name in RESERVED_NUMBERS.items()}
CUSTOMER = "+15555550123"
# Short enough to keep the slow-answer cases quick, long enough for a loaded machine to answer.
TIMEOUT = 0.5


# ---- the table ------------------------------------------------------------------------------


def test_reserved_numbers_are_their_own_block_of_the_fictional_range() -> None:
    assert sorted(RESERVED_NUMBERS) == [f"+1555555018{digit}" for digit in range(6)]
    assert set(RESERVED_NUMBERS.values()) == set(SCENARIOS)
    # The numbers the README, the demo and the tests use for ordinary sends are not among them.
    assert not {"+15555550100", "+15555550123", "+15555550142", "+15555550199"} & set(RESERVED_NUMBERS)


def test_the_documented_table_matches_the_code() -> None:
    guide = (ROOT / "docs" / "sandbox.md").read_text("utf-8")
    for number, name in RESERVED_NUMBERS.items():
        assert f"| `{name}` | `{number}` |" in guide, name


# ---- in-process ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "error_class", "status"),
    [
        ("rate_limited", RateLimitError, 429),
        ("server_error", InternalServerError, 500),
        ("unavailable", InternalServerError, 503),
    ],
)
def test_a_reserved_number_answers_with_its_error_status(
    name: str, error_class: type[APIError], status: int
) -> None:
    sandbox = Sandbox()
    with sandbox.client(max_retries=0) as client, pytest.raises(error_class) as raised:
        client.text.send(to=NUMBER[name], message="hi")
    assert raised.value.status_code == status
    assert raised.value.request_id is not None
    assert raised.value.request_id.startswith("err_")
    if isinstance(raised.value, RateLimitError):
        assert raised.value.retry_after == 1.0
    assert sandbox.messages == []


def test_a_slow_answer_times_the_client_out_in_process_but_the_text_was_sent() -> None:
    sandbox = Sandbox()
    with sandbox.client(max_retries=0, timeout=TIMEOUT) as client, pytest.raises(APITimeoutError):
        client.text.send(to=NUMBER["timeout"], message="hi")
    [sent] = sandbox.messages
    assert sent.to == NUMBER["timeout"]


def test_a_slow_answer_arrives_for_a_patient_client() -> None:
    with scenario_client(Sandbox(), "timeout; delay=0.01", timeout=5.0) as client:
        assert client.domains.list().data.domains == []


def test_a_dropped_connection_is_a_connection_error_and_nothing_is_sent() -> None:
    sandbox = Sandbox()
    with sandbox.client(max_retries=0) as client, pytest.raises(APIConnectionError) as raised:
        client.text.send(to=NUMBER["drop"], message="hi")
    assert raised.value.may_have_been_sent
    assert sandbox.messages == []


def test_an_undeliverable_number_accepts_the_text_then_reports_the_failure() -> None:
    sandbox = Sandbox()
    with sandbox.client() as client:
        message_id = client.text.send(to=NUMBER["undeliverable"], message="hi").data.message_id
        history = client.text.history(NUMBER["undeliverable"], "+15555550100", 20)
    [event] = sandbox.events
    assert event.type == "text.delivery.failed"
    assert event.payload["data"]["message_id"] == message_id
    assert "Undeliverable" in event.payload["data"]["error"]
    [sent] = sandbox.messages
    assert sent.status == "failed"
    assert [entry.delivery.status for entry in history.data.conversation] == ["failed"]


def test_other_numbers_are_delivered() -> None:
    sandbox = Sandbox()
    with sandbox.client() as client:
        client.text.send(to=CUSTOMER, message="hi")
    assert [event.type for event in sandbox.events] == ["text.delivery.confirmed"]


def test_a_configured_token_turns_any_other_into_a_401() -> None:
    sandbox = Sandbox(token="contiguity_sk_right")
    with sandbox.client("contiguity_sk_wrong") as client, pytest.raises(AuthenticationError) as raised:
        client.text.send(to=CUSTOMER, message="hi")
    assert raised.value.status_code == 401
    with sandbox.client() as client:  # the configured token by default
        client.text.send(to=CUSTOMER, message="hi")
    assert len(sandbox.messages) == 1


def test_any_token_is_accepted_when_none_is_configured() -> None:
    with Sandbox().client("anything") as client:
        client.text.send(to=CUSTOMER, message="hi")


def scenario_client(
    sandbox: Sandbox, header: str, max_retries: int = 2, timeout: float = 5.0
) -> contiguity.Contiguity:
    """An SDK client on ``sandbox`` whose every request carries the scenario header."""
    http = httpx.Client(transport=sandbox.transport, headers={SCENARIO_HEADER: header})
    return contiguity.login(
        "t", base_url=sandbox.base_url, http_client=http, max_retries=max_retries, timeout=timeout
    )


def test_the_header_fails_any_operation() -> None:
    sandbox = Sandbox()
    for name, error_class in [("rate_limited", RateLimitError), ("server_error", InternalServerError)]:
        with scenario_client(sandbox, name, max_retries=0) as client, pytest.raises(error_class):
            client.domains.list()


def test_times_fails_only_the_first_requests_carrying_that_header_value() -> None:
    sandbox = Sandbox()
    http = httpx.Client(
        transport=sandbox.transport, base_url=sandbox.base_url, headers={"Authorization": "Token t"}
    )
    header = {SCENARIO_HEADER: "unavailable; times=2; id=first"}
    assert [http.get("/domains", headers=header).status_code for _ in range(3)] == [503, 503, 200]
    other = {SCENARIO_HEADER: "unavailable; times=2; id=second"}
    assert http.get("/domains", headers=other).status_code == 503
    sandbox.reset()
    assert http.get("/domains", headers=header).status_code == 503


def test_retry_after_can_be_chosen() -> None:
    sandbox = Sandbox()
    with (
        scenario_client(sandbox, "rate_limited; retry_after=0", max_retries=0) as client,
        pytest.raises(RateLimitError) as raised,
    ):
        client.domains.list()
    assert raised.value.retry_after == 0.0


@pytest.mark.parametrize(
    ("header", "complaint"),
    [
        ("bogus", "unknown scenario 'bogus'; one of " + ", ".join(HEADER_SCENARIOS)),
        ("undeliverable", "is chosen by recipient: text +15555550185"),
        ("server_error; delay=3", "option 'delay=3' does not apply to 'server_error'"),
        ("timeout; delay=-1", "option 'delay=-1'"),
        ("rate_limited; retry_after=soon", "option 'retry_after=soon'"),
        ("unavailable; times=two", "option 'times=two'"),
    ],
)
def test_a_bad_scenario_header_is_a_400_naming_the_problem(header: str, complaint: str) -> None:
    with scenario_client(Sandbox(), header) as client, pytest.raises(BadRequestError) as raised:
        client.domains.list()
    assert complaint in raised.value.message


def test_sandbox_routes_ignore_the_header() -> None:
    sandbox = Sandbox()
    http = httpx.Client(transport=sandbox.transport, base_url=sandbox.base_url)
    assert http.get("/_sandbox/messages", headers={SCENARIO_HEADER: "server_error"}).status_code == 200


# ---- the SDK's retry policy, against the HTTP sandbox and the raw-socket server --------------

Call = Callable[[contiguity.Contiguity], object]


def send(client: contiguity.Contiguity, to: str = CUSTOMER) -> object:
    return client.text.send(to=to, message="hi")


def read(client: contiguity.Contiguity) -> object:
    return client.domains.list()


# scenario: (what the raw-socket server does instead, error raised, attempts for a send, for a read)
POLICY: dict[str, tuple[Action, type[ContiguityError], int, int]] = {
    "rate_limited": (
        Reply(429, json_body=error_envelope(429, "Too Many Requests"), headers={"Retry-After": "1"}),
        RateLimitError,
        3,
        3,
    ),
    "server_error": (
        Reply(500, json_body=error_envelope(500, "Internal Server Error")),
        InternalServerError,
        1,
        1,
    ),
    "unavailable": (
        Reply(503, json_body=error_envelope(503, "Service Unavailable")),
        InternalServerError,
        1,
        3,
    ),
    "timeout": (Hang(), APITimeoutError, 1, 3),
    "drop": (Drop(), APIConnectionError, 1, 3),
}


class Target:
    """Where the clients of one retry test go, and how to make that place fail."""

    def __init__(self, base_url: str, headers: dict[str, str] | None = None) -> None:
        self.base_url = base_url
        self.headers = headers
        self.clock = FakeClock()
        self.delays = self.clock.sleeps
        self.transport = CountingTransport()

    def client(self) -> contiguity.Contiguity:
        http = httpx.Client(transport=self.transport, headers=self.headers)
        return contiguity.login(
            "contiguity_sk_retry", base_url=self.base_url, timeout=TIMEOUT, http_client=http, clock=self.clock
        )


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    with FaultServer() as server:
        yield server


def fail(
    target_kind: str, name: str, call_kind: str, request: pytest.FixtureRequest, times: int | None = None
) -> tuple[Target, Call]:
    """A client and call failing as scenario ``name`` says, ``times`` times (always when None)."""
    action = POLICY[name][0]
    success = Reply(
        200, json_body=envelope({"message_id": "text_1"} if call_kind == "send" else {"domains": []})
    )
    if target_kind == "socket":
        server: FaultServer = request.getfixturevalue("fault_server")
        server.play(*([action] * (times or 10)), success)
        target = Target(server.url)
        return target, send if call_kind == "send" else read
    sandbox_url: str = request.getfixturevalue("sandbox_url")
    if call_kind == "send" and times is None:
        # A reserved recipient, exactly as a user's test would write it.
        return Target(sandbox_url), lambda client: send(client, NUMBER[name])
    header = f"{name}; id={request.node.nodeid}" + ("" if times is None else f"; times={times}")
    return Target(sandbox_url, {SCENARIO_HEADER: header}), send if call_kind == "send" else read


@pytest.mark.parametrize("target_kind", ["sandbox", "socket"])
@pytest.mark.parametrize("call_kind", ["send", "read"])
@pytest.mark.parametrize("name", list(POLICY))
def test_each_scenario_is_retried_as_the_policy_says(
    request: pytest.FixtureRequest, target_kind: str, call_kind: str, name: str
) -> None:
    _action, error_class, send_attempts, read_attempts = POLICY[name]
    target, call = fail(target_kind, name, call_kind, request)
    with target.client() as client, pytest.raises(error_class):
        call(client)
    attempts = send_attempts if call_kind == "send" else read_attempts
    assert target.transport.attempts == attempts
    if name == "rate_limited":
        assert target.delays == [1.0, 1.0]
    else:
        assert len(target.delays) == attempts - 1


@pytest.mark.parametrize("target_kind", ["sandbox", "socket"])
@pytest.mark.parametrize(
    ("name", "call_kind"),
    [
        ("rate_limited", "send"),
        ("rate_limited", "read"),
        ("unavailable", "read"),
        ("timeout", "read"),
        ("drop", "read"),
    ],
)
def test_a_retried_call_succeeds_once_the_scenario_passes(
    request: pytest.FixtureRequest, target_kind: str, name: str, call_kind: str
) -> None:
    target, call = fail(target_kind, name, call_kind, request, times=2)
    with target.client() as client:
        call(client)
    assert target.transport.attempts == 3


def test_a_send_that_timed_out_over_http_reached_the_sandbox_once(sandbox_url: str) -> None:
    target = Target(sandbox_url)
    before = len(httpx.get(f"{sandbox_url}/_sandbox/messages").json()["data"]["messages"])
    with target.client() as client, pytest.raises(APITimeoutError):
        send(client, NUMBER["timeout"])
    messages = httpx.get(f"{sandbox_url}/_sandbox/messages").json()["data"]["messages"]
    assert [m["to"] for m in messages[before:]] == [NUMBER["timeout"]]


def test_the_http_sandbox_requires_the_configured_token() -> None:
    with running_sandbox("--token", "contiguity_sk_right") as url:
        with (
            contiguity.login("contiguity_sk_wrong", base_url=url) as client,
            pytest.raises(AuthenticationError),
        ):
            send(client)
        with contiguity.login("contiguity_sk_right", base_url=url) as client:
            send(client)
