"""Same-fact decision on MSRP (Microsoft Research Paraphrase Corpus): newsweave's sentence
similarity beside a TF-IDF cosine baseline and "always yes", in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/samefact.py

newsweave's decision is the one the align stage makes: the same-claim model's probability
(`align.sameclaim`, fitted on news stories, not on MSRP) against its shipped threshold; beside it
the cosine of the sentence vectors (content lemmas, entities, resolved dates and numbers,
IDF-weighted) against `align.facts.SAME_FACT`, the decision before that model. In a
brief the IDF comes from all sentences of the story; here it comes from all sentences of the
split, each sentence parsed as its own source. Reported: the shipped threshold, and the threshold
that maximises accuracy on MSRP train applied to test (calibration). The TF-IDF baseline
(scikit-learn, fitted on the split's sentences) gets the same train calibration.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MSRP = ROOT.parent / "shared" / "datasets" / "msrp" / "MSRParaphraseCorpus"


def load(split: str) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) rows of msr_paraphrase_<split>.txt."""
    with open(MSRP / f"msr_paraphrase_{split}.txt", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(int(r[0]), r[3], r[4]) for r in rows[1:]]


def newsweave_scores(pairs: list[tuple[int, str, str]]) -> tuple[list[float], list[float]]:
    """The align stage's cosine and its same-claim probability (`align.sameclaim`) for each pair,
    IDF over every sentence of the split."""
    from newsweave.align.sameclaim import probability
    from newsweave.align.vectors import cosine, sentence_vectors
    from newsweave.clean import clean
    from newsweave.extract import extract
    from newsweave.extract import load as load_model
    from newsweave.models import Source

    sources = [
        clean(Source(id=f"{i}{side}", raw=text))
        for i, (_, a, b) in enumerate(pairs)
        for side, text in (("a", a), ("b", b))
    ]
    for s in sources:
        s.witness = s.id
    documents, _ = extract(sources, load_model())
    vectors = sentence_vectors(documents)
    by_source: dict[str, list] = {}
    for v in vectors:
        by_source.setdefault(v.source, []).append(v)
    return tuple(  # type: ignore[return-value]
        [
            _best(by_source.get(f"{i}a", []), by_source.get(f"{i}b", []), score)
            for i in range(len(pairs))
        ]
        for score in (cosine, probability)
    )


def _best(xs: list, ys: list, cosine) -> float:
    """Pairs are single sentences, which a parser may still split: the best sentence match."""
    return max((cosine(x, y) for x in xs for y in ys), default=0.0)


def embedding_scores(pairs: list[tuple[int, str, str]]) -> list[float]:
    """Cosine of the packaged MiniLM embeddings (the `embed` extra)."""
    from newsweave.embedding import embed

    a, b = embed([p[1] for p in pairs]), embed([p[2] for p in pairs])
    return [float(x @ y) for x, y in zip(a, b)]


def combine(lexical: list[float], dense: list[float], weight: float) -> list[float]:
    return [weight * x + (1 - weight) * y for x, y in zip(lexical, dense)]


def calibrate_mix(
    labels: list[int], lexical: list[float], dense: list[float]
) -> tuple[float, float]:
    """(weight of the lexical score, threshold) with the best accuracy on training pairs."""
    best = max(
        (
            metrics(
                labels,
                combine(lexical, dense, w / 10),
                calibrate(labels, combine(lexical, dense, w / 10)),
            )["accuracy"],
            w / 10,
        )
        for w in range(11)
    )
    weight = best[1]
    return weight, calibrate(labels, combine(lexical, dense, weight))


def tfidf_scores(pairs: list[tuple[int, str, str]]) -> list[float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import paired_cosine_distances

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(
        [t for _, a, b in pairs for t in (a, b)]
    )
    a, b = vec.transform([p[1] for p in pairs]), vec.transform([p[2] for p in pairs])
    return list(1 - paired_cosine_distances(a, b))


def metrics(labels: list[int], scores: list[float], threshold: float) -> dict[str, float]:
    pred = [s >= threshold for s in scores]
    tp = sum(p and y for p, y in zip(pred, labels))
    fp = sum(p and not y for p, y in zip(pred, labels))
    fn = sum(y and not p for p, y in zip(pred, labels))
    acc = sum(p == bool(y) for p, y in zip(pred, labels)) / len(labels)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"threshold": threshold, "accuracy": 100 * acc, "f1": 100 * f1}


def calibrate(labels: list[int], scores: list[float]) -> float:
    """The threshold with the best accuracy on these (training) pairs."""
    candidates = sorted({round(s, 3) for s in scores})
    return max(candidates, key=lambda t: metrics(labels, scores, t)["accuracy"])


def main() -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    if not MSRP.is_dir():
        sys.exit(f"bench/samefact.py needs MSRP at {MSRP}")
    from newsweave.align.facts import SAME_FACT
    from newsweave.align.sameclaim import SAME
    from newsweave.errors import NewsweaveError

    train, test = load("train"), load("test")
    ytr, yte = [p[0] for p in train], [p[0] for p in test]
    rows = [("always yes", metrics(yte, [1.0] * len(yte), 0.5))]
    t = time.perf_counter()
    tf_tr, tf_te = tfidf_scores(train), tfidf_scores(test)
    rows.append(
        ("tf-idf cosine (threshold from train)", metrics(yte, tf_te, calibrate(ytr, tf_tr)))
    )
    tf_s = time.perf_counter() - t
    t = time.perf_counter()
    (nw_tr, sc_tr), (nw_te, sc_te) = newsweave_scores(train), newsweave_scores(test)
    nw_s = time.perf_counter() - t
    rows.append((f"newsweave cosine, threshold {SAME_FACT}", metrics(yte, nw_te, SAME_FACT)))
    rows.append(
        ("newsweave cosine, threshold from train", metrics(yte, nw_te, calibrate(ytr, nw_tr)))
    )
    rows.append((f"newsweave same-claim model, shipped {SAME}", metrics(yte, sc_te, SAME)))
    rows.append(
        (
            "newsweave same-claim model, threshold from train",
            metrics(yte, sc_te, calibrate(ytr, sc_tr)),
        )
    )
    em_s = None
    try:
        t = time.perf_counter()
        em_tr, em_te = embedding_scores(train), embedding_scores(test)
        em_s = time.perf_counter() - t
    except NewsweaveError as exc:
        print(f"(embedding rows skipped: {exc})", file=sys.stderr)
    if em_s is not None:
        rows.append(
            (
                "MiniLM cosine alone, threshold from train",
                metrics(yte, em_te, calibrate(ytr, em_tr)),
            )
        )
        weight, threshold = calibrate_mix(ytr, nw_tr, em_tr)
        rows.append(
            (
                f"newsweave + MiniLM ({weight:.1f} lexical), from train",
                metrics(yte, combine(nw_te, em_te, weight), threshold),
            )
        )
    print(f"## MSRP test: {len(test)} pairs ({100 * sum(yte) / len(yte):.1f}% positive)\n")
    print("| system | threshold | accuracy | F1 |\n|---|---:|---:|---:|")
    for name, m in rows:
        print(f"| {name} | {m['threshold']:.3f} | {m['accuracy']:.1f} | {m['f1']:.1f} |")
    print(
        f"\nseconds (train + test): tf-idf {tf_s:.1f}, newsweave {nw_s:.1f} (parse included)"
        + (f", MiniLM {em_s:.1f}" if em_s is not None else "")
        + f"; {len(train) + len(test)} pairs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
