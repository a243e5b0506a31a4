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

# Site furniture and promos: short paragraphs of navigation, sign-up and related-link text.
FURNITURE = re.compile(
    r"^(?:More (?:From|from|Stories|stories|News|news)\b|Read (?:more|More|next|Next)\b|Related(?: Stories| Articles| Coverage)?:?\s|"
    r"RELATED\b|ALSO READ|Also read\b|See also\b|Sign up\b|Subscribe\b|Follow (?:us|Us)\b|Click here\b|"
    r"Advertisement$|ADVERTISEMENT$|Share this\b|Share on\b|Watch:|WATCH:|Listen:|Photo:|Image:|"
    r"All rights reserved|This material may not be published|Download (?:the|our) app|"
    r"Get (?:the|our) newsletter|Want more\b|Like us on Facebook|Comments?$|"
    r"Story [Cc]ontinued [Bb]elow$|Advertisement Continue reading the main story$|Photo$|Twitter$|"
    r"Tweet with a location$|[_*=~\-]{3,}$|Sign up for .{1,40} (?:E-?mails|Newsletters?)\b|"
    r"Story highlights$)"
)

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

# A photo credit standing alone: "(David M Warren / Staff Photographer)", "(AP Photo/Evan Vucci)".
PHOTO_CREDIT = re.compile(r"^\((?:[^()]{0,80}/\s*)?(?:Staff |AP |Reuters |Getty )?(?:Photo|Photographer|Images?)\b[^()]{0,80}\)$")
FURNITURE_MAX_WORDS = 16

# Furniture run into the start of an article paragraph by the page's text extraction:
# "Photo Advertisement Continue reading the main story CAIRO — ...".
LEADING_FURNITURE = re.compile(
    r"^(?:(?:Photo|Video|Advertisement)\s+)*(?:Continue reading the main story|Story continues below)\s+")

# Quote marks and spaces normalised one-for-one, so lengths never change within a paragraph.
QUOTE_MAP = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
    }
)
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile(r"[ ]{2,}")
# Hard-wrapped text keeps its lines shorter than this; longer lines are paragraphs of their own.
WRAPPED_LINE_MAX = 100
BLANK_LINE = re.compile(r"\n[ \t]*\n")
