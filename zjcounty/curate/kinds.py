"""What a number in an article is: not a figure at all (a range, a date's part, a code, an
enumeration: `noise`), a rank (`is_rank`), and which kind of fact (`kind`: target, forecast,
plan, policy setting, stock or flow), each read from the words around it.

What is never proposed, and why (each rule is general, none names a source):
- ranges (三四十万元, 三四趟): not one number; the curated tables leave them out too;
- vague amounts (数万家, 几十个) and the article 一 (一批, 一家家, 一条路) unless qualified (一年多);
- enumerations and list numbers (一是, 二是, 其一, 1.), ordinals that are not ranks (第三方);
- programme names and codes (1+4+N, 5+5+N, 415X, “11365”, 5G, a0002版): numbers joined to
  letters or plus signs, or bare numbers with no measure word at all;
- durations that title a plan (三年行动方案), half in 上半年;
- clock times (三点五十分): a 点 the numeral reader did not take as a decimal point.
"""

from __future__ import annotations

import re

from ..reading import numerals

_TARGET = re.compile(r"目标|力争|争取|确保|到\d{4}年|到20|面向未来|未来")
_EXPECTED = re.compile(r"预计|有望|可望|(?<!将)将(?!近)")
_AFTER_DONE = re.compile(
    r"达产后|建成后|投产后|投入后|投用后|完成后|实施后"
)  # 达产后可实现…: a forecast
_PLAN = re.compile(r"计划|方案|规划|拟|要用|提出")
_PLAN_AFTER = re.compile(r"^[^，,。；;]{0,3}?(?:行动|支撑|任务)")  # 实施九大行动
_POLICY = re.compile(
    r"政策|免租|补贴|奖励|资金|安排|只需|每月|扶持|清单|抓手|赛道|定下|出台"
)
_LEVEL_REACHED = re.compile(
    r"(?:增长|提升|提高|增加|增|降|下降|减少|压减)(?:至|到)$"
)  # 提升至2.8: a level
_STOCK = re.compile(
    r"累计|拥有|已有|共有|共计|合计|共招引|共引进|现有|总量|规模(?!以上)|集聚|已"
)
# Flows whatever else is said: what a year produced, spent, sowed, bore or employed.
_FLOW = re.compile(
    r"生产总值|GDP|增加值|产值|营收|收入|支出|出生|死亡|出栏|播种|全年|就业|产量|销售额|用电量"
)
# Levels at a point in time: the year's end (年末户籍人口, and the shares of it in that sentence).
_YEAR_END = re.compile(r"年末|年底|末(?=[\u4e00-\u9fff]{0,6}人口)")
# 累计 inside one year is a flow (1—9月累计, 全年累计): only an open-ended total is a level.
_WITHIN_YEAR = re.compile(
    r"全年|今年以来|[上下]半年|季度|\d{1,2}[—–-]\d{1,2}月|1至\d{1,2}月"
)
# Changes and flows: an amount produced, earned, grown or cut over a period, or a share of one.
_OUTCOME = re.compile(
    r"增长|提升|提高|新增|增加|减少|下降|降低|走访|解决|带来|压减|组织|"
    r"生产总值|GDP|增加值|产值|营收|收入|投资|出货量|销量|产量|利税|效益|占(?!地)|份额|比重|占有率|"
    r"产业结构|增加值结构|启动|新引进|引进|新签|签约|新设|招引|开工|实现"
)
_RANK_FRAME = re.compile(r"(?:位列|位居|居|排名|排|列|名列|稳居|位于)[^，,。；;]{0,8}$")
_PROGRAMME_CODE = re.compile(r"[0-9A-Za-z][+＋]$|^[+＋][0-9A-Za-zＮＸ]")
_VAGUE_BEFORE = ("数", "几", "若干", "好几")


def is_rank(sim: str, r: numerals.Reading) -> bool:
    """An ordinal that ranks something (位列全国第16位, 居温州第一), not 第三方 or 第二生产基地."""
    if r.kind == "ordinal":
        before = sim[: r.start - 1]
        after = sim[r.end : r.end + 1]
        return bool(_RANK_FRAME.search(before)) or after in ("位", "名")
    return (
        "at_most" in r.qualifiers
        and sim[max(0, r.start - 1) : r.start] == "前"
        and not _measure_word_after(sim, r)
    )


# A money amount that names a class of projects or firms (10亿元以上项目, 亿元以上的企业).
_THRESHOLD = re.compile(
    r"(?:万|亿)?元(?:及)?以上(?:的)?[^，,。；;\d]{0,6}?(?:项目|企业|工业企业)"
)


def _measure_word_after(sim: str, r: numerals.Reading) -> bool:
    return bool(re.match(r"[个家项人名位次年天日月条台套种]", sim[r.end : r.end + 1]))


def noise(sim: str, r: numerals.Reading, measure: str) -> str:
    """Why this reading is not a figure, or '' if it may be one (see the module docstring)."""
    before, after = sim[: r.start], sim[r.end :]
    if r.kind == "range":
        return "range"
    if re.match(r"次产业|产(?:业)?[、和]|大门类", after) or re.match(
        r"[一二三]产", sim[r.start : r.end + 1]
    ):
        return "name"  # 三次产业, 一二三产: the sectors' names, not a count
    if r.kind == "ordinal" and not is_rank(sim, r):
        return "ordinal"
    if r.kind == "half" and before.endswith(("上", "下")):
        return "half-year"
    if before.endswith(_VAGUE_BEFORE):
        return "vague"
    if re.match(r"点[零〇一二两三四五六七八九]", after) or re.search(
        r"[零〇一二两三四五六七八九十]点$", before
    ):
        return "clock time"  # 三点五十分; a decimal in words (十二点五) is one reading and never gets here
    if (
        (before[-1:].isascii() and before[-1:].isalpha())
        or _PROGRAMME_CODE.search(before[-2:])
        or _PROGRAMME_CODE.search(after[:2])
    ):
        return "code"
    if after[:1].isascii() and after[:1].isalpha() and not measure:
        return "code"
    if (
        re.match(r"[是、.．]", after[:1])
        and (r.start == 0 or re.search(r"[，,。；;：:“]$", before))
        and not measure
    ):
        return "enumeration"
    if before.endswith("其") and r.text in "一二三四五六七八九":
        return "enumeration"
    if r.text == "一" and r.kind == "number" and "more_than" not in r.qualifiers:
        return "article"
    if r.qualifiers == ("scale",) and r.magnitude < 10**4 and r.kind == "number":
        return "levels"  # 市、镇两级, 一级调研员: tiers, not an order of magnitude
    if measure == "大" and re.match(r"大[\d零〇一二两三四五六七八九十百千万亿]", after):
        return "count of figures"  # 两大千亿级产业集群: the figure is the number that follows
    if r.scaled == 0:
        return "zero"
    if _THRESHOLD.match(after):
        return "threshold"  # 10亿元以上项目3个: a class of projects; the count is the figure
    if measure == "年" and re.match(r"年(?:行动|计划|规划|方案|攻坚)", after):
        return "plan title"
    if (
        r.kind == "number"
        and not measure
        and not r.qualifiers
        and r.magnitude < 10**8
        and not re.search(r"(?:至|为|达|到|是)$", before)
        and not after.startswith("大")
    ):
        return "bare"
    return ""


def kind(
    sim: str, r: numerals.Reading, sent_start: int, clause_start: int, clause_end: int
) -> str:
    """kind guess from the words before the number in its sentence and clause: a rank; a
    target (目标, 力争, 到2026年 anywhere before it in the sentence); a forecast (预计, 将 in its
    clause, 达产后 in its sentence); a plan or a policy setting; a level (累计, 已有, 提升至);
    a change or flow (增长, 新增, 产值, 占…比重); otherwise a stock."""
    pre, clause_pre, clause = (
        sim[sent_start : r.start],
        sim[clause_start : r.start],
        sim[clause_start:clause_end],
    )
    if is_rank(sim, r):
        return "rank"
    if _TARGET.search(pre):
        return "target"
    if _EXPECTED.search(clause_pre) or _AFTER_DONE.search(pre):
        return "expected"
    if _PLAN.search(clause_pre) or _PLAN_AFTER.search(sim[r.end : clause_end]):
        return "plan"
    if _POLICY.search(clause):
        return "policy"
    if _LEVEL_REACHED.search(clause_pre):
        return "stock"
    if _YEAR_END.search(pre) and not re.search(r"增长|增加|减少|提高|下降", clause_pre):
        return "stock"
    if re.search("累计", clause_pre) and not _WITHIN_YEAR.search(pre):
        return "stock"
    if _FLOW.search(clause):
        return "outcome"
    if _STOCK.search(clause_pre):
        return "stock"
    if _OUTCOME.search(clause):
        return "outcome"
    return "stock"
