"""The offline guard refuses connections, and every kernel that `make` or nbval starts is
offline: both start it with the environment of zjcounty.build.execute.kernel_env, whose IPython
profile loads the guard."""

import subprocess
import sys

import pytest

from zjcounty.build.execute import NotebookFailed, kernel_env, run  # isort: skip  (before nbformat)
import nbformat  # isort: skip  # noqa: E402


def test_the_guard_refuses_a_connection():
    probe = "import socket, zjcounty.build.offline as o; o.block(); socket.create_connection(('127.0.0.1', 9))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode != 0 and "network access attempted" in run.stderr


def test_without_the_guard_the_probe_reaches_the_socket_layer():
    """Guards the guard: unblocked, the same call fails differently (nothing listens on port 9)."""
    probe = "import socket; socket.create_connection(('127.0.0.1', 9), timeout=2)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode != 0 and "network access attempted" not in run.stderr


def test_a_kernel_started_with_the_project_environment_is_offline(tmp_path):
    """A notebook that tries to connect fails with the guard's message."""
    probe = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {
                "name": "python3",
                "display_name": "Python 3",
                "language": "python",
            }
        }
    )
    probe.cells = [
        nbformat.v4.new_code_cell(
            "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9', timeout=2)"
        )
    ]
    with pytest.raises(
        NotebookFailed,
        match="cell 1: URLError: .*network access attempted from a notebook",
    ):
        run(probe, tmp_path, kernel_env(figures=tmp_path))
