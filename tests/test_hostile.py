"""Hostile inputs, generated at test time (never committed): each ends as read or skipped with a
reason, within stated time and memory, and nothing from an article becomes markup in a brief.

Each input is read in a forked child (`measured`): its CPU time must stay under `TIME_LIMIT_S`
(a hang is killed by SIGALRM after 3 x `TIME_LIMIT_S` of wall time), and its peak resident
memory (`ru_maxrss`, C allocations of lxml and zlib included) is measured apart from the test
process. Set NEWSWEAVE_HOSTILE_REPORT=FILE to append the figures (JSON lines);
docs/reliability.md quotes them.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsweave
from newsweave.ingest import read_paths

TIME_LIMIT_S = 10
MEMORY_LIMIT_MB = 500
BODY = (
    "The council approved the plan on Tuesday, officials said. Mayor Ana Ruiz told reporters the city had "
    "waited twelve years. The project will add homes by March, according to the city. "
)


def measured(name: str, paths: list[Path], **options) -> dict:
    """Read `paths` in a forked child; what came of it, its time and its peak memory above the parent's."""
    read_fd, write_fd = os.pipe()
    base = _current_rss_mb()
    pid = os.fork()
    if pid == 0:  # the child: read, report, exit without running pytest's teardown
        try:
            os.close(read_fd)
            signal.alarm(TIME_LIMIT_S * 3)
            _child(paths, options, write_fd)
        finally:
            os._exit(
                1
            )  # reached only when the reader raised (after a clean report, _child exits 0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as fh:
        data = fh.read()
    _, status, usage = os.wait4(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, (
        f"{name}: the reader died ({status})"
    )
    out = json.loads(data)
    out["peak_mb"] = max(0.0, usage.ru_maxrss / 1024 - base)
    _report(name, paths, out)
    assert out["cpu_s"] < TIME_LIMIT_S, (
        f"{name}: {out['cpu_s']:.1f} s of CPU"
    )  # wall time: the alarm
    assert out["peak_mb"] < MEMORY_LIMIT_MB, f"{name}: {out['peak_mb']:.0f} MB"
    assert out["sources"] + len(out["skipped"]) >= 1
    assert all(out["skipped"])
    return out


def _child(paths: list[Path], options: dict, fd: int) -> None:
    start, cpu = time.perf_counter(), time.process_time()
    result = read_paths(paths, **options)
    out = {
        "sources": len(result.sources),
        "skipped": [s.reason for s in result.skipped],
        "warnings": result.warnings,
        "seconds": time.perf_counter() - start,
        "cpu_s": time.process_time() - cpu,
    }
    with os.fdopen(fd, "wb") as fh:
        fh.write(json.dumps(out).encode())
    os._exit(0)


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _report(name: str, paths: list[Path], out: dict) -> None:
    if os.environ.get("NEWSWEAVE_HOSTILE_REPORT"):
        size = sum(p.stat().st_size for p in paths if p.is_file())
        row = {
            "input": name,
            "bytes": size,
            "seconds": round(out["seconds"], 3),
            "cpu_s": round(out["cpu_s"], 3),
            "peak_mb": round(out["peak_mb"], 1),
            "sources": out["sources"],
            "skipped": [r[:90] for r in out["skipped"]][:2],
        }
        with open(os.environ["NEWSWEAVE_HOSTILE_REPORT"], "a", encoding="utf-8") as fh:
            fh.write(json.dumps(row) + "\n")


# --- size ----------------------------------------------------------------------------------
def test_a_50_mb_html_page_is_refused_by_the_size_limit_before_reading(tmp_path):
    page = tmp_path / "huge.html"
    para = f"<p>{BODY}</p>\n".encode()
    with page.open("wb") as fh:
        fh.write(b"<html><body><article>")
        fh.write(para * (50_000_000 // len(para) + 1))
        fh.write(b"</article></body></html>")
    out = measured("50 MB HTML", [page])
    assert out["sources"] == 0 and "too big" in out["skipped"][0]
    assert out["seconds"] < 1


def test_a_deeply_nested_page_is_read_or_skipped(tmp_path):
    page = tmp_path / "nested.html"
    page.write_text(
        "<html><body>"
        + "<div>" * 100_000
        + f"<p>{BODY * 3}</p>"
        + "</div>" * 100_000
        + "</body></html>",
        encoding="utf-8",
    )
    measured("100k nested <div>", [page])


def test_a_100k_line_text_file_is_read_and_refused_as_too_long_to_brief(tmp_path):
    text = tmp_path / "long.txt"
    text.write_text(
        "".join(f"Line {i} of the report says the council met again. \n" for i in range(100_000))
    )
    out = measured("100k-line text", [text])
    assert out["sources"] == 0 and "article too long: 5,3" in out["skipped"][0]


def test_a_100k_line_jsonl_file_reads_every_record(tmp_path):
    lines = tmp_path / "many.jsonl"
    with lines.open("w", encoding="utf-8") as fh:
        for i in range(100_000):
            fh.write(
                json.dumps(
                    {
                        "id": i,
                        "text": f"Record {i}: the council met again today and voted on the plan.",
                    }
                )
                + "\n"
            )
    out = measured("100k-line JSONL", [lines])
    assert out["sources"] == 100_000


# --- compression ---------------------------------------------------------------------------
def test_a_gzip_bomb_is_refused_at_the_decompressed_cap(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    member = gzip.compress(b"\x00" * (16 << 20), compresslevel=9)  # 16 MiB of zeros in ~16 KB
    bomb.write_bytes(member * 64)  # 64 gzip members, one after another: 1 GiB
    assert bomb.stat().st_size < 2_000_000
    out = measured("gzip bomb (1 GiB in ~1 MB)", [bomb])
    assert out["sources"] == 0 and "decompresses to more than" in out["skipped"][0]


def test_a_zip_file_named_txt_is_refused_as_binary(tmp_path):
    fake = tmp_path / "article.txt"
    with zipfile.ZipFile(fake, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", BODY * 1000)
    out = measured("zip renamed .txt", [fake])
    assert out["sources"] == 0 and "ZIP" in out["skipped"][0]


def test_a_gzip_file_named_jsonl_that_is_not_gzip_is_read_as_it_is(tmp_path):
    plain = tmp_path / "a.jsonl.gz"
    plain.write_text(json.dumps({"text": BODY}) + "\n")
    assert measured("plain text named .jsonl.gz", [plain])["sources"] == 1


# --- encodings and bytes -------------------------------------------------------------------
def test_invalid_utf8_and_mixed_encodings_are_skipped_with_the_offset(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BODY.encode() + b"\xff\xfe\xc3" + BODY.encode())
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(
        BODY.encode() + "Caf\u00e9 cr\u00e8me in Latin-1. ".encode("latin-1") + BODY.encode("utf-8")
    )
    out = measured("invalid / mixed UTF-8", [bad, mixed])
    assert out["sources"] == 0 and all(
        "not valid UTF-8" in r and "offset" in r for r in out["skipped"]
    )


def test_a_page_in_its_declared_legacy_charset_is_read(tmp_path):
    page = tmp_path / "legacy.html"
    page.write_bytes(
        f"<html><head><meta charset='windows-1252'></head><body><article><p>{BODY} Caf\u00e9 "
        f"\u201csaid\u201d.</p><p>{BODY}</p></article></body></html>".encode("cp1252")
    )
    assert measured("windows-1252 page", [page])["sources"] == 1


def test_nul_bytes_are_refused_and_an_escaped_nul_in_json_is_kept_as_text(tmp_path):
    raw = tmp_path / "nul.txt"
    raw.write_bytes(BODY.encode() + b"\x00" * 100 + BODY.encode())
    escaped = tmp_path / "nul.jsonl"
    escaped.write_text(json.dumps({"text": BODY + "\x00" + BODY}) + "\n")
    out = measured("NUL bytes", [raw, escaped])
    assert out["sources"] == 1 and "NUL" in out["skipped"][0]


def test_billion_laughs_feed_is_refused_before_parsing(tmp_path):
    lol = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    ]
    feed = tmp_path / "laughs.rss"
    feed.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(lol)}]><rss version="2.0"><channel>'
        f"<item><title>&lol9;</title><description>&lol9; {BODY}</description></item></channel></rss>"
    )
    out = measured("billion-laughs feed", [feed])
    assert out["sources"] == 0 and "declares XML entities" in out["skipped"][0]


def test_an_external_entity_feed_is_refused(tmp_path):
    feed = tmp_path / "xxe.rss"
    feed.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<rss version="2.0"><channel><item><description>&x; {BODY}</description></item></channel></rss>'
    )
    out = measured("external-entity feed", [feed])
    assert out["sources"] == 0 and "declares XML entities" in out["skipped"][0]


# --- dates in sidecars -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "published", ["99999-01-01", "0000-00-00", "1066-10-14", 10**30, -1, "2024-02-30", [], {}]
)
def test_absurd_dates_in_a_sidecar_warn_and_never_crash(tmp_path, published):
    article = tmp_path / "a.txt"
    article.write_text(BODY * 2)
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"published": published}))
    result = read_paths([article])
    assert len(result.sources) == 1
    if published == "1066-10-14":  # a real, if old, date
        assert result.sources[0].published.year == 1066
    else:
        assert result.sources[0].published is None
        assert any("publication date" in w for w in result.warnings)


# --- script payloads in briefs ---------------------------------------------------------------
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    '<a href="javascript:alert(4)">x</a>',
    "<iframe src=//evil.example></iframe>",
]


class _Markup(HTMLParser):
    """Every tag and attribute of a rendered page: what a browser would act on."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _executable(page: str) -> list[str]:
    """Markup that could run or load something: script-like tags, on* handlers, non-http(s)/# links."""
    parser = _Markup()
    parser.feed(page)
    found = [
        tag
        for tag, _ in parser.tags
        if tag in {"script", "img", "svg", "iframe", "object", "embed"}
    ]
    for tag, attrs in parser.tags:
        found += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]
        found += [
            f"{tag} {k}={v}"
            for k, v in attrs
            if k in {"href", "src"} and not (v or "").startswith(("#", "http"))
        ]
    return found


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for i, outlet in enumerate(["Bugle", "Star"]):
        payload = " ".join(PAYLOADS)
        (folder / f"{i}.txt").write_text(
            f'{BODY}\n\n"We will not stop {payload}," Mayor Ana Ruiz said. {payload}\n\n{BODY}',
            encoding="utf-8",
        )
        (folder / f"{i}.txt.meta.json").write_text(
            json.dumps(
                {
                    "outlet": f"{outlet} {PAYLOADS[1]}",
                    "title": f"Plan {PAYLOADS[0]}",
                    "published": "2024-05-01",
                    "url": "javascript:alert(5)",
                }
            )
        )
    # an HTML page whose text holds escaped markup: the extracted text has a literal <script>
    (folder / "page.html").write_text(
        f"<html><head><title>&lt;script&gt;alert(6)&lt;/script&gt;</title></head><body><article>"
        f"<p>{BODY} &lt;script&gt;alert(7)&lt;/script&gt; &lt;img src=x onerror=alert(8)&gt;</p><p>{BODY}</p>"
        f"<script>alert(9)</script><p onclick='alert(10)'>{BODY}</p></article></body></html>",
        encoding="utf-8",
    )
    return folder


def test_script_and_event_handler_payloads_never_become_markup(tmp_path, pipeline):
    brief = pipeline.brief_paths([_hostile_folder(tmp_path)])
    assert any("<script>" in s.raw for s in brief.sources)  # the payload did reach the brief
    page = newsweave.render(brief, "html")
    assert _executable(page) == []
    assert "&lt;script&gt;" in page
    markdown = newsweave.render(brief, "markdown")
    unescaped = re.compile(
        r"(?<!\\)<(?:script|img|svg|iframe|a\s)|(?<!\\)\]\(javascript:", re.IGNORECASE
    )
    assert not unescaped.search(markdown), unescaped.search(markdown)
    assert not re.search(r"<(?:https?:)?javascript:", markdown)


def test_an_html_page_over_its_own_cap_is_refused_before_extraction(tmp_path):
    from newsweave.ingest.html import MAX_HTML_CHARS

    para = "<p>The council met on Monday to debate the budget for the coming year in detail.</p>\n"
    page = tmp_path / "big.html"
    page.write_text(
        "<html><body><article>"
        + para * (MAX_HTML_CHARS // len(para) + 1)
        + "</article></body></html>"
    )
    started = time.process_time()
    (skip,) = read_paths([page]).skipped
    assert time.process_time() - started < 2.0
    assert "HTML page too big to extract" in skip.reason and ".txt" in skip.reason


# --- issue 29: long articles -----------------------------------------------------------------
def test_an_article_over_the_length_cap_is_skipped_in_every_format_and_the_rest_briefed(
    tmp_path, pipeline
):
    """Articles over 1,000,000 characters crashed spaCy (E088) in a brief, or were stored to
    break a story later; now each is skipped at ingest with the reason, the rest still read."""
    from newsweave.ingest.formats import MAX_ARTICLE_CHARS

    long = BODY * (MAX_ARTICLE_CHARS // len(BODY) + 1)
    (tmp_path / "long.txt").write_text(long)
    (tmp_path / "long.jsonl").write_text(
        json.dumps({"text": long}) + "\n" + json.dumps({"text": BODY * 3}) + "\n"
    )
    (tmp_path / "long.csv").write_text(
        'title,text\nLong,"' + long + '"\nShort,"' + BODY * 2 + '"\n'
    )
    (tmp_path / "good.txt").write_text(BODY * 4)
    out = measured("1.05M-character article in .txt, .jsonl, .csv", sorted(tmp_path.iterdir()))
    assert out["sources"] == 3 and len(out["skipped"]) == 3
    assert all(
        "article too long: 1,0" in r and "the limit is 1,000,000" in r for r in out["skipped"]
    )
    brief = pipeline.brief_paths([tmp_path / "long.txt", tmp_path / "good.txt"])
    assert len(brief.sources) == 1 and "too long" in brief.skipped[0].reason


# --- issue 29: special files in input folders ------------------------------------------------
def _special_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY * 3)
    os.mkfifo(folder / "x.txt")  # a named pipe: reading it blocks until a writer comes
    (folder / "zero.txt").symlink_to("/dev/zero")  # never ends; its st_size is 0
    (folder / "passwd.txt").symlink_to("/etc/passwd")  # a real file, outside the folder
    outside = tmp_path / "outside.txt"
    outside.write_text(BODY * 2)
    (folder / "out.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(
        folder / "good.txt"
    )  # inside the folder: the same file, read once
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "empty").mkdir()
    (folder / "linked-dir").symlink_to(folder / "empty", target_is_directory=True)
    return folder


def test_special_files_in_a_folder_are_skipped_with_the_reason_and_never_read(tmp_path):
    """A FIFO named x.txt hung ingest for ever, a link to /dev/zero read until memory ran out, a
    link to /etc/passwd was ingested as an article."""
    out = measured(
        "FIFO, links to /dev/zero, /etc/passwd, out of the folder", [_special_folder(tmp_path)]
    )
    assert out["sources"] == 1
    reasons = out["skipped"]
    assert sum("named pipe" in r for r in reasons) == 1
    assert (
        sum("outside the folder given; not followed" in r for r in reasons) == 3
    )  # zero, passwd, out
    assert sum("a link to a folder; not followed" in r for r in reasons) == 1
    assert sum("broken link" in r for r in reasons) == 1 and len(reasons) == 6


def test_special_files_given_by_name_are_refused_and_reads_count_bytes(tmp_path):
    from newsweave.ingest.decode import Unusable, read_bytes

    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.jsonl.gz"
    zero.symlink_to("/dev/zero")
    sidecar = tmp_path / "a.txt"
    sidecar.write_text(BODY * 3)
    (tmp_path / "a.txt.meta.json").symlink_to("/dev/zero")
    out = measured("FIFO and /dev/zero given by name", [fifo, zero, sidecar])
    assert out["sources"] == 1 and len(out["skipped"]) == 2
    assert all("not a regular file" in r for r in out["skipped"])
    with pytest.raises(Unusable, match="character device"):
        read_bytes(Path("/dev/zero"), 1000)
    growing = tmp_path / "grows.txt"
    growing.write_text(BODY)
    with pytest.raises(Unusable, match="too big"):
        read_bytes(growing, 100)


# --- issue 29: entity declarations hidden from the feed screen -------------------------------
def _entity_feed(doctype: str) -> str:
    lol = '<!ENTITY a "' + "ha " * 100 + '"><!ENTITY b "' + "&a;" * 100 + '">'
    return (
        f'<?xml version="1.0" encoding="{{enc}}"?><!DOCTYPE rss {doctype} [{lol}]><rss version="2.0"><channel>'
        f"<title>T</title><item><title>t</title><description>&b; {BODY}</description></item></channel></rss>"
    )


@pytest.mark.parametrize(
    "name,doctype,encoding",
    [
        ("a quoted <x before the declarations", 'SYSTEM "<x"', "utf-8"),
        ("a quoted comment opener", 'SYSTEM "<!--"', "utf-8"),
        ("an EBCDIC feed", "", "cp037"),
    ],
)
def test_entity_declarations_are_found_wherever_they_hide(tmp_path, name, doctype, encoding):
    """`_screen` looked only before the first "<letter", so a DOCTYPE with a quoted "<x" (or an
    EBCDIC feed) hid its declarations and expat expanded them (1,613 bytes became 8,160,207
    characters)."""
    feed = tmp_path / "hidden.rss"
    feed.write_bytes(_entity_feed(doctype).replace("{enc}", encoding).encode(encoding))
    out = measured(f"entity feed: {name}", [feed])
    assert out["sources"] == 0 and "declares XML entities" in out["skipped"][0], out


# --- issue 29: attribute-heavy and element-heavy HTML ----------------------------------------
def test_an_element_with_400000_attributes_is_refused_before_parsing(tmp_path):
    """3.9 MB, under both size caps, ran 1,500 s (690 MB) in lxml and htmldate before it was
    killed: the parse grows faster than linearly with one element's attributes."""
    page = tmp_path / "attributes.html"
    attributes = " ".join(f'a{i}="v"' for i in range(400_000))
    page.write_text(
        f"<html><body><div {attributes}><article><p>{BODY}</p><p>{BODY}</p></article></div></body></html>"
    )
    assert page.stat().st_size > 3_900_000
    out = measured("one <div> with 400,000 attributes", [page])
    assert out["sources"] == 0 and "over 1,000 attributes" in out["skipped"][0]
    assert out["cpu_s"] < 2


def test_a_page_of_250000_elements_is_refused_before_parsing(tmp_path):
    page = tmp_path / "elements.html"
    page.write_text(
        "<html><body><article>" + "<b>x</b>" * 250_000 + f"<p>{BODY}</p></article></body></html>"
    )
    out = measured("250,000 elements", [page])
    assert out["sources"] == 0 and "too many elements" in out["skipped"][0] and out["cpu_s"] < 2
