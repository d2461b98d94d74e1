"""A fact's number as a reader should see it, in Chinese and English.

`stated`: in Chinese the source's own phrase (近60项, 百余项, 突破3300亿元, 8.0%), found in the
quote by the numeral reader; in English a template keeps the qualifier (about, over, more than,
at least, nearly, within, top) and rescales 亿/万 units to billion/million. `cited` adds the period and the
fact id; `number` and `bracket` set a number and a parenthesis as each language does.
"""

from __future__ import annotations

import math

import pandas as pd

from ..reading import numerals, seedtext
from .labels import word

_EN = {
    "exact": "{v}{u}",
    "approx": "about {v}{u}",
    "over": "over {v}{u}",
    "more_than": "more than {v}{u}",
    "at_least": "at least {v}{u}",
    "nearly": "nearly {v}{u}",
    "at_most": "at most {v}{u}",
    "scale": "on the order of {v}{u}",
}
_ZH = {
    "exact": "{v}{u}",
    "approx": "约{v}{u}",
    "over": "超{v}{u}",
    "more_than": "{v}多{u}",
    "at_least": "{v}{u}以上",
    "nearly": "近{v}{u}",
    "at_most": "不超过{v}{u}",
    "scale": "{v}{u}级",
}
_TIME_UNITS = ("minutes", "hours", "days", "working_days", "years")
_HALF = {"日": "a day", "天": "a day", "年": "a year", "月": "a month", "小": "an hour"}


def _decimals(text: str) -> int:
    """Decimals of a number as written: 2 for "409.08", 1 for "8.0", 0 for "3300" or "三万"."""
    digits = text.replace(",", "")
    head = ""
    for ch in digits:
        if ch.isdigit() or ch == ".":
            head += ch
        elif head:
            break
    return len(head.split(".", 1)[1]) if "." in head else 0


def number(value: float, lang: str, decimals: int = 0) -> str:
    """1,234.5 in English; 1234.5 in Chinese (no thousands separators beside 万 or 亿)."""
    if lang == "en":
        return f"{value:,.{decimals}f}"
    return f"{value:.{decimals}f}"


def _reading(row) -> numerals.Reading | None:
    """The reading of the row's quote that states its value (None for English quotes)."""
    quote = row.get("quote")
    if not isinstance(quote, str) or not quote or row.get("script") == "english":
        return None
    found = numerals.stating(
        quote, row["value"], float(row.get("numeral_scale", 1) or 1), row["unit"]
    )
    return found[0] if found else None


def _written_decimals(
    reading: numerals.Reading | None, value: float, numeral_scale: float
) -> int:
    """Decimals of the value as the source wrote it: 2 for 409.08亿元, 1 for 8.0%, 0 for 1.4万家
    stored as 14000 firms (the 1.4 is in 万)."""
    if reading is not None and reading.text[:1].isdigit():
        return max(
            0,
            _decimals(reading.text)
            - round(math.log10(reading.magnitude / numeral_scale)),
        )
    return 0 if value.is_integer() else _decimals(repr(value))


def stated(row, lang: str = "en") -> str:
    """A fact's number with its qualifier and unit, as a reader should see it.

    `row` is a row of facts.load_facts() (value, unit, qualifier, quote, script, numeral_scale,
    short_zh, short_en, en_scale)."""
    value, unit, qualifier = float(row["value"]), row["unit"], row["qualifier"]
    if unit == "year":
        return f"{value:.0f}年" if lang == "zh" else f"{value:.0f}"
    reading = _reading(row)
    if (
        lang == "zh"
        and reading is not None
        and (qualifier == "exact" or qualifier in reading.qualifiers)
    ):
        # the source's own words, which carry the qualifier (otherwise the template below does);
        # a + after a number already marked 超 says it twice (超210GW+ is 超210GW)
        phrase = seedtext.to_simplified(reading.phrase(numerals.fold(row["quote"])))
        return phrase[:-1] if phrase.endswith("+") and qualifier == "over" else phrase
    if lang == "zh" and reading is not None and qualifier == "scale":
        return (
            seedtext.to_simplified(reading.phrase(numerals.fold(row["quote"]))) + "级"
        )  # 千亿 -> 千亿级
    decimals = _written_decimals(
        reading, value, float(row.get("numeral_scale", 1) or 1)
    )
    if lang == "en" and reading is not None and reading.kind == "half":
        # 半日 is "half a day", not "0.5 working days": the words the source chose
        noun = _HALF.get(numerals.fold(row["quote"])[reading.end : reading.end + 1], "")
        if noun:
            return _EN[qualifier].format(v=f"half {noun}", u="")
    if lang == "en":
        return _stated_en(value, unit, qualifier, decimals, row)
    short = row.get("short_zh")
    short = "" if pd.isna(short) or not short else short
    shown = number(value, "zh", decimals)
    if unit == "rank":
        return f"前{shown}" if qualifier == "at_most" else f"第{shown}位"
    if qualifier == "more_than" and short[:1] in ("万", "亿"):
        return f"{shown}{short[0]}多{short[1:]}"  # 5亿多元, not 5多亿元
    if qualifier == "at_most" and unit in _TIME_UNITS:
        return f"{shown}{short}内"
    return _ZH[qualifier].format(v=shown, u=short)


def bracket(inner, lang: str = "en") -> str:
    """A parenthesis as each language sets it: ' (2023)' in English, '（2023）' in Chinese."""
    return f"（{inner}）" if lang == "zh" else f" ({inner})"


_MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]


def _point(p: str, lang: str, year: bool = True) -> tuple[str, str]:
    """('2024', '3') from '2024-03'; the month as each language names it."""
    y, _, m = p.partition("-")
    if not m:
        return y, ""
    return y, (str(int(m)) if lang == "zh" else _MONTHS[int(m) - 1])


def period(ref, lang: str = "en") -> str:
    """A reference period as a reader writes it, never in ISO notation: 2024-01/2024-03 is
    '2024年1—3月' or 'Jan–Mar 2024', 2024/2026 is '2024—2026年' or '2024–2026', 2024-08 is
    '2024年8月' or 'Aug 2024'; blank is 'not stated' (the source gives no period)."""
    if not isinstance(ref, str) or not ref:
        return word("period_not_stated", lang)
    start, _, end = ref.partition("/")
    (y0, m0), (y1, m1) = _point(start, lang), _point(end or start, lang)
    dash = "—" if lang == "zh" else "–"
    if lang == "zh":
        if not end:
            return f"{y0}年{m0}月" if m0 else f"{y0}年"
        if not m0:
            return f"{y0}{dash}{y1}年"
        if y0 == y1:
            return f"{y0}年{m0}{dash}{m1}月"
        return f"{y0}年{m0}月{dash}{y1}年{m1}月"
    if not end:
        return f"{m0} {y0}" if m0 else y0
    if not m0:
        return f"{y0}{dash}{y1}"
    if y0 == y1:
        return f"{m0}{dash}{m1} {y0}"
    return f"{m0} {y0}{dash}{m1} {y1}"


def cited(row, lang: str = "en") -> str:
    """A fact as a reader should quote it: the number as stated, its period and its id,
    '8.0% (2022, F109)'. A period the source does not state says so."""
    when = period(row["ref_period"], lang)
    if lang == "zh":
        return f"{stated(row, lang)}（{when}，{row['fact_id']}）"
    return f"{stated(row, lang)} ({when}, {row['fact_id']})"


def _stated_en(value: float, unit: str, qualifier: str, decimals: int, row) -> str:
    """English: rescaled to billion/million where the unit carries 亿/万, decimals as the source
    wrote them (8.0% stays 8.0%), none added by the rescale (3300亿 is 330 billion, not 330.0)."""
    scale = float(row.get("en_scale", 1) or 1)
    short = row.get("short_en")
    short = "" if not isinstance(short, str) else short
    if (
        short.startswith("billion ") and abs(value * scale) < 1
    ):  # 5亿 is 500 million yuan, not 0.5 billion
        scale, short = scale * 1000, "million " + short[len("billion ") :]
    for big in ("million ", "m "):  # 25万户 is 250,000 entities, not 0.25 million
        if short.startswith(big) and abs(value * scale) < 1:
            scale, short = scale * 10**6, short[len(big) :]
    if (
        unit == "ratio"
    ):  # a share stored as a ratio reads as a percentage: 三分之一 -> 33%
        scale, short, decimals = 100, "%", 0
    shift = round(
        -math.log10(scale)
    )  # decimals the rescale adds (x0.1) or removes (x100)
    shown = number(value * scale, "en", max(0, decimals + shift))
    if shift > 0 and decimals == 0 and "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    if unit == "rank":
        return f"top {shown}" if qualifier == "at_most" else f"No. {shown}"
    u = short if short in ("%", "×") else (f" {short}" if short else "")
    template = (
        "within {v}{u}"
        if qualifier == "at_most" and unit in _TIME_UNITS
        else _EN[qualifier]
    )
    return template.format(v=shown, u=u)


_WORDS_EN = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
]
_WORDS_ZH = "零一两三四五六七八九"


def spelled(n: int, lang: str = "en") -> str:
    """A small count as words, as prose and headlines write it: 'two', '两' (before a measure
    word: 两年, 两个); 10 and above stay digits."""
    n = int(n)
    if not 0 <= n <= 9:
        return str(n)
    return _WORDS_ZH[n] if lang == "zh" else _WORDS_EN[n]


def times(n: int, lang: str = "en") -> str:
    """How often: 'once', 'twice', 'three times'; '一次', '两次', '三次'."""
    n = int(n)
    if lang == "zh":
        return f"{spelled(n, 'zh')}次"
    return {1: "once", 2: "twice"}.get(n, f"{spelled(n)} times")
