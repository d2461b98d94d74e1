"""Time the test suite and a rerun of the notebooks against their floor, and the peak
memory of each notebook's kernel.

The floor is the same number of notebooks (both editions) that only import the project's
plotting stack (pandas, matplotlib, zjcounty.plotting.setup()), run the same way:
  (a) suite: `make test`'s pytest command, against a floor suite that re-executes the floor
      notebooks one test each, as tests/test_rerun.py does for the real ones;
  (b) rerun: `python -m zjcounty execute` (two at a time) on copies of the notebooks;
  (c) memory: each notebook's code run in a fresh IPython process; peak RSS (ru_maxrss).
Run: `.venv/bin/python benchmarks/suite.py` (or `make bench`). Not a test.
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from zjcounty.paths import NOTEBOOKS, ROOT, notebooks

FLOOR_CODE = "import pandas, matplotlib.pyplot\nfrom zjcounty import plotting\n_ = plotting.setup()"
PYTEST = ["-m", "pytest", "-q", "-n", "auto", "--dist", "loadgroup"]  # as in the Makefile's test target
REPEAT = 2
ENV = {**os.environ, "PYTHONHASHSEED": "0"}
PY = sys.executable

FLOOR_TEST = '''
from pathlib import Path

import pytest
from zjcounty.execute import kernel_env, run
import nbformat

NBS = sorted(Path(__file__).parent.glob("notebooks/*.ipynb"))

@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_rerun(path, tmp_path):
    run(nbformat.read(path, as_version=4), path.parent, kernel_env(figures=tmp_path))
'''


def floor_notebooks(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        nb.cells = [nbformat.v4.new_code_cell(FLOOR_CODE)]
        path = folder / f"{i:02d}-floor.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    subprocess.run([PY, "-m", "zjcounty", "execute", *map(str, paths)], check=True, capture_output=True, env=ENV)
    return paths


def best_of(cmd, cwd, env=ENV) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        run = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if run.returncode != 0:
            raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    return min(times)


def rerun_time(nbs: list[Path], tmp: Path) -> float:
    work = tmp / "rerun"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    copies = []
    for nb in nbs:  # keep each edition's folder name: the Chinese edition is told by its folder, zh/
        (work / nb.parent.name).mkdir(exist_ok=True)
        copies.append(shutil.copy(nb, work / nb.parent.name / nb.name))
    return best_of([PY, "-m", "zjcounty", "execute", *map(str, copies)], ROOT, {**ENV, "ZJCOUNTY_FIGURES": str(work)})


MEMORY = r'''
import json, os, resource, sys
from IPython.core.interactiveshell import InteractiveShell
path = sys.argv[1]
os.chdir(os.path.dirname(path))
shell = InteractiveShell.instance()
for cell in json.load(open(path, encoding="utf-8"))["cells"]:
    if cell["cell_type"] == "code":
        assert shell.run_cell("".join(cell["source"]), silent=True).success
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
'''


def peak_mb(nb: Path, tmp: Path) -> float:
    run = subprocess.run([PY, "-c", MEMORY, str(nb)], capture_output=True, text=True, check=True,
                         env={**ENV, "ZJCOUNTY_FIGURES": str(tmp)})
    return float(run.stdout.strip().splitlines()[-1])


def main() -> int:
    real = notebooks(NOTEBOOKS) + notebooks(NOTEBOOKS / "zh")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        floor_dir = tmp / "floor"
        floor = floor_notebooks(floor_dir / "notebooks", len(real))
        (floor_dir / "test_floor.py").write_text(FLOOR_TEST)
        shutil.copy(ROOT / "pyproject.toml", floor_dir / "pyproject.toml")
        # Floor pytest must not pick up the project's conftest; the same options apply.
        suite = best_of([PY, *PYTEST], ROOT)
        suite_floor = best_of([PY, *PYTEST, "-p", "no:cacheprovider", "test_floor.py"], floor_dir)
        rerun = rerun_time(real, tmp)
        rerun_floor = rerun_time(floor, tmp)
        mem = {nb.name: peak_mb(nb, tmp) for nb in real}
        mem_floor = peak_mb(floor[0], tmp)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; best of {REPEAT}")
    print(f"{'measure':<34}{'project':>9}{'floor':>9}{'ratio':>7}")
    print(f"{'(a) test suite, seconds':<34}{suite:>9.1f}{suite_floor:>9.1f}{suite / suite_floor:>7.2f}")
    print(f"{'(b) rerun all notebooks, seconds':<34}{rerun:>9.1f}{rerun_floor:>9.1f}{rerun / rerun_floor:>7.2f}")
    for name, mb in mem.items():
        print(f"{'(c) peak MB ' + name:<34}{mb:>9.0f}{mem_floor:>9.0f}{mb / mem_floor:>7.2f}")
    print(json.dumps({"suite_s": round(suite, 1), "suite_floor_s": round(suite_floor, 1), "rerun_s": round(rerun, 1),
                      "rerun_floor_s": round(rerun_floor, 1), "peak_mb": {k: round(v) for k, v in mem.items()},
                      "peak_mb_floor": round(mem_floor)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
