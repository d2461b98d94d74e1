"""A candidates file: the facts columns of the Data Package between review columns, written
as the curated tables are. `extract` writes one; a curator edits it; `add` reads it and drops
the review columns."""

from __future__ import annotations

import csv
import io

REVIEW_FIRST = ("candidate", "confidence")
REVIEW_LAST = ("why", "context", "line")
REVIEW_COLUMNS = REVIEW_FIRST + REVIEW_LAST


def to_csv(rows: list[dict[str, str]], columns: list[str]) -> str:
    """CSV text as the curated tables are written: UTF-8, comma, \\n line ends."""
    out = io.StringIO()
    w = csv.DictWriter(
        out, fieldnames=columns, lineterminator="\n", extrasaction="ignore"
    )
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()
