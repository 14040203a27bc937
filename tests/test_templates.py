"""Reading local templates (contiguity_ext.templates)."""

from __future__ import annotations

import builtins
import os
import pathlib
import sys
import threading

import pytest

from contiguity_ext.errors import ContiguityError, TemplateError
from contiguity_ext.templates import read_template

HTML = "<p>Héllo, {{name}} ✓</p>\r\n<p>line two</p>\n"


def test_reads_utf8_text_exactly(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "first_email.html"
    path.write_bytes(HTML.encode())
    assert read_template(path) == HTML
    assert read_template(str(path)) == HTML


def test_utf8_bom_is_stripped(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + HTML.encode())
    assert read_template(path) == HTML


def test_only_a_leading_bom_is_stripped(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "inner.txt"
    path.write_bytes("a\ufeffb".encode())
    assert read_template(path) == "a\ufeffb"


def test_empty_file_is_empty_text(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert read_template(path) == ""


def test_missing_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "nope.html"
    with pytest.raises(TemplateError, match="not found") as caught:
        read_template(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value.__cause__, FileNotFoundError)
    assert isinstance(caught.value, (ContiguityError, OSError))


def test_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(TemplateError, match="directory") as caught:
        read_template(tmp_path)
    assert caught.value.path == str(tmp_path)
    assert isinstance(caught.value.__cause__, IsADirectoryError)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs a character device")
def test_device_is_not_read() -> None:
    with pytest.raises(TemplateError, match="not a regular file") as caught:
        read_template("/dev/null")
    assert caught.value.path == "/dev/null"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_waiting_for_its_writer(tmp_path: pathlib.Path) -> None:
    # Reading a pipe would wait until its writer closes it, which may be never.
    pipe = tmp_path / "pipe.html"
    os.mkfifo(pipe)
    refused = threading.Event()
    writer_saw_refusal: list[bool] = []

    def hold_open() -> None:
        with open(pipe, "wb"):  # waits for a reader, then keeps the pipe open
            writer_saw_refusal.append(refused.wait(timeout=30))

    writer = threading.Thread(target=hold_open)
    writer.start()
    try:
        with pytest.raises(TemplateError, match="not a regular file") as caught:
            read_template(pipe)
    finally:
        refused.set()
        # Lets the writer's open() return even if read_template never opened the pipe.
        os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
        writer.join()
    assert caught.value.path == str(pipe)
    assert writer_saw_refusal == [True]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="file modes do not stop Windows or root"
)
def test_unreadable_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "secret.html"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(TemplateError, match="permission") as caught:
        read_template(path)
    assert isinstance(caught.value.__cause__, PermissionError)


def test_permission_error_is_mapped(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.html"
    path.write_text("x")
    real_open = builtins.open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if file == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", deny)
    with pytest.raises(TemplateError, match="no permission") as caught:
        read_template(path)
    assert caught.value.path == str(path)
    assert isinstance(caught.value.__cause__, PermissionError)


def test_other_os_error_is_mapped(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "file.html"
    path.write_text("x")
    with pytest.raises(TemplateError, match="could not read template") as caught:
        read_template(path / "child.html")  # a file used as a directory: ENOTDIR
    assert isinstance(caught.value.__cause__, NotADirectoryError)


def test_nul_byte_in_path() -> None:
    with pytest.raises(TemplateError, match="could not read template") as caught:
        read_template("bad\x00name.html")
    assert isinstance(caught.value.__cause__, ValueError)


def test_undecodable_bytes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "latin1.html"
    path.write_bytes(b"<p>caf" + "é".encode("latin-1") + b"</p>")
    with pytest.raises(TemplateError, match=r"not UTF-8 text .*offset 6") as caught:
        read_template(path)
    assert caught.value.path == str(path)
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


@pytest.mark.parametrize("path", [None, 3, 1.5])
def test_non_path_argument(path: object) -> None:
    with pytest.raises(TemplateError, match="expected a file path") as caught:
        read_template(path)  # type: ignore[arg-type]
    assert caught.value.path == repr(path)
    assert isinstance(caught.value.__cause__, TypeError)


def test_each_refusal_says_exactly_what_is_wrong(tmp_path: pathlib.Path) -> None:
    file = tmp_path / "file.html"
    file.write_text("x")
    cases: list[tuple[object, str]] = [
        (3, "expected a file path: 3"),
        (tmp_path / "missing.html", f"template file not found: {tmp_path / 'missing.html'}"),
        (tmp_path, f"template path is a directory: {tmp_path}"),
        ("/dev/null", "template is not a regular file: /dev/null"),
        (
            file / "child.html",
            f"could not read template ([Errno 20] Not a directory: '{file / 'child.html'}')",
        ),
    ]
    for path, message in cases:
        with pytest.raises(TemplateError) as caught:
            read_template(path)  # type: ignore[arg-type]
        assert str(caught.value).startswith(message), (path, str(caught.value))
    with pytest.raises(TemplateError) as caught:
        read_template(file / "child.html")
    assert caught.value.path == str(file / "child.html")


def test_a_permission_refusal_says_so(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.html"
    path.write_text("x")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(TemplateError) as caught:
        read_template(path)
    assert str(caught.value) == f"no permission to read template: {path}"
