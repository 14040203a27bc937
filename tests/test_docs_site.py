"""The reference site's pages: every method on its group's page, and every example runs.

``make docs`` (part of ``make test``) builds the site with ``mkdocs build --strict``, which
also fails on a broken link or a public name the site does not document. This file checks the
generated pages themselves, and runs each method's example against Prism, which checks the
request it sends against the spec.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from contiguity_ext._operation_table import operation_table
from tests.support.prism import PrismServer

# The site is built with the documentation tools of requirements-dev.txt only.
docs_site = pytest.importorskip("scripts.docs_site", reason="make docs needs the dev tools (griffe)")

EXAMPLES = docs_site.callable_examples()


def test_every_method_has_a_section_on_its_groups_page() -> None:
    pages = docs_site.pages()
    for method in operation_table():
        group = method.resource.__module__.rpartition(".")[2]
        page = pages[f"reference/{group}.md"]
        section = page.split(f"{{ #{method.dotted} }}", 1)[1].split("\n## ", 1)[0]
        assert f"client.{method.dotted}(" in section, method.dotted
        assert "**Returns**" in section
        assert "**Raises**" in section
        assert "ValidationError" in section
        assert EXAMPLES[method.dotted] in section


def test_a_methods_section_lists_its_parameters_with_types_and_descriptions() -> None:
    page = docs_site.pages()["reference/text.md"]
    send = page.split("{ #text.send }", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"^\| `to` \| `[^`]+` \| required \| A phone number in E\.164 form", send, re.MULTILINE)
    assert "`POST /send/text` · operation `sendText`" in send
    assert "[`MessageSentResponse`][contiguity_client.models.MessageSentResponse]" in send
    assert "[`NotFoundError`][contiguity_ext.errors.NotFoundError]: the API answers 404" in send


def test_the_home_page_is_the_readme_with_links_to_the_pages_beside_it() -> None:
    home = docs_site.pages()["index.md"]
    assert home.startswith("# Contiguity for Python, typed")
    assert "](docs/" not in home
    assert "](observability.md)" in home


def test_hand_written_examples_name_existing_methods() -> None:
    dotted = {method.dotted for method in operation_table()}
    assert set(docs_site.EXAMPLES) <= dotted


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_runs(name: str, prism: PrismServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTIGUITY_API_KEY", "contiguity_sk_docs")
    monkeypatch.setenv("CONTIGUITY_BASE_URL", prism.base_url)
    namespace: dict[str, object] = {"__name__": "__docs__", "print": lambda *_args: None}
    exec(compile(EXAMPLES[name], f"example of {name}", "exec"), namespace)
    assert namespace["result"] is not None


def test_the_build_warns_about_undocumented_names_and_network_loads(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "page.html").write_text(
        '<script src="https://cdn.example/x.js"></script><h2 id="text.send">', encoding="utf-8"
    )
    docs_site._anchors.clear()
    docs_site._anchors.add("text.send")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.contiguity"):
        docs_site.on_post_build(config={"site_dir": str(tmp_path)})
    docs_site._anchors.clear()
    warned = {record.getMessage() for record in caplog.records}
    assert "the site documents no contiguity_ext._client.login" in warned
    assert "the site documents no contiguity_client.models.MessageSentResponse" in warned
    assert "the site documents no text.send" not in warned
    assert "page.html loads https://cdn.example/x.js from the network" in warned


def test_docstrings_written_for_help_read_as_markdown_on_the_site() -> None:
    text = (
        "Raises :class:`~contiguity_ext.errors.ValidationError`; see :func:`login` and ``to``::\n\n    code\n"
    )
    assert docs_site.markdown_docstring(text) == (
        "Raises `ValidationError`; see `login` and `to`:\n\n    code\n"
    )
    assert docs_site.markdown_docstring("Example:\n\n::\n\n    x = 1\n") == "Example:\n\n\n\n    x = 1\n"
    assert docs_site.markdown_docstring("Converts.\n\n>>> f(1)\n'2'\n\nMore.") == (
        "Converts.\n\n```pycon\n>>> f(1)\n'2'\n```\n\nMore."
    )
