"""What the whole article says before any one number does: the defaults a candidate falls back
on when its own words are silent.

A curator reads a statistical bulletin titled 2023年泰顺县国民经济和社会发展统计公报 and knows
every figure in it is for 2023 unless the text says otherwise (二季度 is 2023's second quarter, 比上年
compares with 2022). A county's review of its first quarter opens with 一季度，全市经济运行… and
every figure after it is that quarter's. A page on one county's government site, or a source row
that says which county a page covers, names the county for figures that name none. This module
reads those defaults from the source row (title, date, county), the title and the opening
paragraph; the extractor applies them only where a number's own sentence has no time word or
place, and says so in the `why` column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import periods

# A periodic report: a bulletin, a yearbook, a work report, a review of the economy.
_REPORT = re.compile(
    r"统计公报|国民经济和社会发展|政府工作报告|年鉴|年度报告|经济运行|经济成绩单|主要经济指标"
)
_TITLE_YEAR = re.compile(r"(?<!\d)(\d{4}|[〇零一二三四五六七八九]{4})年")


@dataclass(frozen=True)
class Document:
    """An article's defaults: the date its relative time words are read against (an annual
    report's year end, else the publication month), the period a figure with no time word of
    its own belongs to, and the county the page covers."""

    published: tuple[int, int] | None
    anchor: tuple[int, int] | None  # what 今年, 二季度, 去年 are read against
    period: (
        periods.Period | None
    )  # for a figure with no time word; None: the publication month
    adcode: str = ""  # the county or city the source covers, from its sources.csv row
    why: str = ""


def _year(text: str) -> int | None:
    m = _TITLE_YEAR.search(text)
    if not m:
        return None
    return periods.year_number(m.group(1))


# 2023年上半年相关经济数据出台, 一季度主要经济指标出炉: the article reports a data release
_RELEASE = re.compile(
    r"[^，,。]{0,8}?(?:经济数据|主要指标|经济指标|数据|成绩单|经济运行)"
)


def _first_body_sentence(simplified: str) -> str:
    """The first sentence of the first paragraph that reads as text (one that ends a sentence
    and is not a line of page furniture, a headline or a byline)."""
    for line in simplified.splitlines():
        line = line.strip()
        if "。" in line and len(line) >= 20:
            return line.split("。", 1)[0]
    return ""


def _data_release(
    simplified: str, published: tuple[int, int] | None
) -> periods.Period | None:
    """An article that opens by reporting a period's data (近日，2023年上半年相关经济数据出台):
    that period is every figure's default."""
    first = _first_body_sentence(simplified)
    lead = re.match(
        r"(?:近日|日前|昨天|昨日|今天|目前|据统计|据初步核算)?[，,]?", first
    ).end()
    for men in periods.mentions(first):
        if men.start <= lead + 1 and _RELEASE.match(first, men.end):
            period = periods.resolve(men, published)
            if period.ref_period and men.first != men.last or men.basis == "stated":
                return replace(
                    period,
                    basis="inferred",  # from the article's opening, not the figure's words
                    note=f"the period whose data the article opens with: {men.words}",
                )
    return None


def read(
    simplified: str, published: tuple[int, int] | None, source: dict | None = None
) -> Document:
    """The defaults of one article (its text in simplified script). `source`: the sources.csv
    row, or what a curator knows of the page (title, adcode)."""
    source = source or {}
    title = source.get("title", "") or ""
    lead = simplified.lstrip()[:400]
    first_line = lead.split("\n", 1)[0]
    adcode = source.get("adcode", "") or ""
    for head, where in ((title, "the title"), (first_line, "the first line")):
        year = _year(head) if _REPORT.search(head) else None
        if year:
            period = periods.Period(
                str(year), "stated", head[:30], f"the report's year, from {where}"
            )
            return Document(
                published, (year, 12), period, adcode, f"{where}: {head[:30]}"
            )
    release = _data_release(simplified, published)
    if release:
        return Document(
            published, published, release, adcode, f"opening: {release.words}"
        )
    opening = lead.split("。", 2)
    if _REPORT.search(lead) or re.search(
        r"季度|上半年|前三季度|\d+[—–-]\d+月", first_line
    ):
        for sentence in reversed(opening[:2]):  # the one nearest the figures
            mens = [m for m in periods.mentions(sentence) if m.start <= 6]
            if mens:
                period = periods.resolve(mens[0], published)
                if period.ref_period:
                    period = replace(
                        period,
                        note=f"the report's period, from its opening: {mens[0].words}",
                    )
                    return Document(
                        published,
                        published,
                        period,
                        adcode,
                        f"opening: {mens[0].words}",
                    )
    return Document(published, published, None, adcode, "")
