"""The generated models package loads each model on first use, and only then."""

from __future__ import annotations

import subprocess
import sys
import typing

import contiguity_client.models as models
import pytest


def _fresh(code: str) -> str:
    # A fresh interpreter: this process has long since imported every model.
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60
    ).stdout.strip()


def test_using_one_model_loads_it_and_what_it_needs_only() -> None:
    loaded = _fresh(
        "import sys\n"
        "from contiguity_client.models import SendTextRequest\n"
        "print(sorted(m for m in sys.modules if m.startswith('contiguity_client.models.')))"
    )
    assert loaded == "['contiguity_client.models.send_text_request']"


def test_login_loads_no_product_until_it_is_used() -> None:
    loaded = _fresh(
        "import sys, contiguity_ext\n"
        "client = contiguity_ext.login('token')\n"
        "print(sorted({m.split('.')[0] + '.' + m.split('.')[1] if '.' in m else m for m in sys.modules}))\n"
        "client.text\n"
        "print(sum(m.startswith('contiguity_client.models.') for m in sys.modules))"
    ).splitlines()
    at_login = loaded[0]
    # What httpx itself loads is not the SDK's cost: with the `cli` extra's click and rich present,
    # httpx imports its own command line, and older rich releases import attrs for pretty-printing.
    by_httpx = _fresh(
        "import sys, httpx\n"
        "httpx.Client()\n"
        "print(sorted({m.split('.')[0] + '.' + m.split('.')[1] if '.' in m else m for m in sys.modules}))"
    )
    for heavy in (
        "contiguity_client",
        "contiguity_ext.resources",
        "phonenumbers",
        "asyncio",
        "attr",
        "typing_extensions",
    ):
        if f"'{heavy}'" not in by_httpx:
            assert f"'{heavy}" not in at_login, heavy
    assert 0 < int(loaded[1]) < len(models.__all__)


@pytest.mark.parametrize("name", sorted(models.__all__))
def test_every_exported_name_resolves_to_its_model(name: str) -> None:
    value = getattr(models, name)
    if isinstance(value, type):
        assert value.__name__ == name
    else:  # literal_enums: a Literal alias
        assert typing.get_origin(value) is typing.Literal
    assert name in dir(models)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="SendTextRequests"):
        models.SendTextRequests  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(ImportError):
        exec("from contiguity_client.models import SendTextRequests", {})
