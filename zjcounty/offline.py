"""Refuse every network connection from this Python process.

Loaded as an IPython extension by every notebook kernel that `make` and the tests start
(`zjcounty.execute.KERNEL_ARGS`), so a notebook that tries to reach the network fails loudly
instead of quietly depending on it.

What it is and is not: a tripwire on Python's socket API (connect, sendto, create_connection,
getaddrinfo). Code that bypasses it (a subprocess, a C extension opening its own sockets) is
not stopped. The kernel's own messaging runs over ZeroMQ's C sockets and is unaffected.
"""
from __future__ import annotations

import socket

MESSAGE = "network access attempted from a notebook (the project runs offline): {}"


def _refuse(*args, **kwargs):
    raise ConnectionRefusedError(MESSAGE.format(args or kwargs))


def block() -> None:
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.socket.sendto = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse


def load_ipython_extension(ipython) -> None:  # noqa: ARG001 - IPython's extension hook
    """IPython calls this when the kernel starts with --InteractiveShellApp.extensions."""
    block()
