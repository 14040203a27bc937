"""Lazy package exports whose only list is the package's ``if TYPE_CHECKING:`` import block.

Keeping a second table of names for run time invites drift: a name the type checker accepts
but ``getattr`` does not find. Instead the block is parsed once, on the first lookup of a name
the package has not loaded yet, the way ``lazy_loader.attach_stub`` reads a stub file.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import sys
from collections.abc import Callable

__all__ = ["lazy_exports", "public_names"]


@functools.cache
def public_names(package: str) -> dict[str, tuple[str, str | None]]:
    """Each public name of ``package`` → (module to import, attribute of it or None for the module)."""
    module = sys.modules[package]
    loader = module.__spec__.loader if module.__spec__ else None
    source = loader.get_source(package) if loader is not None and hasattr(loader, "get_source") else None
    if source is None and module.__file__ is not None and module.__file__.endswith(".py"):
        # Loaders without get_source, such as pytest's assertion rewriter, which loads every
        # module of a package that ships a pytest plugin (ours does).
        with open(module.__file__, "rb") as file:
            source = importlib.util.decode_source(file.read())
    if source is None:
        raise ImportError(f"{package} needs its source to list its exports")
    names: dict[str, tuple[str, str | None]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                if not isinstance(statement, ast.ImportFrom):
                    continue
                relative = "." * statement.level
                for alias in statement.names:
                    public = alias.asname or alias.name
                    if statement.module is None:  # `from . import webhooks`: the submodule itself
                        names[public] = (relative + alias.name, None)
                    else:
                        names[public] = (relative + statement.module, alias.name)
    return names


def lazy_exports(package: str, eager: list[str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The PEP 562 ``__getattr__`` and ``__dir__`` of ``package``.

    ``__all__`` is answered by ``__getattr__`` too: the ``eager`` names (already defined in
    the package) followed by the parsed ones, sorted.
    """
    namespace = vars(sys.modules[package])

    def everything() -> list[str]:
        return [*eager, *sorted(public_names(package))]

    def __getattr__(name: str) -> object:
        if name == "__all__":
            return everything()
        try:
            module_name, attribute = public_names(package)[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        module = importlib.import_module(module_name, package)
        value = module if attribute is None else getattr(module, attribute)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return everything()

    return __getattr__, __dir__
