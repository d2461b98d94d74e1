"""Where things live, so notebooks never build paths from their own working directory."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
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
