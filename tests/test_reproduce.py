"""Rerunning every notebook on unchanged data changes no byte of any notebook or figure,
and the rerun is offline.

The notebooks are executed into a temporary folder (figures too, via ZJCOUNTY_FIGURES)
through the same code path as `make`, then compared with what is committed. nbval alone
cannot see a changed PNG; this test can. A probe notebook that tries to open a connection
runs in the same batch and must fail with the offline guard's message: this proves the
kernels that produced the compared outputs had no network.
"""
import os
import shutil
import subprocess
import sys

import nbformat

from zjcounty.execute import notebooks
from zjcounty.paths import NOTEBOOKS, ROOT

PROBE = "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9', timeout=2)"


def test_rerun_is_byte_identical_and_offline(tmp_path):
    nb_dir, fig_dir = tmp_path / "notebooks", tmp_path / "figures"
    nb_dir.mkdir()
    fig_dir.mkdir()
    for nb in notebooks(NOTEBOOKS):
        shutil.copy(nb, nb_dir / nb.name)
    probe = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    probe.cells = [nbformat.v4.new_code_cell(PROBE)]
    nbformat.write(probe, tmp_path / "network-probe.ipynb")
    env = {**os.environ, "ZJCOUNTY_FIGURES": str(fig_dir), "PYTHONHASHSEED": "0"}
    run = subprocess.run([sys.executable, "-m", "zjcounty", "execute", *sorted(nb_dir.glob("*.ipynb")), tmp_path / "network-probe.ipynb"],
                         env=env, capture_output=True, text=True, cwd=ROOT)
    failures = [line for line in run.stderr.splitlines() if "a cell failed" in line]
    assert len(failures) == 1 and "network-probe.ipynb" in failures[0] and "network access attempted" in failures[0], run.stderr[-3000:]
    changed = [nb.name for nb in notebooks(NOTEBOOKS) if (nb_dir / nb.name).read_bytes() != nb.read_bytes()]
    committed = {p.name: p.read_bytes() for p in (ROOT / "figures").glob("*.png")}
    fresh = {p.name: p.read_bytes() for p in fig_dir.glob("*.png")}
    changed += [n for n in committed.keys() | fresh.keys() if committed.get(n) != fresh.get(n)]
    assert not changed, f"differ from what is committed (run `make` and commit): {sorted(changed)}"
