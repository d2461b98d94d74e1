"""Refuse every network connection from this Python process.

`make` and the reproducibility test start each notebook's kernel with `block()` already
called, so a notebook that tries to reach the network fails loudly instead of quietly
depending on it. The kernel's own messaging runs over ZeroMQ's C sockets and is unaffected.
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
