"""Replies go back on the same channel, from the number the incoming event reached."""

from __future__ import annotations

import pytest
from contiguity_client.models import ImessageFallback, ImessageIncomingEvent, WebhookEvent, WhatsappFallback

import contiguity_ext as contiguity
from tests.support.driven import Clients
from tests.support.recording import Recorder

THEM, US = "+15555550100", "+15555550199"
DATA = {"from": THEM, "to": US, "body": "hi", "timestamp": 1, "attachments": []}
ENVELOPE = {"id": "evt_1", "timestamp": 1, "api_version": "v2026.8.2"}


def test_imessage_reply_keeps_the_channel_and_offers_a_fallback(recorder: Recorder, clients: Clients) -> None:
    event = ImessageIncomingEvent.from_dict({**ENVELOPE, "type": "imessage.incoming", "data": DATA})
    fallback = ImessageFallback(when=["imessage_fails"])
    clients.over(recorder).imessage.reply(
        event, "On it", attachments=["https://example.com/a.png"], fallback=fallback
    )
    assert recorder.requests[0].url.path == "/send/imessage"
    assert recorder.last_json == {
        "to": THEM,
        "from": US,
        "message": "On it",
        "attachments": ["https://example.com/a.png"],
        "fallback": {"when": ["imessage_fails"]},
    }


def test_whatsapp_reply_reads_events_without_a_published_schema(recorder: Recorder, clients: Clients) -> None:
    # WhatsApp inbound events have no schema, so they parse as the generic event.
    event = WebhookEvent.from_dict(
        {**ENVELOPE, "type": "whatsapp.incoming", "data": {"from": THEM, "to": US}}
    )
    fallback = WhatsappFallback(when=["whatsapp_unsupported"])
    clients.over(recorder).whatsapp.reply(event, "Hello!", fallback=fallback)
    assert recorder.requests[0].url.path == "/send/whatsapp"
    assert recorder.last_json == {
        "to": THEM,
        "from": US,
        "message": "Hello!",
        "fallback": {"when": ["whatsapp_unsupported"]},
    }


async def test_async_reply(recorder: Recorder) -> None:
    event = WebhookEvent.from_dict({**ENVELOPE, "type": "text.incoming.sms", "data": DATA})
    await recorder.async_client().text.reply(event, "Thanks")  # type: ignore[arg-type]
    assert recorder.last_json == {"to": THEM, "from": US, "message": "Thanks"}


@pytest.mark.parametrize(
    "url",
    [
        "https://api.contiguity.com/entitlements/",
        "https://api.contiguity.com/entitlements/a/b",
        42,
    ],
)
def test_agreement_urls_that_name_no_entitlement_are_refused(
    recorder: Recorder, clients: Clients, url: object
) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).agreements.accept(url)  # type: ignore[arg-type]
    assert caught.value.field == "agreement_url"
    assert recorder.requests == []


def test_agreement_url_query_is_ignored(recorder: Recorder, clients: Clients) -> None:
    recorder.answer({"granted": True})
    clients.over(recorder).agreements.accept("https://api.contiguity.com/entitlements/fast_track?ref=error")
    assert recorder.requests[0].url.path == "/entitlements/fast_track"


def test_a_text_reply_carries_its_attachments(recorder: Recorder, clients: Clients) -> None:
    event = WebhookEvent.from_dict({**ENVELOPE, "type": "text.incoming.mms", "data": DATA})
    clients.over(recorder).text.reply(event, attachments=["https://example.com/a.png"])  # type: ignore[arg-type]
    assert recorder.requests[0].url.path == "/send/text"
    assert recorder.last_json == {"to": THEM, "from": US, "attachments": ["https://example.com/a.png"]}


@pytest.mark.parametrize("channel", ["imessage", "whatsapp"])
def test_a_reply_without_a_fallback_sends_none(recorder: Recorder, clients: Clients, channel: str) -> None:
    event = WebhookEvent.from_dict({**ENVELOPE, "type": f"{channel}.incoming", "data": DATA})
    getattr(clients.over(recorder), channel).reply(event, "Hello!")
    assert recorder.last_json == {"to": THEM, "from": US, "message": "Hello!"}


@pytest.mark.parametrize(
    ("channel", "when"), [("imessage", "imessage_fails"), ("whatsapp", "whatsapp_unsupported")]
)
def test_a_fallback_given_as_a_mapping_is_sent_and_checked_like_the_model(
    recorder: Recorder, clients: Clients, channel: str, when: str
) -> None:
    event = WebhookEvent.from_dict({**ENVELOPE, "type": f"{channel}.incoming", "data": DATA})
    reply = getattr(clients.over(recorder), channel).reply
    reply(event, "Hello!", fallback={"when": [when]})
    assert recorder.last_json["fallback"] == {"when": [when]}
    with pytest.raises(contiguity.ValidationError) as caught:
        reply(event, "Hello!", fallback={"when": ["never"]})
    assert caught.value.field == "fallback.when[0]"
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("channel", ["imessage", "whatsapp"])
def test_a_fallback_model_holding_a_wrong_type_is_refused_by_name(
    recorder: Recorder, clients: Clients, channel: str
) -> None:
    event = WebhookEvent.from_dict({**ENVELOPE, "type": f"{channel}.incoming", "data": DATA})
    fallback = {"imessage": ImessageFallback, "whatsapp": WhatsappFallback}[channel](when=5)
    with pytest.raises(contiguity.ValidationError) as caught:
        getattr(clients.over(recorder), channel).reply(event, "Hello!", fallback=fallback)
    assert str(caught.value) == "fallback: invalid fallback: 'int' object is not iterable"
    assert recorder.requests == []


@pytest.mark.parametrize(
    "data", [{"to": US}, {"from": THEM}, {"from": 5, "to": US}, {"from": THEM, "to": None}], ids=str
)
def test_an_event_without_both_numbers_cannot_be_replied_to(
    recorder: Recorder, clients: Clients, data: dict[str, object]
) -> None:
    event = WebhookEvent.from_dict({**ENVELOPE, "type": "text.incoming.sms", "data": data})
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).text.reply(event, "Thanks")  # type: ignore[arg-type]
    assert str(caught.value) == "event: event has no data.from/data.to to reply to"
    assert recorder.requests == []
