"""The 2010 and 2020 census baseline: stored values (data/census.csv) turned into the shares a
reader compares, for the units whose territory is today's.

Shares are computed here, in view, never stored. A census unit whose territory changed after
the census has no current adcode, so it simply drops out of `by_county`: it is never mapped.
"""

from __future__ import annotations

import pandas as pd

from .tables import load

AGE_65 = ("65_69", "70_74", "75_79", "80_84", "85_plus")
AGE_0_14 = ("0", "1_4", "5_9", "10_14")


def _age_sum(wide: pd.DataFrame, bands) -> pd.Series:
    return sum(wide[f"pop_age_{b}_{sex}"] for b in bands for sex in ("male", "female"))


def wide() -> pd.DataFrame:
    """One row per census unit and year: the stored values, then the computed shares (%)."""
    values = load("census").pivot(
        index=["census_year", "census_code"], columns="variable", values="value"
    )
    units = load("census_units").set_index(["census_year", "census_code"])
    out = units.join(values)
    out["share_65_plus"] = 100 * _age_sum(out, AGE_65) / out["population"]
    out["share_0_14"] = 100 * _age_sum(out, AGE_0_14) / out["population"]
    out["share_urban"] = 100 * out["population_urban"] / out["population"]
    out["share_other_province"] = 100 * out["hukou_other_province"] / out["population"]
    out["share_manufacturing"] = (
        100 * out["longform_employed_manufacturing"] / out["longform_employed"]
    )
    return out


def by_county(year: int) -> pd.DataFrame:
    """County rows of one census whose territory is a current unit's, indexed by today's adcode."""
    w = wide().loc[year]
    comparable = w[(w["level"] == "county") & w["relation"].isin(["same", "recoded"])]
    return comparable.reset_index().set_index("adcode")


def province(year: int) -> pd.Series:
    """The province row of one census (for comparison lines)."""
    w = wide().loc[year]
    return w[w["level"] == "province"].iloc[0]
