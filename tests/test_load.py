"""A smoke version of `bench/load.py`: a few clients for a second on a loopback server, no errors."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from live_server import live_server
from newsweave.serve import create_app
from test_serve import make_store

BENCH = Path(__file__).resolve().parent.parent / "bench" / "load.py"


def load_module():
    spec = importlib.util.spec_from_file_location("bench_load", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_few_clients_for_a_second_get_no_errors(tmp_path, pipeline):
    load = load_module()
    with live_server(create_app(make_store(tmp_path), pipeline=pipeline)) as base:
        urls = load.targets(base)
        assert set(urls) == {"story page", "story list", "stylesheet"}
        for url in (urls["story page"], urls["story list"]):
            result = load.hammer(url, clients=4, duration=1.0, timeout=30)
            assert result.requests >= 4 and result.errors == 0, result.statuses
            assert result.statuses == {"200": result.requests}
            assert 0 < result.p50_ms <= result.p95_ms <= result.p99_ms
