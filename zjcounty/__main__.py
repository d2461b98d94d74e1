"""Command line: `python -m zjcounty validate [DATA_DIR]` and `python -m zjcounty execute [NB ...]`.

Exit 0 when all is well, 1 when a problem is found (one line each, no traceback), 2 for a
usage error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _validate(data_dir: str) -> int:
    from .validate import validate

    problems = validate(Path(data_dir), shown_as=data_dir)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    print(f"{data_dir}: no problems")
    return 0


def _execute(paths: list[Path], jobs: int | None) -> int:
    from .execute import execute_all
    from .paths import notebooks

    failures = execute_all(paths or notebooks(), jobs=jobs)
    for nb, message in failures:
        print(f"{nb}: {message}; the notebook was not saved", file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zjcounty")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the data tables against their schema, sources and rules")
    v.add_argument("data_dir", nargs="?", default="data", help="Data Package folder (default: data)")
    e = sub.add_parser("execute", help="run notebooks in place, byte-stable (default: all, in order)")
    e.add_argument("notebooks", nargs="*", type=Path)
    e.add_argument("-j", "--jobs", type=int, default=None, help="notebooks run at once (default: one per core)")
    args = parser.parse_args(argv)
    if args.command == "execute":
        return _execute(args.notebooks, args.jobs)
    return _validate(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
