"""bench/claims_missed.py names why a gold claim is not shown corroborated (its rule, on numbers
written for the test; the bench itself needs the shared datasets)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parent.parent / "bench" / "claims_missed.py"


@pytest.fixture(scope="module")
def cause():
    spec = importlib.util.spec_from_file_location("claims_missed", PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.cause


@pytest.mark.parametrize(
    "probability, lexical, clash, expected",
    [
        (0.0, 0.05, False, "no shared words"),  # under the floor the model never scores it
        (0.0, 0.05, True, "no shared words"),
        (0.3, 0.25, False, "model"),
        (0.8, 0.40, True, "kept apart"),  # alike, but a figure or a date disagrees
        (0.3, 0.25, True, "kept apart"),
        (0.55, 0.30, False, "grouped apart"),  # alike enough: the grouping kept them apart
    ],
)
def test_a_missed_claim_is_named_by_its_likeliest_pair(
    cause, probability, lexical, clash, expected
):
    assert cause(probability, lexical, clash, floor=0.1, support=0.5) == expected
