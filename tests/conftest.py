"""Test-session setup shared by every worker.

Notebooks executed under test (nbval, the reproducibility and offline checks) must never
rewrite the committed figures they are compared against, so figure export is pointed at
a temporary folder before any kernel starts (kernels inherit this environment).
"""
import os
import shutil
import tempfile
from pathlib import Path

import pytest

_FIG_TMP = tempfile.mkdtemp(prefix="zjcounty-figures-")
os.environ["ZJCOUNTY_FIGURES"] = _FIG_TMP

ROOT = Path(__file__).resolve().parents[1]


def pytest_unconfigure(config):
    shutil.rmtree(_FIG_TMP, ignore_errors=True)


@pytest.fixture
def data_copy(tmp_path):
    """A throw-away copy of data/ and seeds/ laid out as in the repo, for fault injection."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "data"
