"""`decide lab`: JupyterLab at the workspace root, with the report notebooks copied in on first use."""

from __future__ import annotations

import errno
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import atomic
from toolkit.workspace import Workspace

NOTEBOOKS = ("weekly-triage", "design-review", "decision-log")
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_GRACE = 20  # seconds JupyterLab gets to shut its kernels down before it is killed


def require_jupyterlab() -> None:
    """Refuse, naming the install command, when JupyterLab (the `lab` extra) is not installed."""
    if importlib.util.find_spec("jupyterlab") is None:
        raise DecisionbookError("JupyterLab is not installed; install it with: pip install 'decisionbook[lab]'")


def copy_notebooks(ws: Workspace) -> list[Path]:
    """Copy each bundled notebook the team does not have yet into notebooks/; never overwrite one."""
    from toolkit.bundled import notebooks_dir

    ws.notebooks_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in NOTEBOOKS:
        target = ws.notebooks_dir / f"{name}.ipynb"
        if atomic.create_exclusive(target, (notebooks_dir() / f"{name}.ipynb").read_bytes()):
            copied.append(target)
    return copied


def command(ws: Workspace, port: int | None = None, browser: bool = True) -> list[str]:
    """The JupyterLab command line for *ws*: this interpreter, served from the workspace root."""
    args = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={ws.root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Containers often run as root; JupyterLab refuses that unless told, and it still binds to localhost.
        args.append("--allow-root")
    if port is not None:
        args += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not browser:
        args.append("--no-browser")
    return args


def port_in_use(port: int) -> bool:
    """Whether something already listens on *port* of this machine's loopback address."""
    with socket.socket() as probe:
        # As the server will: a port left in TIME_WAIT by an earlier run is free to take.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def lab(ws: Workspace, port: int | None = None, browser: bool = True) -> int:
    """Run JupyterLab for *ws* until it stops, or until this process gets SIGINT, SIGTERM or SIGHUP.

    The server runs in its own process group, so a Ctrl-C reaches only us; we then stop it with
    SIGTERM (which it takes as "shut down now", kernels included) and kill it if it has not stopped
    within STOP_GRACE seconds. Returns the server's exit status, or 128 + the signal that stopped us.
    """
    if port is not None and port_in_use(port):
        raise DecisionbookError(f"port {port} is already in use; choose another with --port")
    received: list[int] = []
    server: list[subprocess.Popen] = []

    def stop(signum, frame):
        received.append(signum)
        if server and server[0].poll() is None:
            server[0].terminate()

    # Handlers first: a signal that arrives while the server starts must still stop it.
    main = threading.current_thread() is threading.main_thread()
    previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS} if main else {}
    try:
        server.append(subprocess.Popen(command(ws, port, browser), cwd=ws.root, process_group=0))
        if received:
            server[0].terminate()
        deadline = None
        while True:
            try:
                status = server[0].wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if received and deadline is None:
                    deadline = time.monotonic() + STOP_GRACE
                if deadline is not None and time.monotonic() > deadline:
                    server[0].kill()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 128 + received[0] if received else status
