"""cn2an, a maintained converter, as the oracle for the numeral reader: every whole number it
writes in Chinese (with 零, 十, 万, 亿 as standard text does) must read back exactly."""

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from zjcounty.reading.numerals import parse_chinese, readings


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(st.integers(min_value=0, max_value=10**13 - 1))
def test_every_whole_number_cn2an_writes_reads_back(n):
    """cn2an (a maintained converter) writes the number; the reader must return it."""
    assert parse_chinese(cn2an.an2cn(n)) == n


def test_every_number_below_ten_thousand_reads_back():
    """Exhaustive where most quoted counts live (the property test samples beyond)."""
    wrong = [n for n in range(10_000) if parse_chinese(cn2an.an2cn(n)) != n]
    assert not wrong, wrong[:10]


@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(
    st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=999)
)
def test_every_decimal_cn2an_writes_reads_back(whole, frac):
    """Decimals in words (十二点五): cn2an writes whole.frac, the reader returns it."""
    number = float(f"{whole}.{frac}")
    found = readings(cn2an.an2cn(str(number)))
    assert [r.scaled for r in found] == [number]
