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


def test_the_model_override_is_the_stock_template_but_for_nulls_in_optional_fields_and_to_json() -> None:
    override = (OVERRIDES / "model.py.jinja").read_text(encoding="utf-8").partition("#}\n")[2]
    stock = STOCK.joinpath("model.py.jinja").read_text(encoding="utf-8")
    optional_source = """'d.pop("' + (property.name | in_double_quote_literal) + '", UNSET)' %}\n"""
    expected = stock.replace(
        "from ..types import UNSET, Unset\n", "from ..types import UNSET, Unset, none_as_unset\n", 1
    ).replace(
        optional_source,
        optional_source
        + """        {# A newer API may send null for a field this version of the spec does not let be
           null: it means the same as leaving the field out. #}
        {% if "None" not in (property.get_type_string() | as_unembedded_code) %}
            {% set property_source = 'none_as_unset(' + property_source + ')' %}
        {% endif %}
""",
        1,
    )
    to_dict_body = "        {{ _to_dict() | indent(8) }}\n\n"
    expected = expected.replace(
        to_dict_body,
        to_dict_body
        + """    def to_json(self, *, indent: int | None = None) -> str:
        \"\"\"This model as JSON text: :meth:`to_dict`, serialised.\"\"\"
        import json  # noqa: PLC0415

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

""",
        1,
    )
    assert expected != stock, "the stock model.py.jinja changed where the override edits it"
    assert override == expected, "the stock model.py.jinja changed: copy it again, keeping the null handling"


def test_the_literal_enum_property_override_is_the_stock_template_but_for_the_field_name() -> None:
    override = (OVERRIDES / "property_templates/literal_enum_property.py.jinja").read_text(encoding="utf-8")
    stock = STOCK.joinpath("property_templates/literal_enum_property.py.jinja").read_text(encoding="utf-8")
    stock_call = "check_{{ property.get_class_name_snake_case() }}({{ source }})\n"
    ours = (
        '{# The generator names a list\'s items "<list>_item"; the warning calls them "<list>[]". #}\n'
        "{% set name = property.name | in_double_quote_literal %}\n"
        "check_{{ property.get_class_name_snake_case() }}({{ source }}, "
        '"{{ name[:-5] + "[]" if name.endswith("_item") else name }}")\n'
    )
    assert stock_call in stock, "the stock construct_function changed: copy it again"
    assert override.partition("#}\n")[2].replace(ours, stock_call, 1) == stock
