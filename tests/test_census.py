"""The census baseline as notebooks read it: only units whose territory is today's map to a
current county, and the computed shares are shares."""

import pytest

from zjcounty.data import census
from zjcounty.data.tables import load


@pytest.fixture(scope="module")
def c2020():
    return census.by_county(2020)


def test_changed_units_never_map_to_a_current_county(c2020):
    # Hangzhou's 2021 reorganisation and Longwan's development zone: not comparable in 2020
    assert not {
        "330102",
        "330105",
        "330109",
        "330110",
        "330113",
        "330114",
        "330303",
    } & set(c2020.index)
    assert len(c2020) == 90 - 7 and c2020.index.is_unique
    c2010 = census.by_county(2010)
    assert (
        "330111" in c2010.index and c2010.at["330111", "census_code"] == "330183"
    )  # 富阳市 -> 富阳区, recoded
    assert not {"330327", "330383", "330203", "330212"} & set(
        c2010.index
    )  # 苍南/龙港 split, Ningbo 2016


def test_shares_are_shares(c2020):
    for column in (
        "share_65_plus",
        "share_0_14",
        "share_urban",
        "share_other_province",
        "share_manufacturing",
    ):
        assert c2020[column].between(0, 100).all(), column


def test_county_rows_and_the_zone_add_up_to_the_province():
    units = load("census_units").query("census_year == 2020")
    values = (
        load("census")
        .query("census_year == 2020 and variable == 'population'")
        .set_index("census_code")["value"]
    )
    parts = units[units["level"].isin(["county", "functional_zone"])]["census_code"]
    assert values[parts].sum() == census.province(2020)["population"] == 64_567_588
