"""Helpers the tests share: servers they start, the every-operation table, spec-driven data."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
"""The repository root (``openapi.yaml``, ``README.md``, ``Makefile``)."""
