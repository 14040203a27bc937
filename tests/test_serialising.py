"""Every result serialises: ``to_dict()`` and ``to_json()`` agree, on every model of the package."""

from __future__ import annotations

import json

import contiguity_client.models as models
import pytest

from tests.support.recording import Recorder

PHONE = "+15555555555"
MODEL_CLASSES = sorted(
    name
    for name in models.__all__
    if isinstance(getattr(models, name), type) and hasattr(getattr(models, name), "to_dict")
)


@pytest.mark.parametrize("name", MODEL_CLASSES)
def test_every_model_has_to_json_beside_to_dict(name: str) -> None:
    assert callable(getattr(getattr(models, name), "to_json", None)), name


def test_a_result_as_json_is_its_dict(recorder: Recorder) -> None:
    recorder.answer({"message_id": "text_1", "note": "café ✓"})
    sent = recorder.client().text.send(to=PHONE, message="hi")
    assert json.loads(sent.to_json()) == sent.to_dict()
    assert sent.to_dict()["data"] == {"message_id": "text_1", "note": "café ✓"}
    assert "café ✓" in sent.to_json()  # readable, not \\u-escaped
    assert sent.to_json(indent=2).startswith("{\n  ")


async def test_async_results_serialise_alike(recorder: Recorder) -> None:
    sent = await recorder.async_client().text.send(to=PHONE, message="hi")
    assert json.loads(sent.to_json()) == sent.to_dict()
