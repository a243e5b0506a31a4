"""Syndicated copies: a gold set made from the bundled example (an AP and a Reuters report of one
story, so two different articles on the same story), copies of each with a syndicating site's
edits (the edit functions of bench/copies.py, seeded), pinned floors, lineage kinds on hand-made
edits, and properties: grouping ignores input order, is symmetric, and lineage spans slice back.
Needs nothing outside the repository.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from newsweave.clean import clean
from newsweave.dedup import assign_witnesses, changes, containment, copy_groups, minhash, shingles
from newsweave.ingest import example_sources
from newsweave.models import Source

_spec = importlib.util.spec_from_file_location("bench_copies", ROOT / "bench" / "copies.py")
bench = sys.modules.setdefault("bench_copies", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(bench)
DAY = dt.date(2018, 5, 14)


def _reports() -> list[bench.Article]:
    return [bench.Article(s.id, s.title, s.raw.split("\n\n")) for s in example_sources().sources]


REPORTS = _reports()


def gold_set(seed: int, copies: int = 3) -> tuple[list[Source], list[list[str]]]:
    """Both reports and `copies` copies of each, every source with its own date (originals
    first); the paragraphs a copy adds come from the other report (same story, not a copy)."""
    rng = random.Random(seed)
    srcs, gold = [], []
    for r, (report, other) in enumerate(zip(REPORTS, REPORTS[::-1])):
        local = [p for p in other.paragraphs if len(p.split()) >= 25]
        group = [
            Source(
                id=f"r{r}", raw=report.raw, title=report.title, published=DAY + dt.timedelta(days=r)
            )
        ]
        for k in range(copies):
            c = bench.make_copy(report, rng, local)
            group.append(
                Source(
                    id=f"r{r}c{k}",
                    raw=c.raw,
                    title=c.title,
                    published=DAY + dt.timedelta(days=10 + 10 * r + k),
                )
            )
        srcs += group
        gold.append([s.id for s in group])
    return [clean(s) for s in srcs], gold


def grouping(srcs: list[Source]) -> tuple[set[frozenset[str]], dict[str, str]]:
    groups = copy_groups(srcs, lineage=False)
    return {frozenset(g.articles) for g in groups}, {s.id: s.witness for s in srcs}


@pytest.mark.parametrize("seed", range(8))
def test_every_copy_found_and_the_two_reports_never_merged(seed):
    srcs, gold = gold_set(seed)
    found, witness = grouping(srcs)
    assert found == {frozenset(g) for g in gold}  # recall 1.0, no false merge
    assert all(witness[i] == g[0] for g in gold for i in g)  # the original is the witness
    assert {
        frozenset(g) for g in assign_witnesses(srcs, outlets=False)
    } == found  # the all-pairs reference agrees


def test_scores_pin_recall_and_precision():
    srcs, gold = gold_set(0)
    s = bench.scores(gold, [list(g) for g in grouping(srcs)[0]], [x.id for x in srcs])
    assert s["R"] == 1.0 and s["P"] == 1.0 and s["B3"] == 1.0


def test_empty_texts_are_not_copies_of_each_other():
    srcs = [clean(Source(id=f"e{i}", raw="Advertisement")) for i in range(3)]
    assert copy_groups(srcs) == []


# ---------------------------------------------------------------- lineage on hand-made edits

PARAS = [
    "The council approved the budget on Tuesday after a long debate about roads and parks.",
    "It sets aside 12 million dollars for new roads and 30 million for schools over 5 years.",
    "The mayor said the plan would help families across the city and create jobs.",
    "Opponents argued that the tax increase was too steep for small businesses.",
    "The vote was 7 to 2, with two members absent from the chamber that evening.",
]
LOCAL = "Residents of Millbrook can comment on the plan at the library on Saturday morning."


def _pair(copy_paras: list[str], title: str = "Council approves budget") -> tuple[Source, Source]:
    a = clean(
        Source(id="a", raw="\n\n".join(PARAS), title="Council approves budget", published=DAY)
    )
    b = clean(
        Source(
            id="b", raw="\n\n".join(copy_paras), title=title, published=DAY + dt.timedelta(days=1)
        )
    )
    return a, b


def test_lineage_kinds_of_hand_made_edits():
    copy = [
        PARAS[0],
        PARAS[1].replace("12 million", "15 million"),
        LOCAL,
        PARAS[2].replace("said", "stated"),
        PARAS[3],
    ]  # last paragraph cut
    a, b = _pair(copy, title="City council passes budget")
    got = [(c.kind, c.text) for c in changes(a, b)]
    assert got == [
        ("title", "Council approves budget -> City council passes budget"),
        ("number", "12 -> 15"),
        ("added", LOCAL),
        ("edited", copy[3]),
        ("cut", PARAS[4]),
    ]


def test_a_dropped_figure_does_not_shift_the_others():
    copy = list(PARAS)
    copy[1] = copy[1].replace("12 million dollars for new roads and ", "")
    assert [(c.kind, c.text) for c in changes(*_pair(copy))] == [("number", "12 -> ")]


def test_invisible_edits_change_nothing():
    copy = [
        "WASHINGTON (AP) — " + PARAS[0],
        "More From WIBX 950",
        PARAS[1].replace(" and ", "  and\n"),
        "“" + PARAS[2] + "”",
        PARAS[3],
        PARAS[4],
        "Copyright 2018 The Associated Press. All rights reserved.",
    ]
    assert changes(*_pair(copy)) == []


# ---------------------------------------------------------------- properties

SEEDS = st.integers(0, 10**6)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(seed=SEEDS, order=st.randoms(use_true_random=False))
def test_grouping_ignores_input_order(seed, order):
    srcs, _ = gold_set(seed, copies=2)
    before = grouping(srcs)
    shuffled = list(srcs)
    order.shuffle(shuffled)
    assert grouping(shuffled) == before


@FAST
@given(seed=SEEDS, pick=st.tuples(st.integers(0, 5), st.integers(0, 5)))
def test_copy_detection_is_symmetric(seed, pick):
    srcs, _ = gold_set(seed, copies=2)
    a, b = srcs[pick[0]], srcs[pick[1]]
    assert containment(shingles(a.text), shingles(b.text)) == containment(
        shingles(b.text), shingles(a.text)
    )
    if a is not b:
        assert grouping([a, b])[0] == grouping([b, a])[0]


@FAST
@given(seed=SEEDS)
def test_every_lineage_span_slices_back_to_its_text(seed):
    srcs, _ = gold_set(seed, copies=2)
    by_id = {s.id: s for s in srcs}
    for group in copy_groups(srcs):
        for cid, edits in group.changes.items():
            for c in edits:
                if c.kind in ("added", "cut", "edited"):
                    assert c.span.source == (group.earliest if c.kind == "cut" else cid)
                    assert c.span.slice(by_id[c.span.source].text) == c.text


# ---------------------------------------------------------------- the vectorised MinHash


def test_batched_signatures_equal_one_at_a_time():
    texts = [s.text for s in gold_set(1)[0]] + ["", "two words", "x " * 9000]
    one = np.stack([minhash.signature(minhash.shingle_hashes(t)) for t in texts])
    assert (minhash.signatures(texts) == one).all()


def test_a_burst_of_identical_signatures_pairs_with_its_first_members():
    pairs = minhash.candidate_pairs(np.zeros((40, minhash.NUM_PERM), dtype=np.uint32))
    cap = minhash.BUCKET_ALL_PAIRS
    assert len(pairs) == sum(40 - 1 - i for i in range(cap))
    assert (pairs[:, 0] < pairs[:, 1]).all() and (pairs[:, 0] < cap).all()


@pytest.mark.parametrize("seed", [0, 1])
def test_pairs_among_some_texts_are_the_pairs_involving_them(seed):
    """`among` leaves out the buckets without a masked text and no pair that has one, bursts
    (a bucket past BUCKET_ALL_PAIRS) included."""
    rng = np.random.default_rng(seed)
    sigs = rng.integers(
        0, 3, (300, minhash.NUM_PERM), dtype=np.uint32
    )  # few values: many buckets shared
    sigs[200:240] = 7  # a burst of 40 identical signatures
    among = np.zeros(len(sigs), dtype=bool)
    among[rng.choice(len(sigs), 12, replace=False)] = True
    among[225] = True  # a member of the burst past its first BUCKET_ALL_PAIRS
    full = minhash.candidate_pairs(sigs)
    wanted = full[among[full[:, 0]] | among[full[:, 1]]]
    got = minhash.candidate_pairs(sigs, among)
    assert len(wanted) and len(got) < len(full)
    assert np.array_equal(got[among[got[:, 0]] | among[got[:, 1]]], wanted)
