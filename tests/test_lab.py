"""`decide lab`: notebooks copied in once, and a real Jupyter server that serves them."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import DECIDE

from toolkit.bundled import notebooks_dir
from toolkit.reports.lab import NOTEBOOKS, command, copy_notebooks
from toolkit.workspace import open_workspace


def test_copies_bundled_notebooks_once_and_never_overwrites(repo):
    ws = open_workspace(repo)
    (repo / "notebooks").mkdir()
    (repo / "notebooks" / "weekly-triage.ipynb").write_text("team's own")
    copied = copy_notebooks(ws)
    assert [p.name for p in copied] == ["design-review.ipynb", "decision-log.ipynb"]
    assert (repo / "notebooks" / "weekly-triage.ipynb").read_text() == "team's own"
    assert (repo / "notebooks" / "decision-log.ipynb").read_bytes() == (notebooks_dir() / "decision-log.ipynb").read_bytes()
    assert copy_notebooks(ws) == []


def test_command_serves_the_workspace_root(repo):
    args = command(open_workspace(repo), port=8899, browser=False)
    assert f"--ServerApp.root_dir={repo}" in args and "--no-browser" in args and "--ServerApp.port=8899" in args


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url, token, method="GET"):
    request = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read() or b"null")


def test_a_real_server_lists_the_three_notebooks(repo):
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_TOKEN": token, "JUPYTER_RUNTIME_DIR": str(repo.parent / "runtime")}
    proc = subprocess.Popen([DECIDE, "lab", str(repo), "--no-browser", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                listing = _get(f"{base}/api/contents/notebooks", token)
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.communicate()[1][-2000:]
                assert time.monotonic() < deadline, "jupyter did not start within 60 s"
                time.sleep(0.3)
        names = sorted(item["name"] for item in listing["content"])
        assert names == sorted(f"{name}.ipynb" for name in NOTEBOOKS)
        _get(f"{base}/api/shutdown", token, method="POST")
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)
    _, err = proc.communicate()
    assert "Traceback" not in err
    assert "copied notebooks/weekly-triage.ipynb" in err


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(child) for child in handle.read().split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def _start_lab(repo):
    """`decide lab` on a free port, once its server answers: (process, port, token, env)."""
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_TOKEN": token, "JUPYTER_RUNTIME_DIR": str(repo.parent / "runtime")}
    proc = subprocess.Popen([DECIDE, "lab", str(repo), "--no-browser", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(f"http://127.0.0.1:{port}/api/status", token)
            return proc, port, token, env
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"jupyter did not start: {proc.communicate()[1][-2000:]}") from None
            time.sleep(0.3)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_stopping_decide_lab_stops_its_server(repo, stop):
    proc, port, token, _ = _start_lab(repo)
    servers = _children(proc.pid)
    try:
        assert servers and all(_alive(pid) for pid in servers)
        proc.send_signal(stop)
        assert proc.wait(timeout=40) == 128 + stop
        gone = time.monotonic() + 10
        while any(_alive(pid) for pid in servers) and time.monotonic() < gone:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in servers), "the JupyterLab server outlived decide lab"
        with pytest.raises((urllib.error.URLError, ConnectionError)):
            _get(f"http://127.0.0.1:{port}/api/status", token)
    finally:
        for pid in servers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
    _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err


def test_a_busy_port_exits_2_with_one_line(repo):
    proc, port, token, env = _start_lab(repo)
    try:
        busy = subprocess.run([DECIDE, "lab", str(repo), "--no-browser", "--port", str(port)],
                              capture_output=True, text=True, env=env, timeout=60)
        assert busy.returncode == 2
        assert busy.stderr == f"error: port {port} is already in use; choose another with --port\n"
    finally:
        _get(f"http://127.0.0.1:{port}/api/shutdown", token, method="POST")
        assert proc.wait(timeout=30) == 0
        proc.communicate()


# The command as a process in which JupyterLab cannot be imported: what a core install without
# the `lab` extra sees (None in sys.modules is how Python marks a module that must not import).
WITHOUT_JUPYTERLAB = "import sys; sys.modules['jupyterlab'] = None; from toolkit.cli import main; main(sys.argv[1:])"


def test_without_jupyterlab_lab_names_the_extra_in_one_line_and_writes_nothing(repo):
    proc = subprocess.run([sys.executable, "-c", WITHOUT_JUPYTERLAB, "lab", str(repo), "--no-browser"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == "error: JupyterLab is not installed; install it with: pip install 'decisionbook[lab]'\n"
    assert not (repo / "notebooks").exists()


def test_without_jupyterlab_the_other_commands_still_work(repo):
    proc = subprocess.run([sys.executable, "-c", WITHOUT_JUPYTERLAB, "adr", "new", "Use queues", "--no-edit"],
                          cwd=repo, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("0001-use-queues.md")


def test_jupyterlab_is_an_extra_that_the_test_extra_pulls_in():
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
    names = {re.split(r"[<>=\[ ]", spec)[0].lower() for spec in project["dependencies"]}
    assert "jupyterlab" not in names
    assert {"papermill", "nbformat", "nbconvert", "ipykernel", "pandas", "matplotlib", "click", "pyyaml"} <= names
    extras = project["optional-dependencies"]
    assert any(spec.startswith("jupyterlab") for spec in extras["lab"])
    assert any(spec.startswith("jupyterlab") for spec in extras["test"])
