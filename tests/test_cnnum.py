"""The numeral reader: Chinese numerals, magnitudes, years and dates that are not quantities,
and the qualifier words attached to a number. (cn2an checks whole numbers in test_cnnum_oracle.py.)"""

import pytest

from zjcounty.reading.numerals import (
    matches,
    parse_chinese,
    parse_range,
    quantities,
    readings,
)


@pytest.mark.parametrize(
    "run, value",
    [
        ("三", 3),
        ("十", 10),
        ("十二", 12),
        ("四十", 40),
        ("一百", 100),
        ("百", 100),
        ("千", 1000),
        ("三万", 30000),
        ("千万", 10_000_000),
        ("三亿五千万", 350_000_000),
        ("两", 2),
        ("万亿", 10**12),
        # 零 and 〇, the spoken short form, digit-by-digit years
        ("一百零一", 101),
        ("三千零五十万", 30_500_000),
        ("一万零五百", 10_500),
        ("十万零一十五", 100_015),
        ("一万二", 12_000),
        ("三百五", 350),
        ("两千五", 2500),
        ("一亿五", 150_000_000),
        ("三百零五", 305),
        ("二〇二三", 2023),
        ("一九九八", 1998),
        ("二零二五", 2025),
    ],
)
def test_parse_chinese(run, value):
    assert parse_chinese(run) == value


def test_a_range_is_not_one_number():
    assert parse_chinese("三四十") is None
    assert parse_range("三四十") == (30, 40)
    assert parse_range("七八百万") == (7_000_000, 8_000_000)
    assert [(r.kind, r.low, r.high) for r in readings("省下三四十万元")] == [
        ("range", 300_000, 400_000)
    ]


@pytest.mark.parametrize(
    "text, scaled, magnitude",
    [
        ("工业总产值突破3300亿元", 330_000_000_000, 10**8),
        ("日产布料达三万米", 30_000, 10**4),
        ("超千万元", 10_000_000, 10**7),
        ("省科技型中小企业数突破1.4万家", 14_000, 10**4),
        ("企业只需支付747余万元使用费", 7_470_000, 10**4),
        ("去年带来了5亿多元的经济效益", 500_000_000, 10**8),
        ("攻克技术难题百余项", 100, 1),
        ("近三分之一为中小微企业", 1 / 3, 1),
        ("从3个工作日压减至半日", 3, 1),
        ("25,000多种", 25_000, 1),
        ("斥资近亿元", 100_000_000, 10**8),
        ("大孵化器集群面积超百万平方米", 1_000_000, 10**6),
        ("全社会用电量突破100亿千瓦时", 10_000_000_000, 10**8),
        ("5千瓦", 5, 1),
        # decimals in words
        ("增长百分之十二点五", 12.5, 1),
        ("营收一点五亿元", 150_000_000, 10**8),
        ("十二点零五", 12.05, 1),
        # a doubling states a multiple with no numeral; 翻两番 is x4, not the number 2
        ("去年,公司出口量比上年翻番", 2, 1),
        ("产值翻两番", 4, 1),
    ],
)
def test_first_quantity_is_fully_scaled(text, scaled, magnitude):
    first = quantities(text)[0]
    assert first.scaled == pytest.approx(scaled) and first.magnitude == magnitude


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("2024年营收超百亿元", ["year", "number"]),
        (
            "2025年1—11月,高新技术产业增加值增长11.5%",
            ["year", "date", "date", "percent"],
        ),
        ("2025年11月18日,发布了芯片", ["year", "date", "date"]),
        ("二〇二三年,全县新增企业30家", ["year", "number"]),
        ("《行动方案(2024—2026年)》提出新增1155个以上", ["year", "year", "number"]),
        ("用约3个月时间", ["number"]),
        ("位列全国第16位", ["ordinal"]),
        ("下午三点五十分开会", ["number", "number"]),  # a clock time, not 3.5
    ],
)
def test_years_and_dates_are_not_quantities(text, kinds):
    assert [r.kind for r in readings(text)] == kinds


@pytest.mark.parametrize(
    "text, qualifiers",
    [
        ("200多个系列", {"more_than"}),
        ("两年多来", {"more_than"}),
        ("百余项", {"more_than"}),
        ("超210GW+", {"over", "more_than"}),
        ("近60项", {"nearly"}),
        ("约2年", {"approx"}),
        ("1155个以上", {"at_least"}),
        ("4.2%左右", {"approx"}),
        ("1分钟内", {"at_most"}),
        ("稳居全省前三", {"at_most"}),
        ("突破120万级", {"over", "scale"}),
        ("上百家", {"at_least"}),
        ("747余万元", {"more_than"}),
        ("近三分之一", {"nearly"}),
        # words that look like qualifiers but are not attached to the number
        ("拥有省级以上专精特新企业48家", set()),
        ("最近3年", set()),
        ("签约3个项目", set()),
        ("30家企业内部", set()),
        ("多达300家", set()),
        ("制约3项", set()),
        ("节约5吨", set()),
    ],
)
def test_qualifier_words_attached_to_the_number(text, qualifiers):
    assert set(quantities(text)[0].qualifiers) == qualifiers


def test_traditional_script_reads_like_simplified():
    assert [
        (r.scaled, r.qualifiers) for r in quantities("年累計服務中小微企業近3萬家次")
    ] == [(30_000, ("nearly",))]
    assert quantities("引進大院名校共建創新載體200多家")[0].qualifiers == ("more_than",)


def test_full_width_comma_separates_two_numbers():
    assert [r.scaled for r in quantities("分别为100，200家")] == [100, 200]


@pytest.mark.parametrize(
    "text, value, scale, expected",
    [
        ("日产布料达三万米", "30000", 1, True),
        ("日产布料达三万米", "3", 1, False),
        ("日产布料达三万米", "3", 10**4, True),
        ("工业总产值突破3300亿元", "3300", 10**8, True),
        ("工业总产值突破3300亿元", "330", 10**8, False),
        ("近三分之一", "0.3333", 1, True),
        ("近三分之一", "0.4", 1, False),
        ("65%", "6.5", 1, False),
        ("GDP为1318.2亿元", "1318.9", 10**8, False),
    ],
)
def test_matches_needs_the_full_magnitude(text, value, scale, expected):
    assert any(matches(r, value, scale) for r in quantities(text)) is expected
