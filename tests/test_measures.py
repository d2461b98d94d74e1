"""Selecting by measure: time order, before/after series, the evidence ladder. These are what
the charts draw, so a new row must land in the right place."""

import pandas as pd

from zjcounty.data.evidence import ladder
from zjcounty.data.facts import load_facts, measure, series
from zjcounty.data.tables import load


def _row(facts, like, **changes):
    """A copy of fact `like` with some columns changed."""
    row = facts[facts["fact_id"] == like].iloc[0].copy()
    for k, v in changes.items():
        row[k] = v
    return row


def test_a_new_period_extends_a_measure_in_time_order():
    facts = load_facts()
    new = _row(
        facts,
        "F110",
        fact_id="F999",
        value=10.1,
        ref_period="2024",
        quote="2024年的10.1%",
    )
    share = measure(
        pd.concat([facts, new.to_frame().T], ignore_index=True),
        "mountain_share_of_mfg_investment",
    )
    assert list(share["fact_id"]) == ["F109", "F110", "F999"]


def test_the_sources_own_before_and_after_are_series():
    found = series(load_facts())
    assert [list(v["fact_id"]) for k, v in found.items() if k[0] == "rd_share"] == [
        ["F014", "F015"]
    ]


def test_a_corroboration_and_a_part_of_a_period_are_not_series():
    facts = load_facts()
    keys = {k[:2] for k in series(facts)}
    # Haining 2023: the same value from two sources; a first quarter inside its year
    assert ("industrial_value_added", "330481") not in keys
    assert ("industrial_va_growth", "330481") not in keys
    later = _row(
        facts,
        "F204",
        fact_id="F999",
        value=9.9,
        ref_period="2024",
        quote="2024年增长9.9%",
    )
    keys = {
        k[:2] for k in series(pd.concat([facts, later.to_frame().T], ignore_index=True))
    }
    assert ("industrial_va_growth", "330481") not in keys  # 2023-Q1 still overlaps 2023


def test_a_comparison_group_lifts_a_mechanism_to_the_top_rung():
    facts = load_facts()
    before = ladder(facts, load("instruments"), load("mechanisms")).set_index(
        "mechanism_id"
    )
    assert before.at["county_pairing", "rung"] == 4
    # the same share for the mountain counties outside the pairing, for the same two years
    others = [
        _row(
            facts,
            fid,
            fact_id=f"F99{i}",
            adcode="330000",
            entity="其他山区县",
            mechanism_id="",
        )
        for i, fid in enumerate(["F109", "F110"])
    ]
    after = ladder(
        pd.concat([facts, pd.DataFrame(others)], ignore_index=True),
        load("instruments"),
        load("mechanisms"),
    ).set_index("mechanism_id")
    assert after.at["county_pairing", "rung"] == 5


def test_a_change_counts_only_when_the_source_places_it_after_the_mechanism():
    """F054 is a firm's growth *before* it got land under 数据得地 (此前，企业连年产值增长超20%):
    the growth that earned the land, not a change the land made. Placed after, it would lift the
    mechanism to 'one firm'."""
    facts = load_facts()
    rungs = ladder(facts, load("instruments"), load("mechanisms")).set_index(
        "mechanism_id"
    )
    assert (
        rungs.at["data_for_land", "rung"] == 2
        and not rungs.at["data_for_land", "one_firm"]
    )
    moved = facts.copy()
    moved.loc[moved["fact_id"] == "F054", "mechanism_timing"] = "after"
    lifted = ladder(moved, load("instruments"), load("mechanisms")).set_index(
        "mechanism_id"
    )
    assert lifted.at["data_for_land", "rung"] == 3
    assert lifted.at["data_for_land", "one_firm"] == ["F054"]


def test_a_series_counts_only_when_its_latest_point_is_after():
    facts = load_facts()
    moved = facts.copy()
    moved.loc[moved["fact_id"] == "F110", "mechanism_timing"] = ""
    rungs = ladder(moved, load("instruments"), load("mechanisms")).set_index(
        "mechanism_id"
    )
    assert rungs.at["county_pairing", "rung"] == 2


def test_only_policies_are_typed_policy():
    """An award, a market response and firms' own strategy stay in the table (numbers are tied to
    them) but are typed apart, so the headline counts policies only."""
    rungs = ladder(load_facts(), load("instruments"), load("mechanisms"))
    apart = rungs.loc[rungs["mechanism_type"] != "policy", "mechanism_id"]
    assert set(apart) == {"tiangongding", "product_pivot", "firm_transformation"}
