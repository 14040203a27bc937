"""The original SDK's local helpers on a client: ``verify.number``, ``verify.email``, ``template.local``."""

from __future__ import annotations

from pathlib import Path

import pytest

from contiguity_ext.errors import TemplateError
from tests.support.driven import Clients


@pytest.mark.parametrize(
    ("number", "strict", "expected"),
    [
        ("(555) 555-5555", False, True),  # the right length for the US: possible
        ("(555) 555-5555", True, False),  # but not in an assigned range
        ("(415) 555-2671", True, True),
        ("+1555", False, False),
        (5555555555, False, False),
    ],
)
def test_verify_number_answers_for_the_client_region(
    clients: Clients, number: object, strict: bool, expected: bool
) -> None:
    assert clients.login().verify.number(number, strict=strict) is expected


def test_verify_number_reads_national_numbers_in_the_client_region(clients: Clients) -> None:
    london = "020 7946 0958"
    assert clients.login(region="GB").verify.number(london, strict=True) is True
    assert clients.login().verify.number(london) is False


def test_verify_number_is_lenient_unless_asked(clients: Clients) -> None:
    assert clients.login().verify.number("(555) 555-5555") is True


@pytest.mark.parametrize(("address", "expected"), [("ada@example.com", True), ("ada@", False), (None, False)])
def test_verify_email(clients: Clients, address: object, expected: bool) -> None:
    assert clients.login().verify.email(address) is expected


def test_template_local_reads_the_file_as_stored(clients: Clients, tmp_path: Path) -> None:
    template = tmp_path / "welcome.html"
    template.write_bytes(b"<p>Hello</p>\r\n")
    assert clients.login().template.local(template) == "<p>Hello</p>\r\n"
    assert clients.login().template.local(str(template)) == "<p>Hello</p>\r\n"
    with pytest.raises(TemplateError) as caught:
        clients.login().template.local(tmp_path / "missing.html")
    assert caught.value.path == str(tmp_path / "missing.html")
