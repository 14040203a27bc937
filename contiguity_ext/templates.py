"""Reading local message templates (the original SDK's ``client.template.local(path)``)."""

from __future__ import annotations

import os
import stat

from .errors import TemplateError

__all__ = ["read_template"]


def read_template(path: str | os.PathLike[str]) -> str:
    """Return the text of the UTF-8 file at ``path``, exactly as stored.

    A leading UTF-8 byte order mark is dropped; line endings and everything else are kept, so
    an HTML template reaches the API byte for byte. Nothing is minified or rendered.

    Raises :class:`~contiguity_ext.errors.TemplateError` (an ``OSError``, with ``path`` set and
    the underlying error chained) when the file is missing, is a directory or other non-regular
    file, cannot be opened or read, or is not valid UTF-8.
    """
    try:
        name = os.fspath(path)
    except TypeError as exc:
        raise TemplateError("expected a file path", path=repr(path)) from exc
    shown = os.fsdecode(name)
    try:
        with open(name, "rb") as file:
            # A device or FIFO could block or never end; only regular files are read.
            regular = stat.S_ISREG(os.fstat(file.fileno()).st_mode)
            data = file.read() if regular else b""
    except FileNotFoundError as exc:
        raise TemplateError("template file not found", path=shown) from exc
    except IsADirectoryError as exc:
        raise TemplateError("template path is a directory", path=shown) from exc
    except PermissionError as exc:
        raise TemplateError("no permission to read template", path=shown) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise TemplateError(f"could not read template ({exc})", path=shown) from exc
    if not regular:
        raise TemplateError("template is not a regular file", path=shown)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TemplateError(
            f"template is not UTF-8 text (invalid byte at offset {exc.start})", path=shown
        ) from exc
