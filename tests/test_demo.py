"""`make demo` runs every flow against a local sandbox and exits 0."""

from __future__ import annotations

import pytest

from contiguity_ext import demo


def test_the_demo_completes_every_flow(capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main() == 0
    output = capsys.readouterr().out
    for expected in (
        "text sent         text_",
        "MMS sent          text_",
        "email sent        eml_",
        "wrong code -> False",
        "-> True",
        "history           ",
        "webhook received  text.delivery.confirmed",
        "signature verified -> False",
        "replied with text_",
        "the sandbox has been stopped",
    ):
        assert expected in output
