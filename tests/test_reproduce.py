"""Rerunning every notebook on unchanged data, offline, changes no byte of any notebook or figure.

The notebooks are executed into a temporary folder (figures too, via ZJCOUNTY_FIGURES)
through the same code path as `make`, then compared with what is committed. nbval alone
cannot see a changed PNG; this test can.
"""
import os
import shutil
import subprocess
import sys

from zjcounty.execute import notebooks
from zjcounty.paths import NOTEBOOKS, ROOT


def test_rerun_is_byte_identical(tmp_path):
    nb_dir, fig_dir = tmp_path / "notebooks", tmp_path / "figures"
    nb_dir.mkdir()
    fig_dir.mkdir()
    for nb in notebooks(NOTEBOOKS):
        shutil.copy(nb, nb_dir / nb.name)
    env = {**os.environ, "ZJCOUNTY_FIGURES": str(fig_dir), "PYTHONHASHSEED": "0"}
    run = subprocess.run([sys.executable, "-m", "zjcounty", "execute", *sorted(nb_dir.glob("*.ipynb"))],
                         env=env, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    changed = [nb.name for nb in notebooks(NOTEBOOKS) if (nb_dir / nb.name).read_bytes() != nb.read_bytes()]
    committed = {p.name: p.read_bytes() for p in (ROOT / "figures").glob("*.png")}
    fresh = {p.name: p.read_bytes() for p in fig_dir.glob("*.png")}
    changed += [n for n in committed.keys() | fresh.keys() if committed.get(n) != fresh.get(n)]
    assert not changed, f"differ from what is committed (run `make` and commit): {sorted(changed)}"
