"""Sending, reactions, history, message lookup, inbound texts and the legacy calls."""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest

from contiguity_ext.sandbox import SANDBOX_NUMBER
from contiguity_ext.testing import START, FakeClock
from tests.support.sandbox import SpecClient, encoded

THEM = "+15555550123"
OTHER = "+15555550177"


def send_text(api: SpecClient, message: str, to: str = THEM, **extra: object) -> str:
    return str(api.data("POST", "/send/text", json={"to": to, "message": message, **extra})["message_id"])


def text_history(
    api: SpecClient, limit: int = 20, *, to: str = THEM, ours: str = SANDBOX_NUMBER
) -> dict[str, Any]:
    return dict(api.data("GET", f"/conversations/history/text/{encoded(to)}/{encoded(ours)}/{limit}"))


@pytest.mark.parametrize(
    ("path", "body", "field", "prefix"),
    [
        ("/send/text", {"to": THEM, "message": "Hi"}, "message_id", "text_"),
        (
            "/send/email",
            {"to": "a@example.com", "from": "Acme", "subject": "S", "text": "t"},
            "email_id",
            "eml_",
        ),
        ("/send/imessage", {"to": THEM, "message": "Hi"}, "message_id", "imsg_"),
        ("/send/whatsapp", {"to": THEM, "message": "Hi"}, "message_id", "wapp_"),
        ("/otp/new", {"to": THEM, "language": "en"}, "otp_id", "otp_"),
        ("/otp/reverse/initiate", {"number": THEM}, "otp_id", "r_otp_"),
    ],
)
def test_ids_have_the_api_prefixes(
    api: SpecClient, path: str, body: dict[str, Any], field: str, prefix: str
) -> None:
    assert re.fullmatch(f"{prefix}[0-9a-f]{{24}}", api.data("POST", path, json=body)[field])


def test_ids_are_unique(api: SpecClient) -> None:
    assert len({send_text(api, "Hi") for _ in range(50)}) == 50


def test_a_sent_text_can_be_fetched(api: SpecClient) -> None:
    message_id = send_text(api, "Hi", attachments=["https://example.com/cat.gif"])

    assert api.data("GET", f"/conversations/history/message/{message_id}") == {
        "id": message_id,
        "to": THEM,
        "from": SANDBOX_NUMBER,
        "message": "Hi",
        "timestamp": int(START * 1000),
        "status": "delivered",
        "attachments": ["https://example.com/cat.gif"],
    }


def test_tracking_adds_the_delivery_timeline(api: SpecClient) -> None:
    message_id = send_text(api, "Hi")

    stored = api.data("GET", f"/conversations/history/message/{message_id}", params={"tracking": "true"})

    assert [step["event"] for step in stored["tracking"]] == ["text.sent", "text.delivery.confirmed"]
    assert "tracking" not in api.data(
        "GET", f"/conversations/history/message/{message_id}", params={"tracking": "false"}
    )


def test_an_attachment_only_text_is_an_mms(api: SpecClient) -> None:
    message_id = api.data(
        "POST", "/send/text", json={"to": THEM, "attachments": ["https://example.com/a.png"]}
    )["message_id"]

    assert api.data("GET", f"/conversations/history/message/{message_id}")["message"] == ""


@pytest.mark.parametrize("message_id", ["text_0", "eml_0", "evt_0"])
def test_an_unknown_message_is_a_404(api: SpecClient, message_id: str) -> None:
    api.error("GET", f"/conversations/history/message/{message_id}", 404)


def test_emails_are_not_conversation_messages(api: SpecClient) -> None:
    email_id = api.data(
        "POST", "/send/email", json={"to": "a@example.com", "from": "A", "subject": "S", "text": "t"}
    )["email_id"]

    api.error("GET", f"/conversations/history/message/{email_id}", 404)


def test_history_is_the_conversation_newest_first_within_the_limit(api: SpecClient, clock: FakeClock) -> None:
    for n in range(5):
        send_text(api, f"message {n}")
        clock.advance(1)
    send_text(api, "to someone else", to=OTHER)
    send_text(api, "from another of our numbers", **{"from": "+13055550142"})

    history = text_history(api, limit=3)

    assert [m["message"] for m in history["conversation"]] == ["message 4", "message 3", "message 2"]
    assert [m["timestamp"] for m in history["conversation"]] == [int((START + s) * 1000) for s in (4, 3, 2)]
    assert history["chat"] == {"limit": 3, "total": 3, "count": 5}
    assert all(m["delivery"]["status"] == "delivered" for m in history["conversation"])


def test_history_includes_inbound_texts(api: SpecClient) -> None:
    send_text(api, "Are you coming?")
    api.data("POST", "/_sandbox/inbound", json={"from": THEM, "to": SANDBOX_NUMBER, "body": "Yes!"})

    conversation = text_history(api)["conversation"]

    assert [(m["from"], m["message"]) for m in conversation] == [
        (THEM, "Yes!"),
        (SANDBOX_NUMBER, "Are you coming?"),
    ]


def test_an_inbound_text_can_be_fetched_by_its_event_id(api: SpecClient) -> None:
    received = api.data("POST", "/_sandbox/inbound", json={"from": THEM, "to": SANDBOX_NUMBER, "body": "Hi"})

    stored = api.data(
        "GET", f"/conversations/history/message/{received['message_id']}", params={"tracking": "1"}
    )

    assert received["message_id"].startswith("evt_")
    assert (stored["from"], stored["status"]) == (THEM, "received")
    assert stored["tracking"][0]["event"] == "text.incoming.sms"


def test_an_empty_conversation_is_empty(api: SpecClient) -> None:
    assert text_history(api) == {
        "conversation": [],
        "reactions": [],
        "chat": {"limit": 20, "total": 0, "count": 0},
    }


def test_a_send_without_from_uses_a_leased_number_with_the_channel(api: SpecClient) -> None:
    api.data("POST", f"/numbers/lease/{encoded('+14155550117')}")  # sms, mms, imessage

    text = send_text(api, "Hi")
    whatsapp = api.data("POST", "/send/whatsapp", json={"to": THEM, "message": "Hi"})["message_id"]

    assert api.data("GET", f"/conversations/history/message/{text}")["from"] == "+14155550117"
    assert api.data("GET", f"/conversations/history/message/{whatsapp}")["from"] == SANDBOX_NUMBER


# ---- reactions ---------------------------------------------------------------------------


def test_text_reactions_by_id_and_by_text_show_in_history(api: SpecClient, clock: FakeClock) -> None:
    message_id = send_text(api, "Dinner at 8?")
    clock.advance(1)
    api.data(
        "POST", "/send/text/reactions", json={"message_id": message_id, "reaction": "love", "action": "add"}
    )
    clock.advance(1)
    api.data(
        "POST",
        "/send/text/reactions",
        json={"to": THEM, "message": "Dinner at 8?", "reaction": "love", "action": "remove"},
    )

    history = text_history(api)

    assert [m["message"] for m in history["conversation"]] == ["Dinner at 8?"]
    assert [(r["reaction"], r["on"], r["action"], r["from"]) for r in history["reactions"]] == [
        ("love", "Dinner at 8?", "removed", SANDBOX_NUMBER),
        ("love", "Dinner at 8?", "added", SANDBOX_NUMBER),
    ]


def test_a_text_reaction_is_sent_as_a_text(api: SpecClient) -> None:
    message_id = send_text(api, "Dinner at 8?")

    reaction_id = api.data(
        "POST", "/send/text/reactions", json={"message_id": message_id, "reaction": "love", "action": "add"}
    )["message_id"]

    stored = api.data("GET", f"/conversations/history/message/{reaction_id}")
    assert (stored["to"], stored["message"]) == (THEM, 'Loved "Dinner at 8?"')


def test_reacting_to_an_inbound_text_replies_from_the_number_it_reached(api: SpecClient) -> None:
    received = api.data(
        "POST", "/_sandbox/inbound", json={"from": THEM, "to": "+13055550142", "body": "Hello"}
    )

    reaction = api.data(
        "POST",
        "/send/text/reactions",
        json={"message_id": received["message_id"], "reaction": "haha", "action": "add"},
    )

    stored = api.data("GET", f"/conversations/history/message/{reaction['message_id']}")
    assert (stored["from"], stored["to"]) == ("+13055550142", THEM)


@pytest.mark.parametrize(
    "body",
    [
        {"message_id": "text_missing", "reaction": "love", "action": "add"},
        {"to": THEM, "message": "never sent", "reaction": "love", "action": "add"},
        {"to": OTHER, "message": "Hi", "reaction": "love", "action": "add"},
    ],
)
def test_reacting_to_a_message_that_does_not_exist_is_a_404(api: SpecClient, body: dict[str, Any]) -> None:
    send_text(api, "Hi")

    api.error("POST", "/send/text/reactions", 404, json=body)


def test_imessage_conversation_reads_reactions_and_history(api: SpecClient, clock: FakeClock) -> None:
    api.data("POST", "/send/imessage", json={"to": THEM, "message": "Hey"})
    clock.advance(1)
    api.data(
        "POST",
        "/_sandbox/inbound",
        json={"from": THEM, "to": SANDBOX_NUMBER, "body": "Hi!", "channel": "imessage"},
    )
    clock.advance(1)
    read = api.data("POST", "/send/imessage/read", json={"to": THEM, "from": SANDBOX_NUMBER})
    tapback = api.data(
        "POST",
        "/send/imessage/reactions",
        json={"to": THEM, "from": SANDBOX_NUMBER, "action": "add", "tapback": "laugh", "message": "Hi!"},
    )

    history = api.data("GET", f"/conversations/history/imessage/{encoded(THEM)}/{encoded(SANDBOX_NUMBER)}/1")

    assert read["status"] == "sent"
    assert tapback == {"status": "added", "message": "Tapback laugh added"}
    [latest] = history["conversation"]
    assert (latest["message"], latest["read"]) == ("Hi!", int((START + 2) * 1000))
    assert history["chat"] == {
        "filtered": False,
        "chat_marked_as_spam": False,
        "limit": 1,
        "total": 2,
        "count": 1,
    }
    assert [(r["reaction"], r["on"], r["action"]) for r in history["reactions"]] == [
        ("laugh", "Hi!", "added")
    ]


def test_an_imessage_tapback_needs_the_message(api: SpecClient) -> None:
    body = {"to": THEM, "from": SANDBOX_NUMBER, "action": "add", "tapback": "love", "message": "Hey"}

    api.error("POST", "/send/imessage/reactions", 404, json=body)


@pytest.mark.parametrize(("action", "status"), [("start", "started"), ("stop", "stopped")])
@pytest.mark.parametrize("channel", ["imessage", "whatsapp"])
def test_typing(api: SpecClient, channel: str, action: str, status: str) -> None:
    assert api.data("POST", f"/send/{channel}/typing", json={"to": THEM, "action": action}) == {
        "status": status
    }
    [logged] = api.data("GET", "/_sandbox/messages")["messages"]
    assert (logged["kind"], logged["details"]) == (f"{channel}_typing", {"action": action})


def test_whatsapp_reactions_find_the_message_by_id_or_text(api: SpecClient) -> None:
    sent = api.data("POST", "/send/whatsapp", json={"to": THEM, "message": "Hola"})["message_id"]

    by_id = api.data(
        "POST",
        "/send/whatsapp/reactions",
        json={"to": THEM, "action": "add", "reaction": "👍", "message": sent},
    )
    by_text = api.data(
        "POST", "/send/whatsapp/reactions", json={"to": THEM, "action": "remove", "message": "Hola"}
    )

    assert (by_id["status"], by_text["status"]) == ("added", "removed")
    api.error("POST", "/send/whatsapp/reactions", 404, json={"to": THEM, "action": "add", "message": "Adiós"})


def test_a_whatsapp_reaction_without_a_message_is_sent_as_is(api: SpecClient) -> None:
    reacted = api.data(
        "POST", "/send/whatsapp/reactions", json={"to": THEM, "action": "add", "reaction": "🎉"}
    )

    [logged] = api.data("GET", "/_sandbox/messages")["messages"]
    assert reacted == {"status": "added", "message": "Reaction added"}
    assert (logged["kind"], logged["from"], logged["details"]) == (
        "whatsapp_reaction",
        SANDBOX_NUMBER,
        {"reaction": "🎉", "action": "add"},
    )


@pytest.mark.parametrize(("number", "available"), [("+15555550122", True), ("+15555550123", False)])
def test_imessage_availability_follows_the_last_digit(api: SpecClient, number: str, available: bool) -> None:
    assert api.data("GET", f"/conversations/availability/imessage/{encoded(number)}") == {
        "available": available
    }


# ---- fast track --------------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["text", "imessage"])
def test_fast_track_needs_the_entitlement_and_names_the_agreement(api: SpecClient, channel: str) -> None:
    body = {"to": THEM, "message": "Hi", "fast_track": True}

    error = api.error("POST", f"/send/{channel}", 403, json=body)
    api.data("POST", "/entitlements/fast_track")

    assert error["agreement_url"] == "https://api.contiguity.com/entitlements/fast_track"
    assert api.post(f"/send/{channel}", json=body).status_code == 200


# ---- email and legacy --------------------------------------------------------------------


def test_an_email_is_logged_with_its_fields(api: SpecClient) -> None:
    api.data(
        "POST",
        "/send/email",
        json={
            "to": ["a@example.com", "b@example.com"],
            "from": "Acme <hi@acme.test>",
            "subject": "S",
            "body": {"html": "<p>x</p>"},
            "cc": "c@example.com",
        },
    )

    [email] = api.data("GET", "/_sandbox/messages")["messages"]

    assert (email["to"], email["from"], email["message"]) == (
        "a@example.com, b@example.com",
        "Acme <hi@acme.test>",
        "<p>x</p>",
    )
    assert email["details"] == {"subject": "S", "html": "<p>x</p>", "cc": "c@example.com"}


def test_legacy_email_status(api: SpecClient) -> None:
    email_id = api.data(
        "POST", "/send/email", json={"to": "a@example.com", "from": "A", "subject": "Hello", "text": "t"}
    )["email_id"]

    status = api.get(f"/email/status/{email_id}").json()
    missing = api.get("/email/status/eml_0")

    assert (status["email_id"], status["subject"], status["delivered"]) == (email_id, "Hello", True)
    assert (missing.status_code, missing.json()) == (
        404,
        {"message": "Couldn't find an email with id 'eml_0'"},
    )


def test_legacy_quota_counts_texts(api: SpecClient) -> None:
    send_text(api, "one")
    send_text(api, "two")
    api.data("POST", "/otp/new", json={"to": THEM, "language": "en"})
    api.data("POST", "/send/whatsapp", json={"to": THEM, "message": "not a text"})

    assert api.get("/user/get/quota").json() == {
        "plan": "free",
        "quota": 3,
        "remaining": 497,
        "type": "sms",
        "ad": False,
    }


def test_concurrent_sends_are_all_kept(api: SpecClient) -> None:
    def send_many() -> None:
        for n in range(25):
            send_text(api, f"{threading.get_ident()} {n}")

    threads = [threading.Thread(target=send_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    messages = api.data("GET", "/_sandbox/messages")["messages"]
    assert len(messages) == len({m["id"] for m in messages}) == 200
