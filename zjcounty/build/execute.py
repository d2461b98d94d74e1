"""Run notebooks top to bottom and store them so that a rerun on unchanged data is
byte-identical, on any supported Python: this is how `make` writes notebooks. (`make test`
does not use it for the notebooks: nbval executes them and compares; see notebooks/conftest.py.)

What makes a stored notebook stable:
- the kernel runs with PYTHONHASHSEED=0 (a printed set comes out in the same order);
- stream outputs are coalesced (the kernel flushes stdout on a timer, so one print could
  otherwise arrive as one message or two depending on timing);
- the execution timestamps nbclient writes into every cell's metadata are cleared
  (kernelspec and cell tags are kept), and so is the Python version in the notebook's
  language_info, which is all that differed between Python 3.11, 3.12 and 3.13.

Every kernel runs with the project's IPython profile (`zjcounty.build.offline`): offline, with no
user startup files.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert.preprocessors import ClearMetadataPreprocessor

from .offline import ipython_dir

TIMEOUT_S = 120


class NotebookFailed(RuntimeError):
    """A cell raised: the message names the cell (1-based, as JupyterLab counts) and the error."""


def kernel_env(figures: Path | None = None, data: Path | None = None) -> dict[str, str]:
    """The environment a notebook kernel runs in: this process's, plus the fixed hash seed, the
    project's (offline) IPython profile and, when given, where figures are written and which
    copy of the tables it reads."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "IPYTHONDIR": str(ipython_dir())}
    if data is not None:
        env["ZJCOUNTY_DATA"] = str(data)
    if figures is not None:
        env["ZJCOUNTY_FIGURES"] = str(figures)
    return env


def run(nb: nbformat.NotebookNode, folder: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Execute `nb` in a fresh offline kernel whose working folder is `folder`; returns it
    with outputs and without volatile metadata. Raises NotebookFailed naming the cell."""
    client = NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3", coalesce_streams=True,
                            resources={"metadata": {"path": str(folder)}})
    try:
        client.execute(env=env)
    except CellExecutionError as e:
        index = next((i for i, c in enumerate(nb.cells) for o in c.get("outputs", [])
                      if o.get("output_type") == "error"), None)
        where = f"cell {index + 1}" if index is not None else "a cell"
        raise NotebookFailed(f"{where}: {e.ename}: {e.evalue}") from None
    return stored(nb)


def stored(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """`nb` without what varies from run to run or machine to machine: cell metadata but tags,
    and the Python version nbclient records. Applied to an executed notebook before it is
    written; a committed notebook is already in this form (a test checks)."""
    ClearMetadataPreprocessor(
        enabled=True, clear_notebook_metadata=False, preserve_cell_metadata_mask={"tags"}
    ).preprocess(nb, {})
    nb.metadata.get("language_info", {}).pop("version", None)
    return nb


def dumps(nb: nbformat.NotebookNode) -> str:
    """The stored form of a notebook (nbformat's JSON and a final newline)."""
    return nbformat.writes(nb) + "\n"


def execute(path: Path, out: Path | None = None, env: dict[str, str] | None = None) -> Path:
    """Execute notebook `path` (working folder: its own) and write it to `out` (default: in
    place). Nothing is written when a cell fails."""
    path = Path(path)
    nb = run(nbformat.read(path, as_version=4), path.parent, env or kernel_env())
    target = Path(out) if out else path
    target.write_text(dumps(nb), encoding="utf-8")
    return target


def _run_one(job: tuple[Path, dict[str, str] | None]) -> tuple[Path, str | None]:
    path, env = job
    print(f"executing {path}", flush=True)
    try:
        execute(path, env=env)
    except NotebookFailed as e:
        return path, str(e)
    return path, None


def execute_all(paths, jobs: int | None = None, env: dict[str, str] | None = None) -> list[tuple[Path, str]]:
    """Execute notebooks in place, `jobs` at a time (default: one per core; each has its own
    kernel, so order does not matter); returns (notebook, error) for every notebook that failed."""
    work = [(Path(p), env) for p in paths]
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(work) <= 1:
        results = [_run_one(w) for w in work]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_run_one, work))
    return [(p, err) for p, err in results if err]
