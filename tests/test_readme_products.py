"""The README's product table names exactly the methods the client has."""

from __future__ import annotations

import re

from contiguity_ext._operation_table import operation_table
from tests.support import REPO

# Plain helpers of the original SDK that are not product groups (nothing is sent).
LOCAL_HELPERS = {"verify.number", "verify.email", "template.local"}


def readme_methods(readme: str) -> set[str]:
    """Dotted client methods (``otp.reverse.wait``) named in the README's product table."""
    table = readme.partition("| product | methods |")[2].partition("\n\n")[0]
    found: set[str] = set()
    for row in table.splitlines()[1:]:
        product, methods = (cell.strip() for cell in row.strip("|").split("|"))
        group = product.strip("`").removeprefix("client.") if product.startswith("`") else ""
        for part in methods.split(";"):
            prefix = group
            heading = re.match(r"\s*`client\.([\w.]+)`:", part)
            if heading:
                prefix, part = heading[1], part[heading.end() :]
            for name in re.findall(r"`([\w.]+)(?:\([^)]*\))?`", part):
                dotted = name.removeprefix("client.")
                found.add(dotted if "." in dotted or not prefix else f"{prefix}.{dotted}")
    return found


def test_the_product_table_lists_every_method_of_the_client() -> None:
    listed = readme_methods((REPO / "README.md").read_text(encoding="utf-8"))
    assert listed == {method.dotted for method in operation_table()} | LOCAL_HELPERS
