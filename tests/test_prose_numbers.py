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
    outputs = _edition_outputs(edition)
    unprinted = sorted(
        n
        for n in prose_numbers(section)
        if not re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", outputs)
    )
    assert not unprinted, (
        f"README {heading} quotes numbers no notebook prints: {unprinted}"
    )
    apart = _apart(section, outputs)
    assert not apart, (
        f"README {heading}: counts no notebook prints as one value: {apart}"
    )


# "26 of 32", "216条中有22条", "32项机制中…25项": a count quoted against its whole. Each such pair
# must be printed together as one value ("26 / 32", "26/32" or "26 of 32"), so a sentence cannot
# pair a number printed in one table with a total printed in another.
PAIRS_EN = re.compile(
    r"(?<![\d.,])(\d[\d,]*) (?:of|out of) (?:the |its |all |every )?(?:[a-z-]+ ){0,2}?(\d[\d,]*)(?![\d,]|\.\d)"
)  # a full stop may end the sentence after the whole: "38 of 287."
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


def _edition_outputs(edition):
    """Everything the notebooks of one edition print."""
    return "\n".join(
        _texts(json.loads(p.read_text(encoding="utf-8")))[1] for p in notebooks(edition)
    )


def _apart(text, outputs):
    """The counts a text quotes against their whole that no output prints as one value."""
    return sorted(
        f"{k} of {n}"
        for k, n in count_pairs(text)
        if not _printed_together(k, n, outputs)
    )


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
    apart = _apart(prose, outputs)
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
    assert count_pairs("a plan): 38 of 287. The tables") == {("38", "287")}
    assert _printed_together("25", "32", "low  25 / 32\n")
    assert not _printed_together("25", "32", "low 25\nall 32\n")


def test_every_count_on_the_readme_is_printed_together():
    """Not only the findings: a count against its whole anywhere on the README (the notebook
    table's "38 of 287 numbers", say) is printed as one value by an English notebook."""
    from zjcounty.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    apart = _apart(readme, _edition_outputs(NOTEBOOKS))
    assert not apart, f"README: counts no notebook prints as one value: {apart}"


def test_the_readme_figure_table_quotes_each_figure_s_title():
    from zjcounty.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([0-9]{2}-[a-z-]+)` \| \d\d \| (.+?) \|$", readme, re.M)
    figures = sorted(p.stem for p in (ROOT / "figures").glob("*.json"))
    assert sorted(stem for stem, _ in rows) == figures
    for stem, finding in rows:
        meta = json.loads((ROOT / "figures" / f"{stem}.json").read_text("utf-8"))
        assert finding == " ".join(meta["en"]["title"].split()), stem


# A share in words ("one number in eight", "a quarter of the numbers", 约八分之一, 约三成) must
# sit in the same paragraph, list item or table row as the count it rounds ("38 of 287",
# 287条中有38条), within 15% of it, so a share cannot go stale while the count beside it moves
# (the v2 "one in ten" did).
_WORDS = dict(
    zip(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        range(1, 11),
    )
)
_ZH_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
SHARE_EN = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine) (?:[a-z-]+ ){0,2}?in "
    r"(two|three|four|five|six|seven|eight|nine|ten)\b|\ba (half|third|quarter) of "
    r"(?:the|all)\b",
    re.I,
)
SHARE_ZH = re.compile(
    r"约([一二三四五六七八九])成|约([二三四五六七八九十])分之([一二三])"
)


def shares(line):
    """The shares a line states in words, as fractions."""
    out = []
    for m in SHARE_EN.finditer(line):
        if m.group(3):
            out.append({"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4}[m.group(3)])
        else:
            out.append(_WORDS[m.group(1).lower()] / _WORDS[m.group(2).lower()])
    for m in SHARE_ZH.finditer(line):
        if m.group(1):
            out.append(_ZH_DIGITS[m.group(1)] / 10)
        else:
            out.append(_ZH_DIGITS[m.group(3)] / _ZH_DIGITS[m.group(2)])
    return out


def _unbacked_shares(text):
    """Shares with no count near them, by paragraph, list item or table row."""
    bad = []
    for line in re.split(r"\n\s*\n|\n(?=\s*(?:[-*|]|\d+\.) )", text):
        line = " ".join(line.split())
        pairs = [int(k) / int(n) for k, n in count_pairs(line)]
        for f in shares(line):
            if not any(abs(r - f) <= 0.15 * f for r in pairs):
                bad.append(f"{f:.3f}: {line.strip()[:90]}")
    return bad


@pytest.mark.parametrize(
    "path",
    [
        *notebooks(NOTEBOOKS),
        *notebooks(NOTEBOOKS / "zh"),
        NOTEBOOKS.parent / "README.md",
    ],
    ids=lambda p: str(p.name if p.suffix == ".md" else p.relative_to(NOTEBOOKS)),
)
def test_a_share_in_words_comes_with_its_count(path):
    if path.suffix == ".md":
        text = path.read_text(encoding="utf-8")
    else:
        text = _texts(json.loads(path.read_text(encoding="utf-8")))[0]
    bad = _unbacked_shares(text)
    assert not bad, f"{path.name}: shares in words with no count beside them: {bad}"


def test_the_share_check_can_fail():
    assert shares("About one number in eight is a promise") == [1 / 8]
    assert shares("约三成数据带修饰词；约八分之一的数据") == [0.3, 1 / 8]
    assert not _unbacked_shares("About one number in eight (38 of 287) is a promise.")
    assert _unbacked_shares("About one number in ten (38 of 287) is a promise.")
    assert _unbacked_shares("Two pages supply a third of the numbers: 72 of 287.")
    assert not _unbacked_shares("约八分之一的数据（287条中有38条）是承诺")
    assert _unbacked_shares("约一成数据是目标、预期或计划")
