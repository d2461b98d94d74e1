"""The period a figure refers to, from the words next to it: a stated year, month or interval
(2023年, 2025年1—11月, 2023年至2025年, “十四五”), a relative one resolved against the publication
date (今年, 去年底, 上半年, 今年一季度), or a present-tense marker read as the publication month
(目前, 截至目前, 如今).

Why a module: curated rows keep the period as `ref_period` (YYYY, YYYY-MM or START/END) with a
`period_basis` (stated, relative, publication, not_stated), and the extractor must propose both.
Numbers are read by `numerals.parse_chinese` (years written 二〇二三 too); this module only
recognises the calendar words around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..reading.numerals import fold, parse_chinese

_Y = r"(?<![\d〇零一二三四五六七八九])(\d{4}|[〇零一二三四五六七八九]{4})(?!\d)"
_M = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DASH = r"[—–\-~～至到]"
_QUARTER = {
    "一": (1, 3),
    "二": (4, 6),
    "三": (7, 9),
    "四": (10, 12),
    "1": (1, 3),
    "2": (4, 6),
    "3": (7, 9),
    "4": (10, 12),
}
_PLANS = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
# Words that put a figure at the time of writing. 近日/日前/近期/前不久 mean "a few days or weeks
# ago"; 最新 (the latest ranking) is as of writing too.
PRESENT = (
    "截至目前",
    "截止目前",
    "到目前为止",
    "目前",
    "如今",
    "当前",
    "眼下",
    "现已",
    "至今",
    "现有",
    "近日",
    "日前",
    "近期",
    "前不久",
    "最新",
)


@dataclass(frozen=True)
class Mention:
    """A calendar expression in a text. `start`/`end` index the text searched."""

    start: int
    end: int
    words: str
    basis: str  # stated, relative, publication
    first: tuple[int, int] | None = (
        None  # (year, month) the period starts at; month 0 = whole year
    )
    last: tuple[int, int] | None = None  # (year, month) it ends at
    as_of: bool = False  # 截至/截止/到: the figure is a level at the end of the period
    offset: int = 0  # relative years: 今年 0, 去年 -1, 前年 -2, 明年 1
    to_date: bool = False  # 今年 alone: from January to the publication month


def _num(s: str) -> int:
    """A year or month number, in Arabic or Chinese digits."""
    return int(s) if s.isdigit() else int(parse_chinese(s) or 0)


def year_number(word: str) -> int:
    """2023 from '2023' or '二〇二三'."""
    return _num(word)


def _relative_year(word: str) -> int:
    return {
        "今年": 0,
        "本年": 0,
        "本年度": 0,
        "当年": 0,
        "去年": -1,
        "上年": -1,
        "前年": -2,
        "明年": 1,
    }[word]


_REL = r"(今年|本年度|本年|去年|上年|前年|明年)"
_AS_OF = r"(截至|截止|到)?"
_PATTERNS: list[tuple[str, str]] = [
    # (kind, regex); tried in order, earlier matches win where they overlap
    ("year_interval", _AS_OF + _Y + r"年?" + _DASH + _Y + r"年"),
    ("month_interval", _AS_OF + _Y + r"年" + _M + r"月?" + _DASH + _M + r"月"),
    ("year_month", _AS_OF + _Y + r"年" + _M + r"月(底|末|份)?"),
    ("year_quarter", _AS_OF + _Y + r"年(?:第)?([一二三四1-4])季度"),
    ("year_half", _AS_OF + _Y + r"年(上|下)半年"),
    ("year_q3", _AS_OF + _Y + r"年前三季度"),
    ("year", _AS_OF + _Y + r"年(底|末|初|度)?"),
    ("plan", r"“?(十三五|十四五|十五五)”?(?:期间|时期)?"),
    ("rel_month_interval", _AS_OF + _REL + r"?" + _M + r"[—–\-~～至到]" + _M + r"月"),
    ("rel_month", _AS_OF + _REL + _M + r"月(底|末|份)?"),
    ("rel_quarter", _AS_OF + _REL + r"?(?:第)?([一二三四])季度"),
    ("rel_half", _AS_OF + _REL + r"?(上|下)半年"),
    ("rel_q3", _AS_OF + _REL + r"?前三季度"),
    ("rel_year", _AS_OF + _REL + r"(底|末|初|年底|年末|年初|以来|来)?"),
    ("month_only", _AS_OF + r"(?<![\d年])" + _M + r"月(底|末|份)?(?![\d日号])"),
    ("present", "|".join(PRESENT)),
]
_COMPILED = [(kind, re.compile(rx)) for kind, rx in _PATTERNS]


# The months of a year a pattern names, from its groups (the year or relative word first):
# year_month/rel_month 7月, month_interval 1—5月, quarter 一季度, half 上半年, q3 前三季度.
_MONTHS = {
    "month": lambda g: (_num(g[2]), _num(g[2])),
    "month_interval": lambda g: (_num(g[2]), _num(g[3])),
    "quarter": lambda g: _QUARTER[g[2]],
    "half": lambda g: (1, 6) if g[2] == "上" else (7, 12),
    "q3": lambda g: (1, 9),
}


def _mention(kind: str, m: re.Match) -> Mention | None:
    """One match -> a Mention with absolute (stated) or relative (offset) bounds."""
    g = m.groups()
    as_of = bool(g[0]) if kind not in ("plan", "present") else False
    words = m.group(0)
    if kind == "year_interval":
        a, b = _num(g[1]), _num(g[2])
        return (
            Mention(m.start(), m.end(), words, "stated", (a, 0), (b, 0), as_of)
            if a < b
            else None
        )
    part = kind.removeprefix("rel_").removeprefix("year_")
    if part in _MONTHS and not kind.startswith("rel_"):  # 2023年1—5月, 2024年一季度 …
        y, (a, b) = _num(g[1]), _MONTHS[part](g)
        return Mention(m.start(), m.end(), words, "stated", (y, a), (y, b), as_of)
    if kind == "year":
        y = _num(g[1])
        if not 1900 <= y <= 2100:
            return None
        month = 12 if g[2] in ("底", "末") else 0
        return Mention(
            m.start(), m.end(), words, "stated", (y, month), (y, month), as_of
        )
    if kind == "plan":
        a, b = _PLANS[g[0]]
        return Mention(m.start(), m.end(), words, "stated", (a, 0), (b, 0))
    if kind == "present":
        return Mention(m.start(), m.end(), words, "publication")
    if kind == "month_only":  # 7月 with no year: this year (its group 1 is the month)
        mo = _num(g[1])
        if not 1 <= mo <= 12:
            return None
        return Mention(
            m.start(), m.end(), words, "relative", (0, mo), (0, mo), as_of, 0
        )
    # relative: years are offsets from the publication year; months are absolute
    offset = _relative_year(g[1]) if g[1] else 0
    if part in _MONTHS:  # 今年1—5月, 今年一季度, 去年上半年 …
        a, b = _MONTHS[part](g)
        return Mention(
            m.start(),
            m.end(),
            words,
            "relative",
            (offset, a),
            (offset, b),
            as_of,
            offset,
        )
    # rel_year
    tail = g[2] or ""
    if tail in ("以来", "来"):
        return Mention(
            m.start(), m.end(), words, "relative", (offset, 1), None, as_of, offset
        )  # up to publication
    if tail in ("底", "末", "年底", "年末"):
        return Mention(
            m.start(),
            m.end(),
            words,
            "relative",
            (offset, 12),
            (offset, 12),
            as_of,
            offset,
        )
    to_date = offset == 0 and not tail
    return Mention(
        m.start(),
        m.end(),
        words,
        "relative",
        (offset, 0),
        (offset, 0),
        as_of,
        offset,
        to_date,
    )


_COMPARED = re.compile(r"(?:比|较|与|相比|对比|比照)$")


def mentions(text: str) -> list[Mention]:
    """Every calendar expression in `text` (simplified script), left to right, not overlapping."""
    text = fold(text)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if _COMPARED.search(text[max(0, m.start() - 2) : m.start()]):
                # 比上年增长9.1%: 上年 is what the figure is compared with, not its period
                taken.append((m.start(), m.end()))
                continue
            men = _mention(kind, m)
            if men:
                found.append(men)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


@dataclass(frozen=True)
class Period:
    ref_period: str  # YYYY, YYYY-MM, START/END, or "" when not stated
    basis: str  # stated, relative, publication, not_stated
    words: str = ""  # the words it was read from
    note: str = ""  # how a relative period was resolved


def _fmt(year: int, month: int) -> str:
    return f"{year:04d}" if not month else f"{year:04d}-{month:02d}"


def month(published: tuple[int, int]) -> str:
    """(2024, 5) -> 2024-05: the publication month as a ref_period."""
    return _fmt(*published)


def parse_date(value: str) -> tuple[int, int] | None:
    """--date YYYY-MM-DD or YYYY-MM -> (year, month); None if malformed."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value or "")
    if (
        not m
        or not 1 <= int(m.group(2)) <= 12
        or (m.group(3) and not 1 <= int(m.group(3)) <= 31)
    ):
        return None
    return int(m.group(1)), int(m.group(2))


def resolve(men: Mention, published: tuple[int, int] | None) -> Period:
    """A mention as ref_period + period_basis. A relative or present-tense mention needs the
    publication date; without one the period is left blank (not_stated) and the note says why.
    截至 + an interval is a level at the interval's end (截至上半年 -> YYYY-06)."""
    if men.basis == "publication":
        if not published:
            return Period(
                "",
                "not_stated",
                men.words,
                f"{men.words}: give --date to read it as the publication month",
            )
        return Period(
            _fmt(*published),
            "publication",
            men.words,
            f"{men.words}: read as the publication month",
        )
    first, last = men.first, men.last
    if men.basis == "relative":
        if not published:
            return Period(
                "", "not_stated", men.words, f"{men.words}: give --date to resolve it"
            )
        year = published[0] + men.offset
        first = (year, first[1]) if first else None
        if last is None:  # 去年以来: up to publication
            last = published
        elif men.to_date:
            first, last = (year, 1), published  # 今年 alone: the year to date
        else:
            last = (year, last[1])
    assert first is not None and last is not None
    if men.as_of and (first != last):
        first = last = (last[0], last[1] or 12)
    ref = _fmt(*first) if first == last else f"{_fmt(*first)}/{_fmt(*last)}"
    note = ""
    if men.basis == "relative":
        note = f"{men.words} read as {ref} (published {_fmt(*published)})"
    return Period(ref, men.basis, men.words, note)


def interval_ending(mens: list[Mention], year: int) -> Mention | None:
    """A stated interval of years that ends in `year`: 到2026年 in a sentence about a
    2024—2026 plan refers to the plan's whole period."""
    for men in mens:
        if (
            men.basis == "stated"
            and men.first
            and men.last
            and men.first != men.last
            and men.last[0] == year
            and men.first[1] == 0
        ):
            return men
    return None
