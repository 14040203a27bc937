"""The sub-commands: each is one SDK call and its rendering."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import IO, get_args

import click
from contiguity_client.models.channel import CHANNEL_VALUES
from rich.text import Text

from .. import webhooks
from ..templates import read_template
from ..types import NumberFilter, OtpLanguage, SendOtpParams
from ._app import CommandError, client, emit, table

# ---- messaging ---------------------------------------------------------------------------


@click.group()
def text() -> None:
    """SMS and MMS."""


@text.command("send")
@click.option("--to", required=True, metavar="NUMBER", help="Recipient; E.164, or a US number.")
@click.option("--message", "-m", required=True, help="The text to send.")
@click.option("--from", "from_", metavar="NUMBER", help="One of your leased numbers [default: any of yours]")
@click.option(
    "--attachment", "attachments", multiple=True, metavar="URL", help="Media URL (makes it an MMS); up to 3."
)
@click.pass_context
def text_send(
    ctx: click.Context, to: str, message: str, from_: str | None, attachments: tuple[str, ...]
) -> None:
    """Send a text message; prints its id."""
    result = client(ctx).text.send(to=to, message=message, from_=from_, attachments=list(attachments) or None)
    emit(ctx, result.to_dict(), Text(f"Text sent: {result.data.message_id}"))


@click.group()
def email() -> None:
    """Email from your verified domains."""


@email.command("send")
@click.option("--to", required=True, multiple=True, metavar="ADDRESS", help="Recipient; repeat for up to 10.")
@click.option(
    "--from", "from_", required=True, metavar="SENDER", help="'Name <address@your-domain>' or an address."
)
@click.option("--subject", required=True)
@click.option("--text", "text_body", metavar="TEXT", help="Plain-text body.")
@click.option("--html", metavar="HTML", help="HTML body.")
@click.option(
    "--html-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the HTML body from this UTF-8 file.",
)
@click.pass_context
def email_send(
    ctx: click.Context,
    to: tuple[str, ...],
    from_: str,
    subject: str,
    text_body: str | None,
    html: str | None,
    html_file: Path | None,
) -> None:
    """Send an email; prints its id.

    Give the body with --text, --html or --html-file; --text may accompany an HTML body as its
    plain-text alternative.
    """
    if html is not None and html_file is not None:
        raise click.UsageError("give --html or --html-file, not both", ctx)
    if html_file is not None:
        html = read_template(html_file)
    if text_body is None and html is None:
        raise click.UsageError("give a body: --text, --html or --html-file", ctx)
    result = client(ctx).email.send(
        to=to[0] if len(to) == 1 else list(to), from_=from_, subject=subject, text=text_body, html=html
    )
    emit(ctx, result.to_dict(), Text(f"Email sent: {result.data.email_id}"))


@click.group()
def otp() -> None:
    """One-time passcodes: send one, then verify what the user typed."""


@otp.command("send")
@click.option("--to", required=True, metavar="NUMBER", help="Phone number to send the code to.")
@click.option(
    "--language", type=click.Choice(get_args(OtpLanguage)), default="en", show_default=True, metavar="CODE"
)
@click.option("--name", help="Your app's name, shown in the message.")
@click.pass_context
def otp_send(ctx: click.Context, to: str, language: OtpLanguage, name: str | None) -> None:
    """Send a code; prints the OTP id to verify it with."""
    params: SendOtpParams = {"to": to, "language": language}
    if name:
        params["name"] = name
    otp_id = client(ctx).otp.send(params)
    emit(ctx, {"otp_id": otp_id}, Text(otp_id))


@otp.command("verify")
@click.option("--otp-id", required=True, metavar="ID", help="The id `otp send` printed.")
@click.option("--code", required=True, help="The code the user entered.")
@click.pass_context
def otp_verify(ctx: click.Context, otp_id: str, code: str) -> None:
    """Check a code: exit status 0 when it matches, 1 when it does not."""
    verified = client(ctx).otp.verify({"otp_id": otp_id, "otp": code})
    emit(ctx, {"verified": verified}, Text("verified" if verified else "not verified"))
    ctx.exit(0 if verified else 1)


# ---- account -----------------------------------------------------------------------------


def _place(city: str, region: str, country: str) -> str:
    return ", ".join(part for part in (city, region, country) if part)


def _price(currency: str, monthly_rate: float, upfront_fee: float) -> str:
    price = f"{currency} {monthly_rate:.2f}/month"
    return f"{price} + {upfront_fee:.2f} upfront" if upfront_fee else price


def _date(unix_seconds: float) -> str:
    return datetime.datetime.fromtimestamp(unix_seconds, datetime.timezone.utc).date().isoformat()


@click.group()
def numbers() -> None:
    """Phone numbers to lease, and the ones you lease."""


@numbers.command("available")
@click.option(
    "--channel",
    "channels",
    multiple=True,
    type=click.Choice(sorted(CHANNEL_VALUES)),
    help="Only numbers offering this channel; repeat to require several.",
)
@click.option("--country", metavar="CODE", help="Only numbers in this country (ISO code, e.g. US).")
@click.pass_context
def numbers_available(ctx: click.Context, channels: tuple[str, ...], country: str | None) -> None:
    """List numbers you may lease."""
    criteria: NumberFilter = {"channels": channels}
    if country:
        criteria["country"] = country
    listing = client(ctx).numbers.available(**criteria)
    rows = [
        (
            n.id,
            _place(n.location.city, n.location.region, n.location.country),
            n.carrier,
            ", ".join(n.capabilities.channels),
            _price(n.pricing.currency, n.pricing.monthly_rate, n.pricing.upfront_fee),
            n.status,
        )
        for n in listing.data.numbers
    ]
    columns = ("Number", "Location", "Carrier", "Channels", "Price", "Status")
    emit(ctx, listing.to_dict(), table("Available numbers", columns, rows))


@numbers.command("leased")
@click.pass_context
def numbers_leased(ctx: click.Context) -> None:
    """List the numbers you lease."""
    listing = client(ctx).numbers.leased()
    rows = [
        (
            n.id,
            n.lease_id,
            n.lease_status,
            _place(n.location.city, n.location.region, n.location.country),
            ", ".join(n.capabilities.channels),
            n.billing.method,
            _date(n.billing.period.start),
        )
        for n in listing.data.numbers
    ]
    columns = ("Number", "Lease", "Status", "Location", "Channels", "Billing", "Since")
    emit(ctx, listing.to_dict(), table("Leased numbers", columns, rows))


@click.group()
def domains() -> None:
    """Email sending domains."""


@domains.command("list")
@click.pass_context
def domains_list(ctx: click.Context) -> None:
    """List your email domains."""
    listing = client(ctx).domains.list()
    rows = [
        (
            d.domain,
            d.status,
            d.region,
            "yes" if d.sending_allowed else "no",
            _date(d.created_at / 1000),
        )
        for d in listing.data.domains
    ]
    columns = ("Domain", "Status", "Region", "Sending", "Created")
    emit(ctx, listing.to_dict(), table("Domains", columns, rows))


# ---- local tools -------------------------------------------------------------------------


@click.group()
def webhook() -> None:
    """Check webhook deliveries."""


@webhook.command("verify")
@click.option(
    "--secret",
    required=True,
    envvar="CONTIGUITY_WEBHOOK_SECRET",
    show_envvar=True,
    metavar="SECRET",
    help="The webhook secret (whsec_...).",
)
@click.option("--signature", required=True, metavar="HEADER", help="The Contiguity-Signature header's value.")
@click.option(
    "--body-file", type=click.File("rb"), default="-", help="The raw body, byte for byte [default: stdin]"
)
@click.option(
    "--tolerance",
    type=click.IntRange(min=0),
    default=webhooks.DEFAULT_TOLERANCE,
    show_default=True,
    help="Largest accepted age of the signature, in seconds.",
)
@click.pass_context
def webhook_verify(
    ctx: click.Context, secret: str, signature: str, body_file: IO[bytes], tolerance: int
) -> None:
    """Check a delivery's signature: exit status 0 when valid, 1 when not."""
    verified = webhooks.verify_signature(body_file.read(), signature, secret, tolerance)
    emit(ctx, {"verified": verified}, Text("signature valid" if verified else "signature invalid"))
    ctx.exit(0 if verified else 1)


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), help="Port, 0 for any free one [default: 8787]")
@click.option("--webhook-url", metavar="URL", help="POST webhook events (deliveries, inbound texts) here.")
@click.option("--webhook-secret", metavar="SECRET", help="Sign webhook events with this secret (whsec_...).")
@click.option(
    "--require-token",
    metavar="TOKEN",
    help="Accept only this API token (401 for any other) [default: any token]",
)
def sandbox(
    port: int | None, webhook_url: str | None, webhook_secret: str | None, require_token: str | None
) -> None:
    """Serve a local, in-memory Contiguity API on 127.0.0.1 (needs the sandbox extra).

    Point commands at it with --base-url (or CONTIGUITY_BASE_URL); any token is accepted
    unless --require-token names one.
    """
    # Imported here: the sandbox is large and only this command needs it.
    from ..sandbox.__main__ import main as serve

    argv = [
        *(["--port", str(port)] if port is not None else []),
        *(["--webhook-url", webhook_url] if webhook_url else []),
        *(["--webhook-secret", webhook_secret] if webhook_secret else []),
        # The sandbox server calls it --token; here --token is the client's own API key.
        *(["--token", require_token] if require_token is not None else []),
    ]
    try:
        serve(argv)
    except SystemExit as exit_:
        # The sandbox exits with a message (not a status) when Starlette or uvicorn is missing.
        if isinstance(exit_.code, str):
            raise CommandError(exit_.code) from None
        raise
