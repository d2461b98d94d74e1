"""The Chinese edition of the notebooks, made from the English ones and one prose file each.

Code is never copied by hand: notebooks/zh/NN-slug.ipynb is the English notebook with each
markdown cell replaced by its translation, matched by cell id, and with `lang = "zh"` injected
after its `parameters` cell (papermill's convention: a cell tagged `injected-parameters`), so its
tables and figures come out in Chinese wherever the file is opened or copied. The translations
of a notebook live in one reviewable file, notebooks/zh/prose/NN-slug.md:

    <!-- cell findings · from 3f2a9c1e -->
    ## 要点
    ...

`from` is the start of the SHA-256 of the English cell the translation was made from. When the
English changes, the hash no longer matches and `python -m zjcounty edition --check` (and the
tests) name the stale cell, so the two editions cannot drift apart silently (QuantEcon's
separate translated repository is the counter-example). An English edit that does not change
the meaning (a typo, a link) is re-stamped with `python -m zjcounty edition --restamp NN-slug
CELL ...`, which writes the new hash into the marker and leaves the Chinese as it is.
"""
from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..paths import NOTEBOOKS, notebooks

ZH = NOTEBOOKS / "zh"
PROSE = ZH / "prose"
MARKER = re.compile(r"^<!-- cell (\S+) · from ([0-9a-f]{8}) -->$", re.M)
_CJK = re.compile(r"[\u4e00-\u9fff]")
INJECTED = "injected-parameters"


def source_hash(text: str) -> str:
    """The first 8 hex digits of the SHA-256 of a cell's English source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Translation:
    cell_id: str
    english_hash: str
    text: str
    line: int  # of its marker in the prose file, for messages


def prose_path(english: Path) -> Path:
    return PROSE / f"{english.stem}.md"


def read_prose(path: Path) -> dict[str, Translation]:
    """The translations in one prose file, by cell id (text stripped of surrounding blank lines)."""
    raw = path.read_text(encoding="utf-8")
    marks = list(MARKER.finditer(raw))
    out = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(raw)
        line = raw.count("\n", 0, m.start()) + 1
        if m.group(1) in out:
            raise ValueError(f"{path}:{line}: cell {m.group(1)} is translated twice")
        out[m.group(1)] = Translation(m.group(1), m.group(2), raw[m.end():end].strip("\n"), line)
    return out


def _markdown(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "markdown"]


def problems(english: Path) -> list[str]:
    """Why the Chinese edition of one notebook cannot be made as it stands: one line each."""
    path = prose_path(english)
    rel = path.relative_to(NOTEBOOKS.parent) if path.is_relative_to(NOTEBOOKS.parent) else path
    if not path.is_file():
        return [f"{rel}:0: no translation file for {english.name}"]
    try:
        prose = read_prose(path)
    except ValueError as e:
        return [str(e)]
    nb = nbformat.read(english, as_version=4)
    out = []
    ids = [c.id for c in _markdown(nb)]
    for cell in _markdown(nb):
        t = prose.get(cell.id)
        if t is None:
            out.append(f"{rel}:0: cell {cell.id} has no translation (English hash {source_hash(cell.source)})")
        elif t.english_hash != source_hash(cell.source):
            out.append(f"{rel}:{t.line}: cell {cell.id} is stale: translated from {t.english_hash}, the English is "
                       f"now {source_hash(cell.source)}")
        elif not _CJK.search(t.text):
            out.append(f"{rel}:{t.line}: cell {cell.id} has no Chinese text")
    for cid, t in prose.items():
        if cid not in ids:
            out.append(f"{rel}:{t.line}: cell {cid} is not a markdown cell of {english.name}")
    return out


def parameters_cell(nb) -> int:
    """The index of the notebook's cell tagged `parameters` (papermill's convention)."""
    found = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(found) != 1:
        raise ValueError(f"a notebook needs exactly one cell tagged 'parameters' (`lang = \"en\"`), found {len(found)}")
    return found[0]


def injected(lang: str = "zh") -> nbformat.NotebookNode:
    """The cell papermill would inject after the parameters cell."""
    cell = nbformat.v4.new_code_cell(f'# Parameters\nlang = "{lang}"', metadata={"tags": [INJECTED]})
    cell.id = INJECTED
    return cell


def build(english: Path) -> nbformat.NotebookNode:
    """The Chinese notebook, unexecuted: the English cells with translated prose and the
    injected `lang = "zh"`, no outputs."""
    prose = read_prose(prose_path(english))
    nb = copy.deepcopy(nbformat.read(english, as_version=4))
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = prose[cell.id].text
        else:
            cell.outputs, cell.execution_count = [], None
    nb.cells.insert(parameters_cell(nb) + 1, injected("zh"))
    return nb


def same_code(a, b) -> bool:
    """Both notebooks have the same code cells, in the same order, with the same ids, but for
    an injected parameters cell."""
    def code(nb):
        return [(c.id, c.source) for c in nb.cells if c.cell_type == "code" and c.get("id") != INJECTED]

    def ids(nb):
        return [c.id for c in nb.cells if c.get("id") != INJECTED]

    return code(a) == code(b) and ids(a) == ids(b)


def write(english: Path) -> Path:
    """Write notebooks/zh/<name> when its prose or code differs from what is there; outputs come
    from executing it (make does). Returns its path."""
    from .execute import dumps

    target = ZH / english.name
    new = build(english)
    if target.is_file():
        old = nbformat.read(target, as_version=4)
        if same_code(old, new) and [c.source for c in old.cells] == [c.source for c in new.cells]:
            return target  # nothing to do: keep its outputs
    target.parent.mkdir(exist_ok=True)
    target.write_text(dumps(new), encoding="utf-8")
    return target


def skeleton(english: Path) -> str:
    """A prose file for a translator: every markdown cell's marker, in notebook order, with the
    English as a start where there is no translation yet; translations already there are kept."""
    nb = nbformat.read(english, as_version=4)
    path = prose_path(english)
    done = read_prose(path) if path.is_file() else {}
    parts = [f"# {english.stem} · 中文\n"]
    for cell in _markdown(nb):
        t = done.get(cell.id)  # a stale translation keeps its old hash, so it stays flagged
        body, h = (t.text, t.english_hash) if t else (cell.source, source_hash(cell.source))
        parts.append(f"<!-- cell {cell.id} · from {h} -->\n{body}\n")
    return "\n".join(parts)


def restamp(english: Path, cell_ids: list[str]) -> list[str]:
    """Write the English cells' current hashes into their markers in the prose file: the
    Chinese still says what the English says. Returns one line per cell that cannot be."""
    path = prose_path(english)
    text = path.read_text(encoding="utf-8")
    cells = {c.id: c for c in _markdown(nbformat.read(english, as_version=4))}
    problems_found = []
    for cid in cell_ids:
        marker = re.search(rf"^<!-- cell {re.escape(cid)} · from ([0-9a-f]{{8}}) -->$", text, re.M)
        if cid not in cells or marker is None:
            problems_found.append(f"{path.name}: no markdown cell {cid!r} with a translation to re-stamp")
            continue
        new = marker.group(0).replace(marker.group(1), source_hash(cells[cid].source))
        text = text[: marker.start()] + new + text[marker.end():]
    if not problems_found:
        path.write_text(text, encoding="utf-8")
    return problems_found


def run(check: bool = False, init: bool = False, restamp_cells: list[str] | None = None) -> int:
    """`python -m zjcounty edition`: check every prose file (one line per problem, exit 1), then
    unless --check write the Chinese notebooks. --init (re)writes the prose files for a
    translator: a marker for every markdown cell, the English where no translation exists yet.
    --restamp NN-slug CELL ... re-stamps translations after an English edit that keeps the
    meaning (nothing is written if one cell cannot be)."""
    import sys

    english = notebooks(NOTEBOOKS)
    if restamp_cells:
        stem, *cells = restamp_cells
        match = [nb for nb in english if nb.stem == stem or nb.stem.startswith(f"{stem}-")]
        if len(match) != 1 or not cells:
            print(f"--restamp {stem}: name one notebook (00 or 00-overview) and one or more cell ids", file=sys.stderr)
            return 2
        found = restamp(match[0], cells)
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    if init:
        for nb in english:
            path = prose_path(nb)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(skeleton(nb), encoding="utf-8")
            print(f"wrote {path.relative_to(NOTEBOOKS.parent)}")
        return 0
    found = [p for nb in english for p in problems(nb)]
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} problem(s) in notebooks/zh/prose", file=sys.stderr)
        return 1
    if not check:
        for nb in english:
            write(nb)
    return 0
