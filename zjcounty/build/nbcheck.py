"""What `pytest --nbval notebooks/` adds to nbval; notebooks/conftest.py loads it.

nbval executes each notebook once, in a fresh kernel, and compares every stored text, HTML and
stderr output with the new one, strictly (`--nbval`, no sanitize file: nothing in these
notebooks varies from run to run). Around that one execution this plugin adds what nbval does
not do:

- each kernel starts as `make` starts it (`execute.kernel_env`): fixed hash seed, the offline
  profile, and figures written to a temporary folder of its own instead of figures/; and strict
  figures (ZJCOUNTY_STRICT_FIGURES=1): a label collision fails the figure's cell, where `make`
  only warns;
- after a notebook's last cell, one more item, `NN-slug.ipynb::figures`, compares what that
  same execution exported with figures/ byte for byte, and every inline image with the stored
  one (nbval skips images). A failure names the cell that made the figure and where its pixels
  differ, and leaves the new file in the temporary folder to look at.
"""
from __future__ import annotations

import base64
import difflib
import io
import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell, IPyNbFile

from .execute import kernel_env
from ..paths import NOTEBOOKS, figures_dir

EXPORT = re.compile(r'bilingual\(\s*"([^"]+)"')


class FiguresDiffer(AssertionError):
    pass


def _name(notebook: IPyNbFile) -> str:
    """A notebook's name relative to notebooks/ (zh/03-county-pairing), or its stem elsewhere."""
    path = Path(notebook.path).resolve()
    inside = path.is_relative_to(NOTEBOOKS.resolve())
    return str(path.relative_to(NOTEBOOKS.resolve()).with_suffix("") if inside else path.stem)


def _folder(notebook: IPyNbFile) -> Path:
    """The temporary folder one notebook's kernel writes its figures to."""
    return notebook.config._tmp_path_factory.getbasetemp() / "nbval-figures" / _name(notebook)


@contextmanager
def _environment(env: dict[str, str]):
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    """Start a notebook's kernel (nbval does it when the first cell is set up) in the
    environment `make` gives it; nbval passes this process's environment on to the kernel.
    The test process's own environment is restored at once."""
    if not isinstance(item, IPyNbCell) or item.parent.kernel is not None:
        return (yield)
    folder = _folder(item.parent)
    folder.mkdir(parents=True, exist_ok=True)
    with _environment({**kernel_env(figures=folder), "ZJCOUNTY_STRICT_FIGURES": "1"}):
        return (yield)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session, config, items):
    """Add a notebook's figures check after its last cell. (Under xdist, `make test` keeps each
    file on one worker, --dist loadfile, since a notebook's cells share one kernel.)"""
    arranged = []
    for i, item in enumerate(items):
        arranged.append(item)
        if isinstance(item, IPyNbCell) and (i + 1 == len(items) or getattr(items[i + 1], "parent", None)
                                            is not item.parent):
            arranged.append(Figures.from_parent(item.parent, name="figures"))
    items[:] = arranged


def _pngs(outputs) -> list[bytes]:
    return [base64.b64decode(o["data"]["image/png"]) for o in outputs or [] if "image/png" in o.get("data", {})]


def image_differences(stored, shown) -> list[str]:
    """What differs between the images a cell stored and those it showed when rerun: their
    number (a plot that no longer displays), or the pixels of one."""
    old, new = _pngs(stored), _pngs(shown)
    problems = [f"{len(old)} image(s) stored, {len(new)} shown"] if len(old) != len(new) else []
    return problems + [f"image {k + 1} differs from the stored one: {pixel_difference(a, b)}"
                       for k, (a, b) in enumerate(zip(old, new)) if a != b]


def pixel_difference(old: bytes, new: bytes) -> str:
    """Where two PNGs differ, in words: their sizes, or how many pixels differ and where."""
    import numpy as np
    from matplotlib.image import imread

    a, b = imread(io.BytesIO(old)), imread(io.BytesIO(new))
    if a.shape != b.shape:
        return f"size {a.shape[1]}×{a.shape[0]} px → {b.shape[1]}×{b.shape[0]} px"
    rows, cols = np.nonzero((a != b).any(axis=-1))
    if not rows.size:
        return "the same pixels in different bytes (metadata or compression)"
    return (f"{rows.size} of {a.shape[0] * a.shape[1]} pixels differ, "
            f"within x {cols.min()}–{cols.max()}, y {rows.min()}–{rows.max()}")


def _text_difference(old: bytes, new: bytes) -> str:
    diff = difflib.unified_diff(old.decode().splitlines(), new.decode().splitlines(), "figures/", "rerun",
                                lineterm="", n=1)
    return "\n".join(f"    {line}" for line in list(diff)[:12])


class Figures(pytest.Item):
    """What one notebook's execution exported and showed, against figures/ and its stored images."""

    def cells(self) -> list[IPyNbCell]:
        return [i for i in self.session.items if isinstance(i, IPyNbCell) and i.parent is self.parent]

    def _cell_of(self, stem: str) -> str:
        for cell in self.cells():
            if stem in EXPORT.findall(cell.cell.source):
                return f"Cell {cell.cell_num} ({cell.cell.get('id', '')})"
        return "no cell"

    def exported_differences(self) -> list[str]:
        folder, committed = _folder(self.parent), figures_dir()
        made = {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()}
        expected = {s for c in self.cells() for s in EXPORT.findall(c.cell.source)}
        problems = [f"{stem}: not exported by {self._cell_of(stem)} (did it fail?)"
                    for stem in sorted(expected - {n.split(".", 1)[0] for n in made})]
        for name, data in made.items():
            old = committed / name
            where = f"{name} ({self._cell_of(name.split('.', 1)[0])})"
            if not old.is_file():
                problems.append(f"{where}: not in {committed}")
            elif old.read_bytes() != data:
                detail = (pixel_difference(old.read_bytes(), data) if name.endswith(".png")
                          else "\n" + _text_difference(old.read_bytes(), data))
                problems.append(f"{where} differs from figures/ (the rerun's file: {folder / name}): {detail}")
        return problems

    def inline_differences(self) -> list[str]:
        return [f"Cell {cell.cell_num}: {problem}" for cell in self.cells() if cell.test_outputs is not None
                for problem in image_differences(cell.cell.outputs, cell.test_outputs)]

    def runtest(self):
        problems = self.exported_differences() + self.inline_differences()
        if problems:
            raise FiguresDiffer("\n".join(problems))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, FiguresDiffer):
            return f"{_name(self.parent)}: run `make` and commit, or find what changed:\n{excinfo.value}"
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"{self.parent.nodeid}::figures"
