import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.clean import clean_text, paragraph_spans


def test_ap_dateline_and_site_furniture_removed():
    raw = 'WASHINGTON (AP) — In a surprising overture, Trump says "hello."\n\nSecond paragraph here.\n\nMore From WIBX 950'
    text, removed = clean_text(raw)
    assert text == 'In a surprising overture, Trump says "hello."\n\nSecond paragraph here.'
    assert [(r.text, r.reason) for r in removed] == [
        ("WASHINGTON (AP) —", "dateline"),
        ("More From WIBX 950", "site furniture"),
    ]
    for r in removed:
        assert raw[r.start : r.end] == r.text


def test_reuters_dateline_and_credit_removed():
    raw = "WASHINGTON/BEIJING • US President Donald Trump has pledged to help.\n\nMore text follows.\n\nREUTERS"
    text, removed = clean_text(raw)
    assert text.startswith("US President Donald Trump")
    assert text.endswith("More text follows.")
    assert [r.reason for r in removed] == ["dateline", "credit line"]


def test_reuters_style_dateline_with_date():
    text, removed = clean_text(
        "BEIJING, May 15 (Reuters) - China said on Tuesday it welcomed the move."
    )
    assert text == "China said on Tuesday it welcomed the move."
    assert removed[0].text == "BEIJING, May 15 (Reuters) -"


def test_sentence_starting_with_capitals_is_not_a_dateline():
    text, removed = clean_text("US President Donald Trump said on Sunday that talks went well.")
    assert text.startswith("US President")
    assert removed == []


def test_dateline_after_a_headline_run_into_the_paragraph():
    raw = (
        "Virus whistleblower tells lawmakers US lacks vaccine plan. WASHINGTON (AP) — Dr. Rick "
        "Bright warned on Thursday that the U.S. lacks a plan."
    )
    text, removed = clean_text(raw)
    assert text == (
        "Virus whistleblower tells lawmakers US lacks vaccine plan. Dr. Rick Bright warned on "
        "Thursday that the U.S. lacks a plan."
    )
    assert [(r.text, r.reason, raw[r.start : r.end]) for r in removed] == [
        ("WASHINGTON (AP) —", "dateline", "WASHINGTON (AP) —")
    ]


@pytest.mark.parametrize(
    "raw",
    [
        'A show called "The Scrum." PODCAST: Sequestration is here.',  # a label, not a dateline
        "He said no. NATO - and its allies - agreed on Monday.",  # lower case after the dash
        "First paragraph. Nothing here.\n\nSecond one. LONDON — The city was calm.",  # not the first paragraph
    ],
)
def test_capitals_after_a_sentence_are_not_a_dateline(raw):
    assert clean_text(raw)[1] == []


def test_quote_marks_and_whitespace_normalised():
    text, _ = clean_text(
        "He said \u201cit\u2019s  fine\u201d\u00a0today.\nAnd   then\tleft.\n\n\n\nNext."
    )
    assert text == 'He said "it\'s fine" today. And then left.\n\nNext.'


def test_reporting_credit_removed_anywhere_at_end():
    text, removed = clean_text(
        "Body of the story is here and long enough.\n\nReporting by Jane Doe; Editing by John Roe"
    )
    assert text == "Body of the story is here and long enough."
    assert removed[0].reason == "credit line"


def test_paragraph_spans_slice_back():
    text = "One.\n\nTwo two.\n\nThree"
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["One.", "Two two.", "Three"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab \n\t"\u201c\u2019—•.()APREUTERS')), max_size=200))
def test_clean_never_raises_and_removals_point_into_raw(raw):
    text, removed = clean_text(raw)
    assert "\n\n\n" not in text
    for r in removed:
        assert raw[r.start : r.end] == r.text


def _check_map(raw, text, removed):
    from newsweave.clean.offsets import align
    from newsweave.clean.rules import QUOTE_MAP

    where = align(raw, text, removed)
    assert len(where) == len(text) + 1 and where == sorted(where)
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert raw[where[i]].translate(QUOTE_MAP) == ch, (i, ch, raw[where[i]])


def test_offsets_map_cleaned_text_back_to_the_received_text():
    raw = (
        "WASHINGTON (AP) \u2014 He said \u201cno\u201d\u200b  to\u00a0them.\n   \nSecond\tline\n"
        "of the \u2018same\u2019 paragraph.\n\nMore From WIBX 950\n\nREUTERS"
    )
    text, removed = clean_text(raw)
    _check_map(raw, text, removed)
    from newsweave.clean.offsets import align

    where = align(raw, text, removed)
    start = text.index("Second")
    assert raw[where[start] : where[start + len("Second")]] == "Second"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "word",
                "Said",
                " ",
                "  ",
                "\n",
                "\n\n",
                "\t",
                "\u201c",
                "\u201d",
                "\u2019",
                "\u200b",
                "\u00a0",
                "WASHINGTON (AP) \u2014 ",
                "REUTERS",
                ".",
                ",",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_offsets_map_back_for_any_text(raw):
    text, removed = clean_text(raw)
    _check_map(raw, text, removed)


def test_long_lines_under_one_blank_line_are_paragraphs_but_wrapped_lines_are_joined():
    long_a, long_b = "A" + " word" * 30 + ".", "B" + " word" * 30 + "."
    text, _ = clean_text(f"Title line\n\n{long_a}\n{long_b}\n\nwrapped line one\nwrapped line two.")
    assert text.split("\n\n") == [
        "Title line",
        long_a,
        long_b,
        "wrapped line one wrapped line two.",
    ]


def test_archive_notices_embed_templates_and_photo_credits_are_removed():
    body = "The council approved the budget on Tuesday after a long debate about road repairs."
    raw = "\n\n".join(
        [
            body,
            "(David M Warren / Staff Photographer)",
            "Story Continued Below",
            "___",
            "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. "
            "Flowing in every day, these data are added to the Wayback Machine after an embargo period.",
            "Tweet with a location",
            "You can add location information to your Tweets, such as your city or precise location.",
            "Interested in Budgets? Add Budgets as an interest to stay up to date on the latest news.",
            "To order presentation-ready copies for distribution to your colleagues, clients or customers visit",
        ]
    )
    text, removed = clean_text(raw)
    assert text == body
    assert {r.reason for r in removed} == {
        "photo credit",
        "site furniture",
        "not article text (web-archive notice or embed template)",
    }


def test_video_player_tweet_and_sign_up_templates_leave_nothing_or_only_the_article():
    player = (
        "The interactive transcript could not be loaded.\n\nRating is available when the video has been "
        "rented.\n\nThis feature is not available right now. Please try again later."
    )
    tweet = (
        "Add a location to your Tweets\n\nWhen you tweet with a location, Twitter stores that location. "
        "You can switch location on/off before each Tweet."
    )
    assert clean_text(player)[0] == "" and clean_text(tweet)[0] == ""
    body = "A quick-thinking dispatcher helped police find a woman trapped in the trunk of a car on Monday."
    mailed = (
        "You must enter the characters with black color that stand out from the other characters\n\n"
        "Message: * A friend wanted you to see this item from WRAL.com: http://wr.al/x\n\n" + body
    )
    signup = (
        "Breaking News Emails Get breaking news alerts and special reports. The news and stories that "
        "matter, delivered weekday mornings.\n\n" + body
    )
    assert clean_text(mailed)[0] == body and clean_text(signup)[0] == body


def test_furniture_run_into_the_first_paragraph_is_cut_before_the_dateline():
    raw = (
        "Photo Advertisement Continue reading the main story CAIRO — The Muslim Brotherhood worked on "
        "Monday to rally supporters across the country.\n\nOfficials said turnout was low."
    )
    text, removed = clean_text(raw)
    assert text.startswith("The Muslim Brotherhood worked on Monday")
    assert [(r.reason, r.text) for r in removed] == [
        ("site furniture", "Photo Advertisement Continue reading the main story"),
        ("dateline", "CAIRO —"),
    ]
    assert all(raw[r.start : r.end] == r.text for r in removed)
    from newsweave.clean.offsets import align

    offsets = align(raw, text, removed)
    assert raw[offsets[0] : offsets[0] + 3] == "The"


@pytest.mark.parametrize(
    "dateline", ["NEW  YORK (Reuters) -", "WASHINGTON / BEIJING •", "LOS ANGELES, Calif. (AP) —"]
)
def test_datelines_with_extra_spaces_are_removed(dateline):
    text, removed = clean_text(
        f"{dateline} The city council said on Monday that it would vote next week."
    )
    assert text.startswith("The city council") and removed[0].reason == "dateline"


ARTICLE = "The council voted 7-2 on Tuesday to close the bridge for repairs."


@pytest.mark.parametrize(
    ("furniture", "reason"),
    [
        (
            "Enlarge this image toggle caption Kim Ross/Harbor Times Workers inspect the bridge.",
            "photo or video caption",
        ),
        (
            "Media playback is unsupported on your device Media caption The mayor visits the site",
            "photo or video caption",
        ),
        (
            "Image copyright Harbor Press Image caption The bridge opened in 1962",
            "photo or video caption",
        ),
        ("3/18 Workers on the deck of the bridge in March. Getty Images", "photo or video caption"),
        ("(SOUNDBITE OF ARCHIVED BROADCAST)", "photo or video caption"),
        ("Kim Ross/Reuters", "photo credit"),
        ("Lee Park/AFP/Getty Images", "photo credit"),
        ("Courtesy of Dana Hill", "photo credit"),
        ("(Credit: Harbor Times)", "photo credit"),
        ("By Kim Ross", "byline"),
        ("/ Source: TODAY By A. Lee and B. Park", "byline"),
        (
            "Staff writers Dana Hill in Oakland and Lee Park contributed to this report.",
            "credit line",
        ),
        ("Hill reported from Oakland, Calif.", "credit line"),
        ("Hill and Park reported from Kampala.", "credit line"),
        ("Write to Kim Ross at kim.ross@example.com", "contact line"),
        ("Follow Kim Ross on Twitter @kimross", "contact line"),
        ("kim.ross@example.com", "contact line"),
        (
            "Sign up for our morning briefing and get the news in your inbox every day.",
            "site furniture",
        ),
        ("For the latest updates on the bridge, click here", "promo"),
        ("Council weighs bridge closure Read more", "promo"),
        ("Advertisement Advertisement", "site furniture"),
        ("Play Facebook", "site furniture"),
        ("Top of Page", "site furniture"),
        ("Read or Share this story: https://example.com/bridge", "site furniture"),
        ("Photo Advertisement Continue reading the main story", "site furniture"),
        ("* * *", "site furniture"),
        ("\u2022 \u2022 \u2022", "site furniture"),
    ],
)
def test_captions_credits_bylines_contacts_and_promos_are_removed(furniture, reason):
    raw = f"{ARTICLE}\n\n{furniture}\n\nRepairs will take a year."
    text, removed = clean_text(raw)
    assert text == f"{ARTICLE}\n\nRepairs will take a year."
    assert [(r.text, r.reason) for r in removed] == [(furniture, reason)]
    assert raw[removed[0].start : removed[0].end] == furniture


@pytest.mark.parametrize(
    "paragraph",
    [
        "By midday the queue at the bridge stretched for a mile.",
        "By Monday the bridge was shut",
        "9/11 changed how the city inspects its bridges, officials said, citing a 2002 Reuters report.",
        "More than 4,000 residents signed up for alerts, and the newsletter reached 9,000 inboxes.",
        "Residents can email the council before Friday, the mayor said.",
        "Hill said she contributed to the repair fund because the bridge matters to her family.",
        "Reuters reported from Oakland that the bridge would close.",
        "The Times reported from Oakland, Calif.",
        "Photographs by the inspectors showed cracks in three of the piers, the report said.",
        'The mayor, who can be reached at most hours, said: "We will not cut corners."',
        '"Click here," the site said, "and read more about what the council decided on Tuesday night '
        'when it voted to close the bridge, after months of argument, repair bids and angry meetings."',
    ],
)
def test_article_sentences_that_look_like_furniture_are_kept(paragraph):
    text, removed = clean_text(f"{ARTICLE}\n\n{paragraph}")
    assert text == f"{ARTICLE}\n\n{paragraph}"
    assert removed == []


def test_a_closing_quote_broken_by_a_wrong_code_page_is_a_quote_mark():
    text, _ = clean_text("\u201cEvery new case, the pit drops out again,\ufffd? Carson told TODAY.")
    assert text == '"Every new case, the pit drops out again," Carson told TODAY.'
    # a question mark after a lone replacement character elsewhere is kept
    assert clean_text("Is it safe?\ufffd")[0] == "Is it safe?\ufffd"


def test_sentences_glued_without_a_space_are_parted_and_map_back():
    raw = "Marchers in Sanaa, Yemen, Feb. 19, 2011.Hundreds of Yemenis marched.The U.S.Army and nytimes.com stay."
    text, removed = clean_text(raw)
    assert (
        text
        == "Marchers in Sanaa, Yemen, Feb. 19, 2011. Hundreds of Yemenis marched. The U.S.Army and nytimes.com stay."
    )
    _check_map(raw, text, removed)
