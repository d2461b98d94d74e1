"""The rules a Data Package descriptor cannot state, each implemented once.

They run on the tables as text (every cell a string), after frictionless has checked types and
keys, and report through the validator's Reporter, so every problem reads
`data/FILE:ROW: COLUMN: what is wrong`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..reading import seedtext
from . import statement

# Tables whose rows carry the exact phrase of their source (columns quote and source_id).
QUOTED = ("facts", "pairs", "cases", "instruments", "events", "mountain_lists")


def _line(i: int) -> int:
    """Row index in a DataFrame -> line in the file (the header is line 1)."""
    return i + 2


def check(
    tables: dict[str, pd.DataFrame], paths: dict[str, str], root: Path, rep
) -> None:
    """Run every rule whose tables are present."""
    check_areas(tables, paths, rep)
    facts = tables.get("facts")
    if facts is not None:
        check_units(facts, tables, paths, rep)
        check_scope(facts, paths["facts"], rep)
        check_links(facts, paths["facts"], rep)
        if "sources" in tables:
            check_periods(facts, tables["sources"], paths["facts"], rep)
    if "census_units" in tables:
        check_census_units(tables["census_units"], tables, paths, rep)
    if "mountain_lists" in tables:
        check_memberships(tables["mountain_lists"], paths["mountain_lists"], rep)
    if "events" in tables and facts is not None:
        known = (
            set(tables["sources"]["source_id"])
            if "sources" in tables
            else set(facts["source_id"])
        )
        check_event_years(tables["events"], facts, known, paths["events"], rep)
    seeds = check_seed_files(tables, paths, root, rep)
    misquoted = check_quotes(tables, paths, seeds, rep)
    if facts is not None and {"units", "sources"} <= tables.keys():
        check_values_and_qualifiers(
            facts, tables, paths, rep, skip=misquoted.get("facts", set())
        )
    if "pairs" in tables:
        check_one_to_one(tables["pairs"], paths["pairs"], rep)
        check_pair_status(tables["pairs"], paths["pairs"], rep)


def check_areas(tables, paths, rep) -> None:
    """An area code in facts, cases, instruments or sources is a county (counties.csv) or a province or
    prefecture (regions.csv): two tables, so no single foreign key can say it."""
    if not {"counties", "regions"} <= tables.keys():
        return
    known = set(tables["counties"]["adcode"]) | set(tables["regions"]["adcode"])
    for name, columns in (
        ("facts", ("adcode",)),
        ("cases", ("adcode", "partner_adcode")),
        ("instruments", ("adcode",)),
        ("events", ("adcode",)),
        ("census_units", ("adcode",)),
        ("sources", ("adcode",)),
    ):
        df = tables.get(name)
        for column in columns if df is not None else ():
            for i, code in df[column].items():
                if code and code not in known:
                    rep.add(
                        paths[name],
                        _line(i),
                        column,
                        f"{code!r} is neither in counties.csv nor in regions.csv",
                    )


def check_units(facts, tables, paths, rep) -> None:
    """Every fact of an indicator uses the indicator's unit, so one indicator is one measure."""
    if "indicators" not in tables:
        return
    unit_of = dict(
        zip(tables["indicators"]["indicator_id"], tables["indicators"]["unit"])
    )
    known = set(tables["units"]["unit_id"]) if "units" in tables else set()
    for i, (ind, unit) in enumerate(zip(facts["indicator"], facts["unit"])):
        if (
            ind in unit_of and unit in known and unit != unit_of[ind]
        ):  # an unknown unit: frictionless said so
            rep.add(
                paths["facts"],
                _line(i),
                "unit",
                f"differs from its indicator's unit {unit_of[ind]}",
            )


def check_seed_files(tables, paths, root: Path, rep) -> dict[str, Path]:
    """Each seed source's file exists; returns source_id -> path for the seeds that do.

    A missing seed is reported once, on its sources.csv row, not once per quote citing it."""
    if "sources" not in tables:
        return {}
    src = tables["sources"]
    found = {}
    for i, row in src.iterrows():
        if row["kind"] != "seed":
            continue
        path = root / row["path"]
        if path.is_file():
            found[row["source_id"]] = path
        else:
            rep.add(
                paths["sources"],
                _line(i),
                "path",
                f"{row['path']} is missing: the quotes citing {row['source_id']} cannot be checked",
            )
    return found


def check_quotes(tables, paths, seeds: dict[str, Path], rep) -> dict[str, set[int]]:
    """A quote from a seed stands in the seed (after normalisation: NFKC, no white space,
    traditional -> simplified). Checked once per distinct (seed, quote). Returns the rows whose
    quote was not found, by table: their values cannot be judged against a wrong quote."""
    verdicts: dict[tuple[str, str], bool] = {}
    misquoted: dict[str, set[int]] = {}
    for name in QUOTED:
        df = tables.get(name)
        if df is None:
            continue
        for i, (sid, quote) in enumerate(zip(df["source_id"], df["quote"])):
            if sid not in seeds:
                continue
            if not quote:
                rep.add(
                    paths[name],
                    _line(i),
                    "quote",
                    "a figure from a seed needs the exact phrase",
                )
                continue
            key = (sid, quote)
            if key not in verdicts:
                verdicts[key] = seedtext.normalise(quote) in seedtext.normalised_seed(
                    seeds[sid]
                )
            if not verdicts[key]:
                misquoted.setdefault(name, set()).add(i)
                rep.add(
                    paths[name],
                    _line(i),
                    "quote",
                    f"not found in its seed {seeds[sid].name} (after normalisation)",
                )
    return misquoted


def check_values_and_qualifiers(
    facts, tables, paths, rep, skip: set[int] = frozenset()
) -> None:
    """Value x the unit's numeral scale is a fully scaled reading of the quote (三万米 is 30000
    metres, never 3), a year is never the stated value, and the qualifier agrees with the words
    attached to the number, both ways (200多 is not exact; more_than needs 多 or 余)."""
    scale = dict(zip(tables["units"]["unit_id"], tables["units"]["numeral_scale"]))
    script = dict(zip(tables["sources"]["source_id"], tables["sources"]["script"]))
    rel = paths["facts"]
    for i, row in facts.iterrows():
        quote, value = row["quote"], row["value"]
        if not quote or i in skip or script.get(row["source_id"]) == "english":
            continue  # an English quote states the number in words or another magnitude
        try:
            float(value)
            s = float(scale.get(row["unit"], "1") or 1)
        except ValueError:
            continue  # frictionless has reported it
        found = statement.problem(quote, value, row["unit"], s, row["qualifier"])
        if found:
            rep.add(rel, _line(i), *found)


def check_one_to_one(pairs: pd.DataFrame, rel: str, rep) -> None:
    """Within one programme a county is in at most one pair, on one side (2023 is one-to-one)."""
    seen: dict[tuple[str, str], str] = {}
    for i, row in pairs.iterrows():
        for column in ("industrial_adcode", "mountain_adcode"):
            key = (row["programme"], row[column])
            if key in seen:
                rep.add(
                    rel,
                    _line(i),
                    column,
                    f"{row[column]} is already in pair {seen[key]} of {row['programme']} (pairs are one-to-one)",
                )
            else:
                seen[key] = row["pair_id"]


def check_scope(facts: pd.DataFrame, rel: str, rep) -> None:
    """A company-wide figure has no area; a group figure has a group code; any other has an area
    code, so a company's global total never sits under a county and an aggregate never reads as
    the province."""
    for i, (scope, code) in enumerate(zip(facts["scope"], facts["adcode"])):
        if scope == "company_wide" and code:
            rep.add(
                rel,
                _line(i),
                "adcode",
                f"{code!r} given for a company-wide figure (scope company_wide): leave it blank",
            )
        elif scope == "group" and not code.startswith("G-"):
            rep.add(
                rel,
                _line(i),
                "adcode",
                f"{code!r} is not a group code (G-…) but scope is group",
            )
        elif scope in ("area", "entity") and (not code or code.startswith("G-")):
            rep.add(
                rel,
                _line(i),
                "adcode",
                f"{code!r} is not an area code but scope is {scope}",
            )


SAME = ("indicator", "adcode", "ref_period", "value")


def check_links(facts: pd.DataFrame, rel: str, rep) -> None:
    """A timing relative to a mechanism needs the mechanism; a corroboration (same_as) points to
    an earlier row stating the same measure, area, period and value, so counting a number once
    can rely on the link."""
    rows = {fid: i for i, fid in enumerate(facts["fact_id"])}
    for i, r in enumerate(facts.itertuples(index=False)):
        timing, mech = getattr(r, "mechanism_timing", ""), r.mechanism_id
        if timing and not mech:
            rep.add(
                rel,
                _line(i),
                "mechanism_timing",
                f"{timing!r} given, but the fact has no mechanism_id",
            )
        same = getattr(r, "same_as", "")
        if not same:
            continue
        j = rows.get(same)
        if j is None or j >= i:
            rep.add(rel, _line(i), "same_as", f"{same!r} is not an earlier fact_id")
            continue
        other = facts.iloc[j]
        differ = [c for c in SAME if str(other[c]) != str(getattr(r, c))]
        if differ:
            rep.add(
                rel,
                _line(i),
                "same_as",
                f"{same} is not the same number: {', '.join(differ)} differ",
            )


def check_periods(facts: pd.DataFrame, sources: pd.DataFrame, rel: str, rep) -> None:
    """ref_period is blank exactly when the text states no period, and a period read 'as of
    publication' is the source's publication month."""
    pub = dict(zip(sources["source_id"], sources["pub_date"]))
    for i, row in facts.iterrows():
        period, basis = row["ref_period"], row["period_basis"]
        if period and not re.fullmatch(r"\d{4}(-\d{2})?(/\d{4}(-\d{2})?)?", period):
            continue  # malformed: frictionless has said so
        if basis == "not_stated" and period:
            rep.add(
                rel,
                _line(i),
                "ref_period",
                f"{period!r} given, but period_basis is not_stated: leave it blank",
            )
        elif basis != "not_stated" and not period:
            rep.add(
                rel,
                _line(i),
                "ref_period",
                f"blank, but period_basis is {basis}: give the period or say not_stated",
            )
        elif (
            basis == "publication"
            and len(pub.get(row["source_id"], "")) >= 7
            and period != pub[row["source_id"]][:7]
        ):
            rep.add(
                rel,
                _line(i),
                "ref_period",
                f"{period!r} is not the publication month {pub[row['source_id']][:7]} "
                "(period_basis publication)",
            )


def check_pair_status(pairs: pd.DataFrame, rel: str, rep) -> None:
    """A pair is 'named' only on a source that names it, 'probable' only on a joint project."""
    for i, (status, evidence) in enumerate(zip(pairs["status"], pairs["evidence"])):
        if (status == "named") != evidence.startswith("named_"):
            rep.add(
                rel,
                _line(i),
                "status",
                f"{status} does not fit the evidence {evidence}",
            )


def check_census_units(units: pd.DataFrame, tables, paths, rep) -> None:
    """A census unit maps to today's code only when its territory is today's (same or recoded);
    a changed or partial unit has no adcode and lists the current units its land lies in."""
    counties = set(tables["counties"]["adcode"]) if "counties" in tables else set()
    rel = paths["census_units"]
    for i, row in units.iterrows():
        comparable = row["relation"] in ("same", "recoded")
        if comparable and not row["adcode"]:
            rep.add(
                rel,
                _line(i),
                "adcode",
                f"blank, but the unit is {row['relation']}: give today's code",
            )
        if not comparable and row["adcode"]:
            rep.add(
                rel,
                _line(i),
                "adcode",
                f"{row['adcode']!r} given for a {row['relation']} unit: its territory is not today's",
            )
        for code in filter(None, row["current_adcodes"].split(";")):
            if counties and code not in counties:
                rep.add(
                    rel, _line(i), "current_adcodes", f"{code!r} is not in counties.csv"
                )


def check_memberships(lists: pd.DataFrame, rel: str, rep) -> None:
    """A member 'named' by a source carries the phrase that names it; a 'derived' one says how."""
    for i, row in lists.iterrows():
        if row["basis"] == "named" and not row["quote"]:
            rep.add(
                rel, _line(i), "quote", "a named member needs the phrase that names it"
            )
        if row["basis"] == "derived" and not row["note"]:
            rep.add(rel, _line(i), "note", "a derived member needs the derivation")


def check_event_years(
    events: pd.DataFrame, facts: pd.DataFrame, known_sources: set, rel: str, rep
) -> None:
    """An event tied to a fact (fact_id) is dated in the year that fact states, from its source."""
    by_id = facts.set_index("fact_id")
    for i, row in events.iterrows():
        fid = row["fact_id"]
        if not fid or fid not in by_id.index:
            continue  # none, or frictionless reported the foreign key
        fact = by_id.loc[fid]
        if fact["source_id"] not in known_sources:
            continue  # the fact's own source_id is broken; reported once, on the fact's row
        if (
            row["date"][:4] != fact["value"].split(".")[0]
            or row["source_id"] != fact["source_id"]
        ):
            rep.add(
                rel,
                _line(i),
                "date",
                f"{row['date']!r} from {row['source_id']} does not match {fid} "
                f"({fact['value']} from {fact['source_id']})",
            )
