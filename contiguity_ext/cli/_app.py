"""The command's frame: global options, the client seam, output, and one-line failures."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, cast

import attrs
import click
import httpx
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

import contiguity_ext

from .._transport import MASK
from ..errors import APIConnectionError, ContiguityError, TemplateError, ValidationError

if TYPE_CHECKING:
    from .._client import Contiguity

# E.164 numbers, and ids in the API's style (`text_9f2c...`, `lsd_...`, `r_otp_...`).
_UNBREAKABLE = re.compile(
    r"\+\d{6,15}|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,}"
)

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
    """A failure, reported as a single ``error: <message>`` line on stderr; exit status 1.

    Under ``--json`` it is reported on stdout instead, as one JSON document:
    ``{"error": {"type", "message", "status_code", "request_id"}}``.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str | None = None,
        status_code: int | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(" ".join(message.split()))
        self.kind = kind or type(self).__name__
        self.status_code = status_code
        self.request_id = request_id
        self.as_json = False

    def show(self, file: IO[Any] | None = None) -> None:
        if self.as_json:
            error = {
                "type": self.kind,
                "message": self.format_message(),
                "status_code": self.status_code,
                "request_id": self.request_id,
            }
            click.echo(json.dumps({"error": error}, ensure_ascii=False), file=file)
        else:
            click.echo(f"error: {self.format_message()}", file=file, err=True)


class InputError(CommandError):
    """Bad usage or input, found before anything was sent; exit status 2."""

    exit_code = 2


def _as_command_error(error: Exception, token: str | None) -> CommandError | None:
    """How ``error`` is reported, or ``None`` when it is not a failure to report this way."""
    if isinstance(error, CommandError):
        return error
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
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
        message = message.replace(token, MASK)
    return kind(
        message,
        kind="UsageError" if isinstance(error, click.UsageError) else type(error).__name__,
        status_code=getattr(error, "status_code", None),
        request_id=getattr(error, "request_id", None),
    )


def _asks_for_json(args: Sequence[str]) -> bool:
    """Whether ``--json`` is among the arguments (before any ``--``), wherever it was given."""
    end = args.index("--") if "--" in args else len(args)
    return "--json" in args[:end]


@contextmanager
def _reported(args: Sequence[str], ctx: click.Context | None = None) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        options = ctx.find_object(Options) if ctx is not None else None
        failure = _as_command_error(error, options.token if options is not None else None)
        if failure is None:
            raise
        # A failure while parsing may come before the --json option was read: the arguments tell.
        failure.as_json = (options is not None and options.as_json) or _asks_for_json(args)
        if failure is error:
            raise
        raise failure from None


class _Root(click.Group):
    """The top-level group: turns every failure below it into a :class:`CommandError`.

    Its sub-commands are added on first need (``contiguity --version`` needs none), by the
    function given to :meth:`assemble_with`.
    """

    _assemble: Callable[[], None] | None = None

    def assemble_with(self, assemble: Callable[[], None]) -> None:
        self._assemble = assemble

    def _assembled(self) -> None:
        assemble, self._assemble = self._assemble, None
        if assemble is not None:
            assemble()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._assembled()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._assembled()
        return super().list_commands(ctx)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        with _reported(args):
            ctx = super().make_context(info_name, list(args), parent, **extra)
        ctx.meta[_ARGS] = tuple(args)
        return ctx

    def invoke(self, ctx: click.Context) -> Any:
        # Sub-commands are parsed and run inside this call, so their failures arrive here too.
        with _reported(ctx.meta.get(_ARGS, ()), ctx):
            return super().invoke(ctx)


_ARGS = "contiguity.args"
_GLOBAL_HELP = {
    "token": "API key [default: $CONTIGUITY_API_KEY, then $CONTIGUITY_TOKEN]",
    "base_url": (
        "Send requests here instead of Contiguity, e.g. a local sandbox [default: $CONTIGUITY_BASE_URL]"
    ),
    "as_json": "Print the answer, or the error, as JSON.",
    "debug": "Log each request to stderr (never the token).",
}


def _set_global(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Global options given after a sub-command override those given before it."""
    if value is None or value is False or param.name is None:
        return
    root = ctx.find_root()
    if isinstance(root.obj, Options):
        root.obj = attrs.evolve(root.obj, **{param.name: value})


def accept_global_options(command: click.Command) -> None:
    """Let ``command`` and every command below it take the global options too."""
    command.params.extend(
        [
            click.Option(["--token", "token"], metavar="KEY", expose_value=False, callback=_set_global,
                         help=_GLOBAL_HELP["token"]),
            click.Option(["--base-url", "base_url"], metavar="URL", expose_value=False, callback=_set_global,
                         help=_GLOBAL_HELP["base_url"]),
            click.Option(["--json", "as_json"], is_flag=True, default=False, expose_value=False,
                         callback=_set_global, help=_GLOBAL_HELP["as_json"]),
            click.Option(["--debug", "debug"], is_flag=True, default=False, expose_value=False,
                         callback=_set_global, help=_GLOBAL_HELP["debug"]),
        ]
    )  # fmt: skip
    if isinstance(command, click.Group):
        for child in command.commands.values():
            accept_global_options(child)


@click.group("contiguity", cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--token", metavar="KEY", help=_GLOBAL_HELP["token"])
@click.option("--base-url", metavar="URL", help=_GLOBAL_HELP["base_url"])
@click.option("--json", "as_json", is_flag=True, help=_GLOBAL_HELP["as_json"])
@click.option("--debug", is_flag=True, help=_GLOBAL_HELP["debug"])
@click.version_option(contiguity_ext.__version__, prog_name="contiguity")
@click.pass_context
def main(ctx: click.Context, token: str | None, base_url: str | None, as_json: bool, debug: bool) -> None:
    """Send texts, emails and one-time passcodes with Contiguity.

    Every operation of the SDK is a command: `contiguity <group> <operation> --field value`.
    The options below may also follow the command (`contiguity text send ... --json`).

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
        Console(highlight=False).print(human, soft_wrap=isinstance(human, Text))


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> RenderableType:
    """A table of ``rows``, or a one-line note when there are none.

    A column of ids or phone numbers never wraps: Rich narrows the other columns first, so a
    number is never split across lines.
    """
    if not rows:
        return Text(f"No {title.lower()}.")
    rendered = Table(title=title or None, title_justify="left")
    for index, column in enumerate(columns):
        cells = [row[index] for row in rows if row[index]]
        if cells and all(_UNBREAKABLE.fullmatch(cell) for cell in cells):
            rendered.add_column(column, no_wrap=True, min_width=max(len(cell) for cell in cells))
        else:
            rendered.add_column(column, overflow="fold")
    for row in rows:
        rendered.add_row(*(Text(cell) for cell in row))
    return rendered
