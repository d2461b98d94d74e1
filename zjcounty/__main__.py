"""Command line: `python -m zjcounty validate [DATA_DIR]`.

Exit 0 when the tables are clean, 1 when any problem is found, 2 for a usage error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zjcounty")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check data tables against schema and seed texts")
    v.add_argument("data_dir", nargs="?", default="data", help="Data Package folder (default: data)")
    e = sub.add_parser("execute", help="run notebooks in place, byte-stable (default: all, in order)")
    e.add_argument("notebooks", nargs="*", type=Path)
    e.add_argument("-j", "--jobs", type=int, default=2, help="notebooks run at once (default 2: the machine's cores)")
    args = parser.parse_args(argv)

    if args.command == "execute":
        from .execute import execute_all, notebooks
        from .paths import NOTEBOOKS

        failures = execute_all(args.notebooks or notebooks(NOTEBOOKS), jobs=args.jobs)
        for nb, message in failures:
            print(f"{nb}: a cell failed, the notebook was not saved: {message}", file=sys.stderr)
        return 1 if failures else 0

    from .validate import validate

    problems = validate(Path(args.data_dir), shown_as=args.data_dir)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    print(f"{args.data_dir}: no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
