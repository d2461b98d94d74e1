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
    args = parser.parse_args(argv)

    if args.command == "execute":
        from .execute import execute, notebooks
        from .paths import NOTEBOOKS

        for nb in args.notebooks or notebooks(NOTEBOOKS):
            print(f"executing {nb}", flush=True)
            execute(nb)
        return 0

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
