"""Static checks on the committed notebooks: nbval skips unexecuted cells and PNGs, so what
it cannot see is checked here."""
import base64
import json
import re

import pytest

from zjcounty.execute import notebooks
from zjcounty.paths import NOTEBOOKS, ROOT

FIGURES = ROOT / "figures"  # the committed figures, whatever ZJCOUNTY_FIGURES says
NBS = notebooks(NOTEBOOKS)


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_notebooks_are_numbered_in_order():
    names = [p.name for p in NBS]
    assert names[0].startswith("00-") and len(names) >= 1
    assert [int(n[:2]) for n in names] == list(range(len(names)))
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+\.ipynb", n) for n in names)


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_executed_top_to_bottom_in_one_run(path):
    counts = [c["execution_count"] for c in _code_cells(_load(path)) if "".join(c["source"]).strip()]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: run it with `make`"


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_no_errors_warnings_or_volatile_metadata(path):
    nb = _load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        assert set(cell.get("metadata", {})) <= {"tags"}, f"{path.name}: cell metadata {cell['metadata']}"
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{path.name}: stored error"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), f"{path.name}: stderr {out['text']}"
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
            assert not re.search(r" at 0x[0-9a-f]+", text), f"{path.name}: memory address in output"


@pytest.mark.parametrize("path", NBS, ids=lambda p: p.name)
def test_opens_with_navigation_question_and_inputs(path):
    first = "".join(_load(path)["cells"][0]["source"])
    assert "**Question.**" in first and "**Reads:**" in first and "**Makes:**" in first
    i = NBS.index(path)
    if i > 0:
        assert f"({NBS[i - 1].name})" in first, "link to the previous notebook"
    if i < len(NBS) - 1:
        assert f"({NBS[i + 1].name})" in first, "link to the next notebook"


def _pngs(path):
    for cell in _code_cells(_load(path)):
        for out in cell.get("outputs", []):
            if "image/png" in out.get("data", {}):
                yield base64.b64decode(out["data"]["image/png"])


def test_inline_figures_are_the_exported_files_and_every_file_is_made():
    exported = {p.name: p.read_bytes() for p in FIGURES.glob("*.png")}
    by_bytes = {v: k for k, v in exported.items()}
    shown = [by_bytes.get(png) for path in NBS for png in _pngs(path)]
    assert None not in shown, "a notebook shows a figure that is not (or no longer) in figures/"
    stems = {n.rsplit(".", 2)[0] for n in exported}
    for stem in stems:
        assert {f"{stem}.zh.png", f"{stem}.en.png"} <= exported.keys(), f"{stem}: both languages"
    made = set()
    for path in NBS:
        code = "\n".join("".join(c["source"]) for c in _code_cells(_load(path)))
        made |= set(re.findall(r'bilingual\(\s*"([^"]+)"', code))
    assert stems == made, f"figures without a notebook: {stems - made}; not exported: {made - stems}"
