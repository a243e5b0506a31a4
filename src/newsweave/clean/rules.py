"""What clean removes and normalises: the patterns, each with the reason recorded for it."""

from __future__ import annotations

import re

# "WASHINGTON (AP) —", "BEIJING, May 15 (Reuters) -", "WASHINGTON/BEIJING •", "LONDON —"
DATELINE = re.compile(
    r"""^(?P<dateline>
        [A-Z][A-Z.'’\-]*(?:(?:[ ]+|[ ]*/[ ]*)[A-Z][A-Z.'’\-]*){0,4}  # PLACE or PLACE/PLACE, all caps
        (?:,\s*[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?        # optional ", May 15"
        (?:,\s*[A-Z][a-zA-Z.]+(?:\s+[A-Z][a-zA-Z.]+)?)?   # optional ", Calif."
        \s*(?:\((?:AP|Reuters|AFP|Bloomberg|dpa|UPI|CNN|Xinhua|IANS|PTI)\))?
        \s*(?:—|–|--|-|•|·|:)\s+
    )""",
    re.VERBOSE,
)

# A headline run into the first paragraph ends here; a dateline may follow it within reach,
# set off by a dash (not a colon: "PODCAST: …" is a label).
HEADLINE_END = re.compile(r"(?<=[.!?\"”’])[ ]+(?=[A-Z])")
HEADLINE_CHARS = 300
DASHED = re.compile(r"(?:—|–|--|-|•)\s*$")

# A whole paragraph that only credits the agency: "REUTERS", "(AP)", "- Reuters", "AFP".
CREDIT = re.compile(
    r"^[\s(\-–—]*(?:REUTERS|Reuters|AP|Associated Press|ASSOCIATED PRESS|AFP|BLOOMBERG|Bloomberg|"
    r"XINHUA|Xinhua|dpa|UPI|NYT|THE NEW YORK TIMES)[\s)\-–—.]*$"
)

# Reuters-style staff credits and agency copyright lines, wherever they stand.
CREDIT_LINE = re.compile(
    r"^(?:\(?\s*(?:Reporting|Additional reporting|Writing|Editing) by\b.{0,300}\)?"
    r"|Copyright \d{4} (?:The )?(?:Associated Press|Reuters|AFP)\b.{0,300}"
    r"|©\s*\d{4}.{0,200})$",
    re.IGNORECASE,
)

# Site furniture and promos: short paragraphs of navigation, sign-up, share and related-link text.
FURNITURE = re.compile(
    r"^(?:More (?:From|from|Stories|stories|News|news)\b|Read (?:more|More|next|Next)\b|Related(?: Stories| Articles| Coverage)?:?\s|"
    r"RELATED\b|ALSO READ|Also read\b|See also\b|Sign up\b|Subscribe\b|Follow (?:us|Us)\b|Click here\b|"
    r"Share this\b|Share on\b|Watch:|WATCH:|Listen:|Photo:|Image:|"
    r"All rights reserved|This material may not be published|Download (?:the|our) app|"
    r"Get (?:the|our) newsletter|Want more\b|Like us on Facebook|Comments?$|"
    r"Story [Cc]ontinue[sd] [Bb]elow$|(?:(?:Photo|Video|Advertisement)\s+)*Continue reading the main story$|"
    r"Photo$|Tweet with a location$|Sign up for .{1,40} (?:E-?mails|Newsletters?)\b|Story highlights$|"
    r"(?i:(?:advertisement\s*)+$|(?:play\s+)?(?:facebook|twitter|reddit|digg|email|print|video)$|"
    r"top of (?:the )?page$|text size\b|bookmark with:|now playing:?$|read or share this story:|"
    r"on a mobile device\?)|"
    r"Getty \(\d+\)$|[\W_]+$)"  # a paragraph of no letters or digits: rules, bullets, icon glyphs
)

# A short promo whose link text ends it: "For Wednesday's live updates, click here", "<headline> Read more".
PROMO_TAIL = re.compile(r"^.{0,200}\b(?i:click here|read more)\W*$")
PROMO_MAX_WORDS = 25

# Newsletter sign-up boxes, whatever their wording: "sign up" beside "newsletter" or "inbox".
NEWSLETTER = re.compile(
    r"^(?i:(?=.*\bsign(?:ing)? up\b)(?=.*\b(?:newsletters?|inbox)\b)|"
    r"please verify you're not a robot\b)"
)
NEWSLETTER_MAX_WORDS = 60

# "AP writers A in X and B in Y contributed to this report.", "—Jon Marino contributed to this report.",
# and AP's "Barzak reported from Gaza City, Gaza Strip." (a surname or two, a place, nothing else).
CONTRIBUTORS = re.compile(
    r"^(?:(?i:.{0,200}\bcontributed (?:reporting\b|(?:to )?(?:this|the) (?:report|story|article)\b))|"
    r"[A-Z][\w'’-]+(?: and [A-Z][\w'’-]+)? reported from {PLACE}(?:, {PLACE})?\.?$)".replace(
        "{PLACE}", r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
    )
)
CREDIT_MAX_WORDS = 40

# Where to reach the author: an address alone, "Write to X at a@b.com", "Twitter @handle",
# "Follow X on Twitter @x", "X can be reached at ...".
CONTACT = re.compile(
    r"^(?:\S+@\S+\.\w+$|Write to .{1,60}\bat \S+@|(?:Follow .{1,80} on |)Twitter:? @\w+|"
    r"Follow .{1,80} on (?:Twitter|Facebook|Instagram)\b|.{1,60}\bcan be reached at (?:\S+@|\+?\(?\d))"
)
CONTACT_MAX_WORDS = 25

# A byline standing alone: "By Terry Wade", "/ Source: TODAY By A. Pawlowski".
BYLINE = re.compile(
    r"^(?:/\s*Source:.{0,40}?\s)?By [A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|and|de|van|von)){1,5}$"
)

# Photo and video captions of news sites' players and galleries (not article text, any length):
# NPR "Enlarge this image toggle caption ...", BBC "Media playback is unsupported on your device
# Media caption ..." and "Image copyright AFP Image caption ...", gallery slides "3/18 ... Getty Images".
CAPTION = re.compile(
    r"^(?:(?:Enlarge this image\s+)?toggle caption\b|Media playback is unsupported on your device\b|"
    r"Image (?:copyright|caption)\b|\d{1,3}/\d{1,3}\s.*\b(?:Getty Images|AFP|Reuters|AP|EPA|PA)$|"
    r"\((?:SOUNDBITE|BEGIN VIDEO CLIP|END VIDEO CLIP|LAUGHTER|APPLAUSE|CROSSTALK)\b[^()]*\)$)"
)
CAPTION_MAX_WORDS = 120

# Paragraphs that are not the article at all: web-archive notices, embed templates and
# unmistakable promos, removed whatever their length.
NOT_ARTICLE = re.compile(
    r"^(?:Starting in \d{4}, Alexa Internet has been donating their crawl data|"
    r"These crawls are part of an effort to archive pages|"
    r"This is a set of web collections curated by|"
    r"The Wayback Machine|"
    r"You can add location information to your Tweets|"
    r"We and our partners use cookies|"
    r"(?:Interested in .{1,60}\? )?Add .{1,60} as an interest to stay up to date\b|"
    r"To order presentation-ready copies\b|"
    r"By using this (?:site|website), you agree|"
    # video-player and tweet-embed templates that crawlers save in place of the article
    r"The interactive transcript could not be loaded\.|Rating is available when the video has been rented\.|"
    r"This feature is not available right now\. Please try again later\.|"
    r"Add a location to your Tweets\b|When you tweet with a location, Twitter stores that location|"
    # sign-up, captcha and share-by-mail furniture
    r"Breaking News Emails Get breaking news alerts and special reports\.|"
    r"You must enter the characters with black color that stand out from the other characters|"
    r"Message: \* A friend wanted you to see this item from)"
)

# A photo credit standing alone: "(David M Warren / Staff Photographer)", "(AP Photo/Evan Vucci)",
# "Jonathan Ernst/Reuters", "Nicholas Kamm/AFP/Getty Images", "Courtesy of Linda Hooper".
PHOTO_CREDIT = re.compile(
    r"^(?:\((?:[^()]{0,80}/\s*)?(?:Staff |AP |Reuters |Getty )?(?:Photo|Photographer|Images?)\b[^()]{0,80}\)|"
    r"\(Credit: [^()]{1,60}\)|(?:Photo(?:graph)?s? (?:by|courtesy of)|Courtesy(?: of)?) [A-Z][^.!?]{0,60}|"
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} ?/ ?(?:(?:AFP|AP|EPA|Reuters) ?/ ?)?"
    r"(?:Getty Images|Reuters|AP|AFP|EPA|Bloomberg|NPR|ABC|CBS|NBC|OPB|PA|[A-Z][a-z]+ Images))$"
)
FURNITURE_MAX_WORDS = 16

# Whole paragraphs removed, tried in order: (pattern, most words it may have or None, reason).
# The agency credit alone (CREDIT) is handled before these: its reason depends on where it stands.
WHOLE_PARAGRAPH = (
    (CREDIT_LINE, None, "credit line"),
    (FURNITURE, FURNITURE_MAX_WORDS, "site furniture"),
    (NOT_ARTICLE, None, "not article text (web-archive notice or embed template)"),
    (PHOTO_CREDIT, None, "photo credit"),
    (CAPTION, CAPTION_MAX_WORDS, "photo or video caption"),
    (CONTRIBUTORS, CREDIT_MAX_WORDS, "credit line"),
    (BYLINE, None, "byline"),
    (CONTACT, CONTACT_MAX_WORDS, "contact line"),
    (NEWSLETTER, NEWSLETTER_MAX_WORDS, "site furniture"),
    (PROMO_TAIL, PROMO_MAX_WORDS, "promo"),
)

# Furniture run into the start of an article paragraph by the page's text extraction:
# "Photo Advertisement Continue reading the main story CAIRO — ...".
LEADING_FURNITURE = re.compile(
    r"^(?:(?:Photo|Video|Advertisement)\s+)*(?:Continue reading the main story|Story continues below)\s+"
)

# Quote marks and spaces normalised one-for-one, so lengths never change within a paragraph.
QUOTE_MAP = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
    }
)
# A closing curly quote decoded through the wrong code page ("again,\ufffd? Carson said": its
# last byte has no character there), as some pages of Multi-News serve it.
BROKEN_CLOSING_QUOTE = re.compile("\ufffd\\?")
# Two sentences glued without a space, as captions run into the text ("Feb. 19, 2011.Hundreds of
# Yemenis"): a stop after a year or a lower-case word, before a capitalised word. Abbreviations
# ("U.S.Army") and domain names ("nytimes.com") do not match.
GLUED_SENTENCE = re.compile(r"(?:(?<=[a-z]{2})|(?<=\b\d{4}))\.(?=[A-Z][a-z]+\b)")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile(r"[ ]{2,}")
# Hard-wrapped text keeps its lines shorter than this; longer lines are paragraphs of their own.
WRAPPED_LINE_MAX = 100
BLANK_LINE = re.compile(r"\n[ \t]*\n")
