"""Brief time and memory against the length of one article (issue 29: brief time must grow
linearly, not with the square of the length).

    .venv/bin/python bench/length.py [--words 5000 10000 20000 40000 100000] [--timeout 600]
                                     [--json bench/results/length.json]

Each size is briefed in a fresh process: one generated article of about that many words,
real-looking prose made by repeating the paragraphs of the bundled ZTE example
(../shared/examples/zte-2018, or the package's copy) in a seeded shuffled order with names,
figures and days varied, so sentences are not all identical. The child reports the brief's
wall time (the model loaded beforehand, not counted) and its peak resident size (ru_maxrss,
model included). Goals: 40k words under 20 s; 100k words under 60 s and 1 GB (2 cores).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT.parent / "shared" / "examples" / "zte-2018"
SIZES = [5_000, 10_000, 20_000, 40_000, 100_000]
NAMES = [
    "Donald Trump",
    "Xi Jinping",
    "Lu Kang",
    "Wilbur Ross",
    "Liu He",
    "Steven Mnuchin",
    "Lindsay Walters",
    "Eswar Prasad",
    "Chuck Schumer",
    "Marco Rubio",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def paragraphs() -> list[str]:
    """The example story's paragraphs (both reports)."""
    folder = (
        EXAMPLES
        if EXAMPLES.is_dir()
        else ROOT / "src" / "newsweave" / "data" / "examples" / "zte-2018"
    )
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


def vary(paragraph: str, rng: random.Random) -> str:
    """The paragraph with its people, days and digits changed (seeded)."""
    for name in NAMES:
        if name in paragraph:
            paragraph = paragraph.replace(name, rng.choice(NAMES))
    for day in DAYS:
        if day in paragraph:
            paragraph = paragraph.replace(day, rng.choice(DAYS))
    return "".join(str(rng.randrange(10)) if c.isdigit() else c for c in paragraph)


def article(words: int, seed: int = 29) -> str:
    """About `words` words of prose: the example's paragraphs shuffled, repeated and varied."""
    rng, pool, out, count = random.Random(seed), paragraphs(), [], 0
    while count < words:
        rng.shuffle(pool)
        for para in pool:
            out.append(vary(para, rng))
            count += len(para.split())
            if count >= words:
                break
    return "\n\n".join(out) + "\n"


def child(words: int) -> dict:
    """Brief one generated article in this process; its time and this process's peak memory."""
    from newsweave import Pipeline

    pipeline = Pipeline()
    _ = pipeline.nlp  # load the model before the clock starts
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        text = article(words)
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        cpu = time.process_time()
        brief = pipeline.brief_paths([path])
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "words": len(text.split()),
        "chars": len(text),
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_mb": round(peak),
        "facts": len(brief.facts),
        "sentences": sum(len(d.sentences) for d in brief.documents),
    }


def run(words: int, timeout: int) -> dict:
    cmd = [sys.executable, __file__, "--child", str(words)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"words": words, "error": f"still running after {timeout} s"}
    if done.returncode != 0:
        return {"words": words, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, nargs="*", default=SIZES)
    ap.add_argument("--timeout", type=int, default=600, help="seconds per size")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    rows = []
    for words in args.words:
        rows.append(run(words, args.timeout))
        print(json.dumps(rows[-1]), flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        meta = {"python": platform.python_version(), "machine": platform.machine()}
        args.json.write_text(json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
