"""Which sentences state something. A fact is a statement: not an agency or reporter credit in
parentheses ("(Reuters)", "(Barak Ravid)"), a timestamp of a live blog ("1:15 A.M."), a dateline
of a photo ("July 31, 2014 (AFP)"), a photo's credit or caption ("REUTERS/Stephen Lam"; "Ellen
Pao leaves the courthouse ..., March 25, 2015.") or a call to action ("For full story, click here"). Such lines
share their few words across sources, so they used to turn up as "corroborated facts"."""

from __future__ import annotations

import re
from typing import Any

from ..models import Document, Sentence

# A sentence needs this many words outside parentheses and brackets to state something, or a
# subject ("He was 84."); a verb is not required: the tagger reads headline verbs as nouns
# ("Trump slams memos").
MIN_WORDS = 3
# Verbs of the links and buttons that ask the reader to do something.
CALLS_TO_ACTION = {
    "click",
    "read",
    "subscribe",
    "sign",
    "follow",
    "share",
    "watch",
    "listen",
    "download",
    "get",
    "join",
    "like",
    "tap",
    "visit",
    "register",
    "log",
    "see",
    "continue",
}
# A call to action is short or points somewhere; a long imperative without these words is advice
# the article gives ("Sign it -- if you didn't when you bought it -- because whoever ...").
CALL_MAX_WORDS = 8
LINK_WORDS = {
    "here",
    "below",
    "link",
    "full",
    "story",
    "article",
    "newsletter",
    "inbox",
    "twitter",
    "facebook",
    "instagram",
    "video",
    "videos",
    "podcast",
    "coverage",
    "comments",
    "website",
    "app",
    "live",
}
SUBJECTS = {"nsubj", "nsubjpass", "expl"}
# A photo credit: an agency or "Photo" and a slash or colon before the photographer's name
# ("REUTERS/Stephen Lam", "AP Photo/Richard Vogel", "Credit: Rick Loomis / Los Angeles Times").
PHOTO_CREDIT = re.compile(
    r"\(?\s*(?:(?:AP|AFP|EPA|AAP|Reuters|REUTERS|Xinhua|Getty Images|Bloomberg)(?: Photos?)?"
    r"|Photo|PHOTO|Credit|File)\s*[/:]\s*[A-Z][\w.'’-]*(?:\s+[\w.'’/-]+){0,6}\s*\)?\.?"
)
# A photo caption opens with one of these ("Photo: With a line of officers behind them, ...").
CAPTION_OPENERS = ("Photo:", "PHOTO:", "File photo:", "FILE PHOTO:", "Pictured:", "In this photo")
# An agency's file-photo caption: "FILE - This June, 2013 photo ... shows ...", after any slug.
FILE_CAPTION = re.compile(r"^(?:[A-Z0-9.,]+\s+){0,8}FILE\s*[-–—]\s")
# "This photo shows ...": a picture the sentence points at ("this") shows something, a caption
# ("A video shows the gunman entering" is news and stays).
CAPTION_NOUNS = {"photo", "photograph", "image", "picture", "video", "footage", "still", "handout"}
# Verbs in the passive present that announce what is to come ("The verdict is expected on March
# 2, 2014."): a statement, not a caption ("A wounded man is helped by medics ..., Feb. 19, 2011.").
SCHEDULE_PASSIVES = {"expect", "schedule", "set", "plan", "slate", "due", "anticipate", "forecast"}
# A caption ends with the day the photo was taken, given with its year, in at most this many words
# after the date starts ("..., in San Francisco, California March 25, 2015.").
CAPTION_DATE_WORDS = 6
CAPTION_PLACE_WORDS = 3  # a caption without a verb in the present names its place this close
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
STAMP_NUMBER = re.compile(r"[\d:.,/-]+(?:[ap]m|[AP]M)?")
# Words of an update stamp or dateline besides its dates and times.
STAMP_WORDS = {
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "hrs",
    "gmt",
    "utc",
    "ist",
    "edt",
    "est",
    "cdt",
    "cst",
    "pdt",
    "pst",
    "bst",
    "cet",
    "wib",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "local",
    "time",
    "by",
    "|",
    "-",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}


def is_statement(document: Document, sentence: Sentence) -> bool:
    """True unless the sentence is a credit, a timestamp or caption date, a photo caption, or a
    call to action."""
    if document.nlp is None:
        return True
    span = document.nlp.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return True
    words = _outside_brackets(span)
    if sum(1 for t in words if t.is_alpha) < MIN_WORDS and not _has_subject(span.root):
        return False
    if _call_to_action(span, words) or _timestamp(words):
        return False
    return not _caption(sentence.text, span)


def _caption(text: str, span: Any) -> bool:
    """A photo's credit or caption: "REUTERS/Stephen Lam"; "Photo: With a line of officers ...";
    a sentence in the present or with no finite verb that ends with the day the photo was taken,
    its year given ("Ellen Pao leaves the courthouse ... March 25, 2015."; "The camp is seen ...,
    November 27, 2011."; "A masked demonstrator seen during clashes ..., Feb. 19, 2011.")."""
    if PHOTO_CREDIT.fullmatch(text.strip()) or text.lstrip().startswith(CAPTION_OPENERS):
        return True
    root = span.root
    if FILE_CAPTION.match(text.lstrip()) or _picture_shows(root):
        return True
    tense = _caption_tense(root)
    if not tense or any(t.is_quote for t in span):
        return False
    words = [t for t in span if not t.is_punct]
    tail = words[-CAPTION_DATE_WORDS:]
    dated = [t for t in tail if t.ent_type_ == "DATE"]
    if not (dated and _YEAR.search(dated[-1].text) and dated[-1] is tail[-1]):
        return False
    return tense == "present" or _placed_before_date(words)


def _placed_before_date(words: list[Any]) -> bool:
    """ "..., in Sanaa, Yemen, Saturday, Feb. 19, 2011": a place names where the picture was taken
    just before its date (a headline with a publication date has none)."""
    i = len(words)
    while i and words[i - 1].ent_type_ == "DATE":
        i -= 1
    return any(
        t.ent_type_ in {"GPE", "LOC", "FAC"} for t in words[max(0, i - CAPTION_PLACE_WORDS) : i]
    )


def _caption_tense(root: Any) -> str | None:
    """A caption's main verb: "present" ("Pao leaves"); "bare" in the present passive ("is seen",
    "is helped by") or with no finite verb at all ("A masked demonstrator seen during clashes
    ..."), which a caption shares with a headline; None for any other."""
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    if root.tag_ in {"VBZ", "VBP"}:
        return "present" if root.lemma_ != "be" else None
    if any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in auxes):
        return "bare" if root.lemma_ not in SCHEDULE_PASSIVES else None
    return "bare" if root.tag_ not in {"VBD", "MD"} and not auxes else None


def _picture_shows(root: Any) -> bool:
    """ "This June, 2013 photo released by the family shows officer Gerardo Hernandez." """
    return root.lemma_ == "show" and any(
        c.dep_ == "nsubj"
        and c.lemma_.lower() in CAPTION_NOUNS
        and any(d.dep_ == "det" and d.lower_ == "this" for d in c.children)
        for c in root.children
    )


def _timestamp(words: list[Any]) -> bool:
    """A dateline or update stamp: every word a date, a time, a zone or a stamp word ("Updated:
    July 2, 2013 15:01 IST", "Tue Jul 02 2013, 14:58 hrs", "AFP, Tuesday 2 Jul 2013")."""
    return bool(words) and all(
        t.ent_type_ in {"DATE", "TIME"}
        or t.like_num
        or t.lower_ in STAMP_WORDS
        or STAMP_NUMBER.fullmatch(t.text)
        or (t.ent_type_ == "ORG" and len(t.text) <= 8)
        for t in words
    )


def _outside_brackets(span: Any) -> list[Any]:
    out, depth = [], 0
    for t in span:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif not depth and not t.is_punct and not t.is_space:
            out.append(t)
    return out


def _has_subject(root: Any) -> bool:
    """A verb with a nominal subject ("He was 84."; not the adjective of "Latest updates")."""
    return root.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in SUBJECTS and c.pos_ in {"PRON", "PROPN", "NOUN"} for c in root.children
    )


def _call_to_action(span: Any, words: list[Any]) -> bool:
    """A short or link-pointing imperative, outside quote marks: "Read full article", "SUBSCRIBE
    TO HAARETZ AND GET FULL COVERAGE" (not '"Read the bill," she said' nor "Trump visits India")."""
    root = span.root
    if root.lemma_.lower() not in CALLS_TO_ACTION or any(t.is_quote for t in span):
        return False
    if root.tag_ != "VB" and root.i != span.start:  # "visits", "Signs": a headline's verb
        return False
    if any(c.dep_ in SUBJECTS | {"aux", "auxpass"} for c in root.children):
        return False
    return len(words) <= CALL_MAX_WORDS or any(t.lower_ in LINK_WORDS for t in words)
