"""Run notebooks top to bottom and store them so that a rerun on unchanged data is
byte-identical: `make` and the reproducibility test both go through here.

Execution timestamps that nbconvert writes into every cell's metadata are cleared; the
kernelspec and cell tags are kept. PYTHONHASHSEED is fixed for the kernel so any set
printed by a cell comes out in the same order every run.
"""
from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor, ExecutePreprocessor

TIMEOUT_S = 120


# Run in the kernel before the first cell (not stored, not counted): no network from here on.
# The kernel's own log is quietened: its only message here is a note that its local
# loopback messaging is unencrypted, which is expected and alarms newcomers.
KERNEL_ARGS = ["--InteractiveShellApp.exec_lines=['__import__(\"zjcounty.offline\").offline.block()']",
               "--IPKernelApp.log_level=ERROR"]


def execute(path: Path) -> Path:
    """Execute notebook `path` offline in its own folder and save it in place."""
    os.environ["PYTHONHASHSEED"] = "0"
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    # coalesce_streams: the kernel flushes stdout on a timer, so one print can arrive as two
    # stream messages or one depending on timing; merged, the stored output is the same every run.
    ExecutePreprocessor(timeout=TIMEOUT_S, kernel_name="python3", extra_arguments=KERNEL_ARGS,
                        coalesce_streams=True).preprocess(
        nb, {"metadata": {"path": str(path.parent)}}
    )
    ClearMetadataPreprocessor(
        enabled=True, clear_notebook_metadata=False, preserve_cell_metadata_mask={"tags"}
    ).preprocess(nb, {})
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return path


def _run_one(path: Path) -> tuple[Path, str | None]:
    from nbclient.exceptions import CellExecutionError

    print(f"executing {path}", flush=True)
    try:
        execute(path)
    except CellExecutionError as e:
        return path, f"{e.ename}: {e.evalue}"
    return path, None


def execute_all(paths, jobs: int = 2) -> list[tuple[Path, str]]:
    """Execute notebooks in place, `jobs` at a time (each has its own kernel, so order does not
    matter); returns (notebook, error) for every notebook that failed."""
    paths = [Path(p) for p in paths]
    if jobs <= 1 or len(paths) <= 1:
        results = [_run_one(p) for p in paths]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_run_one, paths))
    return [(p, err) for p, err in results if err]


def notebooks(folder: Path) -> list[Path]:
    """The project's notebooks in reading order: NN-slug.ipynb, checkpoints excluded."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb") if ".ipynb_checkpoints" not in p.parts)
