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


def execute(path: Path, out: Path | None = None) -> Path:
    """Execute notebook `path` in its own folder and write it to `out` (default: in place)."""
    os.environ["PYTHONHASHSEED"] = "0"
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    ExecutePreprocessor(timeout=TIMEOUT_S, kernel_name="python3").preprocess(
        nb, {"metadata": {"path": str(path.parent)}}
    )
    ClearMetadataPreprocessor(
        enabled=True, clear_notebook_metadata=False, preserve_cell_metadata_mask={"tags"}
    ).preprocess(nb, {})
    out = Path(out) if out else path
    out.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return out


def notebooks(folder: Path) -> list[Path]:
    """The project's notebooks in reading order: NN-slug.ipynb, checkpoints excluded."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb") if ".ipynb_checkpoints" not in p.parts)
