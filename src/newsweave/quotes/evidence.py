"""Evidence inside a report: "Khalid said the fact the woman went to wash her hands showed she
was aware", "anecdotal observations suggest more women are hiking, Haskel said". A thing that
bears something out speaks for nobody; the one who reports what it shows is the speaker."""

from __future__ import annotations

from typing import Any

from ..lexicon import EVIDENCE_NOUNS, EVIDENCE_VERBS, SPEECH_LEMMAS


def evidence_in_report(cue: Any, subj: Any) -> bool:
    """Is the cue a verb of bearing out ("showed", "suggest") whose subject is a piece of
    evidence with no author ("the fact", "observations"), in the clause of a verb of speech?"""
    return (
        cue.lemma_.lower() in EVIDENCE_VERBS
        and subj.pos_ == "NOUN"
        and subj.lemma_.lower() in EVIDENCE_NOUNS
        and cue.dep_ == "ccomp"
        and cue.head.lemma_.lower() in SPEECH_LEMMAS
    )
