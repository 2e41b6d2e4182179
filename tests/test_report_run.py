"""Running report notebooks: team copies win, failures keep the executed notebook, parameters stay data."""

from __future__ import annotations

import json
import math
import signal
import subprocess
import sys
import time

import nbformat
import pytest
from conftest import DECIDE
from report_fixtures import scan

from toolkit.errors import DecisionbookError
from toolkit.reports.export import Page
from toolkit.reports.kernel import ThisPythonKernelManager
from toolkit.reports.run import check_parameters
from toolkit.workspace import init


def _notebook(path, *sources, parameters='workspace = "."\nas_of = ""\nblind = True'):
    book = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    book.cells = [cell, *(nbformat.v4.new_code_cell(s) for s in sources)]
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(book, path)


def _team_weekly_page(repo, decide, source: str) -> str:
    """The page `decide report weekly` makes from a team notebook of one cell holding *source*."""
    _notebook(repo / "notebooks" / "weekly-triage.ipynb", "from IPython.display import HTML, display\n" + source)
    result = decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo)
    assert result.exit_code == 0, result.output
    return (repo / result.stdout.strip().splitlines()[-1]).read_text()


def test_team_notebook_replaces_the_bundled_one(repo, decide):
    html = _team_weekly_page(repo, decide, "display(HTML('<h1>TEAM-LOG-MARKER</h1>'))")
    assert "TEAM-LOG-MARKER" in " ".join(scan(html).text)
    assert "Weekly triage" not in html


def test_a_team_notebook_older_than_a_parameter_runs_without_a_warning(repo, decide):
    # `since` came after teams had copied the weekly notebook: it is passed only when given.
    _notebook(repo / "notebooks" / "weekly-triage.ipynb", "print(as_of)")
    result = decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo)
    assert result.exit_code == 0 and "parameter" not in result.stderr, result.stderr


def test_since_given_to_a_team_notebook_older_than_it_is_refused(repo, decide):
    # Passed to a notebook without the parameter, --since would be dropped in silence: the report would start
    # at the last meeting while the user reads it as starting where they asked.
    _notebook(repo / "notebooks" / "weekly-triage.ipynb", "print(as_of)")
    result = decide("report", "weekly", "--as-of", "2026-10-20", "--since", "2026-10-01", cwd=repo)
    assert result.exit_code == 2, result.output
    assert "notebooks/weekly-triage.ipynb" in result.stderr and "since" in result.stderr
    assert not list(repo.glob("reports/*"))


def test_a_team_notebook_left_with_merge_conflict_markers_is_named_with_its_line(repo, decide):
    team = repo / "notebooks" / "weekly-triage.ipynb"
    _notebook(team, "print(as_of)")
    lines = team.read_text().splitlines()
    team.write_text("\n".join([*lines[:3], "<<<<<<< HEAD", *lines[3:5], "=======", ">>>>>>> theirs", *lines[5:]]))
    result = decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("notebooks/weekly-triage.ipynb:4: error: not a notebook"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


_EMPTY_BOOK = '{\n  "cells": [],\n  "metadata": {},\n%s\n}\n'


@pytest.mark.parametrize("text, line, message", [
    ('{"cells": 3}', 1, 'its "cells" is a number, not a list of cells'),
    ('{\n  "metadata": {},\n  "cells": {"a": 1}\n}', 3, 'its "cells" is an object, not a list of cells'),
    ('{\n  "nbformat": 4,\n  "cells": [\n    3\n  ]\n}', 3,
     'cell 1 of its "cells" is a number, not a cell with a "cell_type"'),
    ('[1, 2]', 1, "the file holds a list, not an object with cells"),
    ('{"metadata": {}}', 1, 'it has no "cells"'),
    ('{\n  "metadata": [],\n  "nbformat": 4,\n  "cells": []\n}', 2, 'its "metadata" is a list, not an object'),
    ('{\n  "cells": [\n    {\n      "cell_type": "markdown",\n      "metadata": {},\n      "source": "x"\n    },\n'
     '    {\n      "cell_type": "code",\n      "metadata": [],\n      "source": "y"\n    }\n  ]\n}', 10,
     'the "metadata" of cell 2 is a list, not an object'),
    ('{"cells": [{"cell_type": "code", "metadata": {}, "source": "", "outputs": 3}], "metadata": {}}', 1,
     'the "outputs" of cell 1 is a number, not a list'),
    ('{"cells": [{"cell_type": "markdown", "metadata": {},\n "attachments": [], "source": ""}]}', 2,
     'the "attachments" of cell 1 is a list, not an object'),
    (_EMPTY_BOOK % '  "nbformat": 4,\n  "nbformat_minor": "5"', 5,
     'its "nbformat_minor" is a text, not a whole number'),
    (_EMPTY_BOOK % '  "nbformat": 4,\n  "nbformat_minor": null', 5,
     'its "nbformat_minor" is null, not a whole number'),
    (_EMPTY_BOOK % '  "nbformat": 4,\n  "nbformat_minor": 5.0', 5,
     'its "nbformat_minor" is a number, not a whole number'),
    (_EMPTY_BOOK % '  "nbformat": "4",\n  "nbformat_minor": 5', 4, 'its "nbformat" is a text, not a whole number'),
    (_EMPTY_BOOK % '  "nbformat": 4', 1, 'it has no "nbformat_minor"'),
    (_EMPTY_BOOK % '  "nbformat_minor": 5', 1, 'it has no "nbformat"'),
])
def test_a_team_notebook_of_valid_json_but_the_wrong_shape_is_named_with_what_is_wrong(repo, decide, text, line,
                                                                                      message):
    # Each stopped the report in Python's words (`{"cells": 3}`: "'int' object is not iterable"; a list for
    # "metadata": "pop expected at most 1 argument, got 2"), a text "5" with an empty "not a notebook: ", and a
    # notebook without "nbformat" was read as one of format 1 and ended in papermill's traceback.
    (repo / "notebooks").mkdir(exist_ok=True)
    (repo / "notebooks" / "weekly-triage.ipynb").write_text(text)
    for extra in ((), ("--since", "2026-10-01")):
        result = decide("report", "weekly", "--as-of", "2026-10-20", *extra, cwd=repo)
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
        assert result.stderr == f"notebooks/weekly-triage.ipynb:{line}: error: not a notebook: {message}\n"
    assert not list(repo.glob("reports/*"))


def test_a_team_notebook_stripped_of_its_kernel_metadata_runs(repo, decide):
    # nbstripout and its kin can drop metadata.kernelspec, to keep diffs quiet: the report runs on Python anyway.
    team = repo / "notebooks" / "weekly-triage.ipynb"
    _notebook(team, "print('STRIPPED-' + as_of)")
    book = nbformat.read(team, as_version=4)
    book.metadata = {}
    nbformat.write(book, team)
    result = decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo)
    assert result.exit_code == 0, result.output


def test_the_kernel_has_the_reports_libraries_loaded_before_the_first_cell(repo, decide):
    html = _team_weekly_page(repo, decide, "import sys\ndisplay(HTML(' '.join(sorted(m for m in "
                             "('pandas', 'matplotlib.figure', 'toolkit.reports.charts') if m in sys.modules))))")
    assert "matplotlib.figure pandas toolkit.reports.charts" in " ".join(scan(html).text)


def test_a_failing_cell_exits_1_with_its_error_and_keeps_the_notebook(repo, decide):
    _notebook(repo / "notebooks" / "weekly-triage.ipynb", "x = 1", "raise ValueError('the ledger says no\\nsecond line')")
    result = decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo)
    assert result.exit_code == 1
    assert "reports/2026-W43-weekly-triage.ipynb: error: report failed in cell 4: ValueError: the ledger says no" in result.stderr
    assert "second line" not in result.stderr and "Traceback" not in result.output
    executed = nbformat.read(repo / "reports" / "2026-W43-weekly-triage.ipynb", as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert [e.ename for e in errors] == ["ValueError"]
    assert not (repo / "reports" / "2026-W43-weekly-triage.html").exists()


def test_parameters_reach_the_notebook_as_plain_text(tmp_path, decide):
    root = tmp_path / "we\"ird' \\ dir\n__import__('os').system('touch PWNED')"
    init(root)
    _notebook(root / "notebooks" / "weekly-triage.ipynb",
              "from IPython.display import display, HTML\nimport html\ndisplay(HTML('<p>' + html.escape(repr(workspace)) + '</p>'))")
    result = decide("report", "weekly", "--as-of", "2026-10-20", cwd=root)
    assert result.exit_code == 0, result.output
    html = (root / "reports").glob("*-weekly-triage.html").__next__().read_text()
    assert repr(str(root)) in " ".join(scan(html).text)
    assert not list(tmp_path.rglob("PWNED"))


@pytest.mark.parametrize("bad", [
    {"workspace": b"__import__('os')"},
    {"workspace": ("a",)},
    {"x; import os": "a"},
    {"class": "a"},
    {"limit": math.nan},
    {"title": "nul\x00"},
    {"when": None},
])
def test_only_plain_scalars_are_accepted(bad):
    with pytest.raises(DecisionbookError):
        check_parameters(bad)


def test_plain_scalars_pass_unchanged():
    values = {"workspace": "a\"b'\\c\nd", "n": 3, "x": 0.5, "blind": False}
    assert check_parameters(values) == values


def test_kernel_is_this_interpreter_whatever_kernelspecs_say(tmp_path, monkeypatch, repo, decide):
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
         "display_name": "Broken", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    assert ThisPythonKernelManager(kernel_name="python3").kernel_spec.argv[0] == sys.executable
    _notebook(repo / "notebooks" / "weekly-triage.ipynb",
              "import sys\nfrom IPython.display import display, HTML\ndisplay(HTML('<p>' + sys.executable + '</p>'))")
    result = decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo)
    assert result.exit_code == 0, result.output
    assert sys.executable in (repo / result.stdout.strip().splitlines()[-1]).read_text()


def _kernels_in(folder) -> list[int]:
    """The ipykernel processes still running in *folder* (a report's kernel runs in its workspace)."""
    import os

    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if "ipykernel_launcher" in open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace") \
                    and os.readlink(f"/proc/{pid}/cwd") == str(folder):
                found.append(int(pid))
        except OSError:
            continue
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_no_kernel_is_left_running_after_a_report_or_a_failed_one(repo, decide):
    _notebook(repo / "notebooks" / "weekly-triage.ipynb", "print(as_of)")
    assert decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo).exit_code == 0
    assert _kernels_in(repo) == []
    _notebook(repo / "notebooks" / "weekly-triage.ipynb", "raise ValueError('no')")
    assert decide("report", "weekly", "--as-of", "2026-10-20", cwd=repo).exit_code == 1
    assert _kernels_in(repo) == []


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_ctrl_c_while_a_cell_runs_stops_the_report_without_a_traceback_or_a_kernel_left(repo):
    _notebook(repo / "notebooks" / "weekly-triage.ipynb",
              "import pathlib, time\npathlib.Path('running').touch()\ntime.sleep(60)")
    proc = subprocess.Popen([DECIDE, "report", "weekly", "--as-of", "2026-10-20"], cwd=repo, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (repo / "running").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (130, ""), err
    assert "Traceback" not in err and err.endswith("\nAborted!\n"), err
    assert not (repo / "reports" / "2026-W43-weekly-triage.html").exists()
    assert _kernels_in(repo) == []


def _executed_notebook():
    book = nbformat.v4.new_notebook()
    html = ['<p>plain <a href="prototypes/0001-a.md">card</a></p>',
            '<script>alert(1)</script><table><tr><td>cell</td></tr></table><a href="javascript:x">bad</a>']
    book.cells = [nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", {"text/html": text, "text/plain": ""}) for text in html])
        for html in (html, html[::-1])]
    return book


def test_the_page_is_the_same_however_much_was_sanitised_while_the_notebook_ran():
    book = _executed_notebook()
    ahead = Page()
    for cell in book.cells:
        ahead.cell_executed(cell=cell, cell_index=0, execute_reply={})
    page = ahead.html(book, "t")
    assert page == Page().html(book, "t")
    found = scan(page)
    assert not found.problems
    assert "prototypes/0001-a.md" in found.links and "javascript:x" not in page
    assert "<script>alert(1)</script>" not in page
