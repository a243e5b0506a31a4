"""Entities merged across sources, with aliases and roles."""

from __future__ import annotations

from newsweave.clean import clean
from newsweave.extract import extract
from newsweave.models import Source


def _entities(nlp, *texts):
    sources = [clean(Source(id=f"s{i}", raw=t)) for i, t in enumerate(texts)]
    _, entities = extract(sources, nlp)
    return {e.name: e for e in entities}


def test_first_name_variants_merge(nlp):
    ents = _entities(nlp, "Treasury Secretary Steve Mnuchin met officials on Monday.", "Liu He told US Treasury Secretary Steven Mnuchin that talks would go on.")
    names = [n for n in ents if "Mnuchin" in n]
    assert len(names) == 1
    e = ents[names[0]]
    assert {"Steve Mnuchin", "Steven Mnuchin"} == {e.name, *e.aliases} & {"Steve Mnuchin", "Steven Mnuchin"}
    assert e.sources == ["s0", "s1"]


def test_honorific_surname_joins_full_name(nlp):
    ents = _entities(nlp, "Chinese Vice-Premier Liu He told reporters that talks would go on. He said that Mr Liu would travel to Washington.")
    assert "Liu He" in ents and "Mr Liu" in ents["Liu He"].aliases


def test_place_aliases(nlp):
    ents = _entities(nlp, "The U.S. and China talked.", "The US and China met again in Beijing.")
    assert "United States" in ents and {"U.S.", "US"} <= set(ents["United States"].aliases)


def test_roles_before_and_after_name(nlp):
    ents = _entities(nlp, '"Fine," said Lu Kang, a spokesman for China\'s foreign ministry.', "Chinese Foreign Ministry spokesman Lu Kang told a briefing that China agreed.")
    roles = {r.text for r in ents["Lu Kang"].roles}
    assert "spokesman for China's foreign ministry" in roles
    assert any(r.endswith("spokesman") for r in roles)
