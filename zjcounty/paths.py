"""Where things live, so notebooks never build paths from their own working directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ZJCOUNTY_DATA points the notebooks at another copy of the tables (the tests use a temporary
# copy to show that a new row reaches the figures). Read once, at import: set it before the
# kernel starts, as kernel_env(data=...) does.
DATA = Path(os.environ.get("ZJCOUNTY_DATA") or ROOT / "data")
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
GEO = DATA / "geo"


def figures_dir() -> Path:
    """Where figures are written: figures/, unless ZJCOUNTY_FIGURES names another folder (the
    tests do, so executing a notebook under test never rewrites the committed figures). Read at
    call time, not import time, so the setting cannot be captured too early."""
    return Path(os.environ.get("ZJCOUNTY_FIGURES") or ROOT / "figures")


def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks of a folder in reading order: NN-slug.ipynb."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def cache_dir() -> Path:
    """Where the project keeps what it makes once per machine (the headline face, the kernels'
    IPython profile): ZJCOUNTY_CACHE, else inside the venv when it is writable (make builds it
    there), else the user's cache folder."""
    env = os.environ.get("ZJCOUNTY_CACHE")
    if env:
        return Path(env)
    in_env = Path(sys.prefix) / "share" / "zjcounty"
    try:
        in_env.mkdir(parents=True, exist_ok=True)
        if os.access(in_env, os.W_OK):
            return in_env
    except OSError:
        pass
    return Path.home() / ".cache" / "zjcounty"
