"""Time `make test` and `make` against their floors, side by side in one run, and the peak
memory of each notebook's code against a floor kernel.

The floor is what any notebook project with this stack pays: notebooks that only import
pandas, matplotlib and seaborn, as many as the project has (both editions).
  (a) suite: `make test`'s pytest command on the whole project, against `pytest --nbval` with
      the same workers on the floor notebooks;
  (b) rerun: `make` with the venv in place (validate, edition, execute every notebook), against
      `jupyter nbconvert --to notebook --execute --inplace` on copies of the same notebooks;
  (c) memory: each notebook run as `make` runs it, in a fresh kernel; the kernel's own peak RSS
      (ru_maxrss, read by a cell appended to a copy), against the floor notebook's.
Run: `.venv/bin/python benchmarks/suite.py` (or `make bench`). Not a test. Best of REPEAT runs,
the project and its floor alternating, so that a busy machine slows both alike.
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

FLOOR_CODE = "import pandas, matplotlib.pyplot, seaborn"
PYTEST = [
    "-m",
    "pytest",
    "-q",
    "-p",
    "no:cacheprovider",
    "-n",
    "auto",
    "--dist",
    "loadfile",
    "--no-loadscope-reorder",
]  # as `make test`
REPEAT = 3
ENV = {**os.environ, "PYTHONHASHSEED": "0"}
PY = sys.executable
JUPYTER = str(Path(PY).with_name("jupyter"))


def floor_notebooks(folder: Path, n: int) -> list[Path]:
    """n executed notebooks of one cell that imports the stack (stored outputs: none)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook(
            metadata={
                "kernelspec": {
                    "name": "python3",
                    "display_name": "Python 3",
                    "language": "python",
                }
            }
        )
        nb.cells = [nbformat.v4.new_code_cell(FLOOR_CODE, execution_count=1)]
        path = folder / f"{i:02d}-floor.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def seconds(cmd, cwd, env=ENV) -> float:
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(
            f"{' '.join(map(str, cmd))} failed:\n{run.stdout[-3000:]}{run.stderr[-3000:]}"
        )
    return took


def best_pair(project, floor) -> tuple[float, float]:
    """Best of REPEAT for two commands, run alternately: (cmd, cwd, env) each."""
    a, b = [], []
    for _ in range(REPEAT):
        a.append(seconds(*project))
        b.append(seconds(*floor))
    return min(a), min(b)


def copies(nbs: list[Path], folder: Path) -> list[Path]:
    """Copies of the notebooks, each edition in a folder named as its own (zh/)."""
    out = []
    for nb in nbs:
        (folder / nb.parent.name).mkdir(parents=True, exist_ok=True)
        out.append(Path(shutil.copy(nb, folder / nb.parent.name / nb.name)))
    return out


PEAK = (
    "import resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
)


def peak_mb(nb: Path, figures: Path) -> float:
    """The kernel's own peak RSS after running the notebook, from a cell appended to a copy."""
    from zjcounty.build.execute import kernel_env, run

    copy = nbformat.read(nb, as_version=4)
    copy.cells.append(nbformat.v4.new_code_cell(PEAK))
    done = run(copy, nb.parent, kernel_env(figures=figures))
    return float(done.cells[-1].outputs[0]["text"])


def main() -> int:
    real = notebooks(NOTEBOOKS) + notebooks(NOTEBOOKS / "zh")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        floor = floor_notebooks(tmp / "floor", len(real))
        suite = best_pair(
            ([PY, *PYTEST], ROOT, ENV), ([PY, *PYTEST, "--nbval", "floor"], tmp, ENV)
        )
        # `make` writes the repository's notebooks and figures: identical bytes when nothing
        # changed (git status stays clean); nbconvert runs on copies.
        make = ["make", "-s", f"PYTHON={PY}"]
        nbconvert = [
            JUPYTER,
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--inplace",
            *map(str, copies(real, tmp / "copies")),
        ]
        rerun = best_pair(
            (make, ROOT, ENV),
            (nbconvert, ROOT, {**ENV, "ZJCOUNTY_FIGURES": str(tmp / "fig")}),
        )
        mem = {str(nb.relative_to(NOTEBOOKS)): peak_mb(nb, tmp / "fig") for nb in real}
        mem_floor = peak_mb(floor[0], tmp / "fig")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"best of {REPEAT}"
    )
    print(f"{'measure':<40}{'project':>9}{'floor':>9}{'ratio':>7}")
    print(
        f"{'(a) make test / pytest --nbval, s':<40}{suite[0]:>9.1f}{suite[1]:>9.1f}{suite[0] / suite[1]:>7.2f}"
    )
    print(
        f"{'(b) make / nbconvert --execute, s':<40}{rerun[0]:>9.1f}{rerun[1]:>9.1f}{rerun[0] / rerun[1]:>7.2f}"
    )
    for name, mb in mem.items():
        print(
            f"{'(c) peak MB ' + name:<40}{mb:>9.0f}{mem_floor:>9.0f}{mb / mem_floor:>7.2f}"
        )
    print(
        json.dumps(
            {
                "suite_s": round(suite[0], 1),
                "suite_floor_s": round(suite[1], 1),
                "make_s": round(rerun[0], 1),
                "nbconvert_s": round(rerun[1], 1),
                "peak_mb": {k: round(v) for k, v in mem.items()},
                "peak_mb_floor": round(mem_floor),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
