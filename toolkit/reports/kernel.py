"""The kernel reports run in: ipykernel on this very interpreter, whatever kernelspecs are installed."""

from __future__ import annotations

import asyncio
import signal

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager


# The kernel listens on loopback only; its start-up warning about unencrypted TCP would be noise on stderr.
QUIET = ["--IPKernelApp.log_level=ERROR"]
# The heavy imports of every report, made by the kernel as it boots (see toolkit.reports.preload).
PRELOAD = ["--IPKernelApp.exec_lines=import toolkit.reports.preload"]
# What nbclient passes to a kernel it starts itself: no IPython history file is read or written.
NO_HISTORY = ["--HistoryManager.hist_file=:memory:"]


class ThisPythonKernelManager(AsyncKernelManager):
    """Starts `python -m ipykernel_launcher` with sys.executable, ignoring any `python3` kernelspec on disk.

    A user-level kernelspec named python3 may point at another Python that lacks `toolkit`;
    the report must run where `decide` runs.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.clients = []

    @property
    def kernel_spec(self) -> KernelSpec:
        if self._kernel_spec is None:
            from ipykernel.kernelspec import RESOURCES, get_kernel_dict

            self._kernel_spec = KernelSpec(resource_dir=RESOURCES, **get_kernel_dict(QUIET + PRELOAD))
        return self._kernel_spec

    def client(self, **kwargs):
        # The notebook runner leaves the channels of a client it did not make the manager for open;
        # whoever started this kernel closes them (see `stop`).
        client = super().client(**kwargs)
        self.clients.append(client)
        return client


class Kernel:
    """A kernel started now, so that it boots while this process goes on importing and preparing.

    `stop_soon` kills it and returns at once; `stop` reaps it and frees its files and sockets. Both
    are safe to call more than once. A report's kernel holds nothing worth a clean exit (its history
    is in memory and the executed notebook is already here), and a clean exit of a process that has
    loaded pandas and matplotlib takes a few tenths of a second.
    """

    def __init__(self, cwd: str):
        from jupyter_core.utils import run_sync

        self._run_sync = run_sync
        self.manager = ThisPythonKernelManager(kernel_name="python3")
        run_sync(self.manager.start_kernel)(extra_arguments=NO_HISTORY, cwd=cwd)
        self._killed = False

    def _cancel_leftovers(self) -> None:
        """Ctrl-C stops the loop with a cell still waiting on the kernel: cancelled and awaited here, it does not
        die with the kernel and print its traceback (`Task exception was never retrieved`) as the process exits."""
        from jupyter_core.utils import ensure_event_loop

        loop = ensure_event_loop()
        leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in leftovers:
            task.cancel()
        if leftovers:
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))

    def _close_clients(self) -> None:
        for client in self.manager.clients:
            client.stop_channels()
        self.manager.clients.clear()

    def stop_soon(self) -> None:
        if self.manager.has_kernel and not self._killed:
            self._close_clients()
            self._run_sync(self.manager.signal_kernel)(signal.SIGKILL)
            self._killed = True

    def stop(self) -> None:
        self._cancel_leftovers()
        self._close_clients()
        if self.manager.has_kernel:
            self._run_sync(self.manager.shutdown_kernel)(now=True)
