"""The plain settings reader gives exactly what tomllib gives, or leaves the text to it."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.records import plaintoml


def typed(value):
    """*value* with every scalar's type beside it, so 1, 1.0 and True are told apart."""
    if isinstance(value, dict):
        return {k: typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def agree_or_step_aside(text: str) -> bool:
    """True when the plain reader read *text*; it must then agree with tomllib, and it must step
    aside from every text tomllib refuses."""
    plain = plaintoml.load(text)
    try:
        strict = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert plain is None, text
        return False
    if plain is not None:
        assert typed(plain) == typed(strict), text
    return plain is not None


KEYS = st.sampled_from(["decisions", "keep_threshold", "base-url", "main_branch", "a", "true", "1", "x_y", "K",
                        '"quoted"', "a.b", "é", "", "paths"])
VALUES = st.sampled_from([
    '"decisions"', '"docs/adr"', '""', '"a # b"', '"tab\there"', '"é ✓"', '"q\\"q"', '"back\\\\slash"', "'lit'",
    '"""multi"""', '"ctl\x01"', '"del\x7f"', "true", "false", "True", "0", "7", "-3", "+3", "-0", "007", "1_000",
    "12345678901234567890", "0.7", "-2.25", "1.", ".5", "01.5", "-0.0", "1.5e3", "1_0.5", "1e3", "inf", "nan", "2026-11-30", "[]", '["a", "b"]', "{}", "{ a = 1 }",
    '"a" "b"', "", "x",
])
LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([" = ", "=", "  =\t", " ="]), VALUES,
              st.sampled_from(["", " # note", "# note", "\t#", " # ctl\x01"])).map("".join),
    st.tuples(st.sampled_from(["[", "[ ", "[[", " ["]), KEYS, st.sampled_from(["]", " ]", "]]", "] # t", "] x"]))
    .map("".join),
    st.sampled_from(["", "# a comment", "   ", "\t# indented", "#", "[paths]", "[triage]", "[adr]", "\ufeffa = 1"]),
)


@settings(max_examples=800, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_agrees_with_tomllib_or_steps_aside(lines, newline, last):
    agree_or_step_aside(newline.join(lines) + (newline if last else ""))


def test_reads_the_settings_teams_write():
    text = ('# decisionbook settings\n[paths]\ndecisions = "docs/decisions"  # moved in 2025\nprototypes = "protos"\n\n'
            '[triage]\nstale_days = 21\n[git]\nmain_branch = "trunk"\n[adr]\nsupersede-on = "accept"\n[review]\n')
    assert agree_or_step_aside(text) and agree_or_step_aside(text.replace("\n", "\r\n"))
    assert plaintoml.load(text) == {"paths": {"decisions": "docs/decisions", "prototypes": "protos"},
                                    "triage": {"stale_days": 21}, "git": {"main_branch": "trunk"},
                                    "adr": {"supersede-on": "accept"}, "review": {}}


def test_reads_the_settings_decide_init_writes(tmp_path):
    from toolkit.workspace import init

    init(tmp_path)
    text = (tmp_path / "decisionbook.toml").read_text()
    assert agree_or_step_aside(text)
    assert plaintoml.load(text)["triage"]["keep_threshold"] == 0.7


def test_steps_aside_from_what_only_tomllib_reads_or_refuses():
    for text in ('[release]\ndata = ["**/*.sql"]\n', "[triage]\nkeep_threshold = 6e-1\n", '[a]\nx = "1"\n[a]\ny = "2"\n',
                 'x = "1"\nx = "2"\n', 'paths = "p"\n[paths]\n', '[[release.pairs]]\ndata = "a"\n', 'a = "x"\r', 'a = "x\r"\n',
                 '[adr.statuses]\n"in review" = "proposed"\n', 'name = "a\\u00e9"\n'):
        assert plaintoml.load(text) is None, text


def test_the_hottest_commands_do_not_import_tomllib(tmp_path):
    (tmp_path / "decisionbook.toml").write_text('[paths]\ndecisions = "decisions"\n')
    (tmp_path / "decisions").mkdir()
    code = ("import sys; from toolkit.workspace import open_workspace; ws = open_workspace(sys.argv[1]); "
            "print(ws.adr_dir.name, 'tomllib' in sys.modules, 'datetime' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["decisions", "False", "False"]
