import pytest

from zjcounty.cnnum import numbers_in, parse_chinese, states


@pytest.mark.parametrize("run, value", [
    ("三", 3), ("十", 10), ("十二", 12), ("四十", 40), ("一百", 100), ("百", 100), ("千", 1000),
    ("三万", 30000), ("千万", 10_000_000), ("三亿五千万", 350_000_000), ("两", 2), ("万亿", 10**12),
])
def test_parse_chinese(run, value):
    assert parse_chinese(run) == value


def test_a_range_is_not_one_number():
    assert parse_chinese("三四十") is None
    assert numbers_in("省下三四十万元") == set()


@pytest.mark.parametrize("text, value", [
    ("日产布料达三万米", 30000), ("日产布料达三万米", 3), ("超千万元", 1000), ("超千万元", 10_000_000),
    ("攻克技术难题百余项", 100), ("累计使用近千次", 1000), ("工业总产值突破3300亿元", 3300),
    ("省科技型中小企业数突破1.4万家", 14000), ("近三分之一为中小微企业", 0.3333),
    ("从3个工作日压减至半日", 0.5), ("25,000多种", 25000), ("斥资近亿元", 1), ("210GW+", 210),
])
def test_states(text, value):
    assert states(text, value)


@pytest.mark.parametrize("text, value", [
    ("工业总产值突破3300亿元", 330), ("日产布料达三万米", 300), ("65%", 6.5), ("近三分之一", 0.4),
])
def test_states_refuses_numbers_not_in_the_text(text, value):
    assert not states(text, value)
