"""Webhook signatures are compared in constant time: every comparison goes through
``hmac.compare_digest``, and no source file compares a signature-like value with ``==``."""

from __future__ import annotations

import ast
import hashlib
import hmac
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from contiguity_ext import webhooks
from tests.support import REPO

SECRET = "whsec_test_secret"
T = 1_757_916_599
BODY = b'{"id":"evt_abc","type":"text.incoming.sms"}'
DIGEST = hmac.new(SECRET.encode(), f"{T}.".encode() + BODY, hashlib.sha256).hexdigest()
WRONG = "0" * len(DIGEST)
# The real function, kept before the fixture replaces the attribute the webhooks module reads.
COMPARE_DIGEST = hmac.compare_digest


class DigestSpy:
    """``hmac.compare_digest`` that remembers what it compared."""

    def __init__(self) -> None:
        self.compared: list[tuple[object, object]] = []

    def __call__(self, a: str, b: str) -> bool:
        self.compared.append((a, b))
        return COMPARE_DIGEST(a, b)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> DigestSpy:
    spy = DigestSpy()
    monkeypatch.setattr(hmac, "compare_digest", spy)
    return spy


@pytest.mark.parametrize(
    ("signatures", "verifies"),
    [([DIGEST], True), ([WRONG], False), ([WRONG, DIGEST], True), ([DIGEST, WRONG], True)],
)
def test_every_candidate_is_compared_with_compare_digest(
    spy: DigestSpy, signatures: list[str], verifies: bool
) -> None:
    header = f"t={T}," + ",".join(f"v1={signature}" for signature in signatures)
    assert webhooks.verify_signature(BODY, header, SECRET, now=T) is verifies
    # Every candidate is compared, even after a match: which one matched must not show in timing.
    assert spy.compared == [(DIGEST, signature) for signature in signatures]


def test_every_secret_is_compared_while_rotating(spy: DigestSpy) -> None:
    other = hmac.new(b"whsec_old", f"{T}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert webhooks.verify_signature(BODY, f"t={T},v1={DIGEST}", ["whsec_old", SECRET], now=T)
    assert spy.compared == [(other, DIGEST), (DIGEST, DIGEST)]


def test_construct_event_compares_in_constant_time_too(spy: DigestSpy) -> None:
    with pytest.raises(webhooks.WebhookVerificationError):
        webhooks.construct_event(BODY, f"t={T},v1={WRONG}", SECRET, now=T)
    assert spy.compared == [(DIGEST, WRONG)]


# ---- the source check: no `==` on anything named like a signature -------------------------

# Names that hold a signature or a MAC in this code base; comparing one with `==` or `!=`
# leaks through timing how much of a forged value was right.
SECRET_LOOKING = re.compile(r"signature|digest|(^|_)mac($|_)|expected|candidate|hmac", re.IGNORECASE)


def _names(node: ast.expr) -> Iterator[str]:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Name):
            yield inner.id
        elif isinstance(inner, ast.Attribute):
            yield inner.attr
        elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name | ast.Attribute):
            yield inner.func.id if isinstance(inner.func, ast.Name) else inner.func.attr


def equality_on_signatures(source: str, filename: str = "<source>") -> list[str]:
    """``file:line`` of every ``==``/``!=`` whose operands involve a signature-like name."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Compare):
            continue
        if not any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops):
            continue
        operands = [node.left, *node.comparators]
        if any(SECRET_LOOKING.search(name) for operand in operands for name in _names(operand)):
            found.append(f"{filename}:{node.lineno}")
    return found


@pytest.mark.parametrize(
    "source",
    [
        "ok = expected == candidate",
        "if signature != computed: raise ValueError",
        "ok = _mac(key, t, body) == header_value",
        "ok = hmac.new(k, m, 'sha256').hexdigest() == given",
        "ok = group.signatures[0] == value",
    ],
)
def test_the_check_finds_equality_on_signatures(source: str) -> None:
    assert equality_on_signatures(source) == ["<source>:1"]


def test_the_check_leaves_other_comparisons_alone() -> None:
    assert equality_on_signatures("ok = key == 't' and hmac.compare_digest(expected, candidate)") == []


SOURCES = sorted((REPO / "contiguity_ext").rglob("*.py"))


def test_no_source_file_compares_signatures_with_equality() -> None:
    found = [hit for path in SOURCES for hit in equality_on_signatures(path.read_text(), _relative(path))]
    assert found == [], "use hmac.compare_digest: " + ", ".join(found)


def _relative(path: Path) -> str:
    return str(path.relative_to(REPO))
