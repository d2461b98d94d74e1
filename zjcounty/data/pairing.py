"""The 2023 pairs, pair by pair: what the sources report for each (a scorecard). Computed from the
tables, so a new fact or instrument row about a pair's counties shows up on the next rerun."""

from __future__ import annotations

import pandas as pd

from .areas import pairs as load_pairs
from .tables import load

PAIR_THEME = "county_pairing"
START_YEAR = 2023  # the manufacturing pairing's first year (pairs.csv: 2023-2025)


def scorecard(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per pair (in pairs.csv order): status and evidence, the co-built park's basis
    (direct, collective or none), the joint mechanisms reported (provider and recipient rows of
    instruments.csv other than the pairing itself), and the pairing numbers reported for either
    county that a pairing mechanism ties to them (context figures about a county are not pair
    output): count, money (亿元 or 万元 facts), people trained, and their fact ids. Pairing-theme
    numbers published before 2023 (an older 山海协作 partnership of the same counties) cannot be
    the 2023 pairing's output: they are listed apart, so a reader still finds them."""
    p = load_pairs()
    inst = load("instruments")
    published = facts["source_id"].map(
        load("sources").set_index("source_id")["pub_date"]
    )
    before = published.str[:4].astype(int) < START_YEAR
    mechanisms = load("mechanisms")
    pairing_mechanisms = set(
        mechanisms.loc[mechanisms["theme"] == PAIR_THEME, "mechanism_id"]
    )
    out = []
    for i, row in enumerate(p.itertuples(), start=1):
        counties = {row.industrial_adcode, row.mountain_adcode}
        mine = inst[
            inst["adcode"].isin(counties) & inst["role"].isin(["provider", "recipient"])
        ]
        park = mine[mine["mechanism_id"] == "co_built_park"]["basis"]
        park_basis = (
            "direct"
            if (park == "direct").any()
            else "collective"
            if (park == "collective").any()
            else "none"
        )
        joint = sorted(set(mine["mechanism_id"]) - {"county_pairing", "co_built_park"})
        numbers = facts[
            facts["adcode"].isin(counties)
            & facts["mechanism_id"].isin(pairing_mechanisms)
        ]
        earlier = facts[
            facts["adcode"].isin(counties) & (facts["theme"] == PAIR_THEME) & before
        ]
        money = numbers[numbers["unit"].isin(["cny_100m", "cny_10k"])]
        trained = numbers[numbers["indicator"] == "people_trained"]
        out.append(
            dict(
                number=i,
                pair_id=row.pair_id,
                industrial_adcode=row.industrial_adcode,
                mountain_adcode=row.mountain_adcode,
                industrial_zh=row.industrial_name_short_zh,
                mountain_zh=row.mountain_name_short_zh,
                industrial_en=row.industrial_name_short_en,
                mountain_en=row.mountain_name_short_en,
                status=row.status,
                evidence=row.evidence,
                source_id=row.source_id,
                park=park_basis,
                joint_mechanisms=joint,
                numbers=len(numbers),
                money_facts=list(money["fact_id"]),
                people_trained=float(trained["value"].sum()) if len(trained) else 0.0,
                fact_ids=list(numbers["fact_id"]),
                earlier_fact_ids=list(earlier["fact_id"]),
            )
        )
    return pd.DataFrame(out)
