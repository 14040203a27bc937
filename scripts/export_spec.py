"""Write openapi.yaml as the JSON document contiguity_ext reads at run time.

The SDK validates requests against the spec before sending them; shipping JSON keeps PyYAML
out of its run-time dependencies and makes loading it a single ``json.loads``.

Each operation also gets ``x-python-module``, the module the generator wrote it to
(``contiguity_client.api.text.send_text``), named here by the generator's own naming rule so the
SDK never has to re-implement it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.config import ConfigFile
from openapi_python_client.strings import PythonIdentifier

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def python_module(operation: dict[str, Any], config: ConfigFile) -> str:
    """The dotted module openapi-python-client generates for ``operation``."""
    # As openapi_python_client.Project writes api/<tag>/<operation>.py (the name goes through
    # PythonIdentifier twice there: once parsing the operation, once naming the file).
    tag = PythonIdentifier(operation["tags"][0], prefix="tag")
    prefix = config.field_prefix
    name = PythonIdentifier(PythonIdentifier(operation["operationId"], prefix), prefix)
    return f"{config.package_name_override}.api.{tag}.{name}"


def export(source: Path, destination: Path, config_path: Path) -> None:
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    config = ConfigFile.load_from_path(config_path)
    for item in document["paths"].values():
        for method in HTTP_METHODS:
            if method in item:
                item[method]["x-python-module"] = python_module(item[method], config)
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    config = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(sys.argv[1]).parent / "generator-config.yml"
    export(Path(sys.argv[1]), Path(sys.argv[2]), config)
