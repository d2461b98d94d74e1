"""Command line: `python -m zjcounty validate [DATA_DIR]`, `python -m zjcounty execute [NB ...]`,
`python -m zjcounty extract FILE` (candidate facts from an article) and
`python -m zjcounty add CANDIDATES.csv` (append reviewed candidates to data/facts.csv) and
`python -m zjcounty edition` (the Chinese notebooks from the English ones and their prose files)
and `python -m zjcounty site` (the reading site).

Exit 0 when all is well, 1 when a problem is found (one line each, no traceback), 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .paths import DATA


def _validate(data_dir: str) -> int:
    from .check.validate import validate

    problems = validate(Path(data_dir), shown_as=data_dir)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    print(f"{data_dir}: no problems")
    return 0


def _execute(paths: list[Path], jobs: int | None) -> int:
    from .build.execute import execute_all
    from .paths import NOTEBOOKS, notebooks

    failures = execute_all(
        paths or notebooks() + notebooks(NOTEBOOKS / "zh"), jobs=jobs
    )
    for nb, message in failures:
        print(f"{nb}: {message}; the notebook was not saved", file=sys.stderr)
    return 1 if failures else 0


def _extract(args: argparse.Namespace) -> int:
    from .curate.extract import run

    return run(
        args.file,
        source_id=args.source_id,
        date=args.date,
        out=args.output,
        data_dir=args.data,
    )


def _add(args: argparse.Namespace) -> int:
    from .curate.add import run

    return run(args.candidates, data_dir=args.data)


def _site(args: argparse.Namespace) -> int:
    from .build.site import build

    return build(Path(args.folder))


def _edition(args: argparse.Namespace) -> int:
    from .build.edition import run

    return run(check=args.check, init=args.init, restamp_cells=args.restamp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zjcounty")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser(
        "validate", help="check the data tables against their schema, sources and rules"
    )
    v.add_argument(
        "data_dir",
        nargs="?",
        default="data",
        help="Data Package folder (default: data)",
    )
    e = sub.add_parser(
        "execute", help="run notebooks in place, byte-stable (default: all, in order)"
    )
    e.add_argument("notebooks", nargs="*", type=Path)
    e.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="notebooks run at once (default: one per core)",
    )
    x = sub.add_parser(
        "extract", help="propose candidate facts from one article (CSV on stdout)"
    )
    x.add_argument(
        "file", help="the article: a UTF-8 text file, simplified or traditional script"
    )
    x.add_argument(
        "--source-id",
        default="",
        help="its row in sources.csv (also the default --date)",
    )
    x.add_argument(
        "--date",
        default=None,
        help="publication date YYYY-MM-DD or YYYY-MM, for 今年/去年/目前",
    )
    x.add_argument(
        "-o",
        "--output",
        default=None,
        help="write the CSV here instead of stdout (never inside data/)",
    )
    x.add_argument(
        "--data",
        default=str(DATA),
        help="Data Package folder to read units and areas from",
    )
    a = sub.add_parser(
        "add",
        help="append reviewed candidates to facts.csv, all or nothing, then validate",
    )
    a.add_argument(
        "candidates",
        help="the candidates CSV, as `extract` wrote it and a curator edited it",
    )
    a.add_argument(
        "--data",
        default=str(DATA),
        help="Data Package folder (default: the repository's data/)",
    )
    z = sub.add_parser(
        "edition",
        help="make notebooks/zh/ from the English notebooks and notebooks/zh/prose/",
    )
    z.add_argument(
        "--check",
        action="store_true",
        help="only check the translations (one line per problem)",
    )
    z.add_argument(
        "--init",
        action="store_true",
        help="(re)write the prose files with a marker for every cell",
    )
    z.add_argument(
        "--restamp",
        nargs="+",
        metavar=("NOTEBOOK", "CELL"),
        help="after an English edit that keeps the meaning: take the cells' new hashes (e.g. 03 findings)",
    )
    s = sub.add_parser(
        "site",
        help="build the reading site, both editions, into FOLDER/site (default: build)",
    )
    s.add_argument(
        "folder",
        nargs="?",
        default="build",
        help="where site/ and its staging go (default: build)",
    )
    args = parser.parse_args(argv)
    if args.command == "site":
        return _site(args)
    if args.command == "edition":
        return _edition(args)
    if args.command == "execute":
        return _execute(args.notebooks, args.jobs)
    if args.command == "extract":
        return _extract(args)
    if args.command == "add":
        return _add(args)
    return _validate(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
