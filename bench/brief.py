"""Speed of `newsweave brief`: cold (a fresh process) and warm (model loaded), on the bundled
example story and on a 10-article story, beside two references run in the same script on the
same texts: spaCy's parse alone (the floor newsweave builds on) and sumy's LexRank summarizer.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/brief.py [--repeat 5] [--json bench/results/brief.json]

The 10-article story is ECB+ topic 1 (the Lindsay Lohan rehab story, `*ecbplus.xml`, 10 first
documents) from ../shared/datasets/ecbplus; that part is skipped when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "datasets" / "ecbplus" / "ECB+_LREC2014" / "ECB+"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def cold(args: list[str], repeat: int) -> list[float]:
    """Wall time of a fresh `newsweave` process (imports, model load, brief, JSON output)."""
    cmd = [sys.executable, "-m", "newsweave.cli", "brief", *args, "--format", "json", "-q"]
    return timed(lambda: subprocess.run(cmd, check=False, capture_output=True), repeat)


def ecb_story(folder: Path, n: int = 10) -> list[str]:
    """Plain texts of the first n ECB+ documents of a topic (tokens re-joined by sentence)."""
    texts = []
    for path in sorted(folder.glob("*ecbplus.xml"))[:n]:
        sentences: dict[str, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(tok.get("sentence"), []).append(tok.text or "")
        texts.append("\n\n".join(" ".join(words) for words in sentences.values()))
    return texts


def lexrank(texts: list[str], sentences: int = 5) -> list[str]:
    """sumy LexRank over the same texts (the peers' offline tokenizer setup)."""
    from nltk.tokenize import NLTKWordTokenizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    class Offline:
        language = "english"

        def to_sentences(self, paragraph):
            import pysbd

            return tuple(pysbd.Segmenter(language="en", clean=False).segment(paragraph))

        def to_words(self, sentence):
            return tuple(w for w in NLTKWordTokenizer().tokenize(sentence) if Tokenizer._is_word(w))

    doc = PlaintextParser.from_string("\n\n".join(texts), Offline()).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(doc, sentences)]


def story_files(texts: list[str], folder: Path) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        p = folder / f"{i:02d}.txt"
        p.write_text(text)
        paths.append(str(p))
    return paths


def measure(label: str, paths: list[str] | None, texts: list[str], repeat: int) -> dict:
    import newsweave
    from newsweave.extract import load
    from newsweave.ingest import read_paths

    pipeline = newsweave.Pipeline()
    run = (
        (lambda: pipeline.brief_example())
        if paths is None
        else (lambda: pipeline.brief_paths(paths))
    )
    run()  # warm up: model loaded, caches filled
    nlp = load()
    words = sum(len(t.split()) for t in texts)
    return {
        "story": label,
        "articles": len(texts),
        "words": words,
        "newsweave_cold_s": statistics.median(
            cold(["--example"] if paths is None else paths, max(2, repeat // 2))
        ),
        "newsweave_warm_s": statistics.median(timed(run, repeat)),
        "spacy_parse_only_s": statistics.median(timed(lambda: list(nlp.pipe(texts)), repeat)),
        "sumy_lexrank_s": statistics.median(timed(lambda: lexrank(texts), repeat)),
        "ingest_s": statistics.median(timed(lambda: read_paths(paths) if paths else None, repeat)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from newsweave.ingest import example_sources

    rows = [
        measure(
            "example (ZTE, AP + Reuters)",
            None,
            [s.raw for s in example_sources().sources],
            args.repeat,
        )
    ]
    if ECB.exists():
        texts = ecb_story(ECB / "1")
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(
                measure(
                    "ECB+ topic 1, 10 articles", story_files(texts, Path(tmp)), texts, args.repeat
                )
            )
    else:
        print(f"(skipping the 10-article story: {ECB} not found)", file=sys.stderr)
    result = {
        "machine": f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "rows": rows,
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
