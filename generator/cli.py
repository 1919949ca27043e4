"""Command line: `briefing generate | build | serve | pdf | extract`.

Exit codes: 0 everything worked, 1 some seed (or step) failed, the rest still done; 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from generator import __version__
from generator.extraction.statistical import ModelError
from generator.options import Options
from generator.report import Reporter


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    volume = common.add_mutually_exclusive_group()
    volume.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    volume.add_argument("-v", "--verbose", action="store_true", help="print every file written")
    common.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder holding mkdocs.yml (default: .)",
    )
    common.add_argument(
        "--seeds", type=Path, default=None, help="folder of seed articles (default: ROOT/seeds)"
    )
    common.add_argument(
        "--no-registry", action="store_true", help="ignore entities.yml (raw extraction)"
    )
    common.add_argument(
        "--extractor",
        choices=("model", "rules"),
        default="model",
        help="model: spaCy's statistical model combined with the rules (default); "
        "rules: the rules alone (about 10x faster, for bulk imports)",
    )

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn raw articles in seeds/ into a searchable static briefing site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sub.add_parser("generate", parents=[common], help="seeds/ -> briefings/ (Markdown pages)")
    build = sub.add_parser("build", parents=[common], help="generate, then build site/ with MkDocs")
    build.add_argument(
        "--pdf", action="store_true", help="also make the PDFs and copy to site/pdf/"
    )
    build.add_argument("--site-url", help="override site_url (e.g. https://example.org/briefings/)")
    serve = sub.add_parser(
        "serve", parents=[common], help="generate, serve on 127.0.0.1, rebuild when a seed changes"
    )
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    pdf = sub.add_parser("pdf", parents=[common], help="PDF per briefing plus a briefing book")
    pdf.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/pdf)")
    pdf.add_argument(
        "--story", metavar="SLUG", help="print one story as a book: its page, then its briefings"
    )
    extract = sub.add_parser(
        "extract", parents=[common], help="print what extraction finds in seed files, as JSON"
    )
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
        return int(exc.code or 0)
    root = args.root.resolve()
    options = Options(
        root=root,
        seeds=args.seeds.resolve() if args.seeds else Path("seeds"),
        registry=None if args.no_registry else Path("entities.yml"),
        extractor=args.extractor,
        verbose=-1 if args.quiet else (1 if args.verbose else 0),
    )
    reporter = Reporter(options.verbose)
    try:
        if args.command == "extract":
            return _extract(args.files, args.format, options, reporter)
        if args.command == "generate":
            from generator.pipeline import generate

            return generate(options, reporter).exit_code
        if args.command == "build":
            from generator.pipeline import build

            return build(options, reporter, pdf=args.pdf, site_url=args.site_url)
        if args.command == "serve":
            from generator.serve import serve

            return serve(options, reporter, port=args.port)
        if args.command == "pdf":
            from generator.pdf import make_pdfs

            out = args.out.resolve() if args.out else None
            return make_pdfs(
                replace(options, pdf=out) if out else options, reporter, story=args.story
            )
    except KeyboardInterrupt:
        reporter.error("interrupted")
        return 130
    except ModelError as err:
        reporter.error(str(err))
        return 1
    parser.error(f"unknown command {args.command}")
    return 2


def _extract(files: list[Path], fmt: str, options: Options, reporter: Reporter) -> int:
    from generator.errors import SeedError
    from generator.export import extraction_record
    from generator.extract import extract
    from generator.ingest import read_seed

    failed = 0
    records = []
    for path in files:
        try:
            doc = read_seed(
                path, replace(options, seeds=path.parent.resolve()), seed_name=str(path)
            )
            record = extraction_record(doc, extract(doc, options))
        except SeedError as err:
            reporter.error(str(err))
            failed += 1
            continue
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            records.append(record)
    if fmt == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failed else 0
