"""Stage 8, report: the brief as terminal text (rich), Markdown, self-contained HTML or JSON.

All renderers read the same `Brief`; the human-readable ones render its `view.Report` (the story
at a glance, the coverage grid, the detail sections). HTML escapes every piece of article text.
Each format is one module with `render(brief, *, detail, width, color) -> str` and one entry in
`_MODULES`.
"""

from __future__ import annotations

from importlib import import_module

from ..models import Brief
from .view import DETAILS, Detail

_MODULES = {"text": "terminal", "markdown": "markdown", "html": "html", "json": "json"}
FORMATS = tuple(_MODULES)

__all__ = ["DETAILS", "FORMATS", "render"]


def render(
    brief: Brief,
    fmt: str,
    *,
    width: int | None = None,
    color: bool = False,
    detail: Detail = "brief",
) -> str:
    """The brief as a string in one of `FORMATS`; `detail` "brief" (the story at a glance, the
    coverage grid and what more there is) or "full" (every section too). JSON is always whole."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; expected one of {', '.join(DETAILS)}")
    module = import_module(f".{_MODULES[fmt]}", __name__)
    return module.render(brief, detail=detail, width=width, color=color)
