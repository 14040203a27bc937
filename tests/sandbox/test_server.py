"""``python -m contiguity_ext.sandbox``: a real uvicorn server on a free port, driven over HTTP."""

from __future__ import annotations

import asyncio
import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from contiguity_ext.sandbox.__main__ import _listen
from tests.support.sandbox import ROOT, WebhookReceiver, assert_signed, assert_valid

pytest.importorskip("uvicorn")
pytest.importorskip("starlette")

SECRET = "whsec_server_test"
THEM = "+15555550123"


class Server:
    def __init__(self, process: subprocess.Popen[str], url: str, log: Path) -> None:
        self.process = process
        self.url = url
        self.log = log


def start(*args: str, log: Path) -> Server:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "generated"), str(ROOT)])}
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "contiguity_ext.sandbox", "--host", "127.0.0.1", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
            cwd=ROOT,
        )
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout=30)
    line = process.stdout.readline() if ready else ""
    match = re.fullmatch(r"Contiguity sandbox listening on (http://127\.0\.0\.1:\d+)\n", line)
    if match is None:
        process.kill()
        process.wait()
        pytest.fail(f"the sandbox did not start: {line!r}\n{log.read_text()}")
    return Server(process, match[1], log)


def stop(server: Server, sig: signal.Signals = signal.SIGTERM) -> int:
    """Signal the server and wait for it to exit; returns its exit status."""
    server.process.send_signal(sig)
    try:
        return server.process.wait(timeout=30)
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        assert server.process.stdout is not None
        server.process.stdout.close()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def server(tmp_path: Path, receiver: WebhookReceiver) -> Iterator[Server]:
    server = start(
        "--webhook-url", f"{receiver.url}/hook", "--webhook-secret", SECRET, log=tmp_path / "sandbox.log"
    )
    try:
        yield server
    finally:
        if server.process.poll() is None:
            stop(server)


def test_the_server_serves_the_api_and_delivers_signed_webhooks(
    server: Server, receiver: WebhookReceiver
) -> None:
    with httpx.Client(base_url=server.url, headers={"Authorization": "Token contiguity_sk_test"}) as client:
        sent = client.post("/send/text", json={"to": THEM, "message": "Hello from the server"})
        path, headers, body = receiver.next()
        otp_id = client.post("/otp/new", json={"to": THEM, "language": "en"}).json()["data"]["otp_id"]
        code = client.get(f"/_sandbox/otp/{otp_id}").json()["data"]["code"]
        verified = client.post("/otp/verify", json={"otp_id": otp_id, "otp": code}).json()["data"]
        history = client.get("/conversations/history/text/%2B15555550123/+15555550100/5")
        unauthorised = client.get("/numbers/leases", headers={"Authorization": ""})

    assert sent.status_code == 200
    assert_valid("#/components/schemas/MessageSentResponse", sent.json())
    assert path == "/hook"
    assert_signed(headers, body, SECRET)
    event = json.loads(body)
    assert_valid("#/components/schemas/TextDeliveryConfirmedEvent", event)
    assert event["data"]["message_id"] == sent.json()["data"]["message_id"]
    assert verified == {"verified": True}
    assert [m["message"] for m in history.json()["data"]["conversation"]] == ["Hello from the server"]
    assert unauthorised.status_code == 401
    assert_valid("#/components/schemas/ErrorResponse", unauthorised.json())

    # uvicorn shuts down cleanly on SIGTERM, then exits by the signal it received.
    assert stop(server) == -signal.SIGTERM
    log = server.log.read_text()
    assert "Application shutdown complete" in log
    assert f"OTP {otp_id} for {THEM}: {code}" in log


def test_simulated_inbound_texts_reach_the_webhook(server: Server, receiver: WebhookReceiver) -> None:
    with httpx.Client(base_url=server.url, headers={"Authorization": "Token t"}) as client:
        session = client.post("/otp/reverse/initiate", json={"number": THEM}).json()["data"]
        client.post("/_sandbox/inbound", json={"from": THEM, "to": session["to"], "body": session["factor"]})
        first, second = json.loads(receiver.next()[2]), json.loads(receiver.next()[2])
        status = client.get(f"/otp/reverse/verify/{session['otp_id']}").json()["data"]["status"]

    assert (first["type"], second["type"]) == ("text.incoming.sms", "otp.reverse.verified")
    assert_valid("#/components/schemas/TextIncomingSmsEvent", first)
    assert_valid("#/components/schemas/ReverseOtpVerifiedEvent", second)
    assert status == "verified"


def test_the_server_answers_unknown_routes_and_methods_with_envelopes(server: Server) -> None:
    with httpx.Client(base_url=server.url) as client:
        missing = client.get("/nowhere")
        wrong_method = client.patch("/send/text")

    assert (missing.status_code, wrong_method.status_code) == (404, 405)
    assert_valid("#/components/schemas/ErrorResponse", missing.json())
    assert_valid("#/components/schemas/ErrorResponse", wrong_method.json())


def test_the_server_runs_without_webhooks_and_stops_quietly_on_ctrl_c(tmp_path: Path) -> None:
    server = start(log=tmp_path / "sandbox.log")
    try:
        response = httpx.post(
            f"{server.url}/send/text",
            json={"to": THEM, "message": "Hi"},
            headers={"Authorization": "Token t"},
        )
    finally:
        code = stop(server, signal.SIGINT)

    assert response.status_code == 200
    assert code == 0
    log = server.log.read_text()
    assert "Application shutdown complete" in log
    assert "Traceback" not in log


async def test_the_asgi_app_serves_in_process_and_runs_the_shutdown_hook() -> None:
    from contiguity_ext.sandbox import SandboxApp
    from contiguity_ext.sandbox.asgi import create_asgi_app

    stopped: list[bool] = []
    app = create_asgi_app(SandboxApp(), on_shutdown=lambda: stopped.append(True))
    transport = httpx.ASGITransport(app=app)

    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://sandbox.test") as client,
    ):
        auth = {"Authorization": "Token t"}
        leased = await client.post("/numbers/lease/%2B13055550142", headers=auth)
        details = await client.get("/numbers/+13055550142", headers=auth)
        message = await client.post("/send/text", json={"to": THEM, "message": "Hi"}, headers=auth)
        fetched = await client.get(
            f"/conversations/history/message/{message.json()['data']['message_id']}",
            params={"tracking": "true"},
            headers=auth,
        )
        assert stopped == []

    assert leased.status_code == 200
    assert details.json()["data"]["lease_id"] == leased.json()["data"]["lease_id"]
    assert len(fetched.json()["data"]["tracking"]) == 2
    assert stopped == [True]


async def test_accepted_connections_send_answers_without_waiting_for_an_ack() -> None:
    """Without TCP_NODELAY each answer on a kept-alive connection waits for a delayed ACK."""
    listener = _listen("127.0.0.1", 0)
    nodelay: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Capture(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            connection = transport.get_extra_info("socket")
            nodelay.set_result(connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await asyncio.get_running_loop().create_server(Capture, sock=listener)
    async with server:
        _reader, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        assert await asyncio.wait_for(nodelay, 10) != 0
        writer.close()
