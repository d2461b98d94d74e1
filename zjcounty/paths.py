"""Where things live, so notebooks never build paths from their own working directory."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT / "seeds"
# Tests point ZJCOUNTY_FIGURES at a temporary folder so that executing the notebooks
# under test never rewrites the committed figures it then compares against.
FIGURES = Path(os.environ.get("ZJCOUNTY_FIGURES") or ROOT / "figures")
NOTEBOOKS = ROOT / "notebooks"
GEO = DATA / "geo"
