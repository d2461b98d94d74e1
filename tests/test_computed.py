"""What is computed from the tables, checked directly on small tables made up for the purpose
(not against the committed data): the pair scorecard, the map's centroids, the timeline."""

import pandas as pd
import pytest

from zjcounty.data import pairing, timeline
from zjcounty.figures import maps


def _pairs():
    return pd.DataFrame(
        {
            "pair_id": ["P01", "P02"],
            "industrial_adcode": ["A1", "B1"],
            "mountain_adcode": ["A2", "B2"],
            "status": ["named", "probable"],
            "evidence": ["list", "joint_project"],
            "source_id": ["s1", "s2"],
            **{
                f"{e}_name_short_{lang}": [f"{e[0]}{lang}1", f"{e[0]}{lang}2"]
                for e in ("industrial", "mountain")
                for lang in ("zh", "en")
            },
        }
    )


def _tables(name):
    if name == "instruments":
        return pd.DataFrame(
            {
                "adcode": ["A1", "A2", "A2", "B1", "C9"],
                "mechanism_id": [
                    "co_built_park",
                    "co_built_park",
                    "lean_diagnosis",
                    "co_built_park",
                    "lean_diagnosis",
                ],
                "role": ["provider", "recipient", "recipient", "provider", "provider"],
                "basis": ["direct", "direct", "direct", "collective", "direct"],
            }
        )
    if name == "sources":
        return pd.DataFrame(
            {"source_id": ["new", "old"], "pub_date": ["2024-08-22", "2022-07-06"]}
        )
    assert name == "mechanisms"
    return pd.DataFrame(
        {
            "mechanism_id": ["county_pairing", "lean_diagnosis", "co_built_park"],
            "theme": ["county_pairing", "county_pairing", "county_pairing"],
        }
    )


@pytest.fixture
def synthetic(monkeypatch):
    monkeypatch.setattr(pairing, "load_pairs", _pairs)
    monkeypatch.setattr(pairing, "load", _tables)


def test_the_scorecard_counts_only_pairing_numbers_of_the_pairs_counties(synthetic):
    facts = pd.DataFrame(
        {
            "fact_id": ["F1", "F2", "F3", "F4", "F5", "F6", "F7"],
            "source_id": ["new", "new", "new", "new", "new", "old", "old"],
            "adcode": ["A2", "A1", "A2", "B2", "C9", "B2", "B2"],
            "theme": ["county_pairing"] * 3 + ["county_pairing"] * 3 + ["context"],
            "mechanism_id": [
                "county_pairing",
                "lean_diagnosis",
                None,
                "county_pairing",
                "county_pairing",
                None,
                None,
            ],
            "unit": ["cny_100m", "persons", "cny_100m", "persons", "cny_10k"]
            + ["cny_10k", "items"],
            "indicator": ["investment", "people_trained", "gdp", "people_trained", "x"]
            + ["funds", "homestays"],
            "value": [1.0, 50.0, 99.0, 30.0, 7.0, 165.0, 11.0],
        }
    )
    card = pairing.scorecard(facts).set_index("pair_id")
    a, b = card.loc["P01"], card.loc["P02"]
    assert (a["number"], b["number"]) == (1, 2)
    # F3 is context (no pairing mechanism), F5 is another county's
    assert (
        a["fact_ids"] == ["F1", "F2"]
        and a["money_facts"] == ["F1"]
        and a["people_trained"] == 50
    )
    assert a["park"] == "direct" and a["joint_mechanisms"] == ["lean_diagnosis"]
    assert (
        b["park"] == "collective"
        and b["fact_ids"] == ["F4"]
        and b["people_trained"] == 30
    )
    assert b["joint_mechanisms"] == [] and b["money_facts"] == []
    # F6 is a pairing number published before 2023 (an older partnership): listed apart, not
    # counted; F7 is as old but context; F3 is context of the pairing years
    assert b["earlier_fact_ids"] == ["F6"] and a["earlier_fact_ids"] == []


def test_a_centroid_is_the_centre_of_the_largest_polygon(monkeypatch):
    """An island county's line ends on its land, not in the sea between its parts."""
    square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]  # area 16, centre (2, 2)
    islet = [[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]  # area 1
    features = (
        {
            "properties": {"adcode": "X"},
            "geometry": {"type": "MultiPolygon", "coordinates": [[islet], [square]]},
        },
        {
            "properties": {"adcode": "Y"},
            "geometry": {"type": "Polygon", "coordinates": [islet]},
        },
    )
    monkeypatch.setattr(maps, "features", lambda layer="zhejiang_counties": features)
    assert maps.centroids() == {
        "X": pytest.approx((2.0, 2.0)),
        "Y": pytest.approx((10.5, 10.5)),
    }


def test_timeline_spans_are_whole_year_intervals_once_per_entity():
    facts = pd.DataFrame(
        {
            "fact_id": ["F1", "F2", "F3", "F4", "F5"],
            "kind": ["plan", "plan", "target", "policy", "outcome"],
            "ref_period": [
                "2023/2025",
                "2023/2025",
                "2024",
                "2024-01/2024-06",
                "2021/2022",
            ],
            "entity": ["三年计划", "三年计划", "目标", "半年政策", "成果"],
            "entity_en": [
                "Three-year plan",
                "Three-year plan",
                None,
                "Half-year policy",
                "Results",
            ],
            "theme": ["county_pairing"] * 5,
            "source_id": ["s1", "s1", "s2", "s3", "s4"],
        }
    )
    spans = timeline.spans(facts, "en")
    # one per entity and interval; a single year, months, and an outcome are not programmes
    assert spans.to_dict("records") == [
        {
            "start": 2023,
            "end": 2026,
            "theme": "county_pairing",
            "label": "Three-year plan",
            "promised": True,
            "source_id": "s1",
            "id": "F1",
        }
    ]
    assert timeline.spans(facts, "zh")["label"].tolist() == ["三年计划"]


def test_the_parts_of_one_plan_are_one_span_and_a_running_programme_is_not_a_promise():
    facts = pd.DataFrame(
        {
            "fact_id": ["F1", "F2", "F3"],
            "kind": ["plan", "plan", "policy"],
            "ref_period": ["2026/2030", "2026/2030", "2023/2025"],
            "entity": ["规划（三大支撑）", "规划（九大行动）", "结对联合体"],
            "entity_en": [
                "The plan (three pillars)",
                "The plan (nine actions)",
                "Pairs",
            ],
            "theme": ["context"] * 3,
            "source_id": ["s1"] * 3,
        }
    )
    spans = timeline.spans(facts, "en").set_index("label")
    assert sorted(spans.index) == ["Pairs", "The plan"]  # one span for the two parts
    assert spans.at["The plan", "promised"] and not spans.at["Pairs", "promised"]
    assert timeline.spans(facts, "zh")["label"].tolist().count("规划") == 1


def test_timeline_events_sit_in_their_year_or_month(monkeypatch):
    events = pd.DataFrame(
        {
            "event_id": ["E2", "E1"],
            "date": ["2024-05", "2023"],
            "theme": ["context", "context"],
            "label_zh": ["五月", "那年"],
            "label_en": ["May", "That year"],
            "source_id": ["s1", "s2"],
        }
    )
    monkeypatch.setattr(timeline, "load", lambda name: events)
    table = timeline.events("en")
    assert table["id"].tolist() == ["E1", "E2"]  # in time order
    # a year alone is the whole year (a bracket), never a made-up mid-year day
    assert table["x"].tolist() == [2023.0, pytest.approx(2024 + 4 / 12 + 14.5 / 365)]
    assert table["end"].tolist() == [2024.0, table["x"].iloc[1]]
    assert table["dated"].tolist() == [False, True]
    assert timeline.events("zh")["label"].tolist() == ["那年", "五月"]
