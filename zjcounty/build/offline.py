"""Refuse every network connection from a notebook kernel that `make` or the tests start.

Those kernels run with IPYTHONDIR pointing at the project's own IPython profile
(`ipython_dir()`, set by `zjcounty.execute.kernel_env`), whose kernel configuration loads this
module as an IPython extension before the first cell. So a notebook that tries to reach the
network fails loudly instead of quietly depending on it, whether `make` runs it (nbclient) or
`pytest --nbval` does (nbval starts its kernels itself and takes no kernel arguments, but it
passes the environment on). The same profile keeps a user's own IPython startup files and
history out of those kernels. A student's JupyterLab kernels use their own profile and stay
online.

What it is and is not: a tripwire on Python's socket API (connect, sendto, create_connection,
getaddrinfo). Code that bypasses it (a subprocess, a C extension opening its own sockets) is
not stopped. The kernel's own messaging runs over ZeroMQ's C sockets and is unaffected.
"""
from __future__ import annotations

import os
import socket
from pathlib import Path

from ..paths import cache_dir

MESSAGE = "network access attempted from a notebook (the project runs offline): {}"
# The kernel configuration of the project's profile: this module as an extension (a kernel
# that cannot load it fails to start, rather than running online), no history, and the
# kernel's own log quietened (its only message here is that loopback messaging is unencrypted).
KERNEL_CONFIG = f"""# Written by {__name__}: the profile of the kernels that `make` and the tests start.
c.InteractiveShellApp.extensions = ["{__name__}"]
c.InteractiveShellApp.reraise_ipython_extension_failures = True
c.HistoryManager.enabled = False
c.IPKernelApp.log_level = "ERROR"
"""


def _refuse(*args, **kwargs):
    raise ConnectionRefusedError(MESSAGE.format(args or kwargs))


def block() -> None:
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.socket.sendto = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse


def load_ipython_extension(ipython) -> None:  # noqa: ARG001 - IPython's extension hook
    """IPython calls this when a kernel of the project's profile starts."""
    block()


def ipython_dir() -> Path:
    """The IPYTHONDIR of the project's kernels, written on first use and whenever its
    configuration changed (atomically: kernels start in parallel)."""
    folder = cache_dir() / "ipython"
    config = folder / "profile_default" / "ipython_kernel_config.py"
    if not config.is_file() or config.read_text(encoding="utf-8") != KERNEL_CONFIG:
        config.parent.mkdir(parents=True, exist_ok=True)
        tmp = config.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(KERNEL_CONFIG, encoding="utf-8")
        os.replace(tmp, config)
    return folder
