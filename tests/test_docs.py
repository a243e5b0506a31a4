"""Docs that cannot go stale: docs/cli.md is generated from the parser's --help.

Regenerate with: .venv/bin/python tests/test_docs.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
HEADER = """# newsweave command reference

Generated from `newsweave --help` by `python tests/test_docs.py`; a test fails when it is stale.

Exit codes: 0 success; 1 error or nothing could be briefed; 2 usage error; 3 the brief was
produced but some inputs were skipped (each is named on standard error with the reason).
Warnings a reader needs (articles that may not be one story, an article not in English, a brief
of one article: nothing can be corroborated) are printed on standard error and kept in the JSON
`warnings` and `caveats`; they do not change the exit code.
"""


def cli_reference() -> str:
    os.environ["COLUMNS"] = "100"
    from newsweave.cli import build_parser

    parser = build_parser()
    parts = [HEADER, "## newsweave\n\n```\n" + parser.format_help() + "```\n"]
    subs = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subs.choices.items():
        parts.append(f"## newsweave {name}\n\n```\n" + sub.format_help() + "```\n")
    return "\n".join(parts)


def test_cli_reference_is_current():
    assert DOC.read_text() == cli_reference(), "docs/cli.md is stale: run python tests/test_docs.py"


def test_every_command_is_documented():
    text = DOC.read_text()
    from newsweave.cli import build_parser

    subs = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in subs.choices:
        assert f"## newsweave {name}" in text


if __name__ == "__main__":
    sys.path.insert(0, str(DOC.parent.parent / "src"))
    DOC.write_text(cli_reference())
    print(f"wrote {DOC}")


def test_ci_runs_exactly_the_readmes_second_set_up_command():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = [block.split("```", 1)[0].strip() for block in setup.split("```bash\n")[1:]]
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert len(commands) == 2 and ci.rstrip().splitlines()[-1] == commands[1]
    assert (
        "apt-get install -y -qq chromium" in commands[1] and "playwright install" not in commands[1]
    )


def test_the_benchmarks_page_is_the_render_of_the_result_records():
    """docs/benchmarks.md is generated from bench/results/page-*.json (bench/benchmarks_page.py
    --write): edit a record, not the page; and the page stays a short reference (under 40 KB)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "benchmarks_page.py"
    spec = importlib.util.spec_from_file_location("benchmarks_page", path)
    page = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page)
    rendered = page.render(page.records())
    assert page.PAGE.read_text(encoding="utf-8") == rendered, (
        "docs/benchmarks.md is not the render of bench/results/page-*.json: run "
        "bench/benchmarks_page.py --write"
    )
    assert len(rendered.encode()) < page.LIMIT_BYTES
