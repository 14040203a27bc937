"""The ``contiguity`` console script: the CLI when its extra is installed, one helpful line when not.

The core install (``pip install contiguity-typed``) has the script but not click and rich, which
the command line needs; without this guard it would end in an ImportError traceback.
"""

from __future__ import annotations

import sys

# The top-level modules the ``cli`` extra brings in.
_CLI_EXTRA_MODULES = frozenset({"click", "rich"})

MISSING_EXTRA_MESSAGE = (
    'error: the contiguity command needs the "cli" extra; install contiguity-typed[cli] (adds click and rich)'
)


def main() -> None:
    try:
        from .cli import main as cli_main
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in _CLI_EXTRA_MODULES:
            raise
        sys.stderr.write(MISSING_EXTRA_MESSAGE + "\n")
        raise SystemExit(2) from None
    cli_main(prog_name="contiguity")
