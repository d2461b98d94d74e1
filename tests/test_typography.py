"""Chinese text we write (labels, names, titles, notes) uses full-width punctuation and no
thousands separators beside 万/亿. Quotes are the sources' and are never checked."""

import json

import pytest

from zjcounty.data.tables import load
from zjcounty.paths import ROOT
from zjcounty.words import typography

OURS = {
    "labels": ["zh"],
    "sources": ["label_zh", "publisher"],
    "events": ["label_zh", "event_zh"],
    "mechanisms": ["name_zh"],
    "indicators": ["name_zh"],
    "units": ["name_zh", "short_zh"],
    "regions": ["name_zh"],
    "cases": ["name_zh"],
    "facts": ["entity"],
}


@pytest.mark.parametrize("table", sorted(OURS))
def test_our_chinese_text_is_set_as_chinese(table):
    df = load(table)
    bad = [
        (i + 2, col, df[col].iloc[i], p)
        for col in OURS[table]
        for i in range(len(df))
        for p in typography.problems(
            str(df[col].iloc[i]) if df[col].iloc[i] is not None else ""
        )
    ]
    assert not bad, bad[:5]


def test_figure_texts_are_set_as_chinese():
    bad = []
    for path in sorted((ROOT / "figures").glob("*.json")):
        zh = json.loads(path.read_text(encoding="utf-8"))["zh"]
        bad += [
            (path.name, key, p)
            for key, text in zh.items()
            for p in typography.problems(text)
        ]
    assert not bad, bad[:5]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("圆点为有日期的事件,空心条", "half-width ','"),
        ("注:只有年份", "half-width ':'"),
        ("网页(13个)", "half-width '('"),
        ("5,344万元", "thousands separator"),
    ],
)
def test_the_check_catches_each_fault(text, expected):
    assert any(expected in p for p in typography.problems(text))


@pytest.mark.parametrize(
    "text",
    [
        "资料来源：浙江日报 2024-08-22",
        "Yueqing (乐清) and Haining",
        "26→25",
        "2,038 mu",
    ],
)
def test_the_check_leaves_correct_text_alone(text):
    assert typography.problems(text) == []
