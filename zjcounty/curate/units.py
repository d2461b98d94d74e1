"""Which unit of data/units.csv a number is in, from the measure word after it and its
magnitude: 3300亿元 -> 3300 cny_100m, 三万米 (日产) -> 30000 metres_per_day, 1.4万家 -> 14000
enterprises, 超千万元 -> 1000 cny_10k, 65% -> 65 percent.

Why from units.csv and not a fixed list: the unit vocabulary is curated data and grows. A unit's
measure words and magnitude are read from its `name_zh` (亿元 = 元 × 1e8; 项/个 = 项 or 个;
元/月 = 元 per month) and `short_zh`; `numeral_scale` says which magnitude the value carries.
The few words units.csv cannot say (名 and 位 count people; 种 counts product lines) are the
small mapping below. The value is the reading divided by the chosen unit's numeral_scale, so
the validator's value rule (value × numeral_scale = the fully scaled reading) holds by
construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data.tables import load

_MAGNITUDE = {"万": 10**4, "亿": 10**8, "千": 10**3, "百": 100}
_RATE = {"日": "day", "天": "day", "月": "month", "年": "year"}
# Measure words units.csv does not spell, mapped to one it does.
SYNONYMS = {
    "名": "人",
    "位": "人",
    "臺": "台",
    "次": "项",
    "天": "日",
    "市场主体": "户",
    "个市场主体": "户",
    "吉瓦": "GW",
    "款": "项",
    "件": "项",
    "大": "项",
    "种": "个",
    "张": "项",
}
# Classifiers that count anything: the words after (or before) them say what is counted, and may
# pick a unit of another measure word (13家综合体 are items, 18个结对联合体 county pairs).
GENERIC = ("个", "家", "项", "条", "大", "种", "张")
# Words that keep 家 for enterprises whatever else is near.
_FIRMS = r"企业|厂商|公司|工厂|厂家|企"
# Words right after a measure word that pick one of several units sharing it (个: items,
# product lines, counties ...). The first unit whose hint matches wins; otherwise units.csv order.
HINTS = {
    "product_lines": r"^(?:系列|种类|型号|品种|品类|规格)",
    "production_lines": r"^(?:[^，,。；;]{0,12}?(?:产线|生产线|流水线))",
    "counties": r"^(?:[^，,。；;]{0,4}?县(?!城|域|里|委|级)|县\(市、区\))",
    "county_pairs": r"^(?:结对|[^，,。；;]{0,3}?联合体)",
    "items": r"^(?:[^，,。；;]{0,8}?(?:机构|单位|团队|载体|平台|综合体|中心|政策|措施|条款|赛道|"
    r"行动|项目|问题|难题|试点))",
}
# Words before a number that pick one of two units sharing a measure word (家次: served or visited).
BEFORE_HINTS = {
    "firm_times_served": r"服务[^，,。；;]{0,10}$",
    "enterprise_visits": r"走访[^，,。；;]{0,10}$",
}
# Rates: 日产, 每天, 每月, 每年, 年产 shortly before the number, or /日 /月 /年 right after it.
_RATE_BEFORE = re.compile(
    r"(每(?:日|天|月|年)|日产|月产|(?<![今去明前全当])年产|/(?:日|天|月|年))"
)  # 年产 is a rate; 今年产值 is this year's output


@dataclass(frozen=True)
class Unit:
    unit_id: str
    words: tuple[str, ...]  # measure words without magnitude: 元, 项, 个
    scale: float  # numeral_scale
    rate: str  # '', day, month, year
    order: int


@dataclass(frozen=True)
class Choice:
    unit: str  # unit_id, or "" when none fits
    value: float  # the reading divided by the unit's numeral_scale
    measure: str  # the measure word found after the number ('' if none)
    why: str


def _parse_name(name: str) -> list[tuple[str, float, str]]:
    """亿元/年 -> [(元, 1e8, year)]; 项/个 -> [(项,1,''), (个,1,'')]; 万户/万个市场主体 -> two."""
    out = []
    parts = name.split("/")
    if len(parts) == 2 and parts[1] in _RATE:
        parts, rate = [parts[0]], _RATE[parts[1]]
    else:
        rate = ""
    for part in parts:
        part = re.sub(r"\(.*\)$", "", part)
        scale = 1.0
        while part and part[0] in "万亿" and len(part) > 1:
            scale *= _MAGNITUDE[part[0]]
            part = part[1:]
        if part:
            out.append((part, scale, rate))
    return out


class UnitTable:
    """The units of a Data Package, indexed by measure word."""

    def __init__(self, data_dir: Path | str):
        units = load("units", data_dir)
        self.scale: dict[str, float] = {}
        self.units: list[Unit] = []
        for order, (_, r) in enumerate(units.iterrows()):
            uid, scale = str(r["unit_id"]), float(r["numeral_scale"])
            self.scale[uid] = scale
            short = r.get("short_zh")
            short = "" if short is None or pd.isna(short) else str(short)
            for word, mag, rate in _parse_name(str(r["name_zh"])) + _parse_name(short):
                if mag == scale or mag == 1:
                    self.units.append(Unit(uid, (word,), scale, rate, order))
        self.words = sorted(
            {w for u in self.units for w in u.words} | set(SYNONYMS),
            key=len,
            reverse=True,
        )

    def has(self, unit_id: str) -> bool:
        return unit_id in self.scale

    def measure_at(self, text: str, i: int) -> str:
        """The measure word starting at text[i] (longest first), '' if none."""
        for w in self.words:
            if text.startswith(w, i):
                return w
        return ""

    def _family(self, word: str) -> list[Unit]:
        word = SYNONYMS.get(word, word)
        return [u for u in self.units if word in u.words]

    def _hinted(
        self, measure: str, scaled: float, magnitude: int, after: str, before: str
    ) -> Choice | None:
        """A generic classifier whose neighbouring words name what is counted (HINTS)."""
        if measure not in GENERIC:
            return None
        near = after[:12]
        if measure == "家" and re.search(_FIRMS, near[:8] + before[-6:]):
            return None
        for unit_id, rx in HINTS.items():
            unit = next(
                (
                    u
                    for u in self.units
                    if u.unit_id == unit_id and u.scale <= max(magnitude, 1)
                ),
                None,
            )
            if unit and (
                re.search(rx, near)
                or (
                    unit_id == "items"
                    and re.search(rx.replace("^", "", 1) + "$", before[-10:])
                )
            ):
                return Choice(
                    unit_id,
                    scaled / unit.scale,
                    measure,
                    f"{measure} + {unit_id} words -> {unit_id}",
                )
        return None

    def choose(
        self, scaled: float, magnitude: int, measure: str, after: str, before: str
    ) -> Choice:
        """The unit for a reading of `scaled` (fully scaled) whose number carries `magnitude`,
        followed by `measure` and then the text `after`; `before` is the clause before it.
        Among units sharing the measure word: the rate first (每月 -> 元/月), then the largest
        numeral_scale the magnitude allows (千万元 -> 万元), then the hint words."""
        family = self._family(measure)
        if not family:
            return Choice(
                "",
                scaled,
                measure,
                f"no unit in units.csv for {measure}"
                if measure
                else "no measure word after the number",
            )
        m = _RATE_BEFORE.search(before[-6:]) or re.match(r"/(日|天|月|年)", after)
        marker = m.group(1) if m else ""
        rate = _RATE.get(marker[1:2] if marker[:1] in "每/" else marker[:1], "")
        hinted = self._hinted(measure, scaled, magnitude, after, before)
        if hinted:
            return hinted
        same_rate = (
            [u for u in family if u.rate == rate]
            or ([u for u in family if u.rate == ""] if rate else [])
            or family
        )
        fitting = [
            u
            for u in same_rate
            if u.scale <= max(magnitude, 1) and max(magnitude, 1) % u.scale == 0
        ]
        if not fitting:
            return Choice(
                "", scaled, measure, f"no unit for {measure} at magnitude {magnitude:g}"
            )
        top = max(u.scale for u in fitting)
        best = [u for u in fitting if u.scale == top]
        pick = None
        for unit_id, rx in BEFORE_HINTS.items():
            if any(u.unit_id == unit_id for u in best) and re.search(rx, before):
                pick = next(u for u in best if u.unit_id == unit_id)
                break
        for unit_id, rx in HINTS.items() if pick is None else ():
            if any(u.unit_id == unit_id for u in best) and re.search(rx, after):
                pick = next(u for u in best if u.unit_id == unit_id)
                break
        if pick is None:
            hinted = set(HINTS) - {"items"}
            plain = [u for u in best if u.unit_id not in hinted] or best
            pick = min(plain, key=lambda u: u.order)
        why = f"{measure}{'/' + rate if pick.rate else ''} -> {pick.unit_id}"
        return Choice(pick.unit_id, scaled / pick.scale, measure, why)
