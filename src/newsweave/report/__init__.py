"""Stage 8, report: the brief as terminal text (rich), Markdown, self-contained HTML or JSON.

All renderers read the same `Brief`; HTML escapes every piece of article text.
"""

from __future__ import annotations

from ..models import Brief

FORMATS = ("text", "markdown", "html", "json")

__all__ = ["FORMATS", "render"]


def render(brief: Brief, fmt: str, *, width: int | None = None, color: bool = False) -> str:
    """The brief as a string in one of `FORMATS`."""
    if fmt == "json":
        from .json import to_json

        return to_json(brief)
    if fmt == "markdown":
        from .markdown import to_markdown

        return to_markdown(brief)
    if fmt == "html":
        from .html import to_html

        return to_html(brief)
    if fmt == "text":
        return _terminal(brief, width=width, color=color)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _terminal(brief: Brief, *, width: int | None, color: bool) -> str:
    import io

    from rich.console import Console

    from .terminal import print_brief

    out = io.StringIO()
    console = Console(file=out, width=width or 100, no_color=not color, force_terminal=color)
    print_brief(brief, console)
    return out.getvalue()
