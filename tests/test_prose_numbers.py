"""A number quoted in a notebook's prose must be printed by one of its cells, so that nbval
re-checks it on every run. Years (1990-2035) are exempt: they name periods, not results. So is a
markdown cell tagged "definitions" (a glossary: 1 mu = 1/15 ha is a convention, not a finding), which must
therefore hold no data."""

import json
import re

import pytest

from zjcounty.paths import NOTEBOOKS, notebooks

# ASCII-word boundaries: a number may touch a Chinese unit (409.08亿) and still be one number
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d[\d,]*(?:\.\d+)?(?![A-Za-z0-9_])")
STRIP = [
    re.compile(r"`[^`]*`"),  # inline code: file names, ids
    re.compile(
        r"(?<!\d)\d{4}-\d{2}(?:-\d{2})?(?!\d)"
    ),  # dates (2024-08-22): they name when, like years
    re.compile(
        r"(?<![\d.])\d{1,2}(?:[—–-]\d{1,2})?月(?:\d{1,2}日)?"
    ),  # 7月, 1—11月, 5月28日 (not 6个月)
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^#+ *\d+ *[.·]", re.M),  # heading numbers
    re.compile(
        r"(?<![A-Za-z0-9.])0\d(?![0-9.])"
    ),  # notebook numbers 00-09 in navigation and headings
    re.compile(
        r"(?<![A-Za-z0-9])F\d{3}(?![0-9])"
    ),  # fact ids (also beside Chinese: 见F109)
    re.compile(r"^ *\d+\. ", re.M),  # numbered-list markers
]


def _texts(nb):
    prose, outputs = [], []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and "definitions" not in cell[
            "metadata"
        ].get("tags", []):
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


@pytest.mark.parametrize(
    "path",
    notebooks(NOTEBOOKS) + notebooks(NOTEBOOKS / "zh"),
    ids=lambda p: str(p.relative_to(NOTEBOOKS)),
)
def test_numbers_in_prose_are_printed(path):
    prose, outputs = _texts(json.loads(path.read_text(encoding="utf-8")))
    unprinted = sorted(
        n
        for n in prose_numbers(prose)
        if not re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", outputs)
    )
    assert not unprinted, (
        f"{path.name}: numbers in prose that no cell prints: {unprinted}"
    )


def test_the_check_catches_an_unprinted_number():
    assert prose_numbers("We saw 42 firms in 2023 in `F001.csv` and F012.") == {"42"}
    assert prose_numbers("1. GDP was 409.08亿 yuan and 2,038 mu.") == {
        "409.08",
        "2,038",
    }
    assert prose_numbers("见F109：比重为8.0%，笔记本03。") == {"8.0"}
    assert prose_numbers("2023年7月、1—11月和5月28日，用了6个月。") == {"6"}


@pytest.mark.parametrize(
    "heading, edition",
    [("## What the sources show", NOTEBOOKS), ("## 中文简介", NOTEBOOKS / "zh")],
    ids=["en", "zh"],
)
def test_the_readme_findings_are_printed_by_a_notebook(heading, edition):
    """The findings on the front page come from the notebooks: each number in that section
    (English, and the Chinese summary) is printed by some notebook cell of that edition, and
    each count quoted against its whole is printed as one value."""
    from zjcounty.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(heading, 1)[1].split("\n## ", 1)[0]
    outputs = "\n".join(
        _texts(json.loads(p.read_text(encoding="utf-8")))[1] for p in notebooks(edition)
    )
    unprinted = sorted(
        n
        for n in prose_numbers(section)
        if not re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", outputs)
    )
    assert not unprinted, (
        f"README {heading} quotes numbers no notebook prints: {unprinted}"
    )
    apart = sorted(
        f"{k} of {n}"
        for k, n in count_pairs(section)
        if not _printed_together(k, n, outputs)
    )
    assert not apart, (
        f"README {heading}: counts no notebook prints as one value: {apart}"
    )


# "26 of 32", "216条中有22条", "32项机制中…25项": a count quoted against its whole. Each such pair
# must be printed together as one value ("26 / 32", "26/32" or "26 of 32"), so a sentence cannot
# pair a number printed in one table with a total printed in another.
PAIRS_EN = re.compile(
    r"(?<![\d.,])(\d[\d,]*) (?:of|out of) (?:the |its |all |every )?(?:[a-z-]+ ){0,2}?(\d[\d,]*)(?![\d.,])"
)
PAIRS_ZH = re.compile(
    r"(?<![\d.,])(\d+)(?:项|条|个|对|家|县)[^，。；、\d]{0,8}?中(?:有|只有|仅)?(\d+)(?![\d.,])"
)


def count_pairs(text):
    """(part, whole) pairs a text quotes, as strings without grouping commas."""
    for pattern in STRIP:
        text = pattern.sub(" ", text)
    out = {(a.replace(",", ""), b.replace(",", "")) for a, b in PAIRS_EN.findall(text)}
    out |= {(k, n) for n, k in PAIRS_ZH.findall(text)}
    return {(k, n) for k, n in out if int(k) <= int(n)}


def _printed_together(k, n, outputs):
    return re.search(
        rf"(?<![\d.,]){k}\s*(?:/|／|of)\s*{n}(?![\d.])", outputs.replace(",", "")
    )


@pytest.mark.parametrize(
    "path",
    notebooks(NOTEBOOKS) + notebooks(NOTEBOOKS / "zh"),
    ids=lambda p: str(p.relative_to(NOTEBOOKS)),
)
def test_a_count_and_its_whole_are_printed_together(path):
    prose, outputs = _texts(json.loads(path.read_text(encoding="utf-8")))
    apart = sorted(
        f"{k} of {n}"
        for k, n in count_pairs(prose)
        if not _printed_together(k, n, outputs)
    )
    assert not apart, f"{path.name}: counts no cell prints as one value: {apart}"


def test_the_pair_check_reads_both_languages():
    assert count_pairs("Of 32 mechanisms, 25 of 32 stop; 71 of the 216 numbers.") == {
        ("25", "32"),
        ("71", "216"),
    }
    assert count_pairs("216条数据中有71条来自乐清；32项机制中25项止于提及。") == {
        ("71", "216"),
        ("25", "32"),
    }
    assert _printed_together("25", "32", "low  25 / 32\n")
    assert not _printed_together("25", "32", "low 25\nall 32\n")
