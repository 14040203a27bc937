"""The ``contiguity`` command: the SDK from a terminal.

::

    contiguity text send --to "+15555555555" --message "Hello"
    contiguity --json otp send --to "+15555555555"
    contiguity --base-url http://127.0.0.1:8787 numbers available --channel imessage
    contiguity imessage typing --to "+15555555555" --action start --json

Every operation of every product group of the client is a command, generated from the client's
operation table (``_derived``); a few have hand-written forms with friendlier options and output
(``_commands``). Needs the ``cli`` extra (``pip install "contiguity-typed[cli]"``). Exit status: 0 on
success; 1 when the API or the connection failed, or a code or signature did not verify; 2 for
bad usage or input rejected before anything was sent. A failure prints one ``error: ...`` line
on stderr (with ``--json``, one ``{"error": {...}}`` document on stdout), never a traceback and
never the token.

Every command builds its client through ``_app.make_client``, which tests replace to serve
requests in-process.
"""

from __future__ import annotations

import click

from ._app import CommandError, InputError, Options, accept_global_options, main

__all__ = ["CommandError", "InputError", "Options", "main"]


def _assemble() -> None:
    """Hand-written commands first; every operation they do not cover comes from the table."""
    from ._bulk import send_bulk
    from ._commands import domains, email, numbers, otp, sandbox, text, webhook
    from ._derived import derived_groups

    text.add_command(send_bulk)
    handwritten: list[click.Command] = [text, email, otp, numbers, domains, webhook, sandbox]
    by_name = {command.name: command for command in handwritten}
    for derived in derived_groups():
        existing = by_name.get(derived.name)
        if isinstance(existing, click.Group):
            for name, command in derived.commands.items():
                existing.commands.setdefault(name, command)
        else:
            by_name[derived.name] = derived
    for command in by_name.values():
        accept_global_options(command)
        main.add_command(command)


main.assemble_with(_assemble)
