"""Option names owned once (`newsweave.kinds`): every place that takes a mode or a similarity
refuses an unknown one the same way."""

from __future__ import annotations

import pytest

from newsweave.align import SIMILARITIES as ALIGN_SIMILARITIES
from newsweave.align import align
from newsweave.cli import build_parser
from newsweave.cluster import MODES as CLUSTER_MODES
from newsweave.cluster import SIMILARITIES as CLUSTER_SIMILARITIES
from newsweave.cluster import cluster
from newsweave.corpus import stories
from newsweave.errors import NewsweaveError, OptionError
from newsweave.kinds import MODES, SIMILARITIES, choose
from newsweave.store import open_store


def test_one_definition_everywhere():
    assert MODES == CLUSTER_MODES == ("batch", "stream")
    assert SIMILARITIES == CLUSTER_SIMILARITIES == ALIGN_SIMILARITIES == ("lexical", "embed")
    stories_cmd = build_parser().parse_args(["stories", "--db", "x.db", "--mode", "stream"])
    assert stories_cmd.mode == "stream"


def test_a_bad_value_is_one_error_naming_the_choices():
    for call in (
        lambda: align([], [], similarity="magic"),
        lambda: cluster([], similarity="magic"),
        lambda: cluster([], "sideways"),
        lambda: stories(open_store("memory:"), "sideways"),
    ):
        with pytest.raises(OptionError) as caught:
            call()
        assert isinstance(caught.value, NewsweaveError) and isinstance(caught.value, ValueError)
        assert "must be one of" in str(caught.value)
    assert choose("mode", "stream", MODES) == "stream"
    with pytest.raises(OptionError, match="mode must be one of batch, stream, not 'x'"):
        choose("mode", "x", MODES)
