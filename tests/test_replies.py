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
