"""Numbers as Chinese news prose states them: 3300亿, 1.4万, 三万, 千, 百余, 半日, 三分之一.

Why not a library: cn2an (checked, 0.5.24) refuses the bare magnitudes news text relies on
(千, 百 in 超千万元, 百余项) and 半. This module only has to answer one question for the
validator, "is this value stated in this quote?", so it returns every reading a number
run admits (for 3300亿: 3300 and 3.3e11) and lets the curated unit pick one.
"""
from __future__ import annotations

import math
import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
_CN_RUN = re.compile("[零〇一二两三四五六七八九十百千万亿]+")
_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)((?:[十百千]?[万亿])+|[十百千])?")
_FRACTION = re.compile("([零〇一二两三四五六七八九十百千]+|\\d+)分之([零〇一二两三四五六七八九十百千]+|\\d+)")


def parse_chinese(run: str) -> float | None:
    """Value of a run of Chinese numerals, or None where it is not one number.

    Two digits in a row (三四十万, a range) or a run with no digit value give None.
    """
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        else:  # 万 or 亿
            section += digit or 0
            digit = None
            if ch == "亿":
                total = ((total + section) or 1) * _LARGE[ch]
            else:
                total += (section or 1) * _LARGE[ch]
            section = 0
    return float(total + section + (digit or 0))


def _magnitude(suffix: str) -> int:
    value = 1
    for ch in suffix:
        value *= _SMALL.get(ch) or _LARGE[ch]
    return value


def numbers_in(text: str) -> set[float]:
    """Every number the text states, in each reading it admits."""
    found: set[float] = set()
    for m in _ARABIC.finditer(text):
        base = float(m.group(1).replace(",", ""))
        found.add(base)
        if m.group(2):
            found.add(base * _magnitude(m.group(2)))
    for m in _CN_RUN.finditer(text):
        run = m.group(0)
        # 三万 also reads as 3 (of 万); a bare 亿 in 近亿元 also reads as 1 (of 亿)
        before_magnitude = (run[:-1] or "一") if run[-1] in _LARGE else None
        for reading in (run, before_magnitude):
            value = parse_chinese(reading) if reading else None
            if value is not None:
                found.add(value)
    for m in _FRACTION.finditer(text):
        den, num = (float(x) if x.isdigit() else parse_chinese(x) for x in m.groups())
        if den and num is not None:
            found.add(num / den)
    if "半" in text:
        found.add(0.5)
    return found


def states(text: str, value: float) -> bool:
    """True when value is one of the numbers the text states (relative tolerance 1e-3,
    so a curated 0.3333 matches 三分之一)."""
    return any(math.isclose(value, n, rel_tol=1e-3, abs_tol=1e-9) for n in numbers_in(text))
