"""Number filters: every criterion keeps exactly the matching numbers, the count is recomputed
after filtering, and whatever the API sent that the SDK does not know survives filtering."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from contiguity_ext import _spec
from contiguity_ext.errors import ValidationError
from tests.support.recording import Recorder, call_with, envelope

# What each listing calls its numbers and its count, and the record its numbers are.
LISTINGS = {
    "available": ("available", "#/components/schemas/PhoneNumberRecord"),
    "leased": ("leased", "#/components/schemas/LeasedNumber"),
}

Change = Callable[[dict[str, Any]], None]


def record(kind: str, number_id: str, change: Change | None = None) -> dict[str, Any]:
    """A spec-valid number of ``kind`` that matches ``MATCHING``, then ``change``d."""
    number: dict[str, Any] = copy.deepcopy(_spec.example({"$ref": LISTINGS[kind][1]}))
    number.update(id=number_id, status="available" if kind == "available" else "leased")
    number["location"] = {"country": "US", "region": "FL", "city": "Miami"}
    number["capabilities"]["channels"] = ["sms", "imessage"]
    if change is not None:
        change(number)
    return number


def _set(*path: str, value: Any) -> Change:
    def change(number: dict[str, Any]) -> None:
        holder = number
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = value

    return change


# criterion -> (a value that keeps the base record, the change to a record that the value drops).
# Place names are given in another case than the record holds: they compare case-insensitively.
CRITERIA: dict[str, tuple[Callable[[str], Any], Change]] = {
    "status": (
        lambda kind: "available" if kind == "available" else "leased",
        _set("status", value="unavailable"),
    ),
    "channels": (lambda kind: ["imessage"], _set("capabilities", "channels", value=["sms", "mms"])),
    "country": (lambda kind: "us", _set("location", "country", value="CA")),
    "region": (lambda kind: "fl", _set("location", "region", value="GA")),
    "city": (lambda kind: "MIAMI", _set("location", "city", value="Tampa")),
}


def listing(kind: str, *numbers: dict[str, Any]) -> dict[str, Any]:
    count_name = LISTINGS[kind][0]
    return {count_name: len(numbers), "numbers": list(numbers)}


def fetch(recorder: Recorder, kind: str, is_async: bool, **criteria: Any) -> Any:
    return call_with(recorder, lambda client: getattr(client.numbers, kind)(**criteria), is_async=is_async)


@pytest.mark.parametrize("kind", LISTINGS)
@pytest.mark.parametrize("criterion", CRITERIA)
def test_each_criterion_keeps_only_what_matches_and_recounts(
    recorder: Recorder, kind: str, criterion: str, is_async: bool
) -> None:
    value, mismatch = CRITERIA[criterion]
    recorder.answer(listing(kind, record(kind, "keep"), record(kind, "drop", mismatch)))
    result = fetch(recorder, kind, is_async, **{criterion: value(kind)})
    assert [number.id for number in result.data.numbers] == ["keep"]
    assert getattr(result.data, LISTINGS[kind][0]) == 1


@pytest.mark.parametrize("kind", LISTINGS)
@pytest.mark.parametrize("criterion", CRITERIA)
def test_a_criterion_drops_the_record_differing_in_it_alone(
    recorder: Recorder, kind: str, criterion: str, is_async: bool
) -> None:
    """The same record is kept by every other criterion: only the one it differs in drops it."""
    _, mismatch = CRITERIA[criterion]
    others = {name: value(kind) for name, (value, _) in CRITERIA.items() if name != criterion}
    recorder.answer(listing(kind, record(kind, "differs", mismatch)))
    kept = fetch(recorder, kind, is_async, **others)
    assert [number.id for number in kept.data.numbers] == ["differs"]
    dropped = fetch(recorder, kind, is_async, **others, **{criterion: CRITERIA[criterion][0](kind)})
    assert dropped.data.numbers == []
    assert getattr(dropped.data, LISTINGS[kind][0]) == 0


@pytest.mark.parametrize(
    ("wanted", "offered", "kept"),
    [
        (["sms"], ["sms"], True),  # exactly the channels asked for
        (["sms"], ["sms", "imessage"], True),  # more than asked for
        (["sms", "imessage"], ["sms"], False),  # only some of them
        (["imessage"], ["sms", "mms"], False),  # none of them
        ([], ["sms"], True),  # nothing asked for
    ],
)
def test_channels_are_all_required(
    recorder: Recorder, wanted: list[str], offered: list[str], kept: bool, is_async: bool
) -> None:
    recorder.answer(
        listing("available", record("available", "n", _set("capabilities", "channels", value=offered)))
    )
    result = fetch(recorder, "available", is_async, channels=wanted)
    assert len(result.data.numbers) == int(kept) == result.data.available


@pytest.mark.parametrize("kind", LISTINGS)
def test_the_count_is_recomputed_even_when_the_api_miscounts(
    recorder: Recorder, kind: str, is_async: bool
) -> None:
    body = listing(kind, record(kind, "a"), record(kind, "b"), record(kind, "c", CRITERIA["city"][1]))
    body[LISTINGS[kind][0]] = 40  # the API counts what it has, not what it sent
    recorder.answer(body)
    result = fetch(recorder, kind, is_async, city="miami")
    assert [number.id for number in result.data.numbers] == ["a", "b"]
    assert getattr(result.data, LISTINGS[kind][0]) == 2


@pytest.mark.parametrize("kind", LISTINGS)
def test_unknown_keys_survive_filtering(recorder: Recorder, kind: str, is_async: bool) -> None:
    body = listing(
        kind, record(kind, "a", _set("rating", value="gold")), record(kind, "b", CRITERIA["region"][1])
    )
    body["page"] = {"next": "cursor_2"}
    recorder.handler = lambda _request: httpx.Response(200, json={**envelope(body), "trace": "t-1"})
    result = fetch(recorder, kind, is_async, region="FL")
    assert result.additional_properties == {"trace": "t-1"}
    assert result.data.additional_properties == {"page": {"next": "cursor_2"}}
    [number] = result.data.numbers
    assert number.additional_properties == {"rating": "gold"}
    assert result.to_dict()["data"]["page"] == {"next": "cursor_2"}
    assert (result.id, result.api_version) == ("req_test", "v2026.8.2")


def test_an_unknown_criterion_is_refused_naming_every_known_one(recorder: Recorder) -> None:
    with pytest.raises(ValidationError) as caught:
        recorder.client().numbers.available(area_code="305")  # type: ignore[call-arg]
    assert caught.value.field == "area_code"
    assert (
        str(caught.value)
        == "area_code: unknown filter; the filters are status, channels, country, region, city"
    )
    assert recorder.requests == []


@pytest.mark.parametrize("kind", LISTINGS)
def test_the_raw_view_filters_when_parsed(recorder: Recorder, kind: str, is_async: bool) -> None:
    recorder.answer(listing(kind, record(kind, "keep"), record(kind, "drop", CRITERIA["city"][1])))
    raw = call_with(
        recorder,
        lambda client: getattr(client.numbers.with_raw_response, kind)(city="miami"),
        is_async=is_async,
    )
    assert raw.status_code == 200
    assert raw.request_id == "req_test"
    assert len(raw.json()["data"]["numbers"]) == 2  # the answer as received
    parsed = raw.parse()
    assert [number.id for number in parsed.data.numbers] == ["keep"]
    assert getattr(parsed.data, LISTINGS[kind][0]) == 1
