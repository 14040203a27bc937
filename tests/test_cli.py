"""The ``contiguity`` command, run in-process against the sandbox behind an httpx.MockTransport."""

from __future__ import annotations

import json
import logging
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, get_args

import click
import httpx
import pytest
from click.testing import CliRunner, Result

import contiguity_ext as contiguity
from contiguity_ext import _spec, webhooks
from contiguity_ext._operation_table import operation_table
from contiguity_ext.cli import _app, main
from contiguity_ext.cli._operations import Operation
from contiguity_ext.cli._operations import operations as cli_operations
from contiguity_ext.sandbox import __main__ as sandbox_main
from contiguity_ext.sandbox.process import _wait_until_listening
from contiguity_ext.testing import FakeClock, Sandbox
from contiguity_ext.types import OtpLanguage
from tests.support.recording import error_envelope

TOKEN = "contiguity_sk_cli_TOPSECRET"
BASE_URL = Sandbox.base_url
PHONE = "+15555550123"


class FakeAPI:
    """Serves the CLI's client from an in-memory sandbox and records every request it makes."""

    def __init__(self) -> None:
        self.sandbox = Sandbox()
        self.requests: list[httpx.Request] = []
        self.respond: Callable[[httpx.Request], httpx.Response] = self.sandbox.app.handle_httpx
        self.logins: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.respond(request)

    def make_client(
        self,
        token: str | None,
        *,
        base_url: str | None,
        debug: bool,
        transport: httpx.BaseTransport | None = None,
    ) -> contiguity.Contiguity:
        self.logins.append({"token": token, "base_url": base_url, "debug": debug})
        http_client = httpx.Client(transport=transport or httpx.MockTransport(self))
        # FakeClock: retries without the waiting.
        return contiguity.login(token, debug, base_url=base_url, http_client=http_client, clock=FakeClock())

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    @property
    def last_json(self) -> Any:
        return json.loads(self.last.content)


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> FakeAPI:
    fake = FakeAPI()
    monkeypatch.setattr(_app, "make_client", fake.make_client)
    return fake


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    # Wide enough that Rich never folds a table cell in the middle of what a test looks for.
    return CliRunner().invoke(
        main, list(args), input=input, env={"COLUMNS": "200", **(env or {})}, catch_exceptions=False
    )


def cli(*args: str, **options: Any) -> Result:
    """``contiguity --token TOKEN --base-url <sandbox> ARGS``."""
    return run("--token", TOKEN, "--base-url", BASE_URL, *args, **options)


def assert_fails(result: Result, exit_code: int, message: str) -> None:
    """Exit status ``exit_code``, nothing on stdout, and exactly ``error: <message>`` on stderr."""
    assert (result.exit_code, result.stdout, result.stderr) == (exit_code, "", f"error: {message}\n")


# ---- help and usage ------------------------------------------------------------------------


def test_help_lists_every_command_and_global_option() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: contiguity [OPTIONS] COMMAND [ARGS]...")
    for name in ("text", "email", "otp", "numbers", "domains", "webhook", "sandbox"):
        assert f"\n  {name} " in result.stdout
    for option in ("--token KEY", "--base-url URL", "--json", "--debug", "CONTIGUITY_API_KEY"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("text send", ["--to NUMBER", "--message", "--from NUMBER", "--attachment URL"]),
        (
            "email send",
            ["--to ADDRESS", "--from SENDER", "--subject", "--text", "--html HTML", "--html-file"],
        ),
        ("otp send", ["--to NUMBER", "--language CODE", "[default: en]", "--name"]),
        ("otp verify", ["--otp-id ID", "--code", "exit status 0 when it matches, 1 when it does not"]),
        ("numbers available", ["--channel", "imessage", "--country CODE"]),
        ("numbers leased", ["List the numbers you lease."]),
        ("domains list", ["List your email domains."]),
        (
            "webhook verify",
            ["--secret SECRET", "CONTIGUITY_WEBHOOK_SECRET", "--signature HEADER", "--body-file"],
        ),
        ("sandbox", ["--port", "--webhook-url URL", "--webhook-secret SECRET", "--require-token TOKEN"]),
    ],
)
def test_each_command_documents_its_options(command: str, expected: list[str]) -> None:
    result = run(*command.split(), "-h")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: contiguity {command} [OPTIONS]")
    for text in expected:
        assert text in result.stdout


def test_sandbox_help_states_the_sandbox_default_port() -> None:
    assert f"[default: {sandbox_main.DEFAULT_PORT}]" in run("sandbox", "--help").stdout


def test_no_arguments_shows_the_help() -> None:
    result = run()
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: contiguity [OPTIONS] COMMAND")


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"contiguity, version {contiguity.__version__}\n")


def test_python_dash_m_runs_the_command() -> None:
    # In a child interpreter: under pytest the package's modules are loaded by the assertion
    # rewriter (the package ships a pytest plugin), which runpy cannot run a module from.
    done = subprocess.run(
        [sys.executable, "-m", "contiguity_ext.cli", "--version"], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"contiguity, version {contiguity.__version__}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--base-urk", "x"],
            "No such option '--base-urk'. Did you mean '--base-url'? (see 'contiguity --help')",
        ),
        (["bogus"], "No such command 'bogus'. (see 'contiguity --help')"),
        (
            ["text", "send", "--to", PHONE],
            "Missing option '--message' / '-m'. (see 'contiguity text send --help')",
        ),
        (
            ["numbers", "available", "--channel", "fax"],
            "Invalid value for '--channel': 'fax' is not one of 'imessage', 'mms', 'rcs', 'sms', 'whatsapp'. "
            "(see 'contiguity numbers available --help')",
        ),
        (
            ["otp", "send", "--to", PHONE, "--language", "xx"],
            "Invalid value for '--language': 'xx' is not one of "
            + ", ".join(f"'{code}'" for code in get_args(OtpLanguage))
            + ". (see 'contiguity otp send --help')",
        ),
    ],
)
def test_usage_errors_exit_2_with_one_line(api: FakeAPI, args: list[str], message: str) -> None:
    assert_fails(cli(*args), 2, message)
    assert api.requests == []


# ---- text ----------------------------------------------------------------------------------


def test_text_send_posts_the_normalised_number(api: FakeAPI) -> None:
    result = cli("text", "send", "--to", "(555) 555-0123", "--message", "Hello")
    assert result.exit_code == 0
    request = api.last
    assert (request.method, str(request.url)) == ("POST", f"{BASE_URL}/send/text")
    assert request.headers["Authorization"] == f"Token {TOKEN}"
    assert api.last_json == {"to": PHONE, "message": "Hello"}
    [sent] = api.sandbox.messages
    assert result.stdout == f"Text sent: {sent.id}\n"


def test_text_send_with_sender_and_attachments(api: FakeAPI) -> None:
    result = cli(
        "text", "send", "--to", PHONE, "-m", "Look", "--from", "+13055550142",
        "--attachment", "https://example.com/a.png", "--attachment", "https://example.com/b.png",
    )  # fmt: skip
    assert result.exit_code == 0
    assert api.last_json == {
        "to": PHONE,
        "message": "Look",
        "from": "+13055550142",
        "attachments": ["https://example.com/a.png", "https://example.com/b.png"],
    }


def test_json_output_is_the_response_model(api: FakeAPI) -> None:
    result = cli("--json", "text", "send", "--to", PHONE, "--message", "Hello")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["object"] == "response"
    assert payload["id"].startswith("req_")
    assert payload["data"] == {"message_id": api.sandbox.messages[0].id}


def test_invalid_number_is_rejected_before_sending(api: FakeAPI) -> None:
    result = cli("text", "send", "--to", "call me", "--message", "Hello")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: to: 'call me' contains letters;")
    assert result.stderr.count("\n") == 1
    assert api.requests == []


# ---- email ---------------------------------------------------------------------------------


def test_email_send_to_one_address_sends_a_string(api: FakeAPI) -> None:
    result = cli(
        "email", "send", "--to", "ada@example.com", "--from", "Acme <hi@acme.example>",
        "--subject", "Welcome", "--text", "Hello Ada",
    )  # fmt: skip
    assert result.exit_code == 0
    assert (api.last.method, str(api.last.url)) == ("POST", f"{BASE_URL}/send/email")
    assert api.last_json == {
        "to": "ada@example.com",
        "from": "Acme <hi@acme.example>",
        "subject": "Welcome",
        "text": "Hello Ada",
    }
    assert result.stdout.startswith("Email sent: eml_")


def test_email_send_to_several_with_text_and_html_file(api: FakeAPI, tmp_path: Path) -> None:
    page = tmp_path / "welcome.html"
    page.write_text("<p>Héllo</p>", encoding="utf-8")
    result = cli(
        "--json", "email", "send", "--to", "ada@example.com", "--to", "bob@example.com",
        "--from", "hi@acme.example", "--subject", "Hi", "--text", "Hello", "--html-file", str(page),
    )  # fmt: skip
    assert result.exit_code == 0
    assert api.last_json == {
        "to": ["ada@example.com", "bob@example.com"],
        "from": "hi@acme.example",
        "subject": "Hi",
        "text": "Hello",
        "html": "<p>Héllo</p>",
    }
    assert json.loads(result.stdout)["data"]["email_id"].startswith("eml_")


# An email send with every required option; each test adds its body options.
EMAIL_SEND = ("email", "send", "--to", "a@example.com", "--from", "b@example.com", "--subject", "S")


def test_email_send_inline_html(api: FakeAPI) -> None:
    result = cli(
        *EMAIL_SEND,
        "--html",
        "<b>x</b>",
    )
    assert result.exit_code == 0
    assert api.last_json["html"] == "<b>x</b>"
    assert "text" not in api.last_json


@pytest.mark.parametrize(
    ("body_args", "message"),
    [
        ([], "give a body: --text, --html or --html-file"),
        (["--html", "<p>a</p>", "--html-file", "README.md"], "give --html or --html-file, not both"),
    ],
)
def test_email_body_options_are_checked_before_sending(
    api: FakeAPI, body_args: list[str], message: str
) -> None:
    result = cli(*EMAIL_SEND, *body_args)
    assert_fails(result, 2, f"{message} (see 'contiguity email send --help')")
    assert api.requests == []


def test_unreadable_html_file_is_an_input_error(api: FakeAPI, tmp_path: Path) -> None:
    page = tmp_path / "latin1.html"
    page.write_bytes("<p>é</p>".encode("latin-1"))
    result = cli(
        *EMAIL_SEND,
        "--html-file",
        str(page),
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert str(page) in result.stderr
    assert result.stderr.count("\n") == 1
    assert api.requests == []


# ---- otp -----------------------------------------------------------------------------------


def test_otp_send_prints_only_the_id(api: FakeAPI) -> None:
    result = cli("otp", "send", "--to", PHONE, "--language", "fr", "--name", "Acme")
    assert result.exit_code == 0
    assert str(api.last.url) == f"{BASE_URL}/otp/new"
    assert api.last_json == {"to": PHONE, "language": "fr", "name": "Acme"}
    [sent] = api.sandbox.messages
    assert result.stdout == f"{sent.details['otp_id']}\n"


def test_otp_send_json_and_default_language(api: FakeAPI) -> None:
    result = cli("--json", "otp", "send", "--to", PHONE)
    assert api.last_json == {"to": PHONE, "language": "en"}
    assert json.loads(result.stdout) == {"otp_id": api.sandbox.messages[0].details["otp_id"]}


def test_otp_verify_exits_0_for_the_right_code_and_1_otherwise(api: FakeAPI) -> None:
    otp_id = cli("otp", "send", "--to", PHONE).stdout.strip()
    code = api.sandbox.otp_code(otp_id)
    wrong = "000000" if code != "000000" else "111111"

    rejected = cli("otp", "verify", "--otp-id", otp_id, "--code", wrong)
    assert (rejected.exit_code, rejected.stdout, rejected.stderr) == (1, "not verified\n", "")
    assert api.last_json == {"otp_id": otp_id, "otp": wrong}

    accepted = cli("--json", "otp", "verify", "--otp-id", otp_id, "--code", code)
    assert (accepted.exit_code, json.loads(accepted.stdout)) == (0, {"verified": True})
    assert str(api.last.url) == f"{BASE_URL}/otp/verify"


# ---- numbers and domains -------------------------------------------------------------------


def test_numbers_available_table(api: FakeAPI) -> None:
    result = cli("numbers", "available")
    assert result.exit_code == 0
    assert (api.last.method, str(api.last.url)) == ("GET", f"{BASE_URL}/numbers/leases")
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "Available numbers"
    for cell in ("Number", "Location", "Carrier", "Channels", "Price", "Status"):
        assert cell in lines[2]
    [miami] = [line for line in lines if "+13055550142" in line]
    for cell in ("Miami, FL, US", "T-Mobile", "sms, mms, rcs", "USD 5.00/month", "available"):
        assert cell in miami
    [san_francisco] = [line for line in lines if "+14155550117" in line]
    assert "USD 25.00/month + 10.00 upfront" in san_francisco


def test_numbers_available_filters_locally(api: FakeAPI) -> None:
    result = cli(
        "--json", "numbers", "available", "--channel", "imessage", "--channel", "sms", "--country", "us"
    )
    assert result.exit_code == 0
    assert api.last.url.query == b""  # the API filters nothing; the SDK does
    data = json.loads(result.stdout)["data"]
    assert data["available"] == 1
    assert [number["id"] for number in data["numbers"]] == ["+14155550117"]


def test_numbers_available_with_no_match(api: FakeAPI) -> None:
    result = cli("numbers", "available", "--channel", "whatsapp", "--country", "GB")
    assert (result.exit_code, result.stdout) == (0, "No available numbers.\n")


def test_numbers_leased(api: FakeAPI) -> None:
    assert cli("numbers", "leased").stdout == "No leased numbers.\n"
    with api.sandbox.client() as client:
        lease = client.numbers.lease("+13055550142").data
    result = cli("numbers", "leased")
    assert result.exit_code == 0
    assert str(api.last.url) == f"{BASE_URL}/numbers/leased"
    [row] = [line for line in result.stdout.splitlines() if "+13055550142" in line]
    for cell in (lease.lease_id, "active", "Miami, FL, US", "monthly"):
        assert cell in row
    assert json.loads(cli("--json", "numbers", "leased").stdout)["data"]["leased"] == 1


def test_domains_list(api: FakeAPI) -> None:
    assert cli("domains", "list").stdout == "No domains.\n"
    with api.sandbox.client() as client:
        client.domains.register("acme.example")
    result = cli("domains", "list")
    assert result.exit_code == 0
    assert (api.last.method, api.last.url.path) == ("GET", "/domains/")
    [row] = [line for line in result.stdout.splitlines() if "acme.example" in line]
    for cell in ("pending_verification", "us-east-1", "no"):
        assert cell in row
    [domain] = json.loads(cli("--json", "domains", "list").stdout)["data"]["domains"]
    assert domain["domain"] == "acme.example"


def test_values_from_the_api_are_not_rich_markup(api: FakeAPI) -> None:
    api.respond = lambda request: httpx.Response(
        200,
        json={
            "id": "req_1", "timestamp": 1, "api_version": "v2026.8.2", "object": "response",
            "data": {"domains": [{
                "domain": "[bold]x[/bold].example", "status": "verified", "created_at": 1757916599341,
                "id": "dmn_1", "region": "us-east-1", "sending_allowed": True,
            }]},
        },
    )  # fmt: skip
    result = cli("domains", "list")
    [row] = [line for line in result.stdout.splitlines() if ".example" in line]
    assert "[bold]x[/bold].example" in row
    assert "2025-09-15" in row
    assert "yes" in row


# ---- failures ------------------------------------------------------------------------------


def test_api_error_exits_1_with_the_server_message(api: FakeAPI) -> None:
    api.respond = lambda request: httpx.Response(401, json=error_envelope(401, "Invalid API key"))
    result = cli("text", "send", "--to", PHONE, "--message", "Hello")
    assert_fails(result, 1, "401 Invalid API key (request id err_test)")
    assert len(api.requests) == 1


def test_a_token_echoed_by_the_server_is_masked(api: FakeAPI) -> None:
    api.respond = lambda request: httpx.Response(401, json=error_envelope(401, f"Unknown key {TOKEN}"))
    assert_fails(cli("domains", "list"), 1, "401 Unknown key *** (request id err_test)")
    assert TOKEN not in cli("--json", "domains", "list").stdout


def test_a_token_from_the_environment_echoed_by_the_server_is_masked(api: FakeAPI) -> None:
    api.respond = lambda request: httpx.Response(401, json=error_envelope(401, f"Unknown key {TOKEN}"))
    result = run("--base-url", BASE_URL, "--json", "domains", "list", env={"CONTIGUITY_API_KEY": TOKEN})
    assert result.exit_code == 1
    assert TOKEN not in result.stdout + result.stderr
    assert "***" in result.stdout + result.stderr


def test_connection_refused_exits_1_naming_the_server(api: FakeAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as closed:
        # Bound but not listening: every connection to it is refused, and no one else can take it.
        closed.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{closed.getsockname()[1]}"
        real_network = httpx.HTTPTransport()
        monkeypatch.setattr(
            _app,
            "make_client",
            lambda token, **options: api.make_client(token, transport=real_network, **options),
        )
        result = run("--token", TOKEN, "--base-url", base_url, "text", "send", "--to", PHONE, "-m", "Hi")
    assert_fails(result, 1, f"POST /send/text failed (ConnectError) (server {base_url})")


def test_mapped_connection_error_is_retried_then_reported(api: FakeAPI) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    api.respond = refuse
    result = run("--token", TOKEN, "numbers", "leased")
    assert_fails(result, 1, "GET /numbers/leased failed (ConnectError) (server https://api.contiguity.com)")
    assert len(api.requests) == 3


def test_no_token_is_an_input_error(api: FakeAPI) -> None:
    result = run("--base-url", BASE_URL, "domains", "list")
    assert_fails(result, 2, "no API token: pass --token or set CONTIGUITY_API_KEY (or CONTIGUITY_TOKEN)")
    assert api.logins == []


def test_token_and_base_url_come_from_the_environment(api: FakeAPI) -> None:
    env = {"CONTIGUITY_TOKEN": "contiguity_sk_from_env", "CONTIGUITY_BASE_URL": "http://127.0.0.1:8787"}
    result = run("domains", "list", env=env)
    assert result.exit_code == 0
    assert api.logins == [{"token": None, "base_url": None, "debug": False}]
    assert api.last.headers["Authorization"] == "Token contiguity_sk_from_env"
    assert str(api.last.url) == "http://127.0.0.1:8787/domains/"


def test_default_host_is_the_real_api(api: FakeAPI) -> None:
    assert run("--token", TOKEN, "domains", "list").exit_code == 0
    assert str(api.last.url) == "https://api.contiguity.com/domains/"


def test_bad_base_url_is_an_input_error(api: FakeAPI) -> None:
    result = run("--token", TOKEN, "--base-url", "ftp://files.example", "domains", "list")
    assert_fails(result, 2, "base_url: must start with http:// or https://")
    assert api.requests == []


@pytest.fixture
def restore_sdk_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("contiguity")
    level, handlers = logger.level, list(logger.handlers)
    yield logger
    for handler in set(logger.handlers) - set(handlers):
        logger.removeHandler(handler)
    logger.setLevel(level)


def test_debug_logs_requests_without_the_token(
    api: FakeAPI, restore_sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="contiguity"):
        result = cli("--debug", "text", "send", "--to", PHONE, "-m", "Hi")
    assert result.exit_code == 0
    assert api.logins[0]["debug"] is True
    [line] = [record.getMessage() for record in caplog.records if record.name == "contiguity"]
    assert line.startswith("POST /send/text -> 200 (request id req_")
    assert TOKEN not in caplog.text + result.stdout + result.stderr


def test_the_real_client_factory() -> None:
    client = _app.make_client(TOKEN, base_url="http://127.0.0.1:8787/", debug=False)
    with client:
        assert repr(client) == "<Contiguity base_url='http://127.0.0.1:8787' token=<redacted>>"


# ---- webhook verify ------------------------------------------------------------------------

SECRET = "whsec_cli_test"
BODY = '{"id":"evt_1","type":"text.incoming.sms","message":"é"}'.encode()


def test_webhook_verify_reads_the_raw_body_from_stdin(api: FakeAPI) -> None:
    signature = webhooks.sign(BODY, SECRET)
    result = run("webhook", "verify", "--secret", SECRET, "--signature", signature, input=BODY)
    assert (result.exit_code, result.stdout) == (0, "signature valid\n")
    assert api.logins == []  # no token, no client: nothing here talks to the API


def test_webhook_verify_from_a_file_with_the_secret_from_the_environment(tmp_path: Path) -> None:
    body_file = tmp_path / "body.json"
    body_file.write_bytes(BODY)
    signature = webhooks.sign(BODY, SECRET)
    result = run(
        "--json", "webhook", "verify", "--signature", signature, "--body-file", str(body_file),
        env={"CONTIGUITY_WEBHOOK_SECRET": SECRET},
    )  # fmt: skip
    assert (result.exit_code, json.loads(result.stdout)) == (0, {"verified": True})


@pytest.mark.parametrize(
    ("body", "secret"),
    [(BODY.replace(b"\xc3\xa9", b"\\u00e9"), SECRET), (BODY, "whsec_other")],
    ids=["re-encoded body", "wrong secret"],
)
def test_webhook_verify_rejects_a_changed_body_or_wrong_secret(body: bytes, secret: str) -> None:
    result = run(
        "webhook", "verify", "--secret", secret, "--signature", webhooks.sign(BODY, SECRET), input=body
    )
    assert (result.exit_code, result.stdout) == (1, "signature invalid\n")


def test_webhook_verify_tolerance(api: FakeAPI) -> None:
    old = webhooks.sign(BODY, SECRET, timestamp=1_000_000_000)
    assert run("webhook", "verify", "--secret", SECRET, "--signature", old, input=BODY).exit_code == 1
    lenient = run(
        "webhook", "verify", "--secret", SECRET, "--signature", old, "--tolerance", "9999999999", input=BODY
    )
    assert lenient.exit_code == 0


# ---- sandbox -------------------------------------------------------------------------------


def test_sandbox_delegates_to_the_sandbox_server(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(sandbox_main, "main", calls.append)
    assert run("sandbox").exit_code == 0
    args = ["sandbox", "--port", "0", "--webhook-url", "http://127.0.0.1:9/hook", "--webhook-secret", SECRET]
    assert run(*args).exit_code == 0
    # The client's own --token (before the command) is not passed on; --require-token is.
    assert run("sandbox", "--require-token", "sk_only").exit_code == 0
    assert calls == [
        [],
        ["--port", "0", "--webhook-url", "http://127.0.0.1:9/hook", "--webhook-secret", SECRET],
        ["--token", "sk_only"],
    ]


def test_sandbox_without_its_dependencies_fails_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(argv: list[str]) -> None:
        sys.exit("The sandbox server needs Starlette and uvicorn: pip install 'contiguity-typed[sandbox]'")

    monkeypatch.setattr(sandbox_main, "main", missing)
    message = "The sandbox server needs Starlette and uvicorn: pip install 'contiguity-typed[sandbox]'"
    assert_fails(run("sandbox"), 1, message)


def test_sandbox_exit_status_passes_through(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(argv: list[str]) -> None:
        sys.exit(130)

    monkeypatch.setattr(sandbox_main, "main", interrupted)
    assert run("sandbox").exit_code == 130


def test_end_to_end_against_a_sandbox_started_by_the_command() -> None:
    command = [sys.executable, "-m", "contiguity_ext.cli"]
    server = subprocess.Popen(
        [*command, "sandbox", "--port", "0", "--require-token", "sk_required"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        base_url = _wait_until_listening(server)
        client_command = [*command, "--token", "sk_required", "--base-url", base_url]
        sent = subprocess.run(
            [*client_command, "--json", "text", "send", "--to", PHONE, "-m", "Hi"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert (sent.returncode, sent.stderr) == (0, "")
        assert json.loads(sent.stdout)["data"]["message_id"].startswith("text_")
        other_token = subprocess.run(
            [*command, "--token", "sk_other", "--base-url", base_url, "--json", "domains", "list"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        error = json.loads(other_token.stdout)["error"]
        assert (other_token.returncode, error["type"]) == (1, "AuthenticationError")
        assert error["status_code"] == 401
        refused = subprocess.run(
            [*command, "--base-url", base_url, "domains", "list"], capture_output=True, text=True, timeout=60,
            check=False,
        )  # fmt: skip
        assert (refused.returncode, refused.stdout) == (2, "")
        assert (
            refused.stderr
            == "error: no API token: pass --token or set CONTIGUITY_API_KEY (or CONTIGUITY_TOKEN)\n"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        assert server.stdout is not None
        server.stdout.close()


# ---- every operation -----------------------------------------------------------------------


def _leaf_commands(group: click.Group, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], click.Command]:
    found: dict[tuple[str, ...], click.Command] = {}
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found.update(_leaf_commands(command, (*path, name)))
        else:
            key = (*path, name)
            found[key] = command
    return found


def test_every_operation_of_every_group_is_a_command() -> None:
    table = operation_table()
    commands = _leaf_commands(main)
    expected = {(*(g.replace("_", "-") for g in m.group), m.name.replace("_", "-")) for m in table}
    assert expected <= commands.keys()
    # Spot checks that the table is the client's, not a list kept by hand.
    for path in [
        ("imessage", "typing"),
        ("otp", "reverse", "wait"),
        ("whatsapp", "react"),
        ("quota", "retrieve"),
    ]:
        assert path in expected
    assert len(table) >= 40
    # Beyond the operations: the local tools and bulk sends.
    assert commands.keys() - expected <= {("webhook", "verify"), ("sandbox",), ("text", "send-bulk")}


def test_help_comes_from_the_spec() -> None:
    result = run("imessage", "send", "--help")
    assert result.exit_code == 0
    spec = json.loads((Path(contiguity.__file__).parent / "_spec" / "openapi.json").read_text("utf-8"))
    request = spec["components"]["schemas"]["SendImessageRequest"]["properties"]
    assert " ".join(request["attachments"]["description"].split()) in " ".join(result.stdout.split())
    assert "--to NUMBER" in result.stdout
    assert "--fast-track / --no-fast-track" in result.stdout
    assert "Sends an iMessage from one of your leased iMessage numbers" in " ".join(result.stdout.split())
    register = run("domains", "register", "--help").stdout
    assert "--domain TEXT The domain name, e.g. `example.com`. [required]" in " ".join(register.split())
    assert "Args:" not in register


def test_enum_fields_are_choices(api: FakeAPI) -> None:
    result = cli("imessage", "typing", "--to", PHONE, "--action", "dance")
    assert result.exit_code == 2
    assert "'dance' is not one of 'start', 'stop'" in result.stderr
    assert api.requests == []


def test_a_derived_send_with_a_json_object_field(api: FakeAPI) -> None:
    fallback = {"when": ["imessage_unsupported"], "from": "+13055550142"}
    result = cli(
        "--json", "imessage", "send", "--to", "(555) 555-0124", "--message", "Hi",
        "--fallback", json.dumps(fallback), "--attachments", "https://example.com/a.png",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (api.last.method, api.last.url.path) == ("POST", "/send/imessage")
    assert api.last_json == {
        "to": "+15555550124", "message": "Hi", "fallback": fallback, "attachments": ["https://example.com/a.png"],
    }  # fmt: skip
    assert json.loads(result.stdout)["data"]["message_id"].startswith("imsg_")


def test_a_json_field_that_is_not_json_is_a_usage_error(api: FakeAPI) -> None:
    result = cli("imessage", "send", "--to", PHONE, "--message", "Hi", "--fallback", "{nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: Invalid value for --fallback: not JSON")
    assert api.requests == []


def test_body_spread_into_options_for_dict_style_and_body_calls(api: FakeAPI) -> None:
    assert cli("send", "text", "--to", PHONE, "--message", "legacy").exit_code == 0
    assert (api.last.url.path, api.last_json) == ("/send/text", {"to": PHONE, "message": "legacy"})
    assert cli("numbers", "lease", "--number", "+13055550142", "--billing-method", "monthly").exit_code == 0
    assert (api.last.url.path, api.last_json) == (
        "/numbers/lease/+13055550142",
        {"billing_method": "monthly"},
    )
    otp_id = cli("otp", "send", "--to", PHONE).stdout.strip()
    resent = cli("--json", "otp", "resend", "--otp-id", otp_id)
    assert (resent.exit_code, json.loads(resent.stdout)) == (0, {"result": True})
    assert api.last_json == {"otp_id": otp_id}


def test_path_parameters_and_nested_groups(api: FakeAPI) -> None:
    started = json.loads(cli("--json", "otp", "reverse", "initiate", "--number", PHONE).stdout)["data"]
    status = cli("otp", "reverse", "status", "--otp-id", started["otp_id"])
    assert status.exit_code == 0
    assert (api.last.method, api.last.url.path) == ("GET", f"/otp/reverse/verify/{started['otp_id']}")
    [row] = [line for line in status.stdout.splitlines() if "status" in line and "pending" in line]
    assert row


def test_reply_reads_the_webhook_event_from_a_file(api: FakeAPI, tmp_path: Path) -> None:
    event = {
        "id": "evt_1", "type": "text.incoming.sms", "timestamp": 1, "api_version": "v2026.8.2",
        "data": {"from": PHONE, "to": "+13055550142", "body": "hello?", "timestamp": 1},
    }  # fmt: skip
    body = tmp_path / "event.json"
    body.write_text(json.dumps(event), encoding="utf-8")
    result = cli("text", "reply", "--event", str(body), "--message", "Hi back")
    assert result.exit_code == 0, result.stderr
    assert api.last_json == {"to": PHONE, "from": "+13055550142", "message": "Hi back"}
    from_stdin = cli("text", "reply", "--event", "-", "--message", "Again", input=json.dumps(event))
    assert (from_stdin.exit_code, api.last_json["message"]) == (0, "Again")
    broken = cli("text", "reply", "--event", "-", "--message", "x", input="{}")
    assert broken.exit_code == 2
    assert broken.stderr.startswith("error: Invalid value for --event:")


@pytest.mark.parametrize(
    ("channel", "path"), [("imessage", "/send/imessage"), ("whatsapp", "/send/whatsapp")]
)
def test_replies_on_other_channels_answer_on_them(api: FakeAPI, channel: str, path: str) -> None:
    event = {
        "id": "evt_2", "type": "imessage.incoming", "timestamp": 1, "api_version": "v2026.8.2",
        "data": {"from": PHONE, "to": "+13055550142", "body": "hello?", "timestamp": 1, "attachments": []},
    }  # fmt: skip
    result = cli(channel, "reply", "--event", "-", "--message", "Hi back", input=json.dumps(event))
    assert result.exit_code == 0, result.output
    assert (api.last.url.path, api.last_json) == (
        path,
        {"to": PHONE, "from": "+13055550142", "message": "Hi back"},
    )


def test_lists_are_tables_that_never_wrap_ids_or_numbers(api: FakeAPI) -> None:
    for number in ("+13055550142", "+14155550117"):
        cli("text", "send", "--to", number, "--message", "a long message that will have to wrap " * 3)
    width = {"COLUMNS": "60"}
    history = run(
        "--token", TOKEN, "--base-url", BASE_URL, "text", "history", "--to", "+13055550142", "--from",
        "+15555550100", env=width,
    )  # fmt: skip
    assert history.exit_code == 0
    assert any("+13055550142" in line and "+15555550100" in line for line in history.stdout.splitlines())
    listing = run("--token", TOKEN, "--base-url", BASE_URL, "entitlements", "list", env=width)
    [granted] = [e for e in json.loads(cli("--json", "entitlements", "list").stdout)["data"]["entitlements"]
                 if e.get("entitlement_id")]  # fmt: skip
    assert any(granted["entitlement_id"] in line for line in listing.stdout.splitlines())
    available = run("--token", TOKEN, "--base-url", BASE_URL, "numbers", "available", env={"COLUMNS": "80"})
    for number in ("+13055550142", "+14155550117"):
        assert any(number in line for line in available.stdout.splitlines())


# ---- --json errors and options after the command -----------------------------------------


def _json_error(result: Result, exit_code: int) -> dict[str, Any]:
    assert (result.exit_code, result.stderr) == (exit_code, "")
    payload = json.loads(result.stdout)
    assert payload.keys() == {"error"}
    assert payload["error"].keys() == {"type", "message", "status_code", "request_id"}
    error: dict[str, Any] = payload["error"]
    return error


def test_api_errors_as_json(api: FakeAPI) -> None:
    error = _json_error(cli("--json", "otp", "resend", "--otp-id", "otp_nope"), 1)
    assert (error["type"], error["status_code"]) == ("NotFoundError", 404)
    assert error["request_id"].startswith("err_")
    assert "otp_nope" in error["message"]


@pytest.mark.parametrize(
    ("args", "kind", "exit_code"),
    [
        (["--json", "imessage", "typing", "--to", PHONE], "UsageError", 2),
        (["imessage", "typing", "--to", PHONE, "--json"], "UsageError", 2),
        (["--json", "bogus"], "UsageError", 2),
        (["text", "send", "--to", "call me", "-m", "x", "--json"], "ValidationError", 2),
    ],
)
def test_every_error_is_json_under_json(api: FakeAPI, args: list[str], kind: str, exit_code: int) -> None:
    error = _json_error(cli(*args), exit_code)
    assert (error["type"], error["status_code"], error["request_id"]) == (kind, None, None)
    assert api.requests == []


def test_connection_errors_as_json(api: FakeAPI) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    api.respond = refuse
    error = _json_error(run("--token", TOKEN, "domains", "list", "--json"), 1)
    assert error["type"] == "APIConnectionError"
    assert "https://api.contiguity.com" in error["message"]


def test_no_token_as_json(api: FakeAPI) -> None:
    error = _json_error(run("domains", "list", "--json"), 2)
    assert error["message"].startswith("no API token")


def test_global_options_after_the_command(api: FakeAPI) -> None:
    result = run(
        "text",
        "send",
        "--to",
        PHONE,
        "-m",
        "Hi",
        "--token",
        TOKEN,
        "--base-url",
        BASE_URL,
        "--json",
        "--debug",
    )
    assert result.exit_code == 0, result.stderr
    assert api.logins == [{"token": TOKEN, "base_url": BASE_URL, "debug": True}]
    assert json.loads(result.stdout)["data"]["message_id"].startswith("text_")
    between = run(
        "--token", "contiguity_sk_first_one", "otp", "--json", "send", "--to", PHONE, "--token", TOKEN
    )
    assert json.loads(between.stdout)["otp_id"]
    assert api.last.headers["Authorization"] == f"Token {TOKEN}"


def test_a_message_that_reads_json_is_not_an_option(api: FakeAPI) -> None:
    result = cli("text", "send", "--to", PHONE, "--message", "--json")
    assert result.exit_code == 0
    assert api.last_json["message"] == "--json"
    assert result.stdout.startswith("Text sent: ")


# Commands whose input is not in the spec (a webhook event), or that poll for minutes.
_NOT_FROM_EXAMPLES = {
    ("text", "reply"),
    ("imessage", "reply"),
    ("whatsapp", "reply"),
    ("otp", "reverse", "wait"),
}
_NOT_IN_THE_SPEC = {"agreement_url": "https://api.contiguity.com/entitlements/fast_track"}


def _example_arguments(operation: Operation) -> list[str]:
    """An option for every field of ``operation``, from the spec's examples."""
    arguments: list[str] = []
    for field in operation.fields:
        value = _spec.example(field.schema) if field.schema else _NOT_IN_THE_SPEC[field.python_name]
        if value is False:
            continue  # a flag left off
        values = value if isinstance(value, list) and not any(isinstance(v, dict) for v in value) else [value]
        for item in values:
            arguments += [field.option, json.dumps(item) if isinstance(item, dict | list) else str(item)]
    return arguments


def _generated(operation: Operation) -> bool:
    group: click.Command | None = main
    ctx = click.Context(main)
    for part in (*operation.group, operation.name):
        assert isinstance(group, click.Group)
        group = group.get_command(ctx, part.replace("_", "-"))
    assert group is not None
    assert group.callback is not None
    return group.callback.__module__ == "contiguity_ext.cli._derived"


@pytest.mark.parametrize(
    "operation",
    [op for op in cli_operations() if (*op.group, op.name) not in _NOT_FROM_EXAMPLES and _generated(op)],
    ids=lambda op: ".".join((*op.group, op.name)),
)
def test_every_generated_command_reaches_its_operation(api: FakeAPI, operation: Operation) -> None:
    path = [part.replace("_", "-") for part in (*operation.group, operation.name)]
    result = cli("--json", *path, *_example_arguments(operation))
    assert result.exit_code in (0, 1), result.output  # 1: the sandbox refused an example id
    if result.exit_code == 1:
        assert json.loads(result.stdout)["error"]["status_code"] >= 400
    [method] = [m for m in operation_table() if (m.group, m.name) == (operation.group, operation.name)]
    assert method.operation is not None
    assert api.last.method == method.operation.method
    template = re.sub(r"\{[^}]+\}", "[^/]+", method.operation.path)
    assert re.fullmatch(template, api.last.url.path), (api.last.url.path, method.operation.path)
