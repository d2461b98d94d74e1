"""Numbers as Chinese news prose states them: 3300亿, 1.4万, 三万, 千万, 百余, 一万二, 一百零一,
二〇二三年, 三四十, 三分之一, 半日, 翻番, 65%, and the words that qualify them (超, 近, 约, 多, 余, 以上, 内).

Why not a library: cn2an (0.5.24, checked) refuses the bare magnitudes news text relies on
(千 and 百 in 超千万元, 百余项) and 半. It is kept as the test oracle for whole numbers
(tests/test_cnnum_oracle.py). This module is the one reader of numbers in the project: the validator
asks it whether a quote states a value (`readings`), and the extractor asks it for every
quantity in an article.

A `Reading` is one number in the text with its span, its fully scaled value (3300亿 -> 3.3e11,
三万 -> 30000), its kind (a year or a date is never a quantity) and the qualifier words attached
to it: immediately before it (超, 近, 约 ...) or after it and its measure word (多, 余, 以上, 内 ...).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZERO = "零〇"
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10**4, "亿": 10**8}
_CN = "零〇一二两三四五六七八九十百千万亿"
_DOUBLING = re.compile("翻([一两二三])?番")
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3}

# Qualifier words and the qualifier they mean. Prefixes stand right before the number; suffixes
# right after it, its magnitude word or its measure word. Longest words are tried first.
PREFIX = {
    "超过": "over",
    "超出": "over",
    "超": "over",
    "逾": "over",
    "突破": "over",
    "破": "over",
    "迈过": "over",
    "将近": "nearly",
    "接近": "nearly",
    "逼近": "nearly",
    "近": "nearly",
    "大约": "approx",
    "约为": "approx",
    "约": "approx",
    "至少": "at_least",
    "不少于": "at_least",
    "上": "at_least",
    "不超过": "at_most",
    "不到": "at_most",
    "不足": "at_most",
    "最多": "at_most",
    "前": "at_most",
}
SUFFIX = {
    "多": "more_than",
    "余": "more_than",
    "有余": "more_than",
    "+": "more_than",
    "以上": "at_least",
    "左右": "approx",
    "上下": "approx",
    "以内": "at_most",
    "以下": "at_most",
    "内": "at_most",
    "级": "scale",
}
# Words ending in a prefix character that are not qualifiers (最近3年 is "the last 3 years").
_NOT_PREFIX = (
    "最近",
    "附近",
    "邻近",
    "靠近",
    "签约",
    "合约",
    "预约",
    "履约",
    "特约",
    "制约",
    "节约",
    "集约",
    "条约",
    "公约",
    "违约",
    "邀约",
    "以上",
)
# Measure words a suffix qualifier may follow (三年多, 1分钟内, 100人以上). 内 only follows time.
_MEASURE = (
    "个工作日",
    "工作日",
    "个月",
    "分钟",
    "小时",
    "家次",
    "人次",
    "平方米",
    "千瓦时",
    "个",
    "家",
    "项",
    "人",
    "名",
    "位",
    "次",
    "年",
    "月",
    "天",
    "日",
    "周",
    "米",
    "亩",
    "吨",
    "元",
    "倍",
    "条",
    "台",
    "臺",
    "套",
    "件",
    "种",
    "批",
    "座",
    "所",
    "户",
    "只",
    "辆",
    "GW",
    "%",
)
_TIME = ("个工作日", "工作日", "个月", "分钟", "小时", "年", "月", "天", "日", "周")

_ARABIC = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d.])")
_CN_RUN = re.compile(f"[{_CN}]+")
# A minus sign right before a number, after a word or a mark, never between two numbers (a range
# 2023-2025 or a date): -3.01 in 自然增长率为-3.01‰.
_NEGATIVE = re.compile(r"(?:^|(?<=[为為是：:，,（(\s]))[-−]$")
_FRACTION = re.compile(f"([{_CN}]+|\\d+)分之([{_CN}]+|\\d+(?:\\.\\d+)?)")
_PERCENT_CN = re.compile(
    f"百分之([{_CN}]+(?:点[零〇一二三四五六七八九]+)?|\\d+(?:\\.\\d+)?)"
)
# 十二点五, 一点五亿: a decimal in words. Not 三点五十分 (a clock time) nor 三点钟.
_CN_DECIMAL = re.compile(
    f"([{_CN}]+)点([零〇一二三四五六七八九]+)(?![十百千分刻钟])([万亿]*)"
)
_YEAR_AFTER = re.compile(
    r"\s*(?:年|[—–\-~～至到]\s*(?:\d{4}|[零〇一二三四五六七八九]{4})\s*年)"
)
_RANGE_AFTER = re.compile(r"[—–\-~～至到]\s*(\d+(?:\.\d+)?)")


# Characters that matter to numbers, folded one for one so spans stay valid: traditional forms
# (seed 004 is in traditional script) and full-width digits. A full-width comma is NOT folded
# into "," (a list 100，200 is two numbers, not 100200).
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "％": "%",
        "．": ".",
        "＋": "+",
        "萬": "万",
        "億": "亿",
        "兩": "两",
        "餘": "余",
        "約": "约",
        "內": "内",
        "級": "级",
        "個": "个",
        "項": "项",
        "臺": "台",
        "戶": "户",
        "條": "条",
        "種": "种",
        "畝": "亩",
        "噸": "吨",
        "將": "将",
        "過": "过",
        "時": "时",
        "鐘": "钟",
        "數": "数",
        "幾": "几",
        "雙": "双",
        "負": "负",
        "隻": "只",
        "輛": "辆",
        "週": "周",
        "從": "从",
    }
)


def fold(text: str) -> str:
    """Traditional numeral words and full-width digits to their simplified/ASCII forms, one
    character for one, so a reading's span indexes the original text too."""
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Reading:
    """One number in a text. `scaled` is None for a range (see low/high)."""

    start: int
    end: int
    text: str
    kind: str  # number, percent, fraction, half, ordinal, range, year, date
    scaled: float | None
    magnitude: int = 1  # the 万/亿 (or 千万 ...) that ends the number: 3300亿 -> 1e8
    low: float | None = None
    high: float | None = None
    qualifiers: tuple[str, ...] = ()
    phrase_start: int = (
        -1
    )  # the number with its qualifier and measure words: 近60项, 200多个
    phrase_end: int = -1

    def phrase(self, text: str) -> str:
        """The words of `text` that state this number: 突破3300亿元, 百余项, 第16位."""
        return (
            text[self.phrase_start : self.phrase_end]
            if self.phrase_start >= 0
            else self.text
        )

    @property
    def is_quantity(self) -> bool:
        """Years and dates name periods, they are not stated quantities."""
        return self.kind not in ("year", "date")

    @property
    def base(self) -> float | None:
        """The number before its magnitude word: 3300 for 3300亿, 1.4 for 1.4万."""
        return None if self.scaled is None else self.scaled / self.magnitude


# --- Chinese numerals -------------------------------------------------------------------------


def _positional(run: str) -> float | None:
    """Digit by digit, as years are written: 二〇二三 -> 2023, 一九九八 -> 1998."""
    digits = [0 if ch in _ZERO else _DIGITS.get(ch) for ch in run]
    return None if None in digits else float("".join(map(str, digits)))


def parse_chinese(run: str) -> float | None:
    """Value of a run of Chinese numerals, or None where it is not one number.

    Handles 零/〇 (一百零一 = 101, 三千零五十万), the spoken short form (一万二 = 12000, 三百五 = 350)
    and digit-by-digit years (二〇二三 = 2023). Two digits in a row before a unit (三四十, a range)
    give None: see `parse_range`.
    """
    if not run:
        return None
    if all(ch in _DIGITS or ch in _ZERO for ch in run):
        if len(run) == 1:
            return float(_DIGITS.get(run, 0))
        if len(run) >= 3 or any(ch in _ZERO for ch in run):
            return _positional(run)
        return None  # 三四: a range of two digits
    total, section, digit = 0.0, 0.0, None
    last_unit, after_zero = None, False
    for ch in run:
        if ch in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[ch]
        elif ch in _ZERO:
            if digit is not None:
                return None
            after_zero = True
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit, last_unit, after_zero = None, _SMALL[ch], False
        else:  # 万 or 亿
            section += digit or 0
            if ch == "亿":
                total = ((total + section) or 1) * _LARGE[ch]
            else:
                total += (section or 1) * _LARGE[ch]
            section, digit, last_unit, after_zero = 0.0, None, _LARGE[ch], False
    if digit is not None:
        spoken = last_unit is not None and last_unit >= 100 and not after_zero
        section += digit * (last_unit // 10 if spoken else 1)
    return float(total + section)


def parse_range(run: str) -> tuple[float, float] | None:
    """Two adjacent digits as a range: 三四十 -> (30, 40), 七八百 -> (700, 800), 两三 -> (2, 3)."""
    m = re.fullmatch(
        f"([{''.join(_DIGITS)}])([{''.join(_DIGITS)}])([十百千]?)([万亿]?)", run
    )
    if not m or _DIGITS[m.group(2)] != _DIGITS[m.group(1)] + 1:
        return None
    scale = _SMALL.get(m.group(3), 1) * _LARGE.get(m.group(4), 1)
    return float(_DIGITS[m.group(1)] * scale), float(_DIGITS[m.group(2)] * scale)


def parse_decimal(text: str) -> float | None:
    """十二点五 -> 12.5; a whole number in words passes through parse_chinese."""
    whole, _, frac = text.partition("点")
    value = parse_chinese(whole)
    if value is None or not frac:
        return value
    digits = "".join(str(_DIGITS.get(ch, 0)) for ch in frac)  # 零/〇 are 0
    return float(f"{int(value)}.{digits}")


def _trailing_magnitude(run: str) -> int:
    """The magnitude that ends a number: 亿 in 3300亿, 万 in 三千零五十万, 1 for 三百."""
    if not run or run[-1] not in _LARGE:
        return 1
    value = _LARGE[run[-1]]
    for ch in reversed(run[:-1]):  # 千万, 百万, 万亿 ...
        if ch in _LARGE:
            value *= _LARGE[ch]
        elif (
            ch in _SMALL
            and run.rstrip("万亿").endswith(ch)
            and not any(c in _DIGITS for c in run)
        ):
            value *= _SMALL[
                ch
            ]  # a bare 千万 is one magnitude word; 三千万 is 3000 of 万
        else:
            break
    return value


# --- qualifiers and the phrase around a number --------------------------------------------


def _prefix(text: str, start: int) -> tuple[list[str], int]:
    """Qualifier word right before the number (超, 近, 约, 前 ...): ([qualifier], phrase start)."""
    before = text[max(0, start - 4) : start]
    for word in sorted(PREFIX, key=len, reverse=True):
        if before.endswith(word) and not any(
            before.endswith(w) for w in _NOT_PREFIX if w.endswith(word)
        ):
            if word == "上" and not re.match("[百千万]", text[start : start + 1]):
                continue  # 上百家 = at least 100; 上 before a digit is not a qualifier
            return [PREFIX[word]], start - len(word)
    return [], start


def _suffix_word(text: str, i: int, after_time: bool) -> str | None:
    for word in sorted(SUFFIX, key=len, reverse=True):
        if text.startswith(word, i) and (after_time or word not in ("内", "以内")):
            return word
    return None


def _suffix(text: str, end: int) -> tuple[list[str], int]:
    """Qualifier words after the number, before or after its measure word (200多个, 1155个以上,
    两年多, 1分钟内, 210GW+): ([qualifiers], phrase end, measure word included)."""
    quals, i = [], end
    word = _suffix_word(text, i, after_time=False)
    if word:
        quals.append(SUFFIX[word])
        i += len(word)
    measure = next((m for m in _MEASURE if text.startswith(m, i)), "")
    if measure:
        i += len(measure)
        word = _suffix_word(text, i, after_time=measure in _TIME)
        if word and SUFFIX[word] not in quals:
            quals.append(SUFFIX[word])
            i += len(word)
    return quals, i


# --- readings -------------------------------------------------------------------------------


def _classify(text: str, start: int, end: int, value: float) -> str:
    """year / date / ordinal / number for a plain integer-looking reading."""
    after, before = text[end : end + 12], text[max(0, start - 1) : start]
    if value.is_integer() and 1900 <= value <= 2100 and _YEAR_AFTER.match(after):
        return "year"
    if (
        before in ("—", "–", "-", "~", "～", "至", "到")
        and value.is_integer()
        and 1900 <= value <= 2100
        and re.match(r"\s*年", after)
    ):
        return "year"
    if re.match(r"\s*月(?!份?(?:以来|内))", after) and not re.search(
        r"个\s*$", text[max(0, start - 2) : start]
    ):
        return "date"
    if re.match(r"\s*日", after) and re.search(
        r"月\s*$", text[max(0, start - 2) : start]
    ):
        return "date"
    if re.search(r"[—–\-]\s*$", before) and re.match(r"\s*月", after):
        return "date"
    if re.match(r"[—–\-~～至到]\s*\d{1,2}\s*月", after):  # 1—11月
        return "date"
    if before == "第":
        return "ordinal"
    return "number"


def _magnitude_after(text: str, end: int) -> tuple[int, int, list[str]]:
    """万/亿 (with 十/百/千 before them) right after an Arabic number, possibly after 多/余:
    1.4万, 3300亿, 3千万, 747余万. Returns (magnitude, end of the magnitude word, qualifiers seen
    between number and magnitude). 5千瓦 and 10千米 are units, not magnitudes: no match."""
    m = re.match(r"(多|余)?([十百千]?[万亿]+)", text[end:])
    if not m:
        return 1, end, []
    mag = 1
    for ch in m.group(2):
        mag *= _SMALL.get(ch) or _LARGE[ch]
    return mag, end + m.end(), [SUFFIX[m.group(1)]] if m.group(1) else []


def readings(text: str) -> list[Reading]:
    """Every number the text states, left to right, each once (spans index `text`)."""
    text = fold(text)
    out: list[Reading] = []
    taken: list[tuple[int, int]] = []

    def add(
        start,
        end,
        kind,
        scaled,
        magnitude=1,
        low=None,
        high=None,
        between=(),
        measured=True,
    ):
        if any(s < end and start < e for s, e in taken):
            return
        pre, p_start = _prefix(text, start)
        post, p_end = _suffix(text, end) if measured else ([], end)
        if kind == "ordinal":
            p_start -= 1  # 第16位
        quals = tuple(dict.fromkeys([*pre, *between, *post]))
        taken.append((start, end))
        out.append(
            Reading(
                start,
                end,
                text[start:end],
                kind,
                scaled,
                magnitude,
                low,
                high,
                quals,
                p_start,
                p_end,
            )
        )

    for m in _PERCENT_CN.finditer(text):
        v = float(m.group(1)) if m.group(1)[0].isdigit() else parse_decimal(m.group(1))
        if v is not None:
            add(m.start(), m.end(), "percent", v)
    for m in _CN_DECIMAL.finditer(text):
        v = parse_decimal(m.group(1) + "点" + m.group(2))
        mag = math.prod(10**4 if ch == "万" else 10**8 for ch in m.group(3))
        if v is not None:
            add(m.start(), m.end(), "number", v * mag, mag)
    for m in _FRACTION.finditer(text):
        den, num = (
            float(x) if x[0].isdigit() else parse_chinese(x) for x in m.groups()
        )
        if den and num is not None:
            add(m.start(), m.end(), "fraction", num / den, measured=False)
    for m in _ARABIC.finditer(text):
        base = float(m.group(1).replace(",", ""))
        start, end = m.start(), m.end()
        if _NEGATIVE.search(text[:start]):  # 自然增长率为-3.01‰: a sign, not a dash
            base, start = -base, start - 1
        kind = _classify(text, start, end, base)
        if kind in ("year", "date"):
            add(start, end, kind, base, measured=False)
            continue
        rng = _RANGE_AFTER.match(text, end)
        if rng and not re.match(r"\s*(?:年|月)", text[rng.end() :]):
            mag, new_end, between = _magnitude_after(text, rng.end())
            add(
                start,
                new_end,
                "range",
                None,
                mag,
                base * mag,
                float(rng.group(1)) * mag,
                between,
            )
            continue
        mag, new_end, between = _magnitude_after(text, end)
        kind = "percent" if text[new_end : new_end + 1] == "%" else kind
        add(start, new_end, kind, base * mag, mag, between=between)
    # 翻番 (doubled) states a multiple without a numeral; 翻两番 is two doublings (x4), so the
    # 两 of 翻两番 is not the number 2. Read before the numeral runs take the 两.
    for m in _DOUBLING.finditer(text):
        add(m.start(), m.end(), "multiple", 2.0 ** _DOUBLINGS[m.group(1) or "一"])
    for m in re.finditer(
        "一半|半数", text
    ):  # 一半以上的企业: a half, with its qualifier
        add(m.start(), m.end(), "fraction", 0.5)
    for m in _CN_RUN.finditer(text):
        run, start, end = m.group(0), m.start(), m.end()
        if any(s <= start and end <= e for s, e in taken):
            continue
        rng = parse_range(run)
        if rng:
            add(start, end, "range", None, _trailing_magnitude(run), rng[0], rng[1])
            continue
        value = parse_chinese(run)
        if value is None:
            continue
        if (
            all(ch in _DIGITS or ch in _ZERO for ch in run)
            and len(run) >= 3
            and re.match(r"\s*年", text[end:])
        ):
            add(start, end, "year", value, measured=False)
            continue
        kind = "ordinal" if text[start - 1 : start] == "第" else "number"
        if re.match(r"\s*月", text[end:]) and text[max(0, start - 1) : start] != "个":
            kind = "date"
        add(start, end, kind, value, _trailing_magnitude(run), measured=kind != "date")
    for m in re.finditer("半", text):
        if re.match("[日天年月个小]", text[m.end() : m.end() + 1]):
            add(m.start(), m.end(), "half", 0.5)
    return sorted(out, key=lambda r: r.start)


def _decimals(value: float | str) -> int | None:
    s = value if isinstance(value, str) else repr(float(value))
    if "e" in s.lower():
        return None
    return len(s.split(".", 1)[1].rstrip("0")) if "." in s else 0


def matches(reading: Reading, value: float | str, numeral_scale: float = 1) -> bool:
    """Does `value` (in a unit carrying `numeral_scale`: 亿元 -> 1e8) state this reading?

    The value times the scale must equal the fully scaled reading, so 三万米 stored as 3 metres is
    refused while 3300 亿元 is accepted. A stored value rounded to its own decimals matches
    (0.3333 for 三分之一); otherwise equality is exact."""
    if reading.scaled is None:
        return False
    stored = float(value)
    target = reading.scaled / numeral_scale
    d = _decimals(value)
    if d is not None and reading.kind in ("fraction",) and round(target, d) == stored:
        return True
    return math.isclose(stored, target, rel_tol=1e-9, abs_tol=1e-12)


def stating(
    text: str, value: float | str, numeral_scale: float = 1, unit: str = ""
) -> list[Reading]:
    """The readings of `text` that state `value` in a unit carrying `numeral_scale`.

    A calendar year (unit "year") is stated only by a year; a rank only by an ordinal (第16位) or
    a plain number (前三); any other quantity never by a year, a date or an ordinal, so the 三 of
    第三方 does not state 3 working days."""
    found = readings(text)
    if unit == "year":
        return [r for r in found if r.kind == "year" and matches(r, value)]
    allowed = (
        (lambda r: r.kind in ("ordinal", "number"))
        if unit == "rank"
        else (lambda r: r.is_quantity and r.kind != "ordinal")
    )
    return [r for r in found if allowed(r) and matches(r, value, numeral_scale)]


def quantities(text: str) -> list[Reading]:
    """Readings that are quantities (years and dates left out)."""
    return [r for r in readings(text) if r.is_quantity]
