"""``python -m contiguity_ext.demo`` (``make demo``): the SDK's main flows against a local sandbox.

It starts the sandbox server on a free port with a local webhook receiver, then, through the
SDK only: sends a text and an MMS, an email from a local template, an OTP verified first with
a wrong code and then the right one, reads the conversation history, receives a signed
webhook, verifies it and replies to it. It prints a summary and stops everything it started.
"""

from __future__ import annotations

import secrets
import sys
from importlib import resources
from pathlib import Path

import httpx
from contiguity_client.models import TextIncomingSmsEvent

import contiguity_ext as contiguity

from ..sandbox.process import WebhookReceiver, running_sandbox

CUSTOMER = "(555) 555-0123"


def _sandbox_otp_code(base_url: str, otp_id: str) -> str:
    """What the user would read on their phone; only the sandbox can tell it."""
    answer = httpx.get(f"{base_url}/_sandbox/otp/{otp_id}", timeout=10).json()
    return str(answer["data"]["code"])


def run(out: list[str]) -> None:
    secret = f"whsec_demo_{secrets.token_hex(8)}"
    with (
        WebhookReceiver() as receiver,
        running_sandbox("--webhook-url", f"{receiver.url}/hooks", "--webhook-secret", secret) as base_url,
        contiguity.login("contiguity_sk_demo", base_url=base_url) as client,
    ):
        out.append(f"sandbox           {base_url}  (webhooks to {receiver.url}/hooks)")

        text = client.send.text({"to": CUSTOMER, "message": "Hello from the Contiguity demo!"})
        out.append(f"text sent         {text.data.message_id} to {CUSTOMER} (sent as E.164)")
        mms = client.text.send(
            to=CUSTOMER, message="Here is your receipt", attachments=["https://example.com/receipt.png"]
        )
        out.append(f"MMS sent          {mms.data.message_id} with 1 attachment")

        template = Path(str(resources.files(__package__).joinpath("welcome.html")))
        html = client.template.local(template)
        email = client.send.email(
            {"to": "customer@example.com", "from": "Demo Shop", "subject": "Welcome!", "html": html}
        )
        out.append(f"email sent        {email.data.email_id} from template {template.name}")

        otp_id = client.otp.send({"to": CUSTOMER, "language": "en", "name": "Demo Shop"})
        wrong = client.otp.verify({"otp_id": otp_id, "otp": "000000"})
        code = _sandbox_otp_code(base_url, otp_id)
        right = client.otp.verify({"otp_id": otp_id, "otp": code})
        out.append(f"OTP               {otp_id}: wrong code -> {wrong}, code {code} -> {right}")

        stored = client.text.get(text.data.message_id)
        history = client.text.history(stored.data.to, stored.data.from_, 10)
        between = f"{stored.data.to} and {stored.data.from_}"
        out.append(f"history           {history.data.chat.count} messages between {between}")

        # The sandbox confirms delivery of each text with a signed webhook, as Contiguity does.
        _, headers, body = receiver.next()
        event = contiguity.webhooks.construct_event(body, headers, secret)
        out.append(f"webhook received  {event.type_} {event.id}: signature verified")
        forged = contiguity.webhooks.verify_signature(body + b" ", headers, secret)
        out.append(f"tampered webhook  signature verified -> {forged}")

        httpx.post(
            f"{base_url}/_sandbox/inbound",
            json={"from": stored.data.to, "to": stored.data.from_, "body": "Where is my order?"},
            timeout=10,
        ).raise_for_status()
        inbound = _next_incoming_text(receiver, secret)
        reply = client.text.reply(inbound, "It ships tomorrow!")
        out.append(f"inbound text      {inbound.data.body!r} -> replied with {reply.data.message_id}")


def _next_incoming_text(receiver: WebhookReceiver, secret: str) -> TextIncomingSmsEvent:
    """The next ``text.incoming.sms`` delivery, verified; other events are passed over."""
    while True:
        _, headers, body = receiver.next()
        event = contiguity.webhooks.construct_event(body, headers, secret)
        if isinstance(event, TextIncomingSmsEvent):
            return event


def main() -> int:
    lines: list[str] = []
    try:
        run(lines)
    except contiguity.ContiguityError as error:
        print("\n".join(lines))
        print(f"demo failed: {error}", file=sys.stderr)
        return 1
    print("Contiguity SDK demo, against a local sandbox\n")
    print("\n".join(lines))
    print("\nAll flows completed; the sandbox has been stopped.")
    return 0
