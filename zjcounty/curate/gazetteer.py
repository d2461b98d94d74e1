"""Who and where a figure is about: area names from counties.csv and regions.csv (full names,
short names such as 乐清, 海宁, 景宁, and prefecture names such as 温州), and the names of firms,
parks and programmes (strings ending in 公司, 集团, 园, 基地, 中心, 综合体, 工程, 工厂 ...).

Why: a candidate fact needs an adcode and an entity, and a curator checks a guess faster than
they type one. The guesses are deliberately simple and say where they came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..data.tables import load


@dataclass(frozen=True)
class Area:
    adcode: str
    name: str  # the official Chinese name: 乐清市
    name_en: str
    level: str  # county, prefecture, province, group (regions.csv), local (全市 in extract.py)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    area: Area
    words: str


# A place name followed by one of these is an institution's name, not the place a figure is
# about (温州医科大学 is not a Wenzhou figure).
_NOT_PLACE_AFTER = (
    "大学",
    "医科大学",
    "理工学院",
    "学院",
    "医学院",
    "日报",
    "晚报",
    "港口岸",
)
# Short names that are ordinary words far more often than places.
_AMBIGUOUS = {
    "江山",
    "路桥",
    "天台",
    "西湖",
    "江北",
    "上城",
    "开化",
    "普陀",
    "平阳",
    "海盐",
}


class Gazetteer:
    """Area names of the Data Package, longest first, so 景宁畲族自治县 wins over 景宁, and every
    town, township and street of Zhejiang (data/towns.csv, from JioNLP's gazetteer), which
    names its county: 北白象镇 is in 乐清市. A town name two counties share (城关镇) names neither."""

    def __init__(self, data_dir: Path | str):
        counties = load("counties", data_dir)
        regions = load("regions", data_dir)
        names: dict[str, Area] = {}
        for _, r in regions.iterrows():
            area = Area(
                str(r["adcode"]), str(r["name_zh"]), str(r["name_en"]), str(r["level"])
            )
            for name in _names_of_region(area):
                names[name] = area
        for _, r in counties.iterrows():
            area = Area(
                str(r["adcode"]), str(r["name_zh"]), str(r["name_short_en"]), "county"
            )
            for name in (str(r["name_zh"]), str(r["name_short_zh"])):
                if len(name) >= 2:
                    names[name] = area
        county_of = {a.adcode: a for a in names.values() if a.level == "county"}
        self.towns: dict[str, Area] = {}
        towns_file = Path(data_dir) / "towns.csv"
        if towns_file.is_file():  # every town, township and street leads to its county
            for _, t in load("towns", data_dir).iterrows():
                if str(t["shared"]) != "true" and str(t["adcode"]) in county_of:
                    self.towns[str(t["town_zh"])] = county_of[str(t["adcode"])]
        self.names = names | {t: a for t, a in self.towns.items() if t not in names}
        self._rx = re.compile(
            "|".join(sorted(map(re.escape, self.names), key=len, reverse=True))
        )

    def hits(self, text: str) -> list[Hit]:
        """Area names in `text` (simplified script), left to right, except those that begin an
        institution's name (温州大学, 温州日报). See `usable` for ambiguous short names."""
        out = []
        for m in self._rx.finditer(text):
            word, area = m.group(0), self.names[m.group(0)]
            after = text[m.end() : m.end() + 5]
            if after.startswith(_NOT_PLACE_AFTER):
                continue
            if word in self.towns and word not in self.names.keys() - self.towns.keys():
                word = f"{word}（{area.name}）"  # the why column says which county
            out.append(Hit(m.start(), m.end(), area, word))
        return out

    def dominant(self, text: str) -> Area | None:
        """The area the article is mostly about: most often named, counties before prefectures
        on a tie. 全市/我市/全县 in the text refer to it."""
        counts = Counter(h.area for h in self.hits(text) if h.words not in _AMBIGUOUS)
        if not counts:
            return None
        rank = {"county": 0, "prefecture": 1, "province": 2}
        counts = Counter({a: n for a, n in counts.items() if a.level != "group"})
        return (
            max(counts, key=lambda a: (counts[a], -rank.get(a.level, 3), a.adcode))
            if counts
            else None
        )

    def usable(self, hits: list[Hit], text: str) -> list[Hit]:
        """Drop ambiguous short names (天台 is also "a platform", 江山 "the country") unless the
        article `text` also uses the area's full name (天台县)."""
        full = {h.area for h in self.hits(text) if h.words == h.area.name}
        return [
            h
            for h in hits
            if h.words not in _AMBIGUOUS or h.area in full or h.words == h.area.name
        ]


def _names_of_region(area: Area) -> set[str]:
    """How a text names a region: 温州市 or 温州; a group row (山区26县(合计), 结对的18个山区县
    (合计)) by its name without the bracket, and the words after 的 (18个山区县)."""
    if area.level != "group":
        return {n for n in (area.name, re.sub("[省市]$", "", area.name)) if len(n) >= 2}
    core = re.sub(r"[（(][^）)]*[）)]$", "", area.name)
    return {n for n in (core, core.split("的")[-1]) if len(n) >= 4}


# --- firms, parks, programmes ------------------------------------------------------------

# Events and public bodies: a place in their names (2022浙江泵与电机展览会, 台州市商务局) is their
# host or jurisdiction, not where a figure is. Events' names often join two products
# (泵与电机展览会): inside them 与/和/及 do not end a name.
EVENT_SUFFIX = ("展览会", "博览会", "交易会", "展会", "论坛", "峰会")
BODY_SUFFIX = ("商会", "商务局", "商务厅")
ORG_SUFFIX = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "公司",
    "集团",
    "产业园",
    "科技园",
    "工业园",
    "园区",
    "园",
    "基地",
    "中心",
    "综合体",
    "工程",
    "工厂",
    "研究院",
    "实验室",
    "联合体",
    "研修班",
    "共享库",
    "小镇",
    "开发区",
    "高新区",
    "经开区",
    "项目",
    *EVENT_SUFFIX,
    *BODY_SUFFIX,
)
# Where a name starts: after punctuation, or after one of these words (verbs and particles).
_NAME_STOP = re.compile(
    "(?:的|在|与|和|及|对|为|是|从|向|由|将|让|使|被|给|到|了|于|把|该|这|等|成立|建设|打造|推动|依托|联合|组织|"
    "位于|入驻|走进|来自|借助|得益于|凭借|以|共建|建成|推出|构建|认定|开办|实施|设立|启动|拥有|获评|荣获|"
    "列入|包括|其中|比如|例如|经过|通过|帮助|支持|引进|落地|签约|集聚|聚焦|简称|感谢|"
    "实现|开展|及以上|以上|以下|加快|培育|覆盖|按照|围绕|成为|作为|分别|创建|"
    "[\\d一二三四五六七八九十百千万]+[家个大座所批])"
)
_NAME_CHARS = re.compile(r"[\u3400-\u9fffA-Za-z0-9（）()—·\-]")
# Generic heads that name no particular organisation: 中心 alone, 该公司, 企业 ...
_GENERIC = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[大个家座]?|省级|市级|国家级|全市|全省|该|本|各类|多个|首个|这一|一批)?"
    r"(?:公司|集团|园区|园|基地|中心|工程|工厂|项目|实验室|研究院|综合体|联合体)$"
)


# A name that starts with a quantity, time or generic word is a description (多个技术创新项目,
# 去年企业合作项目, 整体项目), not a name.
_QUANTITY_WORDS = (
    "多个",
    "一批",
    "一些",
    "各类",
    "各种",
    "首个",
    "一个",
    "这个",
    "这些",
    "该",
    "数个",
    "众多",
    "部分",
    "去年",
    "今年",
    "预计",
    "整体",
    "合作",
    "重点",
    "新增",
    "相关",
    "本",
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
)


@dataclass(frozen=True)
class Org:
    start: int
    end: int
    name: str


def organisations(text: str) -> list[Org]:
    """Names ending in an organisation word (浙江俊朗电气自动化股份有限公司, 浙南紧固件产业园,
    环龙新材料项目), cut after the last verb or particle before them."""
    found: list[Org] = []
    suffix_rx = re.compile("|".join(map(re.escape, ORG_SUFFIX)))
    for m in suffix_rx.finditer(text):
        end = m.end()
        start = m.start()
        while (
            start > 0 and start > m.start() - 24 and _NAME_CHARS.match(text[start - 1])
        ):
            start -= 1
        run = text[start:end]
        cut = 0
        event = m.group(0) in EVENT_SUFFIX
        for stop in _NAME_STOP.finditer(run[: m.start() - start]):
            if not (event and stop.group(0) in ("与", "和", "及")):
                cut = stop.end()
        name = run[cut:].lstrip("上下")
        cut = len(run) - len(name)
        if (
            len(name) - len(m.group(0)) < 2
            or _GENERIC.match(name)
            or name.startswith(_QUANTITY_WORDS)
            or name[0].isdigit()
        ):
            continue
        if found and found[-1].end > start + cut:
            if found[-1].end >= end:
                continue
            found.pop()  # 科技园 inside a longer 科技园区 name: keep the longer
        found.append(Org(start + cut, end, name))
    return found


def nearest_before(items: list, position: int, attr: str = "end"):
    """The item whose end is closest before `position`, or None."""
    before = [x for x in items if getattr(x, attr) <= position]
    return max(before, key=lambda x: getattr(x, attr)) if before else None
