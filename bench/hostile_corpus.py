"""The standing hostile corpus: thousands of generated files, good and bad, of every input kind,
ingested as one folder by the corpus job.

    .venv/bin/python bench/hostile_corpus.py [--files 3000] [--seed 0] [--json OUT] [--keep DIR]

What it generates (`generate`, seeded; nothing is committed): good articles as .txt, .html,
JSON Lines, CSV, TSV, RSS, gzip-compressed JSON Lines, WARC and Parquet (each with a marker word
of its own), good articles under odd names (bytes that are not UTF-8, a newline, a right-to-left
override, a leading dash, 200 characters, spaces), good articles with absurd sidecar dates, and
bad files: empty, random bytes, invalid UTF-8, NUL bytes, a zip named .txt, a gzip bomb, entity
bombs in feeds, deep nesting, truncated WARC and Parquet, broken JSON Lines and CSV without a
text column, an article over the length cap, and special files (named pipes, a socket, dangling
and looping symbolic links, a link to /dev/zero, a folder named like a file).

What it checks (`run`):
- every file alone through the reading stage (`ingest.read_paths`), in-process under a per-file
  deadline (`DEADLINE_S` of wall time, by SIGALRM): no exception, no file past the deadline,
  each file ends read or skipped with a reason;
- the whole folder through `newsweave ingest FOLDER --db DB -f json` in a child process: exit
  code, no traceback on stderr, its peak resident memory (`ru_maxrss` of the child), wall time,
  one report line an input, every skip with a reason, and every good file's article stored
  (found by its marker word in the store).

tests/test_hostile_corpus.py runs a small sample of the same corpus in CI; this script the full
one (docs/reliability.md quotes the figures).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import gzip
import io
import json
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

DEADLINE_S = 10
MEMORY_LIMIT_MB = 1024
EXIT_SKIPPED = 3  # docs/cli.md: the job was done and some inputs were skipped
WORDS = (
    "council mayor plan homes river bridge budget vote police storm harbour school hospital "
    "minister court trial report market exports factory union strike election museum festival"
).split()


def article(marker: str, rng: random.Random) -> str:
    """A short article of several sentences that no other generated file shares (`marker`)."""
    sentences = [
        f"Officials in {marker.title()} said on Tuesday that the {rng.choice(WORDS)} "
        f"{rng.choice(WORDS)} would go ahead after {rng.randint(2, 40)} years of debate.",
        f"Mayor Ana {marker.title()} told reporters that {rng.randint(10, 9000)} residents "
        f"had signed a petition about the {rng.choice(WORDS)}.",
        f'"We waited long enough," said council member Li {marker.title()}, adding that the '
        f"{rng.choice(WORDS)} budget was approved by a vote of {rng.randint(5, 9)} to 2.",
        f"The {rng.choice(WORDS)} is expected to open in March, according to the city.",
    ]
    return " ".join(sentences)


class Corpus:
    """The generated folder: every path written, and the marker words of the good articles."""

    def __init__(self, root: Path, seed: int):
        self.root, self.rng = root, random.Random(seed)
        self.files: list[Path] = []
        self.markers: dict[str, Path] = {}  # a good article's marker -> its file
        self.kinds: Counter[str] = Counter()

    def marker(self) -> str:
        return "zq" + "".join(self.rng.choice("bcdfghjklmnprstvwxz") for _ in range(8)) + "x"

    def write(self, kind: str, name: str, data: bytes | str, good: list[str] = ()) -> Path:
        path = self.root / kind / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        self.add(kind, path, good)
        return path

    def add(self, kind: str, path: Path, good: list[str] = ()) -> None:
        self.files.append(path)
        self.kinds[kind] += 1
        for m in good:
            self.markers[m] = path


# --- good files, one of each kind --------------------------------------------------------------


def good_txt(c: Corpus, i: int) -> None:
    m = c.marker()
    c.write("txt", f"{i}.txt", article(m, c.rng), [m])


def good_html(c: Corpus, i: int) -> None:
    m = c.marker()
    body = "".join(f"<p>{s}.</p>" for s in article(m, c.rng).split(". "))
    page = (
        f"<html><head><title>{m} story</title></head><body><nav>Home | News</nav>"
        f"<article><h1>{m} story</h1>{body}</article><footer>(c) Site</footer></body></html>"
    )
    c.write("html", f"{i}.html", page, [m])


def good_jsonl(c: Corpus, i: int) -> None:
    ms = [c.marker(), c.marker()]
    lines = [json.dumps({"id": f"{i}-{k}", "text": article(m, c.rng)}) for k, m in enumerate(ms)]
    c.write("jsonl", f"{i}.jsonl", "\n".join(lines) + "\n", ms)


def good_csv(c: Corpus, i: int, delimiter: str = ",", suffix: str = "csv") -> None:
    ms = [c.marker(), c.marker()]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["id", "title", "text"])
    for k, m in enumerate(ms):
        writer.writerow([f"{i}-{k}", f"{m} story", article(m, c.rng)])
    c.write(suffix, f"{i}.{suffix}", out.getvalue(), ms)


def good_tsv(c: Corpus, i: int) -> None:
    good_csv(c, i, "\t", "tsv")


def good_rss(c: Corpus, i: int) -> None:
    m = c.marker()
    text = article(m, c.rng).replace("&", "&amp;").replace("<", "&lt;")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
        f"<item><title>{m} story</title><link>https://example.org/{m}</link>"
        f"<description>{text}</description><pubDate>Tue, 05 Dec 2023 10:00:00 GMT</pubDate>"
        "</item></channel></rss>"
    )
    c.write("rss", f"{i}.rss", feed, [m])


def good_gz(c: Corpus, i: int) -> None:
    m = c.marker()
    line = json.dumps({"id": f"gz{i}", "text": article(m, c.rng)}) + "\n"
    c.write("gz", f"{i}.jsonl.gz", gzip.compress(line.encode()), [m])


def warc_bytes(url: str, html: str) -> bytes:
    """One gzip-compressed WARC response record of an HTML page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
    payload = io.BytesIO(html.encode())
    writer.write_record(
        writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
    )
    return buffer.getvalue()


def good_warc(c: Corpus, i: int) -> None:
    m = c.marker()
    html = f"<html><head><title>{m}</title></head><body><article><p>{article(m, c.rng)}</p></article></body></html>"
    c.write("warc", f"{i}.warc.gz", warc_bytes(f"https://example.org/{m}", html), [m])


def good_parquet(c: Corpus, i: int) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # the ray extra is not installed: no Parquet in this corpus
        return good_txt(c, i)
    ms = [c.marker(), c.marker()]
    table = pa.table(
        {"id": [f"pq{i}-{k}" for k in range(2)], "text": [article(m, c.rng) for m in ms]}
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    c.write("parquet", f"{i}.parquet", buffer.getvalue(), ms)


def good_odd_name(c: Corpus, i: int) -> None:
    m = c.marker()
    names = [
        os.fsdecode(b"bad-\xff\xfe-" + str(i).encode() + b".txt"),
        f"new\nline-{i}.txt",
        f"rtl-\u202etxt.exe-{i}.txt",
        f"-leading-dash-{i}.txt",
        f"{'long' * 48}-{i}.txt",
        f"spaces and 'quotes' {i}.txt",
        f"<script>alert({i})</script>.txt",
    ]
    c.write("names", names[(i // len(GOOD)) % len(names)], article(m, c.rng), [m])


def good_with_sidecar(c: Corpus, i: int) -> None:
    m = c.marker()
    path = c.write("sidecar", f"{i}.txt", article(m, c.rng), [m])
    published = c.rng.choice(["9999-99-99", "-1", "1e308", "0000-00-00", "2023-13-45", "x" * 500])
    meta = json.dumps({"title": f"{m} story", "published": published, "source": "Example News"})
    path.with_name(path.name + ".meta.json").write_text(meta)  # read beside it, not an input


GOOD: list[Callable[[Corpus, int], None]] = [
    good_txt,
    good_html,
    good_jsonl,
    good_csv,
    good_tsv,
    good_rss,
    good_gz,
    good_warc,
    good_parquet,
    good_odd_name,
    good_with_sidecar,
]


# --- bad files -----------------------------------------------------------------------------------


def bad_bytes(c: Corpus, i: int) -> None:
    rng = c.rng
    variants = [
        ("empty.txt", b""),
        ("blank.txt", b" \n\t\n" * rng.randint(1, 50)),
        ("random.txt", rng.randbytes(rng.randint(1, 5000))),
        ("latin1.txt", ("Le maire a d\xe9clar\xe9 " * 20).encode("latin-1")),
        ("nul.txt", b"The mayor said\x00 the plan " * 20),
        ("random.html", rng.randbytes(3000)),
        ("random.jsonl", rng.randbytes(2000)),
        ("random.parquet", b"PAR1" + rng.randbytes(500) + b"PAR1"),
        ("random.warc.gz", gzip.compress(rng.randbytes(500))),
        ("random.jsonl.gz", rng.randbytes(800)),
    ]
    name, data = variants[(i // len(BAD)) % len(variants)]
    c.write("bad", f"{i}-{name}", data)


def bad_structured(c: Corpus, i: int) -> None:
    m = c.marker()
    variants = [
        (
            "broken.jsonl",
            '{"id": 1, "text": "unterminated\n{"text": 12345}\n[1,2,3]\n{"text": null}\n',
        ),
        ("notext.csv", "id,title\n1,a title\n2,another\n"),
        ("huge-number.jsonl", json.dumps({"id": "n", "text": "9" * 5000}) + "\n"),
        ("deep.html", "<div>" * 20000 + "text" + "</div>" * 20000),
        ("laughs.xml", _billion_laughs()),
        ("external.rss", _external_entity()),
        ("short.txt", f"{m} said no."),
        ("zip.txt", _zip_bytes()),
        ("truncated.warc.gz", _truncated_warc(c, i)),
        ("teaser.rss", _teaser_feed(m)),
    ]
    name, data = variants[(i // len(BAD)) % len(variants)]
    c.write("structured", f"{i}-{name}", data)


def bad_heavy(c: Corpus, i: int) -> None:
    """Rare, costly inputs: a gzip bomb and an article over the length cap."""
    if (i // len(BAD)) % 2:
        data = gzip.compress(b"0" * 200_000_000, compresslevel=9)  # 200 MB from about 200 KB
        c.write("heavy", f"{i}-bomb.jsonl.gz", data)
    else:
        c.write("heavy", f"{i}-long.txt", ("The mayor said the plan was approved. " * 40_000))


def special(c: Corpus, i: int) -> None:
    folder = c.root / "special"
    folder.mkdir(exist_ok=True)
    k = (i // len(BAD)) % 6
    path = folder / f"{i}-special.txt"
    if k == 0:
        os.mkfifo(path)
    elif k == 1:
        path.symlink_to(folder / "missing-target.txt")
    elif k == 2:
        path.symlink_to(path)  # a loop
    elif k == 3:
        path.symlink_to("/dev/zero")
    elif k == 4:
        path.mkdir()  # a folder named like a file: walked, holds nothing
    else:
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(str(path))
        except OSError:  # a path too long for a socket: a pipe instead
            os.mkfifo(path)
        finally:
            sock.close()
    c.add("special", path)


BAD: list[Callable[[Corpus, int], None]] = [bad_bytes, bad_structured, special]


def _billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{k} "{("&lol" + str(k - 1) + ";") * 10 if k > 1 else "&lol;" * 10}">'
        for k in range(1, 10)
    )
    return f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss><channel><item><description>&lol9;</description></item></channel></rss>'


def _external_entity() -> str:
    return '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>'


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "The mayor said the plan was approved. " * 10)
    return buffer.getvalue()


def _truncated_warc(c: Corpus, i: int) -> bytes:
    html = f"<html><body><article><p>{article(c.marker(), c.rng)}</p></article></body></html>"
    data = warc_bytes(f"https://example.org/cut{i}", html)
    return data[: len(data) // 2]


def _teaser_feed(m: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><item>'
        f"<title>{m}</title><link>https://example.org/{m}</link><description>Read more</description>"
        "</item></channel></rss>"
    )


def generate(root: Path, files: int = 3000, seed: int = 0, heavy: bool = True) -> Corpus:
    """`files` generated inputs under `root`: two good for each bad one, the heavy ones rare."""
    c = Corpus(root, seed)
    g = b = 0
    for i in range(files):
        if heavy and i % 500 == 499:
            bad_heavy(c, i)
        elif i % 3 == 2:
            BAD[b % len(BAD)](c, i)
            b += 1
        else:
            GOOD[g % len(GOOD)](c, i)
            g += 1
    return c


# --- running it ----------------------------------------------------------------------------------


class _Deadline(Exception):
    pass


def read_each(corpus: Corpus) -> dict:
    """Every file alone through the reading stage under the per-file deadline."""
    from newsweave.ingest import read_paths

    def alarm(signum, frame):
        raise _Deadline

    old = signal.signal(signal.SIGALRM, alarm)
    out: Counter[str] = Counter()
    slowest, failures = 0.0, []
    try:
        for path in corpus.files:
            t0 = time.perf_counter()
            signal.alarm(DEADLINE_S)
            try:
                result = read_paths([path])
                ended = len(result.sources) + len(result.skipped) + len(result.duplicates)
                out["read"] += bool(result.sources)
                out["skipped"] += bool(result.skipped) and not result.sources
                out["nothing"] += not ended and not path.is_dir()
                out["skip without reason"] += sum(not s.reason for s in result.skipped)
            except _Deadline:
                out["past deadline"] += 1
                failures.append(f"{path}: past the {DEADLINE_S} s deadline")
            except Exception as exc:
                out["exception"] += 1
                failures.append(f"{path}: {type(exc).__name__}: {exc}")
            finally:
                signal.alarm(0)
            slowest = max(slowest, time.perf_counter() - t0)
    finally:
        signal.signal(signal.SIGALRM, old)
    return {"counts": dict(out), "slowest_s": round(slowest, 2), "failures": failures[:20]}


def ingest_all(corpus: Corpus, db: Path) -> dict:
    """The whole folder through `newsweave ingest` in a child: its report, memory and time."""
    exe = Path(sys.executable).with_name("newsweave")
    command = [str(exe), "ingest", str(corpus.root), "--db", str(db), "-f", "json"]
    t0 = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    text = stderr.decode("utf-8", "replace")
    report = json.loads(stdout) if stdout.strip() else {"inputs": []}
    return {
        "exit": child.returncode,
        "seconds": round(seconds, 1),
        "peak_mb": round(peak_mb),
        "traceback": "Traceback" in text,
        "stderr_tail": text[-2000:] if "Traceback" in text else "",
        "report": report,
    }


def stored_markers(db: Path, markers: dict[str, Path]) -> set[str]:
    from newsweave.store import open_store

    found: set[str] = set()
    with open_store(db, readonly=True) as store:
        for _, source in store.articles():
            found.update(w for w in source.text.lower().split() if w.strip(".,'\"") in markers)
    return {w.strip(".,'\"") for w in found}


def run(corpus: Corpus, db: Path) -> dict:
    each = read_each(corpus)
    whole = ingest_all(corpus, db)
    inputs = whole.pop("report").get("inputs", [])
    stored = stored_markers(db, corpus.markers) if db.exists() else set()
    missing = sorted(str(corpus.markers[m]) for m in set(corpus.markers) - stored)
    statuses = Counter(e["status"] for e in inputs)
    unreported = _unreported(corpus.files, [e["input"] for e in inputs])
    return {
        "files": len(corpus.files),
        "kinds": dict(corpus.kinds),
        "good_articles": len(corpus.markers),
        "read_each": each,
        "ingest": whole,
        "report_lines": len(inputs),
        "statuses": dict(statuses),
        "files_unreported": unreported[:20],
        "skips_without_reason": sum(
            1 for e in inputs if e["status"] == "skipped" and not e["reason"]
        ),
        "good_articles_stored": len(corpus.markers) - len(missing),
        "good_articles_missing": missing[:20],
    }


def _unreported(files: list[Path], inputs: list[str]) -> list[str]:
    """Files (not folders) no report line names: each line is a file as shown, or a record or
    page of it (`FILE#3`, `FILE::URL`)."""
    from newsweave.ingest.files import shown_name

    named = set(inputs)
    starts = sorted(inputs)
    out = []
    for path in files:
        shown = shown_name(path)
        if path.is_dir() or shown in named:
            continue
        i = bisect.bisect_left(starts, shown)
        if not (i < len(starts) and starts[i].startswith(shown)):
            out.append(shown)
    return out


def problems(result: dict) -> list[str]:
    """What breaks the promise: the empty list when the corpus passed."""
    out = []
    each, whole = result["read_each"], result["ingest"]
    for key in ("exception", "past deadline", "nothing", "skip without reason"):
        if each["counts"].get(key):
            out.append(f"reading each file: {each['counts'][key]} {key} ({each['failures'][:3]})")
    if whole["traceback"]:
        out.append(f"ingest printed a traceback: {whole['stderr_tail']}")
    if whole["exit"] != EXIT_SKIPPED:
        out.append(f"ingest exited {whole['exit']}, not {EXIT_SKIPPED} (done, some inputs skipped)")
    if whole["peak_mb"] > MEMORY_LIMIT_MB:
        out.append(f"ingest peak memory {whole['peak_mb']} MB over {MEMORY_LIMIT_MB} MB")
    if result["files_unreported"]:
        out.append(f"files the run report does not name: {result['files_unreported'][:5]}")
    if result["skips_without_reason"]:
        out.append(f"{result['skips_without_reason']} skips without a reason")
    if result["good_articles_missing"]:
        out.append(f"good articles not stored: {result['good_articles_missing'][:5]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="write the result here")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "corpus"
        t0 = time.perf_counter()
        corpus = generate(root, args.files, args.seed)
        made = time.perf_counter() - t0
        result = run(corpus, Path(tmp) / "hostile.db")
    result["generated_s"] = round(made, 1)
    result["problems"] = problems(result)
    result["date"] = time.strftime("%Y-%m-%d")
    print(json.dumps({k: v for k, v in result.items() if k != "kinds"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
