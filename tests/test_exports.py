"""``contiguity_ext.__all__`` is what resolves at run time and what the type checker sees.

The names are listed once, in the package's ``if TYPE_CHECKING:`` block; these tests compare
the three views (``__all__``, run time, mypy) as httpx's ``tests/test_exported_members.py``
compares ``__all__`` with the package's members.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import mypy.build
import mypy.modulefinder
import mypy.options
import pytest

import contiguity_ext
from contiguity_ext import _exports

# Built at run time from the TYPE_CHECKING block, so type checkers do not see it.
PUBLIC: list[str] = contiguity_ext.__all__  # type: ignore[attr-defined]

ROOT = Path(__file__).resolve().parent.parent


def _fresh(code: str) -> str:
    # A fresh interpreter, so that each name goes through the lazy lookup rather than a cache.
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60, cwd=ROOT
    ).stdout.strip()


def _type_checker_view() -> set[str]:
    """The public names mypy (as configured for users: no implicit re-exports) finds in the package."""
    options = mypy.options.Options()
    options.incremental = False
    options.follow_imports = "silent"
    options.implicit_reexport = False
    options.mypy_path = [str(ROOT / "generated")]
    source = mypy.modulefinder.BuildSource(str(ROOT / "contiguity_ext" / "__init__.py"), "contiguity_ext")
    result = mypy.build.build([source], options)
    assert result.errors == []
    tree = result.graph["contiguity_ext"].tree
    assert tree is not None
    assert "__getattr__" not in tree.names, "a module __getattr__ would make mypy accept any name"
    return {name for name, symbol in tree.names.items() if symbol.module_public and not name.startswith("_")}


def test_every_name_in_all_resolves_at_run_time_in_a_fresh_interpreter() -> None:
    resolved = json.loads(
        _fresh(
            "import json, contiguity_ext as c\n"
            "print(json.dumps({n: type(getattr(c, n)).__name__ for n in c.__all__}))"
        )
    )
    assert list(resolved) == PUBLIC
    assert "sign" in resolved


def test_all_is_what_dir_and_star_import_give() -> None:
    assert dir(contiguity_ext) == sorted(PUBLIC)
    namespace: dict[str, object] = {}
    exec("from contiguity_ext import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(PUBLIC)


def test_the_type_checker_sees_exactly_the_names_in_all() -> None:
    public = {name for name in PUBLIC if not name.startswith("_")}
    assert _type_checker_view() == public


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        contiguity_ext.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_package_loads_no_client_code() -> None:
    loaded = _fresh(
        "import sys, contiguity_ext\nprint(sorted(m for m in sys.modules if m.startswith('contiguity_ext.')))"
    )
    assert "contiguity_ext._client" not in loaded
    assert "contiguity_ext.webhooks" not in loaded


# The package computes its exports once per process; these call the functions afresh, so a
# wrong line in them shows even after the package has answered every lookup.


def test_the_exports_are_read_from_the_type_checking_block() -> None:
    names = _exports.public_names.__wrapped__("contiguity_ext")
    assert names["login"] == ("._client", "login")
    assert names["webhooks"] == (".webhooks", None)  # `from . import webhooks as webhooks`
    assert names["to_e164"] == (".phone", "to_e164")
    assert "TYPE_CHECKING" not in names
    assert "__version__" not in names  # imported outside the block
    for name, (module, attribute) in names.items():
        found = importlib.import_module(module, "contiguity_ext")
        assert found is sys.modules["contiguity_ext" + module]
        assert getattr(contiguity_ext, name) is (found if attribute is None else getattr(found, attribute))


def test_lazy_exports_answer_getattr_all_and_dir() -> None:
    getattr_, dir_ = _exports.lazy_exports("contiguity_ext", ["__version__"])
    expected = ["__version__", *sorted(_exports.public_names("contiguity_ext"))]
    assert dir_() == expected
    assert getattr_("__all__") == expected
    assert getattr_("login") is sys.modules["contiguity_ext._client"].login
    assert getattr_("webhooks") is sys.modules["contiguity_ext.webhooks"]
    # A name looked up once is kept in the package, so later lookups skip __getattr__.
    assert vars(contiguity_ext)["login"] is sys.modules["contiguity_ext._client"].login
    with pytest.raises(AttributeError) as caught:
        getattr_("nothing_here")
    assert str(caught.value) == "module 'contiguity_ext' has no attribute 'nothing_here'"
