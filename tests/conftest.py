"""Shared fixtures: the example brief is computed once per test session (per xdist worker)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from newsweave import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def example_brief(pipeline):
    return pipeline.brief_example()


@pytest.fixture(scope="session")
def example_json(example_brief):
    from newsweave.report.json import to_dict

    return to_dict(example_brief)


@pytest.fixture(scope="session")
def brief_schema():
    return json.loads(resources.files("newsweave").joinpath("schema/brief.schema.json").read_text())


@pytest.fixture(scope="session")
def nlp():
    from newsweave.extract import load

    return load()


def extracted(nlp, *texts):
    """(documents, entities) of texts cleaned and extracted as sources s0, s1, ..."""
    from newsweave.clean import clean
    from newsweave.extract import extract
    from newsweave.models import Source

    return extract([clean(Source(id=f"s{i}", raw=t)) for i, t in enumerate(texts)], nlp)


def entities_by_name(nlp, *texts):
    """The entities of the texts, by name."""
    return {e.name: e for e in extracted(nlp, *texts)[1]}
