"""A real JupyterLab serves the lab page and every notebook (valid nbformat 4, python3 kernel).

The server listens on 127.0.0.1 on a free port with a random token and is stopped by its
process id whatever happens in the test.
"""
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import nbformat
import pytest

from zjcounty.execute import notebooks
from zjcounty.paths import NOTEBOOKS, ROOT


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read()


@pytest.fixture
def lab(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
           "JUPYTER_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}", "--ServerApp.port_retries=0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(f"{base}/api/status?token={token}")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"jupyter lab did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)
        yield base, token
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_lab_serves_every_notebook(lab):
    base, token = lab
    status, page = _get(f"{base}/lab?token={token}")
    assert status == 200 and b"JupyterLab" in page
    with pytest.raises(urllib.error.HTTPError) as denied:
        _get(f"{base}/api/contents/notebooks")
    assert denied.value.code == 403
    for nb in notebooks(NOTEBOOKS):
        status, body = _get(f"{base}/api/contents/notebooks/{nb.name}?token={token}&content=1")
        model = json.loads(body)
        assert status == 200 and model["type"] == "notebook"
        node = nbformat.from_dict(model["content"])
        nbformat.validate(node)
        assert node.nbformat == 4 and node.metadata.kernelspec.name == "python3"
