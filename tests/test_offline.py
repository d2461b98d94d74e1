"""No network at run time. Every notebook executed by `make` or by the reproducibility test
runs in a kernel whose Python sockets refuse to connect (zjcounty.offline, installed by
zjcounty.execute before the first cell), so test_reproduce's rerun is also the offline run.
These tests show that the guard refuses and that it is really active in executed kernels."""
import subprocess
import sys

import nbformat

from zjcounty.paths import ROOT


def test_the_guard_refuses_a_connection():
    probe = "import socket, zjcounty.offline as o; o.block(); socket.create_connection(('127.0.0.1', 9))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode != 0 and "network access attempted" in run.stderr


def test_an_executed_notebook_cannot_reach_the_network(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell("import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9', timeout=2)")]
    path = tmp_path / "net.ipynb"
    nbformat.write(nb, path)
    before = path.read_bytes()
    run = subprocess.run([sys.executable, "-m", "zjcounty", "execute", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert "a cell failed, the notebook was not saved" in run.stderr and "network access attempted" in run.stderr
    assert path.read_bytes() == before
