"""How the validator scales: synthetic facts tables of 10k, 100k and 1M rows.

Rows are the curated facts repeated with new fact_ids, so every row is valid and every
check (types, vocabularies, keys, quotes in seeds, values in quotes) does its full work.
Run: `.venv/bin/python benchmarks/validator.py` (or `make bench`). Not a test: timings
depend on the machine; README records what it printed.
"""
from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from zjcounty.paths import DATA, SEEDS
from zjcounty.validate import validate

SIZES = (10_000, 100_000, 1_000_000)


def synthetic(n: int, folder: Path) -> Path:
    data = folder / "data"
    shutil.copytree(DATA, data)
    shutil.copytree(SEEDS, folder / "seeds")
    facts = pd.read_csv(DATA / "facts.csv", dtype=str, keep_default_na=False)
    big = facts.iloc[[i % len(facts) for i in range(n)]].reset_index(drop=True)
    big["fact_id"] = [f"F{i:07d}" for i in range(1, n + 1)]
    big.to_csv(data / "facts.csv", index=False, lineterminator="\n")
    return data


def main() -> int:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'rows':>10} {'seconds':>8} {'µs/row':>7} {'problems':>8}")
    for n in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            data = synthetic(n, Path(tmp))
            start = time.perf_counter()
            problems = validate(data)
            took = time.perf_counter() - start
        print(f"{n:>10,} {took:>8.2f} {took / n * 1e6:>7.2f} {len(problems):>8}", flush=True)
        if problems:
            print("\n".join(map(str, problems[:5])), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
