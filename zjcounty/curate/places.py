"""Where and whom a number in an article is about: the area (`area`, from the gazetteer's hits
around it, 全市 standing for the article's main area) and the named firm, park or programme
(`entity`), read from its sentence, the sentences before it and a quoted speech's attribution."""

from __future__ import annotations

import re

from . import articletext
from .gazetteer import BODY_SUFFIX, EVENT_SUFFIX, Area, Hit, nearest_before

_COMPANY = ("公司", "集团", "厂", "银行")
# Names whose place is their registration, host or jurisdiction, not where a figure is:
# 浙江赛赛轴承有限公司, 2022浙江泵与电机展览会, 台州市商务局副局长
_NOT_WHERE = _COMPANY + EVENT_SUFFIX + BODY_SUFFIX


def outside_names(hits: list[Hit], orgs: list) -> tuple[list[Hit], list[Hit]]:
    """Hits outside and inside the names of firms, events and public bodies."""
    names = [o for o in orgs if o.name.endswith(_NOT_WHERE)]
    inside = [
        h for h in hits if any(o.start <= h.start and h.end <= o.end for o in names)
    ]
    return [h for h in hits if h not in inside], inside


_LOCAL = re.compile("全市|我市|本市|该市|全县|我县|本县|全区|我区|本区")
# A named county before a named prefecture before 全市/我市 before the province or a group.
_LEVEL_RANK = {"county": 0, "prefecture": 1, "local": 2, "province": 3, "group": 3}


def local_hits(sim: str, dominant: Area | None) -> list[Hit]:
    """全市, 我市, 本县 … name the article's own area (its most named one); not in 占全市比重
    or 全省前三, where the area is the frame of a share or a rank."""
    if dominant is None:
        return []
    return [
        Hit(
            m.start(),
            m.end(),
            Area(dominant.adcode, dominant.name, dominant.name_en, "local"),
            m.group(0),
        )
        for m in _LOCAL.finditer(sim)
        if not (
            sim[max(0, m.start() - 1) : m.start()] == "占"
            or re.match(r"比重|比例|第|前|首|唯一", sim[m.end() : m.end() + 2])
        )
    ]


def _best(hits: list[Hit], position: int, before: bool = True) -> Hit | None:
    """Among hits, the best level first (county, prefecture, 全市, province or group), then the
    nearest to `position`."""
    if not hits:
        return None
    top = min(_LEVEL_RANK.get(h.area.level, 3) for h in hits)
    best = [h for h in hits if _LEVEL_RANK.get(h.area.level, 3) == top]
    return (
        nearest_before(best, position) if before else min(best, key=lambda h: h.start)
    )


def area(
    hits: list[Hit],
    p0: int,
    p1: int,
    sent: tuple[int, int],
    dominant: Area | None,
    rank: bool,
    org_spans: list,
    preceding: list[Hit],
    attribution: tuple[int, int] | None,
) -> tuple[Area | None, str]:
    """The area the figure is about and how it was found: named before the number in its
    sentence (a county before a prefecture before 全市 before the province or a group); else a
    county named after it in the sentence or in the attribution of a quoted speech (“…”张三
    表示); else the best area of the earlier sentences; else the article's main area. A province
    at the head of a firm's name is its registration, and the area right before a rank is the
    ranking's frame (位列嘉兴第一)."""
    hits = [h for h in hits if not (h.start < p1 and p0 < h.end)]
    # A place inside a company's name (浙江赛赛轴承有限公司, 温州核芯智存科技公司) is its
    # registration, inside an event's its host, inside a bureau's its jurisdiction, not where the
    # figure is: it sets the area only if nothing else does. (A park named after its place,
    # 瓯海仙岩工业园, is there.)
    hits, in_names = outside_names(hits, org_spans)
    if rank:
        hits = [h for h in hits if not (h.end <= p0 and p0 - h.end <= 3)]
    s0, s1 = sent
    before = [h for h in hits if s0 <= h.start and h.end <= p0]
    near = _best([h for h in before if _LEVEL_RANK.get(h.area.level, 3) <= 2], p0)
    if near:
        return _local(near.area, dominant), f"area {near.words} before the number"
    a1 = attribution[1] if attribution else s1
    after = [h for h in hits if p1 <= h.start < a1 and h.area.level == "county"]
    if after:
        return after[0].area, f"area {after[0].words} after the number"
    wide = _best(before, p0)
    if wide:
        return wide.area, f"area {wide.words} before the number"
    earlier = _best([h for h in hits if h.end <= s0], s0) or _best(preceding, 10**9)
    if earlier:
        return _local(
            earlier.area, dominant
        ), f"area {earlier.words} in an earlier sentence"
    if dominant:
        return (
            dominant,
            f"area: the article's main area {dominant.name} (none in the sentence)",
        )
    inside = _best([h for h in in_names if sent[0] <= h.start < sent[1]], p0)
    if inside:
        return inside.area, f"area {inside.words}, only inside a name"
    return None, "no area found"


def _local(area: Area, dominant: Area | None) -> Area:
    """A 全市 hit stands for the article's main area."""
    return dominant if area.level == "local" and dominant else area


def attribution_span(text: str, sent: tuple[int, int]) -> tuple[int, int] | None:
    """A sentence that ends a quoted speech (…。”) is attributed in the next one (张三表示):
    that sentence, for finding who and where."""
    s1 = sent[1]
    if text[s1 + 1 : s1 + 2] in ("”", "」") and s1 + 2 < len(text):
        return articletext.sentence_span(text, s1 + 2)
    return None


def entity(
    p0: int,
    p1: int,
    sent: tuple[int, int],
    clause_end: int,
    orgs: list,
    attribution: tuple[int, int] | None = None,
) -> str:
    """The firm, park or programme named nearest before the number in its sentence, or right
    after it in the same clause, or in the attribution of a quoted speech."""
    s0, s1 = sent
    before = nearest_before([o for o in orgs if s0 <= o.start and o.end <= p0], p0)
    if before:
        return before.name
    after = next((o for o in orgs if p1 <= o.start and o.end <= clause_end), None)
    if after is None and attribution:
        after = next(
            (o for o in orgs if attribution[0] <= o.start and o.end <= attribution[1]),
            None,
        )
    return after.name if after else ""
