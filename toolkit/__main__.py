"""Run the `decide` command as `python -m toolkit`."""

from toolkit.cli import main

main(prog_name="decide")
