"""Propose candidate facts from one news article: `python -m zjcounty extract FILE`.

Every number the numeral reader (`numerals.readings`) finds becomes a candidate row in the shape
of data/facts.csv (the columns are read from the Data Package descriptor, so the tool follows
the schema), with the value in a unit of units.csv, the qualifier attached to the number, the
period (stated, relative to --date, or the publication month for 目前), an area and entity guess,
a kind guess and the shortest quote the validator accepts. Review columns around them say why:
`candidate` and `confidence` first; `why`, `context` (the sentence) and `line` last. `add`
drops them.

The pipeline is here: the article's defaults first (`document`: a report's year or quarter from
its title or opening, the county its source row covers), then each block and each number. One
number becomes a candidate in `candidate`; the reading of its surroundings is in its own
modules: what a number is and of which kind (kinds), where and whom it is about (places, with
the towns of data/towns.csv), when (periods), in which unit (units), and whether its quote
states it (zjcounty.check.statement, the validator's own predicate). Years and dates are
never proposed as quantities: a year something happened in (2019年, 乐清在杭州成立…) is proposed
as an `event` with unit `year`, as the curated tables store it. Text a mirror site appends
(link teasers) is skipped; a block repeated verbatim is read once, and a figure stated twice (a
headline and its paragraph) is proposed once.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from ..paths import DATA
from ..reading import numerals, seedtext
from . import articletext, document, periods, places
from .articletext import ArticleError, read_article
from .candidate import (
    Candidate,
    Context,
    event_candidate,
    main_area,
    number_candidate,
    opening_period,
    simplified,
)
from .gazetteer import Hit, organisations
from .reference import Reference
from .review import REVIEW_FIRST, REVIEW_LAST, to_csv

# --- the whole article ---------------------------------------------------------------------------

_BASIS_RANK = {
    "stated": 0,
    "relative": 1,
    "publication": 2,
    "inferred": 3,
    "not_stated": 4,
    "": 5,
}


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """Propose a repeated figure once. The same quote (normalised) with the same value and unit
    is one candidate; so is a heading's figure and the same value, unit and qualifier in the
    prose (headings repeat the paragraphs below them). The prose occurrence is kept, and takes
    the most specific period any repeat gives (and says so). Two prose statements of the same
    value, unit and qualifier counted by the same words are both kept, and flagged."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.heading, c.order)):
        twin = next(
            (
                k
                for k in kept
                if k.quote_key == c.quote_key
                or (c.heading and k.figure_key[:3] == c.figure_key[:3])
            ),
            None,
        )
        if twin is None:
            similar = next((k for k in kept if k.figure_key == c.figure_key), None)
            if similar:
                c.why.append(
                    f"same value, unit and qualifier as the figure at line {similar.line}: stated twice?"
                )
            kept.append(c)
            continue
        twin.extra_lines.append(c.line)
        better = _BASIS_RANK.get(c.fields.get("period_basis", ""), 5) < _BASIS_RANK.get(
            twin.fields.get("period_basis", ""), 5
        )
        if better and c.fields.get("ref_period"):
            for k in ("ref_period", "period_basis", "note"):
                if k in twin.fields:
                    twin.fields[k] = c.fields[k]
            twin.why.append(f"period taken from the repeat at line {c.line}")
    for k in kept:
        if k.extra_lines:
            k.why.append(
                "also stated at line " + ", ".join(map(str, sorted(set(k.extra_lines))))
            )
    return sorted(kept, key=lambda c: c.order)


_MILESTONE = re.compile(
    r"(?:突破|迈上|跨上|跨越|站上|超过|超)[^，,。；;]{0,8}(?:大关|台阶|关口)"
)


def _round(value: str) -> bool:
    """1000, 500, 1 (one or two significant digits): a milestone's kind of number."""
    digits = value.replace(".", "").strip("0")
    return len(digits) <= 2


def _milestones(cands: list[Candidate], skipped: dict[str, int]) -> list[Candidate]:
    """A round milestone that restates a precise figure beside it (实现产值1032亿元，突破千亿元
    大关) is not a second number: it is dropped, and the precise figure says so. A milestone
    with no precise figure on its line stays (it is then all the article says)."""
    kept = []
    for c in cands:
        f = c.fields
        value, unit = f.get("value", ""), f.get("unit", "")
        precise = None
        if _MILESTONE.search(f.get("quote", "")) and unit and _round(value):
            precise = next(
                (
                    k
                    for k in cands
                    if k is not c
                    and k.line == c.line
                    and k.fields.get("unit") == unit
                    and not _MILESTONE.search(k.fields.get("quote", ""))
                    and float(value) <= float(k.fields["value"]) < 2 * float(value)
                ),
                None,
            )
        if precise is None:
            kept.append(c)
            continue
        precise.why.append(
            f"restated as a milestone ({f['quote']}), not proposed apart"
        )
        skipped["milestone"] = skipped.get("milestone", 0) + 1
    return kept


def extract(
    text: str,
    source_id: str = "",
    published: tuple[int, int] | None = None,
    data_dir: Path | str = DATA,
    source: dict | None = None,
) -> tuple[list[dict[str, str]], list[str], dict[str, int]]:
    """Candidate rows (review columns included) for an article's text, the column order, and
    how many readings were skipped for each reason. `source`: what is known of the article
    before reading it (title, adcode of the county it covers), when it has no sources.csv row
    (its row is read by source_id otherwise)."""
    ref = Reference.cached(data_dir)
    raw_sim = simplified(text)
    doc = document.read(
        raw_sim, published, document_row(source_id, data_dir, given=source)
    )
    ctx = Context(
        seedtext.normalise(text),
        ref,
        source_id,
        doc.anchor,
        main_area(ref, raw_sim, doc),
        raw_sim,
        doc,
    )
    skipped: dict[str, int] = {}
    cands: list[Candidate] = []
    preceding: list[Hit] = []  # the areas named in the last block that named any
    for block in articletext.blocks(text, seedtext.normalise):
        if block.teaser or block.repeated:
            skipped["repeated block" if block.repeated else "link teaser"] = (
                skipped.get("repeated block" if block.repeated else "link teaser", 0)
                + 1
            )
            continue
        sim = simplified(block.text)
        opening = None if block.heading else opening_period(sim, ctx)
        orgs = organisations(sim)
        hits = sorted(
            ref.places.usable(ref.places.hits(sim), raw_sim)
            + places.local_hits(sim, ctx.dominant),
            key=lambda h: h.start,
        )
        found = numerals.readings(block.text)
        accepted = []
        for r in found:
            if r.kind == "date":
                skipped["date"] = skipped.get("date", 0) + 1
            elif r.kind != "year":
                c = number_candidate(
                    block, sim, r, ctx, orgs, hits, preceding, skipped, opening
                )
                if c:
                    cands.append(c)
                    accepted.append(r)
        for r in found:
            if r.kind == "year":
                c = event_candidate(block, sim, r, ctx, accepted, orgs, hits, preceding)
                if c:
                    cands.append(c)
        where = places.outside_names(hits, orgs)[0]
        if where and not block.heading:
            last = articletext.sentence_span(block.text, where[-1].start)
            preceding = [h for h in where if h.start >= last[0]]
    rows = []
    for n, c in enumerate(_merge(_milestones(cands, skipped)), start=1):
        row = {
            "candidate": f"C{n:03d}",
            "confidence": c.confidence,
            **c.fields,
            "why": "; ".join(c.why),
            "context": c.context,
            "line": str(c.line),
        }
        rows.append(row)
    columns = list(REVIEW_FIRST) + ref.columns + list(REVIEW_LAST)
    return rows, columns, skipped


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def document_row(
    source_id: str, data_dir: Path | str, given: dict | None = None
) -> dict:
    """What sources.csv says of an article (title, date, the county it covers), or `given`."""
    if given is not None:
        return given
    try:
        with open(Path(data_dir) / "sources.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if source_id and row.get("source_id") == source_id:
                    return row
    except OSError:
        pass
    return {}


def _publication(source_id: str, data_dir: Path) -> str:
    """The pub_date of a source in sources.csv ('' if unknown): the default for --date."""
    return document_row(source_id, data_dir).get("pub_date", "")


def run(
    file: str,
    source_id: str = "",
    date: str | None = None,
    out: str | None = None,
    data_dir: str | Path = DATA,
) -> int:
    """The `extract` command: 0 and CSV on stdout (or OUT), or 1 and one line on stderr."""
    data_dir = Path(data_dir)
    if out and (_inside(Path(out), data_dir) or _inside(Path(out), DATA)):
        print(
            f"{out}: refusing to write inside the data folder {data_dir}/: write the candidates elsewhere, "
            "then run `python -m zjcounty add`",
            file=sys.stderr,
        )
        return 1
    dated = "--date"
    if date is None and source_id:
        date, dated = _publication(source_id, data_dir) or None, "sources.csv"
    published = periods.parse_date(date) if date else None
    if date and not published:
        print(f"--date {date}: not a date YYYY-MM-DD or YYYY-MM", file=sys.stderr)
        return 1
    try:
        text = read_article(file)
        rows, columns, skipped = extract(text, source_id, published, data_dir)
    except ArticleError as e:
        print(str(e), file=sys.stderr)
        return 1
    except (OSError, KeyError, ValueError) as e:
        print(
            f"{data_dir}: cannot read the reference tables ({type(e).__name__}: {e})",
            file=sys.stderr,
        )
        return 1
    data = to_csv(rows, columns).encode("utf-8")
    if out:
        try:
            Path(out).write_bytes(data)
        except OSError as e:
            print(f"{out}: cannot be written ({e.strerror})", file=sys.stderr)
            return 1
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    left = ", ".join(f"{n} {k}" for k, n in sorted(skipped.items()))
    when = (
        f"published {periods.month(published)} ({dated})"
        if published
        else "no publication date (今年, 目前 left blank)"
    )
    print(
        f"{file}: {len(rows)} candidate(s){' -> ' + out if out else ''}; {when}; not proposed: {left or 'none'}",
        file=sys.stderr,
    )
    return 0
