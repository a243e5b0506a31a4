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
