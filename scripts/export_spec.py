"""Write openapi.yaml as the JSON document contiguity_ext reads at run time.

The SDK validates requests against the spec before sending them; shipping JSON keeps PyYAML
out of its run-time dependencies and makes loading it a single ``json.loads``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml


def export(source: Path, destination: Path) -> None:
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    export(Path(sys.argv[1]), Path(sys.argv[2]))
