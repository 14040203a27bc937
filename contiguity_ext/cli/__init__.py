"""The ``contiguity`` command: the SDK from a terminal.

::

    contiguity text send --to "+15555555555" --message "Hello"
    contiguity --json otp send --to "+15555555555"
    contiguity --base-url http://127.0.0.1:8787 numbers available --channel imessage

Needs the ``cli`` extra (``pip install "contiguity-typed[cli]"``). Exit status: 0 on success;
1 when the API or the connection failed, or a code or signature did not verify; 2 for bad usage
or input rejected before anything was sent. A failure prints one ``error: ...`` line on stderr,
never a traceback and never the token.

Every command builds its client through ``_app.make_client``, which tests replace to serve
requests in-process.
"""

from __future__ import annotations

from ._app import CommandError, InputError, Options, main
from ._commands import domains, email, numbers, otp, sandbox, text, webhook

__all__ = ["CommandError", "InputError", "Options", "main"]

for _command in (text, email, otp, numbers, domains, webhook, sandbox):
    main.add_command(_command)
