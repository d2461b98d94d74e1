"""Test-session setup shared by every worker."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_copy(tmp_path):
    """A throw-away copy of data/ and seeds/ laid out as in the repo, for fault injection."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "data"


def _slow_first(item) -> tuple[int, int]:
    """The site (Sphinx and a browser), then the notebooks, largest first, then the rest."""
    path = item.path
    if path.name == "test_site.py":
        return (0, 0)
    if path.suffix == ".ipynb":
        return (1, -path.stat().st_size)
    return (2, 0)


def pytest_collection_modifyitems(items):
    """`make test` hands work to its workers file by file in collection order (--dist loadfile
    --no-loadscope-reorder): the slowest files go first, so no worker is left at the end with a
    long one while the other idles. A stable sort: cells keep their order."""
    items.sort(key=_slow_first)
