"""docs/benchmarks.md, generated from the result records in bench/results/page-*.json.

    .venv/bin/python bench/benchmarks_page.py --write    # render the page from the records
    .venv/bin/python bench/benchmarks_page.py --check    # exit 1 when the page is not the render

One record a task, `bench/results/page-NN-<slug>.json` (NN orders the page):

    {"title": "Claims: corroborated, single-source, conflicts, figures",
     "scripts": ["bench/claims.py"],
     "date": "2026-12-07",
     "run": "2026-12-07 · 2-core machine shared with other jobs · `.venv/bin/python bench/claims.py`",
     "blocks": [{"text": "..."}, {"table": {"columns": [...], "align": "lrr", "rows": [[...]]}},
                {"bullets": ["...", "..."]}]}

`date` is when the numbers were measured; `run` the line under the title that says so, with the
machine, command and data of that run (a subsection of the task above it has none);
`blocks` what the page says, in order: paragraphs (Markdown), tables (newsweave beside its peers,
as data: a bench script may rewrite its rows) and bullet lists. tests/test_docs.py checks that the
page is the render of the records and stays under 40 KB, so it cannot drift from them. A bench
that writes its own figures (e.g. bench/claims.py's `bench/results/claims-*.json`) keeps them
beside its record; its table rows are copied from them when the run is recorded.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PAGE = ROOT / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Every number here comes from a script in `bench/`, run on the data named, beside a peer run in
the same script on the same texts. This page is generated from the result records in
`bench/results/page-*.json` (`bench/benchmarks_page.py --write`; a test checks it): update a
task's record when its script is re-run. Each task keeps its most recent measurement only;
earlier rounds are in [CHANGELOG.md](../CHANGELOG.md) and in git history.
"""
LIMIT_BYTES = 40_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def records(folder: Path = RESULTS) -> list[dict]:
    out = []
    for path in sorted(folder.glob("page-*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        problems = [k for k in ("title", "date", "blocks") if k not in record]
        if problems or not _DATE.match(str(record.get("date", ""))):
            raise ValueError(f"{path.name}: missing or malformed {problems or ['date']}")
        if record.get("run") and not record["run"].startswith(record["date"]):
            raise ValueError(f"{path.name}: its run line does not give its date first")
        out.append(record)
    return out


def render(recs: list[dict]) -> str:
    parts = [HEADER]
    for r in recs:
        scripts = " and ".join(f"`{s}`" for s in r.get("scripts", []))
        heading = "#" * r.get("level", 2) + f" {r['title']}" + (f": {scripts}" if scripts else "")
        lines = [heading] + ([r["run"]] if r.get("run") else [])
        for block in r["blocks"]:
            lines += ["", _block(block)]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _block(block: dict) -> str:
    if "text" in block:
        return block["text"]
    if "bullets" in block:
        return "\n".join("- " + item.replace("\n", "\n  ") for item in block["bullets"])
    table = block["table"]
    marks = {"l": "---", "r": "---:", "c": ":---:"}
    lines = [_row(table["columns"]), "|" + "|".join(marks[a] for a in table["align"]) + "|"]
    return "\n".join(lines + [_row(row) for row in table["rows"]])


def _row(cells: list) -> str:
    return "|" + "|".join(f" {c} " if str(c) else " " for c in cells) + "|"


# --- the one-off import of a hand-written page into records ------------------------------------


def parse(page: str) -> list[dict]:
    """Records from a page written by hand (sections `## Title: `script``, a date line, blocks)."""
    sections = re.split(r"^(?=#{2,3} )", page, flags=re.M)[1:]
    return [_section(s) for s in sections]


def _section(text: str) -> dict:
    head, _, rest = text.partition("\n")
    level = len(head) - len(head.lstrip("#"))
    title, scripts = head.lstrip("# ").strip(), []
    m = re.match(r"^(.*?): ((?:`[^`]+`(?: and )?)+)$", title)
    if m:
        title, scripts = m.group(1), re.findall(r"`([^`]+)`", m.group(2))
    chunks = [c.strip("\n") for c in re.split(r"\n\s*\n", rest.strip("\n")) if c.strip()]
    run = chunks.pop(0) if chunks and re.match(r"^\d{4}-\d{2}-\d{2}", chunks[0]) else ""
    record = {"title": title, "scripts": scripts, "date": run[:10], "run": run, "blocks": []}
    if level != 2:
        record["level"] = level
    record["blocks"] = [_parse_block(c) for c in chunks]
    return record


def _parse_block(chunk: str) -> dict:
    lines = chunk.split("\n")
    if lines[0].startswith("|") and len(lines) > 1 and re.match(r"^\|[\s:|-]+\|$", lines[1]):
        cells = [_cells(line) for line in lines]
        align = "".join(
            "r" if c.endswith(":") and not c.startswith(":") else "c" if c.startswith(":") else "l"
            for c in cells[1]
        )
        return {"table": {"columns": cells[0], "align": align, "rows": cells[2:]}}
    if lines[0].startswith("- ") and all(ln.startswith(("- ", "  ")) for ln in lines):
        items: list[str] = []
        for ln in lines:
            if ln.startswith("- "):
                items.append(ln[2:])
            else:
                items[-1] += "\n" + ln[2:]
        return {"bullets": items}
    return {"text": chunk}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="render docs/benchmarks.md")
    mode.add_argument("--check", action="store_true", help="exit 1 unless the page is the render")
    mode.add_argument("--import-page", action="store_true", help="records from the page (once)")
    args = ap.parse_args(argv)
    if args.import_page:
        date = ""
        for n, record in enumerate(parse(PAGE.read_text(encoding="utf-8")), 1):
            date = record["date"] = record["date"] or date  # a subsection: its task's date
            path = RESULTS / f"page-{n:02d}-{_slug(record['title'])}.json"
            path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", "utf-8")
        return 0
    page = render(records())
    if args.write:
        PAGE.write_text(page, encoding="utf-8")
        return 0
    same = PAGE.read_text(encoding="utf-8") == page
    print(
        "docs/benchmarks.md is the render of the records" if same else "docs/benchmarks.md differs"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
