"""The observability and logging pages' examples run, and the OpenTelemetry one traces as it says.

Every ``python`` block of docs/observability.md and docs/logging.md runs against a real sandbox
server. The OpenTelemetry block's ``tracing`` hooks are then put on clients whose answers the
test chooses, with the OpenTelemetry SDK's in-memory exporter collecting the spans.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

import contiguity_ext as contiguity
from contiguity_ext.hooks import Hooks
from tests.support.recording import Recorder, error_envelope, in_turn, message_sent, send_text

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = ("observability.md", "logging.md")
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
PHONE = "+15555555555"


def python_blocks(page: str) -> list[str]:
    return BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))


EXAMPLES = [(page, index, block) for page in PAGES for index, block in enumerate(python_blocks(page))]


@pytest.fixture(scope="module")
def exporter() -> InMemorySpanExporter:
    # The global provider can be set once per process; this module is its only user.
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    return exporter


def test_the_pages_have_the_examples_this_test_expects() -> None:
    assert len(python_blocks("observability.md")) >= 3
    assert sum("opentelemetry" in block for _page, _index, block in EXAMPLES) == 1


@pytest.mark.parametrize(("page", "index", "source"), EXAMPLES, ids=[f"{p}-{i + 1}" for p, i, _ in EXAMPLES])
def test_python_block_runs(
    page: str,
    index: int,
    source: str,
    sandbox_url: str,
    exporter: InMemorySpanExporter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONTIGUITY_BASE_URL", sandbox_url)
    monkeypatch.setenv("CONTIGUITY_API_KEY", "contiguity_sk_docs")
    exec(compile(source, f"{page} python block {index + 1}", "exec"), {"__name__": "__docs__"})


@pytest.fixture
def tracing(exporter: InMemorySpanExporter, monkeypatch: pytest.MonkeyPatch) -> Hooks:
    """The ``tracing`` hooks exactly as the OpenTelemetry example defines them."""
    monkeypatch.setenv("CONTIGUITY_API_KEY", "contiguity_sk_docs")
    [source] = [block for _page, _index, block in EXAMPLES if "opentelemetry" in block]
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    exec(compile(source, "OpenTelemetry example", "exec"), namespace)
    namespace["client"].close()
    exporter.clear()
    hooks = namespace["tracing"]
    assert isinstance(hooks, Hooks)
    return hooks


def rate_limited() -> httpx.Response:
    return httpx.Response(429, headers={"retry-after": "0"}, json=error_envelope(429, "slow down"))


def rejected() -> httpx.Response:
    return httpx.Response(400, json=error_envelope(400, "bad number"))


def call(recorder: Recorder, hooks: Hooks, is_async: bool) -> None:
    """One ``text.send``; errors are the test's to check on the spans, not here."""
    with contextlib.suppress(contiguity.ContiguityError):
        send_text(recorder, is_async=is_async, hooks=hooks)


def only_span(exporter: InMemorySpanExporter) -> ReadableSpan:
    [span] = exporter.get_finished_spans()
    return span


def test_a_call_is_one_span_with_operation_status_and_request_id(
    tracing: Hooks, exporter: InMemorySpanExporter, is_async: bool
) -> None:
    call(Recorder(in_turn(message_sent)), tracing, is_async)
    span = only_span(exporter)
    assert span.name == "contiguity.sendText"
    assert span.kind is trace.SpanKind.CLIENT
    assert dict(span.attributes or {}) == {
        "contiguity.operation_id": "sendText",
        "http.request.method": "POST",
        "url.full": "https://api.contiguity.com/send/text",
        "http.response.status_code": 200,
        "contiguity.request_id": "req_test",
    }
    assert span.status.status_code is StatusCode.UNSET
    assert span.events == ()


def test_a_retried_call_is_still_one_span_with_the_retry_as_an_event(
    tracing: Hooks, exporter: InMemorySpanExporter, is_async: bool
) -> None:
    call(Recorder(in_turn(rate_limited, message_sent)), tracing, is_async)
    span = only_span(exporter)
    assert span.attributes is not None
    assert span.attributes["http.response.status_code"] == 200
    [retry] = span.events
    assert retry.name == "retry"
    assert dict(retry.attributes or {}) == {"attempt": 2, "reason": "HTTP 429", "delay_s": 0.0}


def test_an_error_status_marks_the_span_as_failed(
    tracing: Hooks, exporter: InMemorySpanExporter, is_async: bool
) -> None:
    call(Recorder(in_turn(rejected)), tracing, is_async)
    span = only_span(exporter)
    assert span.status.status_code is StatusCode.ERROR
    assert span.status.description == "HTTP 400"
    assert span.attributes is not None
    assert span.attributes["contiguity.request_id"] == "err_test"


def test_a_call_without_an_answer_records_the_exception(
    tracing: Hooks, exporter: InMemorySpanExporter, is_async: bool
) -> None:
    call(Recorder(in_turn(httpx.ReadTimeout("slow"))), tracing, is_async)
    span = only_span(exporter)
    assert span.status.status_code is StatusCode.ERROR
    [exception] = span.events
    assert exception.name == "exception"
    assert exception.attributes is not None
    assert exception.attributes["exception.type"] == "contiguity_ext.errors.APITimeoutError"


def test_concurrent_async_calls_get_a_span_each(tracing: Hooks, exporter: InMemorySpanExporter) -> None:
    recorder = Recorder()

    async def go() -> None:
        async with recorder.async_client(hooks=tracing) as client:
            await asyncio.gather(*(client.text.send(to=PHONE, message=str(n)) for n in range(5)))

    asyncio.run(go())
    spans = exporter.get_finished_spans()
    assert len(spans) == 5
    assert len({span.context.span_id for span in spans}) == 5
