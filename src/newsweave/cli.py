"""The `newsweave` command: a thin layer over the library.

Exit codes: 0 success; 1 nothing could be briefed (every input unusable) or an error;
2 usage error; 3 the brief was produced but some inputs were skipped (listed on stderr).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from . import __version__
from .errors import NewsweaveError
from .report import FORMATS
from .summarize import DEFAULT_WORDS

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsweave",
        description="Read many reports of one news story: what is corroborated, what only one outlet "
        "says, where sources conflict, who said what, and a cited summary. Offline.",
    )
    parser.add_argument("--version", action="version", version=f"newsweave {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_brief(commands)
    return parser


def _add_brief(commands) -> None:
    p = commands.add_parser(
        "brief",
        help="the cross-source brief of news files, feeds and URLs",
        description="Brief news articles given as files, folders or http(s) URLs: plain text (.txt, "
        "metadata in a <file>.meta.json sidecar), HTML, JSON Lines (one article a line: id, outlet, url, "
        "published, title, text or html), CSV/TSV (a header row naming those columns), RSS/Atom feeds "
        "(one article per entry), WARC web archives (.warc, .warc.gz), or .jsonl.gz/.csv.gz. URLs are "
        "fetched politely and safely (robots.txt, size limits, no private addresses); a feed URL's "
        "teaser-only entries are fetched through their links.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files, folders (recursive), feeds, "
                   "or http(s) URLs of articles and feeds")
    p.add_argument("--example", action="store_true", help="brief the bundled example story (ZTE, May 2018)")
    p.add_argument("--meta", metavar="FILE", help="JSON metadata for plain files: one object for all, "
                   "or an object keyed by file name")
    p.add_argument("-f", "--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the brief to FILE instead of standard output")
    p.add_argument("--words", type=int, default=DEFAULT_WORDS, metavar="N",
                   help=f"summary length budget in words (default: {DEFAULT_WORDS}; 3 to 7 sentences)")
    p.add_argument("--similarity", choices=("lexical", "embed"), default="lexical",
                   help="same-fact similarity: lexical (default) or embed (adds sentence embeddings; "
                   "needs: pip install 'newsweave[embed]')")
    p.add_argument("--allow-private", action="store_true",
                   help="allow fetching from private and loopback addresses (tests, intranets)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not list skipped inputs and warnings")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if not args.example and not args.paths:
        parser.error("brief: give one or more PATHs, or --example")
    try:
        return _brief(args)
    except NewsweaveError as exc:
        print(f"newsweave: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"newsweave: cannot write {exc.filename or args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _brief(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .report import render

    pipeline = Pipeline(words=args.words, similarity=args.similarity)
    if args.example:
        brief = pipeline.brief_example()
    else:
        with _fetcher(args) as fetcher:
            brief = pipeline.brief_paths(args.paths, meta=args.meta, fetcher=fetcher)
    if not args.quiet:
        for s in brief.skipped:
            print(f"newsweave: skipped {s.path}: {s.reason}", file=sys.stderr)
        for w in brief.warnings:
            print(f"newsweave: warning: {w}", file=sys.stderr)
    _write(args, brief, render)
    return EXIT_SKIPPED if brief.skipped else EXIT_OK


def _fetcher(args: argparse.Namespace):
    """The Fetcher for --allow-private; None leaves URLs to ingest's default (public addresses only)."""
    if not args.allow_private:
        return contextlib.nullcontext()
    from .ingest import Fetcher, FetchPolicy

    return Fetcher(FetchPolicy(allow_private=True))


def _write(args: argparse.Namespace, brief, render) -> None:
    if args.output:
        Path(args.output).write_text(render(brief, args.format), encoding="utf-8")
    elif args.format == "text" and sys.stdout.isatty():
        from rich.console import Console

        from .report.terminal import print_brief

        print_brief(brief, Console())
    else:
        sys.stdout.write(render(brief, args.format))
        sys.stdout.write("\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
