"""Two libraries against the project's own readers on the held-out key, the measurement issue 18
asked for before a library is adopted or declined: JioNLP's time parser against the time-word
reader (zjcounty.curate.periods), and cpca's address parser for the county.

Both readers get the same sentence and the same rule, so only the reading differs:

- the sentence is the one (split at 。！？； and line ends) that holds the key row's quote;
- the number is where the key's value is written inside the quote (else the quote's start);
- the period is the time expression nearest before the number in that sentence, else the first
  one after it; relative words resolve against the publication date;
- a sentence with no time expression falls back, for both readers alike, to the document's
  default from `zjcounty.curate.document.read` (the report's year, or the publication month).

A row is right when its ref_period equals the key's. For the county, cpca reads the same
sentence; a Zhejiang county it finds there sets the adcode, else the page's county (meta.json),
and the row is right when the adcode equals the key's. The full extractor (paragraph and document
defaults, comparison bases, as-of words) scores higher than either reader alone; `make bench`
prints that. JioNLP is not a dependency: run this in a venv of its own, as scripts/build_towns.py:

    python -m venv /tmp/jio && /tmp/jio/bin/pip install jionlp==1.5.31 cpca==0.5.5 pandas
    /tmp/jio/bin/python benchmarks/libraries.py [-v]

Writes nothing; prints two tables.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zjcounty.curate import document, periods  # noqa: E402
from zjcounty.curate.articletext import span_of  # noqa: E402

HELDOUT = ROOT / "benchmarks" / "heldout"
_STOPS = "。！？；\n"  # a sentence here ends at a semicolon or a line end too (bulletin lines)


def sentence_at(text: str, pos: int) -> tuple[int, str]:
    """The sentence of `text` that holds position `pos`, with its start."""
    start, end = span_of(text, pos, _STOPS)
    return start, text[start:end]


def jio_period(entity: dict) -> str:
    """A JioNLP time entity as a ref_period: a whole year -> YYYY, a whole month -> YYYY-MM,
    anything longer -> START/END in months, a day or an hour -> its month; a duration, blank."""
    span = entity["detail"].get("time")
    if not isinstance(span, list) or len(span) < 2:
        return ""  # a duration (3个月) or a period (每年) has no place in time
    start, end = span[:2]
    if not isinstance(start, str) or not isinstance(end, str) or "inf" in start + end:
        return ""
    y0, m0, d0 = int(start[:4]), int(start[5:7]), int(start[8:10])
    y1, m1 = int(end[:4]), int(end[5:7])
    if y0 == y1 and m0 == 1 and m1 == 12 and d0 == 1:
        return f"{y0:04d}"
    first, last = periods.month((y0, m0)), periods.month((y1, m1))
    return first if first == last else f"{first}/{last}"


def nearest(spans: list[tuple[int, str]], at: int) -> str:
    """The period of the expression nearest before `at`, else the first after it."""
    before = [p for s, p in spans if s <= at and p]
    after = [p for s, p in spans if s > at and p]
    return before[-1] if before else (after[0] if after else "")


def seed_counties(cpca, jio) -> pd.DataFrame:
    """cpca's county for every curated fact of the seeds, by the same sentence rule. The held-out
    pages each cover one county, so they cannot tell county readers apart; the seeds name
    several places (a pairing, an enclave in another city), and the extractor's own county
    agreement on them is what `make bench` prints."""
    sources = pd.read_csv(
        ROOT / "data" / "sources.csv", dtype=str, keep_default_na=False
    )
    facts = pd.read_csv(ROOT / "data" / "facts.csv", dtype=str, keep_default_na=False)
    rows = []
    for _, src in sources[sources["kind"] == "seed"].iterrows():
        text = jio.tra2sim(
            (ROOT / src["path"]).read_text(encoding="utf-8"), mode="char"
        )
        for _, f in facts[facts["source_id"] == src["source_id"]].iterrows():
            q = text.find(jio.tra2sim(f["quote"], mode="char"))
            if q < 0:
                continue
            place = cpca.transform([sentence_at(text, q)[1]])["adcode"].iloc[0]
            found = (
                isinstance(place, str) and place.startswith("33") and place[4:] != "00"
            )
            rows.append(
                {
                    "set": "seeds the rules were developed on (seed000-005)"
                    if src["source_id"] <= "seed005"
                    else "new sources (seed006-011)",
                    "adcode": f["adcode"],
                    "page": src["adcode"],
                    "cpca": place if found else src["adcode"],
                }
            )
    return pd.DataFrame(rows)


def main(verbose: bool = False) -> int:
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import cpca
        import jionlp as jio

    rows, seconds = [], {"project": 0.0, "jionlp": 0.0, "cpca": 0.0}
    for folder in sorted(p for p in HELDOUT.iterdir() if p.is_dir()):
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        text = jio.tra2sim(
            (folder / "article.txt").read_text(encoding="utf-8"), mode="char"
        )
        published = periods.parse_date(str(meta.get("pub_date") or "")[:10])
        doc = document.read(text, published, {"title": meta.get("title", "")})
        fallback = (
            doc.period.ref_period
            if doc.period
            else (periods.month(published) if published else "")
        )
        anchor = doc.anchor or published
        base_ym = anchor or (2024, 12)
        base = {"year": base_ym[0], "month": base_ym[1] or 12, "day": 1}
        key = pd.read_csv(folder / "key.csv", dtype=str, keep_default_na=False)
        for _, k in key.iterrows():
            quote = jio.tra2sim(k["quote"], mode="char")
            q = text.find(quote)
            if q < 0:
                continue
            value = (
                k["value"].rstrip("0").rstrip(".") if "." in k["value"] else k["value"]
            )
            inner = quote.find(value)
            at = q + (inner if inner >= 0 else 0)
            s0, sentence = sentence_at(text, at)
            t0 = time.perf_counter()
            ours = [
                (m.start, periods.resolve(m, anchor).ref_period)
                for m in periods.mentions(sentence)
            ]
            seconds["project"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                found = jio.ner.extract_time(sentence, time_base=base)
            seconds["jionlp"] += time.perf_counter() - t0
            theirs = [(e["offset"][0], jio_period(e)) for e in found]
            got = {
                "project": nearest(ours, at - s0) or fallback,
                "jionlp": nearest(theirs, at - s0) or fallback,
            }
            t0 = time.perf_counter()
            place = cpca.transform([sentence])["adcode"].iloc[0]
            seconds["cpca"] += time.perf_counter() - t0
            county = (
                str(place)
                if isinstance(place, str)
                and place.startswith("33")
                and place[4:] != "00"
                else meta.get("county_adcode", "")
            )
            rows.append(
                {
                    "article": folder.name,
                    "key": k["ref_period"],
                    "key_adcode": k["adcode"],
                    "cpca": county,
                    "has_time": bool(ours or theirs),
                    **got,
                    "quote": k["quote"][:40],
                }
            )
    df = pd.DataFrame(rows)
    print(
        f"Periods on the held-out key, sentence by sentence ({len(df)} rows found in their articles)\n"
    )
    print(
        "| reader | rows right | share | with a time word in the sentence | seconds |"
    )
    print("|---|---:|---:|---:|---:|")
    timed = df[df["has_time"]]
    for name in ("project", "jionlp"):
        right = (df[name] == df["key"]).sum()
        right_t = (timed[name] == timed["key"]).sum()
        print(
            f"| {name} | {right} of {len(df)} | {right / len(df):.1%} "
            f"| {right_t} of {len(timed)} ({right_t / len(timed):.1%}) | {seconds[name]:.2f} |"
        )
    right = (df["cpca"] == df["key_adcode"]).sum()
    print(
        f"\nCounties: cpca on the sentence, else the page's county: {right} of {len(df)} "
        f"({right / len(df):.1%}), {seconds['cpca']:.2f} s. The extractor: see `make bench`."
    )
    seeds = seed_counties(cpca, jio)
    for name, part in seeds.groupby("set", sort=False):
        right = (part["cpca"] == part["adcode"]).sum()
        page = (part["page"] == part["adcode"]).sum()
        print(
            f"Counties on the {name} ({len(part)} curated facts found in their seeds): cpca "
            f"{right} ({right / len(part):.1%}); the page's county alone {page} "
            f"({page / len(part):.1%})."
        )
    if verbose:
        pd.set_option("display.width", 200)
        pd.set_option("display.max_rows", 500)
        wrong = df[
            (df["project"] != df["key"])
            | (df["jionlp"] != df["key"])
            | (df["cpca"] != df["key_adcode"])
        ]
        print(wrong.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv[1:]))
