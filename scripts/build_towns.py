"""Derive data/towns.csv, every town, township and street of Zhejiang with its county, from
JioNLP's gazetteer (china_location.txt inside jionlp's dictionary/china_location.zip).

Why a derived file: jionlp is 16 MB as a wheel and pulls more; the extractor needs 1,300 names.
The notebooks and the extractor read only the committed output; this script is how it was made
and how to remake it. It is not run by `make` or the tests.

    python -m venv /tmp/towns && /tmp/towns/bin/pip install jionlp==1.5.31
    /tmp/towns/bin/python scripts/build_towns.py

The output is byte-stable: rows sorted by county code, then name. A name that two counties
share (城关镇, 新城街道 …) is kept for both, marked `shared`, so the extractor can refuse to
guess between them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
import zipfile
from collections import Counter
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "towns.csv"


def main() -> int:
    import jionlp  # noqa: F401 - only to find its dictionary

    folder = Path(jionlp.__file__).parent / "dictionary"
    raw = zipfile.ZipFile(folder / "china_location.zip").read("china_location.txt")
    rows, province, county = [], False, None
    for line in raw.decode("utf-8").splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        cells = line.strip("\t").split("\t")
        if depth == 0:
            province = cells[0] == "浙江省"
        elif province and depth == 2:
            county = (cells[1], cells[0])  # adcode, name
        elif (
            province
            and depth == 3
            and county
            and cells[0].endswith(("镇", "乡", "街道"))
        ):
            rows.append((county[0], county[1], cells[0]))
    with open(ROOT / "data" / "counties.csv", encoding="utf-8") as f:
        counties = {r["adcode"] for r in csv.DictReader(f)}
    dropped = sorted({(c, n) for c, n, _ in rows if c not in counties})
    rows = [r for r in rows if r[0] in counties]  # 温州经济技术开发区 is not a county
    shared = Counter(name for _, _, name in rows)
    rows.sort()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["adcode", "county_zh", "town_zh", "shared"])
    for code, county_name, town in rows:
        w.writerow([code, county_name, town, "true" if shared[town] > 1 else "false"])
    OUT.write_text(out.getvalue(), encoding="utf-8")
    digest = hashlib.sha256(raw).hexdigest()[:16]
    print(
        f"{OUT.relative_to(ROOT)}: {len(rows)} towns in {len({r[0] for r in rows})} counties "
        f"from jionlp {metadata.version('jionlp')} (china_location.txt sha256 {digest}…); "
        f"left out, not counties: {dropped}"
    )
    if not 1000 < len(rows) < 2000:
        print("expected about 1,300 towns in Zhejiang", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
