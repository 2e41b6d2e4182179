"""What a careless or hostile team can put in a workspace: each is refused by name, nothing is recorded from it."""

from __future__ import annotations

import pytest

# --- a card that links out of the workspace is read by no command --------------------------------


def _card_linked_out(repo, tmp_path, decide):
    """P1, whose card is a symbolic link to a file outside the workspace; the evidence ledger's bytes before."""
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(card.read_bytes())
    card.unlink()
    card.symlink_to(outside)
    return outside


@pytest.mark.parametrize("command", [
    ["proto", "show", "P1"],
    ["evidence", "add", "P1", "latency", "150"],
    ["iterate", "P1", "--reason", "more data"],
])
def test_a_card_linking_out_of_the_workspace_is_refused_by_commands_naming_one_card(repo, tmp_path, decide, command):
    outside = _card_linked_out(repo, tmp_path, decide)
    result = decide(*command, cwd=repo)
    assert result.exit_code == 2, result
    assert (f"prototypes/0001-streaming-ingest.md: error: cannot read: a symbolic link to {outside}, "
            "outside the workspace") in result.stderr
    for ledger in ("evidence.jsonl", "verdicts.jsonl"):
        assert not (repo / "prototypes" / ledger).exists()
