"""The kernel reports run in: ipykernel on this very interpreter, whatever kernelspecs are installed."""

from __future__ import annotations

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager


# The kernel listens on loopback only; its start-up warning about unencrypted TCP would be noise on stderr.
QUIET = ["--IPKernelApp.log_level=ERROR"]


class ThisPythonKernelManager(AsyncKernelManager):
    """Starts `python -m ipykernel_launcher` with sys.executable, ignoring any `python3` kernelspec on disk.

    A user-level kernelspec named python3 may point at another Python that lacks `toolkit`;
    the report must run where `decide` runs.
    """

    @property
    def kernel_spec(self) -> KernelSpec:
        if self._kernel_spec is None:
            from ipykernel.kernelspec import RESOURCES, get_kernel_dict

            self._kernel_spec = KernelSpec(resource_dir=RESOURCES, **get_kernel_dict(QUIET))
        return self._kernel_spec
