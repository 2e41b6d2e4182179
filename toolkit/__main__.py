"""Run the `decide` command as `python -m toolkit`."""

from toolkit.entry import main

main(prog_name="decide")
