"""The names of newsweave's options, owned once: clustering modes and similarities.

Each is a `Literal` (for type checkers, FastAPI and argparse alike) with its values as a tuple
derived from it; `choose` checks a value given at run time and names the ones it knows.
Input kinds belong to ingest (`ingest.readers`), output formats to report (`report.FORMATS`).
"""

from __future__ import annotations

from typing import Literal, TypeVar, get_args

from .errors import OptionError

__all__ = ["MODES", "SIMILARITIES", "Mode", "Similarity", "choose"]

Mode = Literal["batch", "stream"]  # how a corpus is clustered into stories
Similarity = Literal["lexical", "embed"]  # how alike two texts are: words, or words + embeddings

MODES: tuple[Mode, ...] = get_args(Mode)
SIMILARITIES: tuple[Similarity, ...] = get_args(Similarity)

T = TypeVar("T", bound=str)


def choose(option: str, value: str, choices: tuple[T, ...]) -> T:
    """`value` if it is one of `choices`; else `OptionError` naming the option and the choices."""
    for choice in choices:
        if value == choice:
            return choice
    raise OptionError(option, value, choices)
