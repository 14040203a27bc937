"""The generator overrides say why they exist, and the one whole copy stays the stock template."""

from __future__ import annotations

from importlib import resources

import pytest

from tests.support import REPO

pytest.importorskip("openapi_python_client", reason="the stock templates come with the generator (dev tools)")

OVERRIDES = REPO / "generator-templates"
STOCK = resources.files("openapi_python_client") / "templates"


@pytest.mark.parametrize(
    "name", sorted(str(path.relative_to(OVERRIDES)) for path in OVERRIDES.rglob("*.jinja"))
)
def test_each_override_starts_by_saying_what_it_changes_and_why(name: str) -> None:
    text = (OVERRIDES / name).read_text(encoding="utf-8")
    assert text.startswith("{#"), f"{name} does not start with a comment"
    assert "#}" in text, f"{name} does not close its opening comment"
    assert STOCK.joinpath(name).is_file(), f"{name} overrides no stock template"


def test_the_client_override_is_the_stock_template_but_for_the_self_import() -> None:
    override = (OVERRIDES / "client.py.jinja").read_text(encoding="utf-8")
    body = override.partition("#}\n")[2]
    stock = STOCK.joinpath("client.py.jinja").read_text(encoding="utf-8")
    expected = stock.replace(
        "from typing import Any, Self\n", "from typing import Any\n\nfrom typing_extensions import Self\n", 1
    )
    assert expected != stock, "the stock template no longer imports typing.Self: drop the override"
    assert body == expected, "the stock client.py.jinja changed: copy it again, keeping the one import"
