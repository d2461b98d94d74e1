"""The presentation layer, checked against what is right (not against what was committed):
numbers with their qualifiers in both languages, 亿/万 rescaling, years, source lines, labels."""

import pytest

from zjcounty.data.facts import load_facts, select
from zjcounty.words.labels import Labels
from zjcounty.words.numbers import cited, number, stated
from zjcounty.words.sources import source_line

UNITS = {  # the columns of units.csv that stated() reads
    "cny_100m": dict(
        numeral_scale=10**8, short_zh="亿元", short_en="billion yuan", en_scale=0.1
    ),
    "cny_10k": dict(
        numeral_scale=10**4, short_zh="万元", short_en="million yuan", en_scale=0.01
    ),
    "percent": dict(numeral_scale=1, short_zh="%", short_en="%", en_scale=1),
    "ratio": dict(numeral_scale=1, short_zh="", short_en="", en_scale=1),
    "enterprises": dict(numeral_scale=1, short_zh="家", short_en="firms", en_scale=1),
    "items": dict(numeral_scale=1, short_zh="个", short_en="", en_scale=1),
    "minutes": dict(numeral_scale=1, short_zh="分钟", short_en="min", en_scale=1),
    "year": dict(numeral_scale=1, short_zh="年", short_en="", en_scale=1),
    "rank": dict(numeral_scale=1, short_zh="名", short_en="", en_scale=1),
    "market_entities_10k": dict(
        numeral_scale=10**4, short_zh="万户", short_en="million entities", en_scale=0.01
    ),
}


def row(value, unit, qualifier="exact", quote="", script="simplified"):
    return {
        "value": value,
        "unit": unit,
        "qualifier": qualifier,
        "quote": quote,
        "script": script,
        **UNITS[unit],
    }


@pytest.mark.parametrize(
    "r, zh, en",
    [
        # the source's own words in Chinese, a template in English; every qualifier kept
        (
            row(3300, "cny_100m", "over", "工业总产值突破3300亿元"),
            "突破3300亿元",
            "over 330 billion yuan",
        ),
        (row(65, "percent", "approx", "约占全国市场份额的65%"), "约65%", "about 65%"),
        (row(200, "items", "more_than", "200多个系列"), "200多个", "more than 200"),
        (
            row(100, "items", "more_than", "攻克技术难题百余项"),
            "百余项",
            "more than 100",
        ),
        (
            row(1155, "items", "at_least", "新增入孵企业1155个以上"),
            "1155个以上",
            "at least 1,155",
        ),
        (row(60, "items", "nearly", "近60项"), "近60项", "nearly 60"),
        (
            row(1, "minutes", "at_most", "客户在1分钟内就能得到"),
            "1分钟内",
            "within 1 min",
        ),
        (row(3, "rank", "at_most", "稳居全省前三"), "前三", "top 3"),
        (row(16, "rank", "exact", "位列全国第16位"), "第16位", "No. 16"),
        (
            row(1000, "cny_100m", "scale", "聚焦服务本土千亿电气产业集群"),
            "千亿级",
            "on the order of 100 billion yuan",
        ),
        # stated precision is kept; rescaling adds no decimals and drops none the source wrote
        (row(8.0, "percent", "exact", "占比从2022年的8.0%"), "8.0%", "8.0%"),
        (
            row(409.08, "cny_100m", "exact", "实现地区生产总值409.08亿元"),
            "409.08亿元",
            "40.908 billion yuan",
        ),
        (
            row(4.5, "cny_100m", "exact", "设立4.5亿元专项资金"),
            "4.5亿元",
            "450 million yuan",
        ),
        (
            row(14000, "enterprises", "over", "突破1.4万家"),
            "突破1.4万家",
            "over 14,000 firms",
        ),
        (
            row(25, "market_entities_10k", "over", "市场主体总量突破25万户"),
            "突破25万户",
            "over 250,000 entities",
        ),
        (
            row(747, "cny_10k", "more_than", "企业只需支付747余万元使用费"),
            "747余万元",
            "more than 7.47 million yuan",
        ),
        (
            row(0.3333, "ratio", "nearly", "近三分之一为中小微企业"),
            "近三分之一",
            "nearly 33%",
        ),
        # traditional script shown in simplified characters
        (
            row(30000, "enterprises", "nearly", "年累計服務中小微企業近3萬家次"),
            "近3万家次",
            "nearly 30,000 firms",
        ),
        # years never print as 2,019
        (row(2019, "year", "exact", "2019年,乐清在杭州成立"), "2019年", "2019"),
        # no Chinese quote (an English web page): templates in both languages, no separators beside 万/亿
        (
            row(
                606.4,
                "cny_100m",
                "exact",
                "Yongjia's GDP reached 60.64 billion yuan",
                "english",
            ),
            "606.4亿元",
            "60.64 billion yuan",
        ),
        (
            row(25000, "items", "more_than", "", "english"),
            "25000多个",
            "more than 25,000",
        ),
        (
            row(5, "cny_100m", "more_than", "", "english"),
            "5亿多元",
            "more than 500 million yuan",
        ),
    ],
)
def test_stated(r, zh, en):
    assert (stated(r, "zh"), stated(r, "en")) == (zh, en)


def test_the_quote_phrase_is_used_only_when_it_carries_the_qualifier():
    """约 far from the number (约占…的65%) is not in the phrase 65%: the template must add it."""
    assert (
        stated(row(65, "percent", "approx", "约占全国市场份额的65%"), "zh") == "约65%"
    )
    assert stated(row(65, "percent", "exact", "约占全国市场份额的65%"), "zh") == "65%"


@pytest.mark.parametrize(
    "value, lang, decimals, expected",
    [
        (25000, "en", 0, "25,000"),
        (25000, "zh", 0, "25000"),
        (1318.2, "zh", 1, "1318.2"),
        (8, "en", 1, "8.0"),
    ],
)
def test_number(value, lang, decimals, expected):
    assert number(value, lang, decimals) == expected


def test_source_line_names_publishers_and_dates_once_each_in_order():
    assert (
        source_line(["seed003", "seed002", "seed003"], "en")
        == "Sources: Zhejiang Daily 2024-08-22; Qianjiang Evening News 2024-09-24"
    )
    assert source_line(["seed003"], "zh") == "资料来源：《浙江日报》2024年8月22日"
    with pytest.raises(KeyError, match="seed999"):
        source_line(["seed999"], "en")


def test_labels_name_the_missing_key():
    labels = Labels("common", "en")
    assert labels["sources"] == "Sources: "
    with pytest.raises(KeyError, match="figure 'common' has no label 'nope'"):
        labels["nope"]
    with pytest.raises(KeyError, match="no labels for figure 'no-such-figure'"):
        Labels("no-such-figure", "en")


def test_a_cited_number_carries_its_period_and_id():
    facts = load_facts()
    assert cited(select(facts, ["F109"]).iloc[0], "en") == "8.0% (2022, F109)"
    assert cited(select(facts, ["F014"]).iloc[0], "zh") == "4%（未说明，F014）"


@pytest.mark.parametrize(
    "ref, zh, en",
    [
        ("2024-01/2024-03", "2024年1—3月", "Jan–Mar 2024"),
        ("2024/2026", "2024—2026年", "2024–2026"),
        ("2023", "2023年", "2023"),
        ("2024-08", "2024年8月", "Aug 2024"),
        ("2023-11/2024-02", "2023年11月—2024年2月", "Nov 2023–Feb 2024"),
        (None, "未说明", "not stated"),
    ],
)
def test_periods_read_as_each_language_writes_them(ref, zh, en):
    """Never ISO notation in a reader's table: a slash reads as 'or' in Chinese."""
    from zjcounty.words.numbers import period

    assert (period(ref, "zh"), period(ref, "en")) == (zh, en)


def test_half_a_day_is_said_as_the_source_says_it():
    row = select(load_facts(), ["F079"]).iloc[0]
    assert (stated(row, "zh"), stated(row, "en")) == ("半日", "half a day")


def test_small_counts_are_spelled_in_headlines():
    from zjcounty.words.numbers import spelled, times

    assert [spelled(2), spelled(2, "zh"), spelled(12)] == ["two", "两", "12"]
    assert [times(1), times(2), times(3), times(2, "zh")] == [
        "once",
        "twice",
        "three times",
        "两次",
    ]
