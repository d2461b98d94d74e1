"""The offline guard refuses connections. That it is active in every executed kernel is
shown by the probe notebook in tests/test_rerun.py."""
import subprocess
import sys


def test_the_guard_refuses_a_connection():
    probe = "import socket, zjcounty.offline as o; o.block(); socket.create_connection(('127.0.0.1', 9))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode != 0 and "network access attempted" in run.stderr


def test_without_the_guard_the_probe_reaches_the_socket_layer():
    """Guards the guard: unblocked, the same call fails differently (nothing listens on port 9)."""
    probe = "import socket; socket.create_connection(('127.0.0.1', 9), timeout=2)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode != 0 and "network access attempted" not in run.stderr
