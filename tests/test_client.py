"""How a client is created, where it sends requests, and what it logs."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext import _spec, _transport, phone
from tests.support.driven import Clients, collect_garbage, underlying
from tests.support.recording import Recorder

PHONE = "+15555555555"


def test_token_is_stripped_and_sent_with_the_token_scheme(recorder: Recorder, clients: Clients) -> None:
    clients.over(recorder, "  contiguity_sk_abc \n").text.send(to=PHONE, message="hi")
    assert recorder.requests[0].headers["authorization"] == "Token contiguity_sk_abc"
    assert recorder.requests[0].headers["user-agent"].startswith("contiguity-typed-python/")
    assert recorder.requests[0].headers["accept"] == "application/json"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"CONTIGUITY_API_KEY": "from_api_key", "CONTIGUITY_TOKEN": "from_token"}, "from_api_key"),
        ({"CONTIGUITY_TOKEN": "from_token"}, "from_token"),
        ({"CONTIGUITY_API_KEY": "  ", "CONTIGUITY_TOKEN": "from_token"}, "from_token"),
    ],
)
def test_token_falls_back_to_the_environment(
    monkeypatch: pytest.MonkeyPatch,
    recorder: Recorder,
    clients: Clients,
    environment: dict[str, str],
    expected: str,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = clients.over(recorder, None)
    client.text.send(to=PHONE, message="hi")
    assert recorder.requests[0].headers["authorization"] == f"Token {expected}"


def test_an_explicit_token_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, recorder: Recorder, clients: Clients
) -> None:
    monkeypatch.setenv("CONTIGUITY_API_KEY", "from_env")
    clients.over(recorder, "explicit").text.send(to=PHONE, message="hi")
    assert recorder.requests[0].headers["authorization"] == "Token explicit"


def test_operations_go_to_their_own_hosts_by_default(recorder: Recorder, clients: Clients) -> None:
    client = clients.over(recorder)
    client.text.send(to=PHONE, message="hi")
    recorder.handler = lambda _r: httpx.Response(200, json={"plan": "free", "quota": 1})
    client.quota.retrieve()
    recorder.handler = lambda _r: httpx.Response(200, json={"status": "delivered"})
    client.email_analytics.retrieve("eml_1")
    assert [str(r.url) for r in recorder.requests] == [
        "https://api.contiguity.com/send/text",
        "https://api.contiguity.co/user/get/quota",
        "https://orwell.contiguity.co/email/status/eml_1",
    ]


@pytest.mark.parametrize("via_environment", [False, True])
def test_base_url_sends_every_call_there_including_legacy_ones(
    monkeypatch: pytest.MonkeyPatch, recorder: Recorder, clients: Clients, via_environment: bool
) -> None:
    if via_environment:
        monkeypatch.setenv("CONTIGUITY_BASE_URL", "http://127.0.0.1:8080/")
        client = clients.over(recorder)
    else:
        client = clients.over(recorder, base_url="http://127.0.0.1:8080/")
    client.text.send(to=PHONE, message="hi")
    recorder.handler = lambda _r: httpx.Response(200, json={"plan": "free"})
    client.quota.retrieve()
    client.email_analytics.retrieve("eml_1")
    assert {r.url.host for r in recorder.requests} == {"127.0.0.1"}
    assert [r.url.path for r in recorder.requests] == ["/send/text", "/user/get/quota", "/email/status/eml_1"]


@pytest.mark.parametrize("left_out", [{}, {"body": None}], ids=["no-field", "body-none"])
def test_an_operation_whose_fields_are_all_left_out_still_sends_a_json_body(
    recorder: Recorder, clients: Clients, left_out: dict[str, Any]
) -> None:
    # The vendor's documents require a body on such operations, and its own SDK sends {}.
    recorder.handler = lambda _r: httpx.Response(
        200, json=_spec.example({"$ref": "#/components/schemas/LeaseResponse"})
    )
    clients.over(recorder).numbers.lease(PHONE, **left_out)
    [request] = recorder.requests
    assert (request.content, request.headers["content-type"]) == (b"{}", "application/json")


def test_path_parameters_are_normalised_and_url_encoded(recorder: Recorder, clients: Clients) -> None:
    recorder.answer({"conversation": [], "reactions": [], "chat": {"limit": 5, "total": 0, "count": 0}})
    clients.over(recorder).text.history("(555) 555-5555", "555.555.5556", 5, tracking=True)
    url = recorder.requests[0].url
    assert url.raw_path == b"/conversations/history/text/%2B15555555555/%2B15555555556/5?tracking=true"


def test_region_applies_to_national_numbers(recorder: Recorder, clients: Clients) -> None:
    clients.over(recorder, region="GB").text.send(to="020 7946 0958", message="hi")
    assert recorder.last_json["to"] == "+442079460958"


def test_repr_never_shows_the_token(recorder: Recorder, clients: Clients) -> None:
    client = underlying(clients.over(recorder, "contiguity_sk_secret"))
    text = repr(client) + repr(client._context) + repr(client.text)  # type: ignore[attr-defined]
    assert "contiguity_sk_secret" not in text
    assert "redacted" in repr(client)


def test_sync_client_closes_its_pool(recorder: Recorder) -> None:
    http_client = httpx.Client(transport=httpx.MockTransport(recorder))
    with contiguity.login("t", http_client=http_client) as client:
        client.text.send(to=PHONE, message="hi")
    assert http_client.is_closed


async def test_async_client_closes_its_pool(recorder: Recorder) -> None:
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    async with contiguity.login_async("t", http_client=http_client) as client:
        assert (await client.text.send(to=PHONE, message="hi")).data.message_id == "text_1"
    assert http_client.is_closed


def test_one_pooled_http_client_serves_every_call(clients: Clients) -> None:
    client = underlying(clients.login("t"))
    assert client.text._context.transport._client is client.otp._context.transport._client  # type: ignore[attr-defined]


def test_debug_logs_one_line_per_request_without_the_token(
    recorder: Recorder,
    clients: Clients,
    caplog: pytest.LogCaptureFixture,
    quarter_second_timer: Callable[[ModuleType], None],
) -> None:
    quarter_second_timer(_transport)
    client = clients.over(recorder, "contiguity_sk_secret", debug=True)
    with caplog.at_level(logging.DEBUG, logger="contiguity"):
        client.text.send(to=PHONE, message="hi")
    lines = [r.getMessage() for r in caplog.records if r.name == "contiguity"]
    assert lines == ["POST /send/text -> 200 (request id req_test) in 250.0 ms"]
    assert "contiguity_sk_secret" not in caplog.text


def test_contiguity_log_variable_enables_debug(
    monkeypatch: pytest.MonkeyPatch, recorder: Recorder, clients: Clients
) -> None:
    monkeypatch.setenv("CONTIGUITY_LOG", "debug")
    logger = logging.getLogger("contiguity")
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    clients.over(recorder)
    assert logger.level == logging.DEBUG


def test_unknown_response_fields_are_kept(recorder: Recorder, clients: Clients) -> None:
    recorder.answer({"message_id": "text_1", "segments": 2})
    result = clients.over(recorder).text.send(to=PHONE, message="hi")
    assert result.data.additional_properties == {"segments": 2}


def test_request_bodies_never_carry_nulls(recorder: Recorder, clients: Clients) -> None:
    recorder.answer({"email_id": "eml_1"})
    clients.over(recorder).email.send(
        to="a@example.com", from_="Me", subject="s", text="t", cc=None, reply_to=None
    )
    assert recorder.last_json == {"to": "a@example.com", "from": "Me", "subject": "s", "text": "t"}


def test_reply_answers_on_the_number_the_event_reached(recorder: Recorder, clients: Clients) -> None:
    from contiguity_client.models import TextIncomingSmsEvent

    event = TextIncomingSmsEvent.from_dict(
        {
            "id": "evt_1",
            "type": "text.incoming.sms",
            "timestamp": 1,
            "api_version": "v2026.8.2",
            "data": {"from": "+15555550100", "to": "+15555550199", "body": "hi", "timestamp": 1},
        }
    )
    clients.over(recorder).text.reply(event, "thanks!")
    assert recorder.last_json == {"to": "+15555550100", "from": "+15555550199", "message": "thanks!"}


def test_agreements_accept_applies_the_named_entitlement(recorder: Recorder, clients: Clients) -> None:
    recorder.answer({"granted": True, "entitlement_id": "ent_1"})
    result = clients.over(recorder).agreements.accept("https://api.contiguity.com/entitlements/fast_track")
    assert result.data.granted is True
    assert (recorder.requests[0].method, recorder.requests[0].url.path) == (
        "POST",
        "/entitlements/fast_track",
    )


def test_number_filters_apply_locally_and_recount(recorder: Recorder, clients: Clients) -> None:
    def number(e164: str, channels: list[str], city: str, status: str = "available") -> dict[str, object]:
        return {
            "id": e164,
            "status": status,
            "number": {"e164": e164, "formatted": e164},
            "location": {"country": "US", "region": "FL", "city": city},
            "carrier": "T-Mobile",
            "capabilities": {"intl_sms": False, "channels": channels},
            "health": {"reputation": 0.9, "previous_owners": 0},
            "data": {},
            "created_at": 1718851200,
            "pricing": {"currency": "USD", "upfront_fee": 0, "monthly_rate": 5},
        }

    recorder.answer(
        {
            "available": 3,
            "numbers": [
                number("+13055550100", ["sms", "mms", "imessage"], "Miami"),
                number("+13055550101", ["sms"], "Miami"),
                number("+13055550102", ["sms", "imessage"], "Tampa"),
            ],
        }
    )
    result = clients.over(recorder).numbers.available(channels=["imessage", "sms"], city="miami")
    assert result.data.available == 1
    assert [n.id for n in result.data.numbers] == ["+13055550100"]


def test_classic_email_maps_reply_to_and_never_sends_the_legacy_keys(
    recorder: Recorder, clients: Clients
) -> None:
    recorder.answer({"email_id": "eml_1"})
    clients.over(recorder).send.email(
        {
            "to": "a@example.com",
            "from": "Contiguity",
            "subject": "s",
            "html": "<b>x</b>",
            "replyTo": "r@example.com",
        }
    )
    assert recorder.last_json == {
        "to": "a@example.com",
        "from": "Contiguity",
        "subject": "s",
        "html": "<b>x</b>",
        "reply_to": "r@example.com",
    }


def test_otp_calls_return_what_the_original_sdk_returned(recorder: Recorder, clients: Clients) -> None:
    client = clients.over(recorder)
    recorder.answer({"otp_id": "otp_1"})
    assert client.otp.send({"to": PHONE, "language": "en", "name": "Contiguity"}) == "otp_1"
    recorder.answer({"verified": False})
    assert client.otp.verify({"otp_id": "otp_1", "otp": "000000"}) is False
    recorder.answer({"resent": True})
    assert client.otp.resend({"otp_id": "otp_1"}) is True
    assert [r.url.path for r in recorder.requests] == ["/otp/new", "/otp/verify", "/otp/resend"]


async def test_a_client_that_is_never_closed_releases_its_pool_when_collected(is_async: bool) -> None:
    client = contiguity.login_async("t") if is_async else contiguity.login("t")
    pool = client._context.transport._client
    del client
    await collect_garbage()
    assert pool.is_closed


def test_a_pool_collected_outside_any_event_loop_or_failing_to_close_says_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    async_client = contiguity.login_async("t")  # collected with no loop to close it on
    sync_client = contiguity.login("t")
    pool = sync_client._context.transport._client

    def fail() -> None:
        raise OSError("socket already gone")

    monkeypatch.setattr(pool, "close", fail)
    del async_client, sync_client
    gc.collect()
    assert unraisable == []


def _run_fresh(program: str) -> subprocess.CompletedProcess[str]:
    """Run ``program`` in a new interpreter, from the repository root."""
    return subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
    )


def test_clients_left_open_at_exit_say_nothing() -> None:
    # The original SDK's users never close clients: the interpreter's shutdown collects them,
    # when importing (asyncio, for instance) is no longer possible.
    finished = _run_fresh(
        "import contiguity_ext as c\n"
        "kept = [c.login('t'), c.login_async('t'), c.Contiguity('t'), c.AsyncContiguity('t')]\n"
    )
    assert (finished.returncode, finished.stderr) == (0, "")


def test_the_default_region_is_not_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    def looked_up(region: str) -> str:
        raise AssertionError(f"{region!r} was looked up in phonenumbers' metadata")

    monkeypatch.setattr(phone, "check_region", looked_up)
    for make in (contiguity.login, contiguity.login_async, contiguity.Contiguity, contiguity.AsyncContiguity):
        assert make("t")._context.region == "US"


def test_a_default_client_loads_neither_phone_metadata_nor_hooks() -> None:
    # phonenumbers' metadata is most of what making a client would cost (US needs no lookup),
    # and hooks load only for a client given some.
    loaded = "print(*(name in sys.modules for name in ('phonenumbers', 'contiguity_ext.hooks')))\n"
    program = (
        "import sys, contiguity_ext as c\n"
        "clients = [c.login('t'), c.login_async('t'), c.Contiguity('t'), c.AsyncContiguity('t')]\n"
        f"{loaded}"
        "c.login('t', region='GB', hooks=c.hooks.Hooks())\n"
        f"{loaded}"
    )
    assert _run_fresh(program).stdout.split() == ["False", "False", "True", "True"]


async def test_an_injected_http_client_is_left_to_its_owner(recorder: Recorder, is_async: bool) -> None:
    transport = httpx.MockTransport(recorder)
    if is_async:
        async_pool = httpx.AsyncClient(transport=transport)
        contiguity.login_async("t", http_client=async_pool)
        await collect_garbage()
        assert not async_pool.is_closed
        await async_pool.aclose()
    else:
        pool = httpx.Client(transport=transport)
        contiguity.login("t", http_client=pool)
        await collect_garbage()
        assert not pool.is_closed
        pool.close()
