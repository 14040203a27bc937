"""Every operation's requests satisfy the vendor's published contract, not only openapi.yaml.

Prism serves the vendor's own documents (``../shared/reference/vendor-openapi/``, merged into
one; see ``tests/support/vendor_spec.py``) and validates every request against them. Each
operation is called sync and async, once with only its required arguments and once with every
optional one. Where the SDK deliberately differs from the vendor's documents, the difference is
listed in :data:`EXCEPTIONS` with its reason; every other violation fails.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext import _spec
from tests.support.operations import ALL_OPTIONAL_CALLS, REQUIRED_ONLY_CALLS, Call
from tests.support.prism import PrismServer, ViolationRecorder, prism_mock
from tests.support.vendor_spec import VENDOR_DIR, write_merged_vendor_spec

pytestmark = pytest.mark.contract

# (operation, where Prism found the violation) → why the SDK sends what it sends.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("send_otp", "request.body"): "The vendor's document requires `name`; the live API, the vendor's "
    "OTP guide and its JS SDK treat it as optional (the app name in 'Your <name> code is ...'), "
    "so the SDK sends it only when given.",
}
# Answers Prism makes up that the SDK cannot read, and why that is the made-up answer's fault.
UNREADABLE_ANSWERS = {
    "get_entitlement": "`granted_at` has no example in the vendor's document, so Prism answers the word "
    "'string' where the description promises an ISO 8601 time; the SDK reads it as a datetime.",
}
# Operations the vendor's documents do not describe.
NOT_IN_VENDOR_DOCUMENTS = {
    "get_quota": "a call of the v1 API on its own host, kept for users of the original SDK",
    "get_email_status": "a call of the legacy email-analytics host, kept for users of the original SDK",
}

CASES = [
    pytest.param(name, call, id=f"{name}-{kind}")
    for kind, table in (("required", REQUIRED_ONLY_CALLS), ("all-optional", ALL_OPTIONAL_CALLS))
    for name, call in table.items()
]


@pytest.fixture(scope="module")
def vendor_prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServer]:
    if not VENDOR_DIR.is_dir():
        pytest.skip(f"the vendor OpenAPI files are not at {VENDOR_DIR}")
    spec = write_merged_vendor_spec(tmp_path_factory.mktemp("vendor"))
    with prism_mock(spec) as server:
        yield server


def unexpected(name: str, recorder: ViolationRecorder) -> list[str]:
    return [
        f"{exchange.method} {exchange.url}: {violation}"
        for exchange in recorder.exchanges
        for violation in exchange.violations
        if violation.severity == "Error" and (name, ".".join(violation.location[:2])) not in EXCEPTIONS
    ]


def test_the_tables_cover_every_operation_the_vendor_documents() -> None:
    documented = set(_spec.operations()) - set(NOT_IN_VENDOR_DOCUMENTS)
    assert set(REQUIRED_ONLY_CALLS) == documented
    assert set(ALL_OPTIONAL_CALLS) == documented


@pytest.mark.parametrize(("name", "call"), CASES)
def test_sync_request_satisfies_the_vendor_contract(vendor_prism: PrismServer, name: str, call: Call) -> None:
    recorder = ViolationRecorder()
    http_client = httpx.Client(event_hooks={"response": [recorder]})
    with contiguity.login(
        "contiguity_sk_test", base_url=vendor_prism.base_url, http_client=http_client
    ) as client:
        outcome = _attempt(lambda: call(client))
    assert unexpected(name, recorder) == []
    assert len(recorder.exchanges) == 1
    _assert_answered(name, recorder, outcome)


@pytest.mark.parametrize(("name", "call"), CASES)
async def test_async_request_satisfies_the_vendor_contract(
    vendor_prism: PrismServer, name: str, call: Call
) -> None:
    recorder = ViolationRecorder()
    http_client = httpx.AsyncClient(event_hooks={"response": [recorder.async_hook]})
    async with contiguity.login_async(
        "contiguity_sk_test", base_url=vendor_prism.base_url, http_client=http_client
    ) as client:
        pending: Any = call(client)
        assert inspect.isawaitable(pending)
        try:
            outcome: object = await pending
        except (contiguity.APIError, contiguity.APIResponseValidationError) as error:
            outcome = error
    assert unexpected(name, recorder) == []
    assert len(recorder.exchanges) == 1
    _assert_answered(name, recorder, outcome)


def _attempt(call: Any) -> object:
    try:
        return call()
    except (contiguity.APIError, contiguity.APIResponseValidationError) as error:
        return error


def _assert_answered(name: str, recorder: ViolationRecorder, outcome: object) -> None:
    """A listed exception may make Prism answer 4xx; anything else must succeed and parse."""
    if any((name, ".".join(v.location[:2])) in EXCEPTIONS for v in recorder.violations):
        return
    assert recorder.exchanges[0].status_code == 200, outcome
    if name in UNREADABLE_ANSWERS:
        assert isinstance(outcome, contiguity.APIResponseValidationError)
    else:
        assert outcome is not None
        assert not isinstance(outcome, contiguity.APIError | contiguity.APIResponseValidationError), outcome


@pytest.mark.parametrize(("name", "location"), list(EXCEPTIONS))
def test_each_listed_exception_is_still_needed(vendor_prism: PrismServer, name: str, location: str) -> None:
    recorder = ViolationRecorder()
    http_client = httpx.Client(event_hooks={"response": [recorder]})
    with contiguity.login(
        "contiguity_sk_test", base_url=vendor_prism.base_url, http_client=http_client
    ) as client:
        _attempt(lambda: REQUIRED_ONLY_CALLS[name](client))
    assert any(".".join(violation.location[:2]) == location for violation in recorder.violations)
