"""``python -m contiguity_ext.cli``: the same as the ``contiguity`` command."""

from . import main

main(prog_name="contiguity")
