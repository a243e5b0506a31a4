"""News outlets under their many names: one key for "AP", "Associated Press", "The Associated
Press" and "www.apnews.com", and one name to show for them.

Independence (`dedup`) counts one outlet as one witness, whatever name or web address each of
its articles gives; entities (`extract.resolve`) merge an outlet's names into one. The table is
language data, like `lexicon`: wire agencies and major outlets under the names and web
addresses they are published as (each outlet's own usage, Wikipedia's article titles). An
outlet not listed still gets a key: its name without case, punctuation or a leading "The", or
its registered web domain.

    >>> outlet_key("The Associated Press") == outlet_key("apnews.com") == outlet_key("AP")
    True
    >>> canonical_outlet("Agence France Presse")
    'AFP'
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

__all__ = [
    "OUTLETS",
    "canonical_outlet",
    "known_outlet",
    "outlet_entity",
    "outlet_key",
    "registered_domain",
    "shown_outlet",
    "source_outlet_key",
]

# The name shown -> its other names and its web domains (a domain stands for its subdomains).
OUTLETS: dict[str, tuple[str, ...]] = {
    "AP": ("Associated Press", "apnews.com", "ap.org"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "afp.com"),
    "Reuters": ("Thomson Reuters", "reuters.com"),
    "UPI": ("United Press International", "upi.com"),
    "dpa": ("Deutsche Presse-Agentur", "dpa.com"),
    "Xinhua": ("Xinhua News Agency", "xinhuanet.com", "news.cn"),
    "ANI": ("Asian News International", "aninews.in"),
    "PTI": ("Press Trust of India", "ptinews.com"),
    "Kyodo": ("Kyodo News", "kyodonews.net"),
    "Yonhap": ("Yonhap News Agency", "yna.co.kr"),
    "EFE": ("Agencia EFE", "efe.com"),
    "ANSA": ("Agenzia ANSA", "ansa.it"),
    "TASS": ("ITAR-TASS", "tass.com", "tass.ru"),
    "RIA Novosti": ("RIA", "ria.ru"),
    "Bloomberg": ("Bloomberg News", "bloomberg.com"),
    "BBC": ("BBC News", "British Broadcasting Corporation", "bbc.com", "bbc.co.uk"),
    "CNN": ("Cable News Network", "cnn.com"),
    "The New York Times": ("New York Times", "NYT", "NY Times", "nytimes.com"),
    "The Washington Post": ("Washington Post", "WaPo", "washingtonpost.com"),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ", "wsj.com"),
    "Los Angeles Times": ("LA Times", "latimes.com"),
    "USA Today": ("usatoday.com",),
    "The Guardian": ("Guardian", "guardian.co.uk", "theguardian.com"),
    "Al Jazeera": ("Al Jazeera English", "aljazeera.com", "aljazeera.net"),
    "NPR": ("National Public Radio", "npr.org"),
    "ABC News": ("abcnews.go.com", "abcnews.com"),
    "CBS News": ("cbsnews.com",),
    "NBC News": ("nbcnews.com",),
    "Fox News": ("Fox News Channel", "foxnews.com"),
    "Press TV": ("presstv.ir", "presstv.com"),
    "Chicago Tribune": ("chicagotribune.com",),
    "Chicago Sun-Times": ("Sun-Times", "suntimes.com"),
    "The Boston Globe": ("Boston Globe", "bostonglobe.com"),
    "New York Post": ("nypost.com",),
    "New York Daily News": ("nydailynews.com",),
    "San Francisco Chronicle": ("sfchronicle.com", "sfgate.com"),
    "Houston Chronicle": ("houstonchronicle.com",),
    "Miami Herald": ("miamiherald.com",),
    "Politico": ("politico.com", "politico.eu"),
    "HuffPost": ("Huffington Post", "The Huffington Post", "huffpost.com", "huffingtonpost.com"),
    "BuzzFeed News": ("buzzfeednews.com",),
    "Business Insider": ("businessinsider.com",),
    "CNBC": ("cnbc.com",),
    "MSNBC": ("msnbc.com",),
    "Newsweek": ("newsweek.com",),
    "The Atlantic": ("theatlantic.com",),
    "The Economist": ("economist.com",),
    "Financial Times": ("FT", "ft.com"),
    "Daily Mail": ("Mail Online", "MailOnline", "dailymail.co.uk"),
    "The Telegraph": ("Daily Telegraph", "telegraph.co.uk"),
    "The Independent": ("independent.co.uk",),
    "Sky News": ("news.sky.com",),
    "Deutsche Welle": ("DW", "dw.com"),
    "France 24": ("france24.com",),
    "Euronews": ("euronews.com",),
    "CBC News": ("Canadian Broadcasting Corporation", "cbc.ca"),
    "The Globe and Mail": ("Globe and Mail", "theglobeandmail.com"),
    "Toronto Star": ("thestar.com",),
    "The Sydney Morning Herald": ("Sydney Morning Herald", "smh.com.au"),
    "The Hindu": ("thehindu.com",),
    "The Times of India": ("Times of India", "timesofindia.indiatimes.com"),
    "South China Morning Post": ("SCMP", "scmp.com"),
    "Haaretz": ("haaretz.com",),
    "The Times of Israel": ("Times of Israel", "timesofisrael.com"),
    "The Hollywood Reporter": ("Hollywood Reporter", "hollywoodreporter.com"),
    "TMZ": ("tmz.com",),
    "ESPN": ("espn.com",),
    # left out: names that are common words or people too ("Time", "People", "Fortune",
    # "Variety", "Deadline", "Slate", "Vice", "The Hill", "Forbes")
}

# Names that are also people's (Michael Bloomberg): an outlet for independence, but left to the
# people resolution as an entity.
PERSON_TOO = frozenset({"bloomberg"})

# Hosts that say nothing of the outlet: aggregators and archives carrying many outlets' reports,
# and the hosts reserved for examples and tests (RFC 2606, RFC 6761).
NO_OUTLET_HOSTS = frozenset(
    {
        "news.google.com",
        "google.com",
        "yahoo.com",
        "msn.com",
        "archive.org",
        "archive.ph",
        "archive.today",
        "flipboard.com",
        "newsnow.co.uk",
        "example.com",
        "example.org",
        "example.net",
        "localhost",
    }
)
# Second-level labels under a country code that are public suffixes ("bbc.co.uk", "yna.co.kr").
SECOND_LEVEL = frozenset("co com org net ac gov edu or ne go gob nic".split())

# A web address or a bare domain ("https://www.reuters.com/world", "apnews.com"), not a name.
_DOMAIN = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?(?:/\S*)?$"
)
_NOT_WORD = re.compile(r"[^\w]+")
# An outlet named with who carried its report: "AP (republished by WIBX 950)", "Reuters via MSN".
_CARRIED = re.compile(r"^(.+?)\s*(\([^()]*\)|\bvia\s+\S.*)$", re.I)
# A section after an outlet's name, as feeds title themselves: "BBC News - World", "NPR: News".
_SECTION = re.compile(r"\s+[-–—|]\s+|:\s+")
_VIA = re.compile(r"^\((?:via|from|by)\s+([^()]+)\)$", re.I)


def _words(name: str) -> str:
    """Lower case, "&" as "and", no possessive, dots and apostrophes dropped, other punctuation
    a space, no leading "the": "The Associated Press" -> "associated press", "A.P." -> "ap"."""
    text = unicodedata.normalize("NFKC", name).strip().casefold().replace("&", " and ")
    text = re.sub(r"['’]s?$", "", text)  # "AP's", "Reuters'"
    text = re.sub(r"[.'’]", "", text)
    text = " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())
    return text[4:] if text.startswith("the ") else text


def _is_domain(alias: str) -> bool:
    return " " not in alias and "." in alias


def _index() -> tuple[dict[str, str], dict[str, str]]:
    """The shown name of every listed name (by its words) and of every listed domain."""
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for shown, aliases in OUTLETS.items():
        for alias in (shown, *aliases):
            if _is_domain(alias):
                by_domain[alias] = shown
            else:
                by_name[_words(alias)] = shown
    return by_name, by_domain


_BY_NAME, _BY_DOMAIN = _index()


def registered_domain(url_or_host: str) -> str | None:
    """The domain an address is registered under ("https://www.bbc.co.uk/news/x" ->
    "bbc.co.uk"); None for no host, an IP address, or a host that names no outlet
    (`NO_OUTLET_HOSTS`)."""
    host = _host(url_or_host)
    if host is None:
        return None
    labels = host.split(".")
    size = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL else 2
    domain = ".".join(labels[-size:])
    return None if domain in NO_OUTLET_HOSTS or host in NO_OUTLET_HOSTS else domain


def _host(url_or_host: str) -> str | None:
    text = url_or_host.strip().casefold()
    if "://" not in text:
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").strip(".")
    except ValueError:
        return None
    if not host or ("." not in host and host != "localhost"):
        return None
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    return host.removeprefix("www.")


def _known_domain(host: str) -> str | None:
    """The listed outlet of a host or of any domain above it ("en.yna.co.kr" -> Yonhap)."""
    labels = host.split(".")
    above = (".".join(labels[i:]) for i in range(len(labels)))
    return next((_BY_DOMAIN[d] for d in above if d in _BY_DOMAIN), None)


def _split(name: str) -> tuple[str, str]:
    """An outlet's name and what it adds of who carried the report: "AP (republished by WIBX
    950)" -> ("AP", "(republished by WIBX 950)"), "Reuters via MSN" -> ("Reuters", "via MSN")."""
    found = _CARRIED.match(name.strip())
    return (found.group(1), found.group(2)) if found else (name.strip(), "")


def _origin(name: str) -> str:
    """The outlet whose report it is: the name's own outlet, or a listed one it names as the
    source in brackets ("The Guardian (via AP)", "Jakarta Post (from Reuters)")."""
    head, rest = _split(name)
    via = _VIA.match(rest)
    return via.group(1) if via and _words(via.group(1)) in _BY_NAME else head


def known_outlet(name: str | None) -> str | None:
    """The name shown for a listed outlet (`OUTLETS`), given any of its names or addresses
    (or one of them "(republished by ...)", "via ...", or with a section as a feed titles
    itself, "BBC News - World", "Reuters: Top News"); None for an outlet not listed."""
    if not name or not name.strip():
        return None
    head = _origin(name)
    found = _listed(head)
    section = _SECTION.split(head, maxsplit=1)
    return found if found is not None or len(section) == 1 else _listed(section[0])


def _listed(name: str) -> str | None:
    if _DOMAIN.match(name.casefold()):
        host = _host(name)
        return _known_domain(host) if host else None
    return _BY_NAME.get(_words(name))


def outlet_key(name: str) -> str:
    """One key for every name of an outlet: a listed outlet's shown name in lower case, else
    the registered domain of an address, else the name's words ("" for no name). A listed
    outlet carried by another ("Reuters (published by The Straits Times)") is the listed one."""
    shown = known_outlet(name)
    if shown is not None:
        return _words(shown)
    if _DOMAIN.match(name.strip().casefold()):
        return registered_domain(name) or ""
    return _words(name)


def canonical_outlet(name: str | None) -> str | None:
    """The name to show for an outlet: the listed name ("Associated Press" -> "AP", "Associated
    Press (republished by WIBX 950)" -> "AP (republished by WIBX 950)"), else the name as
    given, its spaces tidied; None for no name."""
    if not name or not name.strip():
        return None
    head, rest = _split(name)
    known = known_outlet(head)
    return " ".join(f"{known} {rest}".split()) if known else " ".join(name.split())


def shown_outlet(outlet: str | None, url: str | None) -> str | None:
    """The name to show for a source's outlet: `canonical_outlet` of its outlet, else the
    listed outlet its URL is on (an http(s) address), else None."""
    if outlet and outlet.strip():
        return canonical_outlet(outlet)
    if url and url.strip().casefold().startswith(("http://", "https://", "www.")):
        return known_outlet(url)
    return None


def source_outlet_key(outlet: str | None, url: str | None) -> str | None:
    """The outlet a source comes from, as `outlet_key`: its outlet name, else its URL's
    registered domain (an http(s) address); None when neither says (such sources are never
    taken for one outlet)."""
    if outlet and outlet.strip():
        return outlet_key(outlet) or None
    if url and url.strip().casefold().startswith(("http://", "https://", "www.")):
        host = _host(url)
        known = _known_domain(host) if host else None
        return _words(known) if known else registered_domain(url)
    return None


def outlet_entity(name: str) -> str | None:
    """The listed outlet an entity's name is, for merging entities ("AFP" / "Agence
    France-Presse"); None for a name also a person's ("Bloomberg") or not listed."""
    shown = known_outlet(name)
    return None if shown is None or _words(name) in PERSON_TOO else shown
