"""A number quoted in a notebook's prose must be printed by one of its cells, so that nbval
re-checks it on every run. Years (1990-2035) are exempt: they name periods, not results."""
import json
import re

import pytest

from zjcounty.paths import NOTEBOOKS, notebooks

NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
STRIP = [
    re.compile(r"`[^`]*`"),  # inline code: file names, ids
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^#+ *\d+ *[.·]", re.M),  # heading numbers
    re.compile(r"\b0\d\b"),  # notebook numbers 00-09 in navigation and headings
    re.compile(r"\bF\d{3}\b"),  # fact ids
]


def _texts(nb):
    prose, outputs = [], []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            prose.append("".join(cell["source"]))
        for out in cell.get("outputs", []):
            outputs.append("".join(out.get("text", "")))
            for mime in ("text/plain", "text/html"):
                outputs.append("".join(out.get("data", {}).get(mime, "")))
    return "\n".join(prose), "\n".join(outputs)


def prose_numbers(text):
    for pattern in STRIP:
        text = pattern.sub(" ", text)
    found = {m.group(0).rstrip(",") for m in NUMBER.finditer(text)}
    return {n for n in found if not (n.isdigit() and 1990 <= int(n) <= 2035)}


@pytest.mark.parametrize("path", notebooks(NOTEBOOKS), ids=lambda p: p.name)
def test_numbers_in_prose_are_printed(path):
    prose, outputs = _texts(json.loads(path.read_text(encoding="utf-8")))
    unprinted = sorted(n for n in prose_numbers(prose)
                       if not re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", outputs))
    assert not unprinted, f"{path.name}: numbers in prose that no cell prints: {unprinted}"


def test_the_check_catches_an_unprinted_number():
    assert prose_numbers("We saw 42 firms in 2023 in `F001.csv` and F012.") == {"42"}
