"""No caller-supplied value changes a request's host, path structure or query.

Path parameters that URL normalisation would remove (``.``, ``..`` and forms that fold into
them) are refused for every operation the spec gives a text path parameter; ``base_url`` must
be ``http(s)://host[:port][/path]``; an agreement URL must name one entitlement of the
client's own API.
"""

from __future__ import annotations

import contextlib

import pytest

import contiguity_ext as contiguity
from contiguity_ext import _spec
from contiguity_ext._checks import check_base_url
from contiguity_ext.errors import ValidationError
from tests.support.driven import Clients
from tests.support.recording import Recorder
from tests.support.refusals import assert_refused, assert_refused_async, method, methods_of

DOT_SEGMENTS = [".", "..", "\uff0e\uff0e", "\uff0e"]

# (dotted client method, wire parameter name) for every text path parameter in the spec.
TARGETS = sorted(
    (dotted, parameter.name)
    for name, operation in _spec.operations().items()
    for parameter in operation.parameters
    if parameter.location == "path" and parameter.schema.get("type") == "string"
    for dotted in methods_of(name)
)


def test_every_text_path_parameter_is_covered() -> None:
    covered = {dotted.split(".")[0] for dotted, _ in TARGETS}
    assert {"domains", "entitlements", "otp", "text", "imessage", "email_analytics"} <= covered
    assert len(TARGETS) >= 10


@pytest.mark.parametrize("value", DOT_SEGMENTS)
@pytest.mark.parametrize(("dotted", "parameter"), TARGETS)
def test_dot_segments_in_path_parameters_are_refused(
    recorder: Recorder, dotted: str, parameter: str, value: str
) -> None:
    client = recorder.client()
    error = assert_refused(recorder, lambda: method(client, dotted)(**{parameter: value}), parameter)
    assert (
        str(error)
        == f"{parameter}: {value!r} is a relative path segment, which would change the request's path"
    )


@pytest.mark.parametrize(("dotted", "parameter"), TARGETS)
async def test_the_async_client_refuses_them_too(recorder: Recorder, dotted: str, parameter: str) -> None:
    client = recorder.async_client()
    await assert_refused_async(recorder, lambda: method(client, dotted)(**{parameter: ".."}), parameter)


@pytest.mark.parametrize("value", ["...", ".hidden", "a..b", "a/..", "%2e%2e"])
def test_values_that_only_contain_dots_are_sent_encoded(recorder: Recorder, value: str) -> None:
    recorder.answer({"domain": value, "status": "pending", "records": []})
    client = recorder.client()
    # The canned answer need not fit; only the request matters here.
    with contextlib.suppress(contiguity.APIResponseValidationError):
        client.domains.get(value)
    assert len(recorder.requests) == 1
    sent = recorder.requests[0].url.raw_path.decode()
    assert sent.startswith("/domains/")
    assert sent.count("/") == 2


BAD_BASE_URLS = [
    ("query", "https://api.example.com?x=1"),
    ("empty-query", "https://api.example.com/v2?"),
    ("fragment", "https://api.example.com#top"),
    ("userinfo", "https://user:s3cret@api.example.com"),
    ("userinfo-and-space", "https://user:s3cret@api.example.com/ x"),
    ("user-only", "https://user@api.example.com"),
    ("dot-segment", "https://api.example.com/v2/../admin"),
    ("space", "https://api.example.com/v 2"),
    ("control", "https://api.example.com/\x00"),
    ("non-ascii", "https://ápi.example.com"),
    ("scheme", "ftp://api.example.com"),
    ("no-scheme", "api.example.com"),
    ("no-host", "https://"),
    ("not-a-str", b"https://api.example.com"),
]


@pytest.mark.parametrize("base_url", [u for _, u in BAD_BASE_URLS], ids=[i for i, _ in BAD_BASE_URLS])
def test_base_url_must_be_scheme_host_port_and_path_only(
    recorder: Recorder, clients: Clients, base_url: object
) -> None:
    error = assert_refused(recorder, lambda: clients.over(recorder, base_url=base_url), "base_url")
    assert "s3cret" not in str(error)


@pytest.mark.parametrize("base_url", [u for _, u in BAD_BASE_URLS[:5]], ids=[i for i, _ in BAD_BASE_URLS[:5]])
def test_base_url_from_the_environment_is_checked_the_same_way(
    recorder: Recorder, clients: Clients, monkeypatch: pytest.MonkeyPatch, base_url: str
) -> None:
    monkeypatch.setenv("CONTIGUITY_BASE_URL", base_url)
    assert_refused(recorder, lambda: clients.over(recorder), "base_url")


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("http://127.0.0.1:8787", "http://127.0.0.1:8787/domains/"),
        ("https://proxy.example.com/contiguity/", "https://proxy.example.com/contiguity/domains/"),
    ],
)
def test_a_plain_base_url_is_used_as_given(
    recorder: Recorder, clients: Clients, base_url: str, expected: str
) -> None:
    recorder.answer({"domains": []})
    with contextlib.suppress(contiguity.APIResponseValidationError):
        clients.over(recorder, base_url=base_url).domains.list()
    assert str(recorder.requests[0].url) == expected
    assert recorder.requests[0].headers["authorization"] == "Token tok_test"


API = "https://api.contiguity.com/entitlements/"
BAD_AGREEMENT_URLS = [
    ("dot-dot", API + ".."),
    ("dot", API + "."),
    ("encoded-dot-dot", API + "%2E%2E"),
    ("nothing", API),
    ("two-segments", API + "a/b"),
    ("climbing", API + "../domains"),
    ("foreign-host", "https://evil.example/entitlements/x"),
    ("look-alike-host", "https://api.contiguity.com.evil.example/entitlements/x"),
    ("userinfo", "https://user:pw@api.contiguity.com/entitlements/x"),
    ("other-scheme", "http://api.contiguity.com/entitlements/x"),
    ("other-port", "https://api.contiguity.com:8443/entitlements/x"),
    ("other-path", "https://api.contiguity.com/domains/x"),
    ("relative", "/entitlements/x"),
    ("not-a-str", 42),
]


@pytest.mark.parametrize("url", [u for _, u in BAD_AGREEMENT_URLS], ids=[i for i, _ in BAD_AGREEMENT_URLS])
def test_agreement_urls_must_name_one_entitlement_of_this_api(recorder: Recorder, url: object) -> None:
    client = recorder.client()
    assert_refused(recorder, lambda: client.agreements.accept(url), "agreement_url")  # type: ignore[arg-type]


async def test_the_async_client_checks_agreement_urls_too(recorder: Recorder) -> None:
    client = recorder.async_client()
    await assert_refused_async(recorder, lambda: client.agreements.accept(API + ".."), "agreement_url")


def test_with_a_base_url_other_hosts_agreement_urls_are_refused(recorder: Recorder, clients: Clients) -> None:
    client = clients.over(recorder, base_url="http://127.0.0.1:8787")
    assert_refused(
        recorder, lambda: client.agreements.accept("http://127.0.0.1:9999/entitlements/x"), "agreement_url"
    )


@pytest.mark.parametrize(
    ("base_url", "url"),
    [
        (None, API + "fast_track#section"),
        (None, API + "fast_track?ref=error"),
        ("http://127.0.0.1:8787", "http://127.0.0.1:8787/entitlements/fast_track"),
        ("http://127.0.0.1:8787/v2", "http://127.0.0.1:8787/v2/entitlements/fast_track"),
        # The API names itself in agreement URLs even when reached through a proxy or sandbox.
        ("http://127.0.0.1:8787", API + "fast_track"),
    ],
)
def test_an_agreement_url_of_this_api_applies_the_entitlement_at_the_clients_host(
    recorder: Recorder, clients: Clients, base_url: str | None, url: str
) -> None:
    recorder.answer({"granted": True})
    with contextlib.suppress(contiguity.APIResponseValidationError):
        clients.over(recorder, base_url=base_url).agreements.accept(url)
    assert [r.url.raw_path for r in recorder.requests] == [
        (b"/v2" if base_url and base_url.endswith("/v2") else b"") + b"/entitlements/fast_track"
    ]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (42, "must be a str, not int"),
        ("http://[::1", "Invalid port: ':1'"),
        (
            "https://evil.example/entitlements/x",
            "'https://evil.example/entitlements/x' is not an agreement URL of this API"
            " (<API>/entitlements/<name>)",
        ),
        (API, "'https://api.contiguity.com/entitlement… names no single entitlement"),
    ],
    ids=["not-a-str", "unparsable", "foreign-host", "nothing"],
)
def test_an_agreement_url_refusal_says_what_is_wrong(
    recorder: Recorder, clients: Clients, url: object, message: str
) -> None:
    client = clients.over(recorder)
    error = assert_refused(recorder, lambda: client.agreements.accept(url), "agreement_url")  # type: ignore[arg-type]
    assert str(error) == f"agreement_url: {message}"


def test_an_agreement_url_under_a_base_url_path_keeps_every_character_of_it(
    recorder: Recorder, clients: Clients
) -> None:
    recorder.answer({"granted": True})
    client = clients.over(recorder, base_url="http://127.0.0.1:8787/apiX")
    with contextlib.suppress(contiguity.APIResponseValidationError):
        client.agreements.accept("http://127.0.0.1:8787/apiX/entitlements/fast_track")
    assert [r.url.raw_path for r in recorder.requests] == [b"/apiX/entitlements/fast_track"]


def test_accepting_an_agreement_takes_the_per_call_options(recorder: Recorder, clients: Clients) -> None:
    recorder.answer({"granted": True})
    with contextlib.suppress(contiguity.APIResponseValidationError):
        clients.over(recorder).agreements.accept(API + "fast_track", extra_headers={"X-Trace": "1"})
    assert recorder.requests[0].headers["x-trace"] == "1"


@pytest.mark.parametrize(
    ("base_url", "message"),
    [
        (5, "base_url: must be a str, not int"),
        ("ftp://example.com", "base_url: must start with http:// or https://"),
        ("example.com", "base_url: must start with http:// or https://"),
    ],
)
def test_a_base_url_refusal_says_what_is_wrong(base_url: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_base_url(base_url)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_only_trailing_slashes_are_dropped_from_a_base_url() -> None:
    assert check_base_url(" https://proxy.example.com/apiX// ") == "https://proxy.example.com/apiX"
