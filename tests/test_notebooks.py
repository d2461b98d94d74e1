"""Static checks on the committed notebooks, for what nbval's rerun does not see: the stored
notebook ran top to bottom in one kernel, is stored as `make` stores it, holds no error, warning
or volatile metadata, shows the exported figures, and opens with its navigation, question,
answer and inputs."""

import base64
import json
import re

import nbformat
import pytest

from zjcounty.build.execute import dumps, stored
from zjcounty.build.nbcheck import EXPORT
from zjcounty.paths import NOTEBOOKS, ROOT, notebooks

NBS = notebooks(NOTEBOOKS)
ZH = notebooks(NOTEBOOKS / "zh")
FIGURES = ROOT / "figures"


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_notebooks_are_numbered_in_order():
    names = [p.name for p in NBS]
    assert names and [int(n[:2]) for n in names] == list(range(len(names)))
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", n) for n in names)


@pytest.mark.parametrize("path", NBS + ZH, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_executed_top_to_bottom_in_one_run(path):
    counts = [
        c["execution_count"]
        for c in _code_cells(_load(path))
        if "".join(c["source"]).strip()
    ]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: run it with `make`"


@pytest.mark.parametrize("path", NBS + ZH, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_stored_as_make_stores_it(path):
    """No cell metadata but tags, no Python version: what `make` writes on any supported Python."""
    text = path.read_text(encoding="utf-8")
    assert dumps(stored(nbformat.reads(text, as_version=4))) == text, (
        f"{path.name}: run `make`"
    )


@pytest.mark.parametrize("path", NBS + ZH, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_a_figure_cell_shows_the_exported_file(path):
    """The image a figure cell shows is figures/STEM.LANG.png, byte for byte, in the notebook's
    language (nbval's rerun compares it with the stored image, nbcheck the exported file)."""
    lang = "zh" if path.parent.name == "zh" else "en"
    for cell in _code_cells(_load(path)):
        stems = EXPORT.findall("".join(cell["source"]))
        if not stems:
            continue
        shown = [
            base64.b64decode(o["data"]["image/png"])
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        assert shown == [(FIGURES / f"{s}.{lang}.png").read_bytes() for s in stems], (
            f"{path.name}: {stems}"
        )


@pytest.mark.parametrize("path", NBS + ZH, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_no_errors_warnings_or_volatile_metadata(path):
    nb = _load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        assert set(cell.get("metadata", {})) <= {"tags"}, (
            f"{path.name}: cell metadata {cell['metadata']}"
        )
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{path.name}: stored error"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), (
                f"{path.name}: stderr {out['text']}"
            )
            text = "".join(out.get("text", "")) + "".join(
                out.get("data", {}).get("text/plain", "")
            )
            assert not re.search(r" at 0x[0-9a-f]+", text), (
                f"{path.name}: memory address in output"
            )


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_opens_with_navigation_answer_question_and_inputs(path):
    first = "".join(_load(path)["cells"][0]["source"])
    for marker in ("**Question.**", "**Reads:**", "**Makes:**"):
        assert marker in first, f"{path.name}: the first cell lacks {marker}"
    i = NBS.index(path)
    if i > 0:
        assert f"({NBS[i - 1].name})" in first, "link to the previous notebook"
    if i < len(NBS) - 1:
        assert f"({NBS[i + 1].name})" in first, "link to the next notebook"


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_answer_first_and_a_way_on_at_the_end(path):
    """Key findings come right after the opening cell (and a cell prints their numbers); the
    last cell links on, so a reader at the bottom is not stranded."""
    cells = _load(path)["cells"]
    heads = [
        "".join(c["source"]).splitlines()[0]
        for c in cells
        if c["cell_type"] == "markdown"
    ]
    assert heads[1] == "## Key findings", (
        f"{path.name}: second markdown cell is {heads[1]!r}"
    )
    i = next(
        k
        for k, c in enumerate(cells)
        if "".join(c["source"]).startswith("## Key findings")
    )
    assert any(
        c["cell_type"] == "code" and c.get("outputs") for c in cells[i + 1 : i + 2]
    ), "findings printed"
    last = "".join(cells[-1]["source"])
    assert cells[-1]["cell_type"] == "markdown" and re.search(
        r"\]\((\d\d-[\w-]+\.ipynb|\.\./README\.md)\)", last
    )


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_the_opening_cell_lists_what_the_notebook_makes(path):
    nb = _load(path)
    made = set(
        re.findall(
            r'bilingual\(\s*"([^"]+)"',
            "\n".join("".join(c["source"]) for c in _code_cells(nb)),
        )
    )
    first = "".join(nb["cells"][0]["source"])
    makes = first.split("**Makes:**", 1)[1]
    listed = set(re.findall(r"\b(\d\d-[a-z0-9-]+)\b", makes))
    assert listed == made, (
        f"{path.name}: **Makes:** lists {sorted(listed)}, the code exports {sorted(made)}"
    )


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_code_fits_a_github_page(path):
    """Code lines of at most 88 characters read without sideways scrolling on GitHub."""
    long = [
        (i, line)
        for i, c in enumerate(_load(path)["cells"])
        if c["cell_type"] == "code"
        for line in "".join(c["source"]).splitlines()
        if len(line) > 88
    ]
    assert not long, (
        f"{path.name}: {len(long)} code lines over 88 characters, first in cell {long[0][0]}"
    )


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_a_code_cell_reads_in_one_screen(path):
    """No code cell over 60 lines: a student reads what the cell does in one screen, and the
    drawing machinery (stacked bars, dumbbells, swarms, map layers, arrows) lives in
    zjcounty/figures/, where a notebook links to it."""
    long = [
        (c["id"], n)
        for c in _code_cells(_load(path))
        if (n := len("".join(c["source"]).splitlines())) > 60
    ]
    assert not long, f"{path.name}: code cells over 60 lines: {long}"


def test_every_label_set_is_used_by_a_notebook():
    import csv

    with open(ROOT / "data" / "labels.csv", encoding="utf-8") as f:
        sets = {r["figure_id"] for r in csv.DictReader(f)} - {"common"}
    code = "\n".join("".join(c["source"]) for p in NBS for c in _code_cells(_load(p)))
    unused = sorted(s for s in sets if f'"{s}"' not in code)
    assert not unused, f"labels.csv rows no notebook uses: {unused}"


def test_every_exported_figure_is_made_by_a_notebook_in_both_languages():
    exported = {p.name for p in FIGURES.glob("*.png")} | {
        p.name for p in FIGURES.glob("*.json")
    }
    stems = {n.split(".", 1)[0] for n in exported}
    for stem in stems:
        assert {f"{stem}.zh.png", f"{stem}.en.png", f"{stem}.json"} <= exported, (
            f"{stem}: both languages and words"
        )
    code = "\n".join("".join(c["source"]) for p in NBS for c in _code_cells(_load(p)))
    made = set(re.findall(r'bilingual\(\s*"([^"]+)"', code))
    assert stems == made, (
        f"figures without a notebook: {stems - made}; not exported: {made - stems}"
    )


def test_every_figure_names_its_sources_and_both_source_lines():
    """Each figure's .json holds the ids of the sources it drew, and, per language, the source
    line written from them (so the words beside a figure cannot drift from its sources)."""
    from zjcounty.data.tables import load
    from zjcounty.words.sources import source_line

    known = set(load("sources")["source_id"])
    for path in sorted(FIGURES.glob("*.json")):
        words = json.loads(path.read_text(encoding="utf-8"))
        ids = words["source_ids"]
        assert ids and set(ids) <= known, f"{path.name}: source ids {ids}"
        for lang in ("zh", "en"):
            assert words[lang]["title"], f"{path.name}: no {lang} title"
            assert words[lang]["source_line"] == source_line(ids, lang), (
                f"{path.name} ({lang})"
            )
