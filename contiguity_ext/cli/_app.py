"""The command's frame: global options, the client seam, output, and one-line failures."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, cast

import attrs
import click
import httpx
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

import contiguity_ext

from ..errors import APIConnectionError, ContiguityError, TemplateError, ValidationError

if TYPE_CHECKING:
    from .._client import Contiguity

# Shorter "tokens" are test values, not keys; masking them would garble the message instead.
_MIN_MASKED_TOKEN = 8


def make_client(token: str | None, *, base_url: str | None, debug: bool) -> Contiguity:
    """The client every command uses. Tests replace this to serve requests in-process."""
    return contiguity_ext.login(token, debug, base_url=base_url)


@attrs.frozen
class Options:
    """The global options, shared with every command through ``click.Context.obj``."""

    token: str | None = attrs.field(repr=False)
    base_url: str | None
    as_json: bool
    debug: bool


class CommandError(click.ClickException):
    """A failure, reported as a single ``error: <message>`` line on stderr; exit status 1."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", file=file, err=True)


class InputError(CommandError):
    """Bad usage or input, found before anything was sent; exit status 2."""

    exit_code = 2


def _as_command_error(error: Exception, token: str | None) -> CommandError | None:
    """How ``error`` is reported, or ``None`` when it is not a failure to report this way."""
    if isinstance(error, CommandError | click.exceptions.NoArgsIsHelpError):
        return None
    kind: type[CommandError]
    if isinstance(error, click.UsageError):
        message, kind = error.format_message(), InputError
        if error.ctx is not None:
            message += f" (see '{error.ctx.command_path} --help')"
    elif isinstance(error, ValidationError | TemplateError):
        message, kind = str(error), InputError
    elif isinstance(error, APIConnectionError):
        # The SDK names only the path; which host was unreachable matters as much.
        url = httpx.URL(error.url)
        message, kind = f"{error} (server {url.scheme}://{url.netloc.decode('ascii')})", CommandError
    elif isinstance(error, click.ClickException | ContiguityError):
        message, kind = str(error), CommandError
    else:
        return None
    if token and len(token) >= _MIN_MASKED_TOKEN:
        # The SDK keeps the token out of its messages; this also covers a server that echoes it.
        message = message.replace(token, "<token>")
    return kind(message)


@contextmanager
def _reported(ctx: click.Context | None = None) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        options = ctx.find_object(Options) if ctx is not None else None
        failure = _as_command_error(error, options.token if options is not None else None)
        if failure is None:
            raise
        raise failure from None


class _Root(click.Group):
    """The top-level group: turns every failure below it into a :class:`CommandError`."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        with _reported():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        # Sub-commands are parsed and run inside this call, so their failures arrive here too.
        with _reported(ctx):
            return super().invoke(ctx)


@click.group("contiguity", cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--token", metavar="KEY", help="API key [default: $CONTIGUITY_API_KEY, then $CONTIGUITY_TOKEN]")
@click.option(
    "--base-url",
    metavar="URL",
    help="Send requests here instead of Contiguity, e.g. a local sandbox [default: $CONTIGUITY_BASE_URL]",
)
@click.option("--json", "as_json", is_flag=True, help="Print the API's answer as JSON.")
@click.option("--debug", is_flag=True, help="Log each request to stderr (never the token).")
@click.version_option(contiguity_ext.__version__, prog_name="contiguity")
@click.pass_context
def main(ctx: click.Context, token: str | None, base_url: str | None, as_json: bool, debug: bool) -> None:
    """Send texts, emails and one-time passcodes with Contiguity.

    Exit status: 0 on success, 1 when the API or the connection failed (or a code or signature
    did not verify), 2 for bad usage or input rejected before sending.
    """
    ctx.obj = Options(token=token, base_url=base_url, as_json=as_json, debug=debug)


def options(ctx: click.Context) -> Options:
    """The global options of the running command."""
    return cast(Options, ctx.find_root().obj)


def client(ctx: click.Context) -> Contiguity:
    """A client for this command, closed when it ends; built on first need, as some need none."""
    from .._client import TOKEN_VARIABLES

    given = options(ctx)
    if given.token is None and not any(os.environ.get(name, "").strip() for name in TOKEN_VARIABLES):
        raise InputError("no API token: pass --token or set CONTIGUITY_API_KEY (or CONTIGUITY_TOKEN)")
    return ctx.with_resource(make_client(given.token, base_url=given.base_url, debug=given.debug))


def emit(ctx: click.Context, payload: dict[str, Any], human: RenderableType) -> None:
    """Print ``payload`` as JSON under ``--json``, else the human rendering."""
    if options(ctx).as_json:
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        # Highlighting stays off and values arrive as Text, never markup: they come from users
        # and the API, and "[b]" in a domain name must print as itself.
        Console(highlight=False).print(human, soft_wrap=not isinstance(human, Table))


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> RenderableType:
    """A table of ``rows``, or a one-line note when there are none."""
    if not rows:
        return Text(f"No {title.lower()}.")
    rendered = Table(title=title, title_justify="left")
    for column in columns:
        rendered.add_column(column, overflow="fold")
    for row in rows:
        rendered.add_row(*(Text(cell) for cell in row))
    return rendered
