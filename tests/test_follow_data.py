"""Figures follow the data: a new row for a new period of a charted measure reaches the chart
and its source line on rerun, with no change to the notebook. Run on a temporary copy of the
tables (ZJCOUNTY_DATA), so the committed data and figures are untouched, and only through the
cells the chart needs (nbval has already run the whole notebook on the real data)."""

from __future__ import annotations

import csv
import json
import shutil

import nbformat

from zjcounty.build.execute import kernel_env, run
from zjcounty.paths import DATA, NOTEBOOKS, ROOT

NEW_SOURCE = "test_later_report"
# what the before/after chart needs
CELLS = ("parameters", "setup", "findings-table", "before-table", "fig-before")


def _append(path, row):
    with open(path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    with open(path, "a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=header, lineterminator="\n").writerow(
            {k: row.get(k, "") for k in header}
        )


def test_a_new_year_reaches_the_before_after_chart_and_its_source_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _append(
        data / "sources.csv",
        dict(
            source_id=NEW_SOURCE,
            kind="web",
            url="https://example.org/later",
            publisher="测试日报",
            publisher_en="Test Daily",
            label_zh="测试日报",
            label_en="Test Daily",
            title="a later report (test)",
            pub_date="2025-08-01",
            script="simplified",
            quality="strong",
            themes="county_pairing",
        ),
    )
    with open(data / "facts.csv", encoding="utf-8", newline="") as f:
        f110 = next(r for r in csv.DictReader(f) if r["fact_id"] == "F110")
    _append(
        data / "facts.csv",
        {
            **f110,
            "fact_id": "F998",
            "source_id": NEW_SOURCE,
            "value": "10.4",
            "ref_period": "2024",
            "period_basis": "stated",
            "quote": "2024年占全省比重为10.4%",
            "quote_en": "a 10.4% share in 2024",
        },
    )
    figures = tmp_path / "figures"
    figures.mkdir()
    notebook = nbformat.read(NOTEBOOKS / "04-synthesis.ipynb", as_version=4)
    notebook.cells = [c for c in notebook.cells if c.get("id") in CELLS]
    assert [c.id for c in notebook.cells] == list(CELLS)
    rerun = run(notebook, NOTEBOOKS, kernel_env(figures=figures, data=data))

    drawn = json.loads((figures / "04-before-after.json").read_text(encoding="utf-8"))
    assert NEW_SOURCE in drawn["source_ids"]
    assert "Test Daily 2025-08-01" in drawn["en"]["source_line"]
    assert "测试日报2025年8月1日" in drawn["zh"]["source_line"]
    for lang in ("en", "zh"):
        assert (figures / f"04-before-after.{lang}.png").read_bytes() != (
            ROOT / "figures" / f"04-before-after.{lang}.png"
        ).read_bytes()
    table = next(c for c in rerun.cells if c.get("id") == "before-table")
    shown = "".join(o["data"]["text/plain"] for o in table.outputs if "data" in o)
    assert "F109, F110, F998" in shown and "8.0% → 9.3% → 10.4%" in shown
