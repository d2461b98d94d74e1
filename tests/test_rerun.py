"""Rerunning a notebook on unchanged data changes no byte of it or of its figures, offline.

Each notebook is executed once, in a fresh offline kernel, through the same code as `make`
(zjcounty.execute.run), with figures written to a temporary folder. The result is compared with
the committed notebook cell by cell, so a failure names the cells whose outputs changed and how
(what nbval used to report), and every exported figure is compared byte for byte (which nbval
could not: it skips PNGs). A probe notebook shows that the kernels are offline.
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import json

import pytest

# zjcounty.execute before nbformat: under pytest, a test module's own first `import nbformat`
# took 8 s (4 s of it system time, in jsonschema's lark grammars), through zjcounty.execute 2.6 s.
from zjcounty.execute import NotebookFailed, dumps, kernel_env, run  # isort: skip
import nbformat  # isort: skip  # noqa: E402

from zjcounty.paths import NOTEBOOKS, ROOT, notebooks

FIGURES = ROOT / "figures"
EDITIONS = [p for p in notebooks(NOTEBOOKS)] + [p for p in notebooks(NOTEBOOKS / "zh")]


def _label(path):
    return str(path.relative_to(NOTEBOOKS))


def _output_text(output: dict) -> str:
    """An output as comparable text; images by their digest (a diff of base64 helps nobody)."""
    data = output.get("data", {})
    if "image/png" in data:
        return f"[image/png sha256 {hashlib.sha256(base64.b64decode(data['image/png'])).hexdigest()[:12]}]"
    if output.get("output_type") == "stream":
        return "".join(output["text"])
    return "".join(data.get("text/plain", "")) or json.dumps(output, sort_keys=True)[:400]


def cell_differences(old: nbformat.NotebookNode, new: nbformat.NotebookNode) -> list[str]:
    """One entry per code cell whose source or outputs differ, with a short unified diff."""
    report = []
    if len(old.cells) != len(new.cells):
        return [f"{len(old.cells)} cells committed, {len(new.cells)} after the rerun"]
    for i, (a, b) in enumerate(zip(old.cells, new.cells), start=1):
        if a.cell_type != "code" or (a.get("outputs") == b.get("outputs") and a.source == b.source):
            continue
        before = "\n".join(_output_text(o) for o in a.get("outputs", [])).splitlines()
        after = "\n".join(_output_text(o) for o in b.get("outputs", [])).splitlines()
        diff = list(difflib.unified_diff(before, after, "committed", "rerun", lineterm="", n=1))[:12]
        report.append(f"cell {i}:\n" + ("\n".join(diff) if diff else "  (metadata or execution count)"))
    return report


@pytest.mark.parametrize("path", EDITIONS, ids=_label)
def test_rerun_is_byte_identical(path, tmp_path):
    committed_text = path.read_text(encoding="utf-8")
    committed = nbformat.reads(committed_text, as_version=4)
    lang = "zh" if path.parent.name == "zh" else "en"
    rerun = run(nbformat.reads(committed_text, as_version=4), path.parent, kernel_env(figures=tmp_path, lang=lang))
    made = {p.name: p.read_bytes() for p in tmp_path.glob("*.png")}
    made |= {p.name: p.read_bytes() for p in tmp_path.glob("*.json")}  # each figure's words and sources
    # the figures it exports are the committed ones, byte for byte
    changed = sorted(n for n, data in made.items() if not (FIGURES / n).is_file() or (FIGURES / n).read_bytes() != data)
    # what it shows inline is what it exported, in its own language
    shown = [base64.b64decode(o["data"]["image/png"]) for c in rerun.cells for o in c.get("outputs", [])
             if "image/png" in o.get("data", {})]
    own = {data for name, data in made.items() if name.endswith(f".{lang}.png")}
    stray = sum(1 for png in shown if png not in own)
    cells = cell_differences(committed, rerun)
    problems = []
    if cells:
        problems.append("outputs changed:\n" + "\n".join(cells))
    if changed:
        problems.append(f"figures differ from figures/: {changed}")
    if stray:
        problems.append(f"{stray} inline image(s) are not this notebook's exported {lang} figures")
    if not problems and dumps(rerun) != committed_text:
        problems.append("the stored file differs (metadata or formatting)")
    assert not problems, f"{_label(path)} (run `make` and commit):\n" + "\n".join(problems)


def test_kernels_are_offline(tmp_path):
    """A notebook that tries to connect fails with the offline guard's message."""
    probe = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                              "language": "python"}})
    probe.cells = [nbformat.v4.new_code_cell("import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9', timeout=2)")]
    with pytest.raises(NotebookFailed, match="cell 1: URLError: .*network access attempted from a notebook"):
        run(probe, tmp_path, kernel_env(figures=tmp_path))
