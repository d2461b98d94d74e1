"""One number of an article as a candidate fact: its unit and value, qualifier, period (its own
words, then the paragraph's opening, then the article's), area and entity, kind, and the
shortest quote the validator accepts; or a year something happened in, as an event. The
article-wide pipeline that calls these is zjcounty.curate.extract."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..check import statement
from ..reading import numerals, seedtext
from . import articletext, document, kinds, periods, places
from .gazetteer import Area, Hit, nearest_before
from .reference import Reference
from .units import UnitTable

QUOTE_LONGEST = 40

# One qualifier per candidate: the strongest word wins (超210GW+ is over; 约200余人 more_than).
_QUALIFIER_ORDER = (
    "over",
    "nearly",
    "at_least",
    "more_than",
    "at_most",
    "approx",
    "scale",
)
_EVENT_VERB = re.compile(
    "成立|启动|开始|推出|构建|建立|设立|创建|组建|签订|签署|选聘|出台|发布|实施|开展|举办|召开|"
    "荣获|获评|入选|投产|竣工|落地|揭牌|挂牌|开通|上市|引进|率先|结对|投资建设"
)
# 约占, 约为: "about" qualifies the verb, and so the number after it.
_APPROX_VERB = re.compile(r"(?:约占|约为|约有|约合|大约|大概)[^，,。；;]{0,12}$")
_EXTRA_MEASURES = (
    "个百分点",
    "百分点",
    "个月",
    "公里",
    "千米",
    "公斤",
    "辆",
    "座",
    "批",
    "张",
    "趟",
    "届",
    "栋",
    "层",
    "周",
    "连冠",  # 五连冠: first five times running
    "项次",
    "份",
    "例",
    "支",
    "笔",
    # counts and measures units.csv may lack: proposed with no unit, the why column says which
    "尾",
    "株",
    "棵",
    "艘",
    "架",
    "间",
    "千克",
    "立方米",
    "千瓦",
    "兆瓦",
)
_CORE_STRIP = "已达为共约有是了的到至将超近"


@dataclass
class Candidate:
    """One proposed fact, with the review information that goes beside it."""

    fields: dict[str, str]
    why: list[str]
    context: str
    line: int
    confidence: str
    order: tuple[int, int]
    heading: bool = False
    figure_key: tuple = ()
    quote_key: tuple = ()
    extra_lines: list[int] = field(default_factory=list)


# --- helpers on one reading --------------------------------------------------------------------


def simplified(text: str) -> str:
    """Simplified script, one character for one, so spans stay valid (OpenCC may convert a
    phrase to a different length; then each character is converted alone)."""
    out = seedtext.to_simplified(text)
    if len(out) != len(text):
        out = "".join(
            seedtext.to_simplified(ch) if len(seedtext.to_simplified(ch)) == 1 else ch
            for ch in text
        )
    return numerals.fold(out)


def _qualifier(quals: tuple[str, ...]) -> str:
    return next((q for q in _QUALIFIER_ORDER if q in quals), "exact")


def _format_value(value: float, decimals: int | None = None) -> str:
    """Shortest decimal text: 3300, 409.08, 0.3333 (a fraction kept to four places)."""
    if decimals is not None:
        value = round(value, decimals)
    if abs(value - round(value)) < 1e-9 * max(1.0, abs(value)):
        return str(int(round(value)))
    return f"{value:.10g}"


def _after_number(sim: str, r: numerals.Reading) -> int:
    """Index just after the number, its magnitude and a 多/余 right after it (200多个 -> at 个)."""
    i = r.end
    m = re.match(r"(?:多|余|有余)", sim[i:])
    return i + (m.end() if m else 0)


def _measure(sim: str, r: numerals.Reading, units: UnitTable) -> str:
    """The measure word after the number: one units.csv knows, or one it lacks (个月, 趟)."""
    i = _after_number(sim, r)
    extra = next((w for w in _EXTRA_MEASURES if sim.startswith(w, i)), "")
    word = units.measure_at(sim, i)
    return extra if len(extra) > len(word) else word


# --- one candidate -----------------------------------------------------------------------------


@dataclass
class Context:
    """Everything about the article that candidates share."""

    normalised: str  # the whole article as the validator normalises it
    ref: Reference
    source_id: str
    published: tuple[int, int] | None  # what relative time words are read against
    dominant: Area | None
    raw_sim: str  # the whole article in simplified script
    document: document.Document | None = (
        None  # the article's defaults (its year, its county)
    )


def _unit_and_value(
    sim: str, r: numerals.Reading, measure: str, ctx: Context, clause_before: str
) -> tuple[str, str, list[str]]:
    """(unit_id, value text, why) for a reading."""
    units = ctx.ref.units
    why: list[str] = []
    if r.kind == "percent":
        return (
            ("percent" if units.has("percent") else ""),
            _format_value(r.scaled),
            ["% -> percent"],
        )
    if r.kind == "fraction":
        return (
            ("ratio" if units.has("ratio") else ""),
            _format_value(r.scaled, 4),
            ["fraction -> ratio, 4 places"],
        )
    if kinds.is_rank(sim, r):
        return ("rank" if units.has("rank") else ""), _format_value(r.scaled), ["rank"]
    if not measure:
        named = next(
            (w for w in units.words if len(w) >= 3 and w in clause_before[-8:]), ""
        )
        if named:
            choice = units.choose(r.scaled, r.magnitude, named, "", "")
            return (
                choice.unit,
                _format_value(choice.value),
                [f"{named} named before the number -> {choice.unit}"],
            )
        if r.magnitude >= 10**8:  # 千亿级产业集群, 两大万亿产业: money is meant
            choice = units.choose(r.scaled, r.magnitude, "元", "", "")
            if choice.unit:
                return (
                    choice.unit,
                    _format_value(choice.value),
                    [f"no measure word: {r.text} read as money ({choice.unit})"],
                )
    after = sim[_after_number(sim, r) + len(measure) :]
    choice = units.choose(r.scaled, r.magnitude, measure, after, clause_before)
    why.append(
        choice.why
        if choice.unit
        else f"unit left blank: {choice.why}; value fully scaled"
    )
    return choice.unit, _format_value(choice.value), why


_LEAD_IN = r"(?:在|截至|截止|到|自|从|于|据|数据显示|[\u4e00-\u9fff]{0,4}显示)?"


def _governs(sim: str, men: periods.Mention, sent_start: int) -> bool:
    """Does a period named in an earlier clause apply to the rest of the sentence? A stated
    one does (公布2022年…评价结果,…两家单位获评). A relative or present one does when it opens
    the sentence (今年一季度经济成绩单显示,…) or is a clause of its own (今年,…; 截至上半年,…),
    not when it sits inside another statement (天台,去年荣获…天工鼎,…拥有…48家: 去年 is
    when the award was won, not the year of the count)."""
    if men.basis == "stated":
        return True
    c0, c1 = articletext.clause_span(sim, men.start)
    if re.fullmatch(_LEAD_IN, sim[c0 : men.start]) and c0 == sent_start:
        return True
    rest = sim[men.end : c1]
    return bool(re.fullmatch(_LEAD_IN, sim[c0 : men.start])) and bool(
        re.fullmatch(r"(?:期间|以来|来|底|末|初|的)?", rest)
    )


def _period(
    sim: str,
    p0: int,
    p1: int,
    sent: tuple[int, int],
    clause: tuple[int, int],
    ctx: Context,
    forecast: bool = False,
    opening: periods.Period | None = None,
) -> periods.Period:
    """The nearest calendar expression: in the clause before the number, in the clause after
    it, then earlier in the sentence. None -> the period the paragraph opens with (`opening`),
    then the article's (an annual report's year, a quarterly review's quarter), then the
    publication month (basis publication); not_stated for a forecast or without a date. For a
    forecast or a plan only its own clause, or a stated interval (a plan's years), counts."""
    s0, s1 = sent
    mens = [
        replace(m, start=m.start + s0, end=m.end + s0)
        for m in periods.mentions(sim[s0:s1])
    ]
    mens = [m for m in mens if not (m.start < p1 and p0 < m.end)]
    c0, c1 = clause
    earlier = [m for m in mens if m.end <= c0 and _governs(sim, m, s0)]
    pick = (
        nearest_before([m for m in mens if m.start >= c0 and m.end <= p0], p0)
        or next((m for m in mens if m.start >= p1 and m.end <= c1), None)
        or nearest_before(earlier, p0)
    )
    if (
        pick is not None
        and forecast
        and not (c0 <= pick.start and pick.end <= c1)
        and not (pick.basis == "stated" and pick.first != pick.last)
    ):
        pick = None  # 今年5月 竣工投产, 达产后可以每年…: the event's date is not the forecast's period
    if pick is None and not forecast and opening is not None:
        return replace(
            opening, note=_default_note(opening, "the paragraph opens with it")
        )
    if pick is None and not forecast and ctx.document and ctx.document.period:
        return replace(
            ctx.document.period,
            note=_default_note(ctx.document.period, ctx.document.why),
        )
    if pick is None:
        if forecast or not ctx.published:
            return periods.Period("", "not_stated")
        # The curated convention: a figure with no time word is read as of the article's date
        # (present-tense stocks and counts); the curator checks it, and writes not_stated for a
        # past figure whose year the text withholds.
        return periods.Period(
            periods.month(ctx.published),
            "publication",
            "",
            "no time word: read as of the article's date; check",
        )
    deadline = re.match(r"(?:到|至)", pick.words) or sim[
        max(0, pick.start - 1) : pick.start
    ] in ("到", "至")
    if (
        pick.basis == "stated"
        and pick.first == pick.last
        and pick.first[1] == 0
        and deadline
    ):
        whole = periods.interval_ending(mens, pick.first[0])
        if whole:
            pick = whole
    return periods.resolve(pick, ctx.published)


def main_area(ref: Reference, raw_sim: str, doc: document.Document) -> Area | None:
    """The area the article is about: the county its source row says it covers (a county's
    bulletin keeps its county throughout), else the one it names most."""
    covered = next(
        (a for a in ref.places.names.values() if a.adcode == doc.adcode), None
    )
    return covered or ref.places.dominant(raw_sim)


def _default_note(period: periods.Period, where: str) -> str:
    return f"no time word of its own: {period.ref_period} by default ({where})"


_NEWS_TIMING = ("近日", "日前", "近期", "前不久")


def opening_period(sim: str, ctx: Context) -> periods.Period | None:
    """The period a paragraph opens with (2023年，…; 今年以来，…; 一季度，…; 据初步核算，2023年…),
    which its later sentences inherit when they name none."""
    c0, c1 = articletext.clause_span(sim, 0)
    clause = sim[c0:c1]
    lead = re.match(r"(?:据初步核算|初步核算|经初步核算|据统计)?[，,]?", clause).end()
    for men in periods.mentions(clause):
        if men.words in _NEWS_TIMING:
            continue  # 近日，…数据出台: when the news broke, not the figures' period
        # the time words are the whole clause (2023年，…), not a date inside a statement
        # (在2022年的…活动上签订…: an event's date)
        rest = clause[men.end :]
        if men.start <= lead + 1 and re.fullmatch(
            r"(?:以来|来|期间|底|末|初|内)?", rest
        ):
            period = periods.resolve(men, ctx.published)
            return period if period.ref_period else None
    return None


_RATIO = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)+(?![\d.])")


def _bare_growth(sim: str, r: numerals.Reading, sent: tuple[int, int]) -> bool:
    """增长7.5 with no % sign, in a sentence whose other growth rates carry one (一季度增长7.5，
    二季度增长8.3%…): a percentage the text forgot to mark."""
    if not re.search(r"(?:增长|增速|下降|提高)$", sim[: r.start]):
        return False
    rest = [
        q for q in numerals.readings(sim[sent[0] : sent[1] + 1]) if q.kind == "percent"
    ]
    return bool(rest)


def _ratio(text: str, r: numerals.Reading) -> list[float] | None:
    """The terms of an a:b:c ratio the reading is part of (三次产业结构为4.1:46.2:49.7), or None.
    Each term is proposed as a number of its own."""
    for m in _RATIO.finditer(text):
        said = re.search(
            r"结构|結構|比重|比例|之比|比为|比為",
            text[max(0, m.start() - 12) : m.start()],
        )
        if (
            said and m.start() <= r.start and r.end <= m.end()
        ):  # not a clock time (15:40:11)
            return [float(t) for t in re.split("[:：]", m.group(0))]
    return None


def _core(sim: str, p0: int) -> str:
    """Two characters naming what is counted, right before the number phrase: 工业总产值已突破
    and 工业总产值突破 both give 产值 (used to propose a repeated figure once)."""
    before = sim[:p0].rstrip(_CORE_STRIP)
    return before[-2:]


def _verify(quote: str, value: str, unit: str, qualifier: str, ctx: Context) -> bool:
    """Would the validator accept this quote for this value? It must stand in the source
    (normalised), and state the value in the unit with its qualifier: the validator's own
    predicate, zjcounty.check.statement.problem."""
    if seedtext.normalise(quote) not in ctx.normalised:
        return False
    scale = ctx.ref.units.scale.get(unit, 1.0) if unit else 1.0
    try:
        return statement.problem(quote, value, unit, scale, qualifier) is None
    except ValueError:
        return False


def _quote(
    block: articletext.Block,
    p0: int,
    p1: int,
    value: str,
    unit: str,
    qualifier: str,
    ctx: Context,
    sent: tuple[int, int],
) -> str:
    """The shortest verified quote: the list item or clause, else the clause, else the sentence."""
    text = block.text
    q0, q1 = articletext.quote_span(block, p0, p1, QUOTE_LONGEST)
    tries = [(q0, q1), articletext.clause_span(text, p0), sent]
    for a, b in tries:
        a, b = min(a, p0), max(b, p1)
        if _verify(text[a:b], value, unit, qualifier, ctx):
            return text[a:b]
    return ""


def _confidence(unit: str, period: periods.Period, area_why: str, heading: bool) -> str:
    """high: unit, period and an area in the sentence all found; low: no unit or a heading."""
    if not unit or heading:
        return "low"
    if (
        period.basis != "not_stated"
        and area_why.startswith("area ")
        and "earlier" not in area_why
    ):
        return "high"
    return "medium"


def _fill(ctx: Context, **values: str) -> dict[str, str]:
    """A row with every facts column of the descriptor, blank where nothing was guessed."""
    row = dict.fromkeys(ctx.ref.columns, "")
    for k, v in values.items():
        if k in row:
            row[k] = v
    return row


def _area_fields(area: Area | None, entity: str, ctx: Context) -> dict[str, str]:
    """adcode, scope, entity and entity_en for an area and an optional named entity."""
    if area is None:
        return {"entity": entity, "scope": ctx.ref.scope("entity") if entity else ""}
    if area.level == "group":
        return {
            "adcode": area.adcode,
            "scope": ctx.ref.scope("group"),
            "entity": entity or area.name,
            "entity_en": "" if entity else area.name_en,
        }
    if entity:
        return {
            "adcode": area.adcode,
            "scope": ctx.ref.scope("entity"),
            "entity": entity,
        }
    return {
        "adcode": area.adcode,
        "scope": ctx.ref.scope("area"),
        "entity": area.name,
        "entity_en": area.name_en,
    }


def number_candidate(
    block: articletext.Block,
    sim: str,
    r: numerals.Reading,
    ctx: Context,
    orgs: list,
    hits: list[Hit],
    preceding: list[Hit],
    skipped: dict[str, int],
    opening: periods.Period | None = None,
) -> Candidate | None:
    """A candidate for one quantity reading, or None (counted in `skipped` by reason)."""
    text = block.text
    measure = (
        "" if r.kind in ("percent", "fraction") else _measure(sim, r, ctx.ref.units)
    )
    terms = _ratio(text, r)
    sent = articletext.sentence_span(text, r.start)
    growth = not measure and r.kind == "number" and _bare_growth(sim, r, sent)
    reason = "" if terms or growth else kinds.noise(sim, r, measure)
    if reason:
        skipped[reason] = skipped.get(reason, 0) + 1
        return None
    clause = articletext.clause_span(text, r.start)
    p0 = min(r.phrase_start if r.phrase_start >= 0 else r.start, r.start)
    p1 = max(r.phrase_end, _after_number(sim, r) + len(measure), r.end)
    unit, value, why = _unit_and_value(sim, r, measure, ctx, sim[clause[0] : r.start])
    if terms:  # shares that add up to 100 are percentages; other ratios have no unit
        shares = abs(sum(terms) - 100) <= 0.6 and ctx.ref.units.has("percent")
        unit, value = ("percent" if shares else ""), _format_value(r.scaled)
        ratio = ":".join(_format_value(t) for t in terms)
        why = [
            f"a term of the ratio {ratio}"
            + (": shares summing to 100, in percent" if shares else ": no unit")
        ]
    elif growth:
        unit, value = "percent", _format_value(r.scaled)
        why = [
            "no % sign after 增长, as the other growth rates of its sentence have: percent"
        ]
    qualifier = _qualifier(r.qualifiers)
    if qualifier == "exact" and _APPROX_VERB.search(sim[clause[0] : r.start]):
        qualifier = "approx"
        why.append(
            f"approx from {_APPROX_VERB.search(sim[clause[0] : r.start]).group(0)[:2]} before the number"
        )
    if (
        qualifier == "exact"
        and re.fullmatch(r"[十百千万亿]+", r.text)
        and r.magnitude >= 10**8
        and re.match(
            r"(?:级)?(?:[\u4e00-\u9fff]{0,4}?(?:产业|集群|规模))",
            sim[r.end : r.end + 8],
        )
    ):
        qualifier = "scale"
        why.append(f"{r.text} before an industry: an order of magnitude (scale)")
    if r.qualifiers:
        why.append(f"qualifier {qualifier} ({text[p0:p1]})")
    kind = kinds.kind(sim, r, sent[0], clause[0], clause[1])
    period = _period(
        sim, p0, p1, sent, clause, ctx, kind in ("expected", "plan"), opening
    )
    default = period.note if period.note.startswith("no time word") else ""
    why.append(
        f"period {period.ref_period or 'blank'} ({period.basis}{': ' + period.words if period.words else ''})"
        + (f": {default}" if default else "")
    )
    rank = kinds.is_rank(sim, r)
    said = places.attribution_span(text, sent)
    area, area_why = places.area(
        hits, p0, p1, sent, ctx.dominant, rank, orgs, preceding, said
    )
    entity = places.entity(p0, p1, sent, clause[1], orgs, said)
    why += [area_why, f"kind {kind}"] + ([f"entity {entity}"] if entity else [])
    quote = _quote(block, p0, p1, value, unit, qualifier, ctx, sent)
    if not quote:
        skipped["unverifiable"] = skipped.get("unverifiable", 0) + 1
        return None
    fields = _fill(
        ctx,
        source_id=ctx.source_id,
        value=value,
        unit=unit,
        qualifier=qualifier,
        ref_period=period.ref_period,
        period_basis=period.basis,
        kind=kind,
        quote=quote,
        note=period.note,
        **_area_fields(area, entity, ctx),
    )
    if (
        "period_basis" not in ctx.ref.columns
        and not fields.get("ref_period")
        and ctx.published
    ):
        fields["ref_period"] = periods.month(
            ctx.published
        )  # a schema without period_basis requires a period
        fields["note"] = "no period stated: the publication month is proposed"
    return Candidate(
        fields,
        why,
        text[sent[0] : sent[1] + 1],
        block.lines[r.start],
        _confidence(unit, period, area_why, block.heading),
        (block.lines[r.start], r.start),
        block.heading,
        (value, unit, qualifier, _core(sim, p0)),
        (seedtext.normalise(quote), value, unit),
    )


def event_candidate(
    block: articletext.Block,
    sim: str,
    r: numerals.Reading,
    ctx: Context,
    quantities: list[numerals.Reading],
    orgs: list,
    hits: list[Hit],
    preceding: list[Hit],
) -> Candidate | None:
    """A year something happened in (2019年, 乐清在杭州成立…): the year starts its clause or
    follows 在, is not part of a date or an interval, and an event verb follows in the same or
    the next clause with no quantity in between. Stored as kind event, unit year."""
    if not ctx.ref.units.has("year"):
        return None
    text = block.text
    after = sim[r.end :]
    if not after.startswith("年") or re.match(
        r"年(?:\d|[一二三四五六七八九十]+月|度|底|末|初|[—–\-~～至到]|上半年|下半年)",
        after,
    ):
        return None
    if re.search(r"[—–\-~～至到]$", sim[: r.start]) or re.search(
        r"[（(《][^）)》]*$", sim[: r.start]
    ):
        return None
    sent = articletext.sentence_span(text, r.start)
    c0, c1 = articletext.clause_span(text, r.start)
    opens = r.start == c0 or sim[c0 : r.start] in ("在", "于", "自")
    after_zai = re.search("在$", sim[c0 : r.start])
    near_start = r.start - c0 <= 6 and not any(
        q.start < r.start for q in quantities if c0 <= q.start
    )
    if not opens and not after_zai and not near_start:
        return None
    end = c1 if _EVENT_VERB.search(sim[r.end : c1]) else None
    if end is None and c1 < sent[1]:
        n0, n1 = articletext.clause_span(text, c1 + 1)
        if _EVENT_VERB.search(sim[n0:n1]):
            end = n1
    if end is None or any(r.end <= q.start < end for q in quantities):
        return None
    value = _format_value(r.scaled)
    quote = (
        text[c0:c1] if c1 - c0 >= 10 else text[c0:end]
    )  # 2019年, + the clause that says what happened
    if len(quote) > QUOTE_LONGEST + 10:
        verb = _EVENT_VERB.search(sim, r.end, end)
        quote = text[c0 : min(end, verb.end() + 16)]
    if not _verify(quote, value, "year", "exact", ctx):
        return None
    area, area_why = places.area(
        hits, r.start, r.end, sent, ctx.dominant, False, orgs, preceding, None
    )
    entity = places.entity(r.end, r.end, (r.end, end), end, orgs)
    fields = _fill(
        ctx,
        source_id=ctx.source_id,
        value=value,
        unit="year",
        qualifier="exact",
        ref_period=value,
        period_basis="stated",
        kind="event",
        quote=quote,
        **_area_fields(area, entity, ctx),
    )
    why = [
        f"event: {text[r.start : r.end + 1]} followed by {_EVENT_VERB.search(sim, r.end, end).group(0)}",
        area_why,
    ]
    return Candidate(
        fields,
        why,
        text[sent[0] : sent[1] + 1],
        block.lines[r.start],
        "medium",
        (block.lines[r.start], r.start),
        block.heading,
        (value, "year", "event"),
        (seedtext.normalise(quote), value, "year"),
    )
