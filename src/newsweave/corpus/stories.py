"""A store's stories: clustered on demand, cached in the store until articles arrive (or the
clusterer or the similarity changes); the stream clusterer goes on from its checkpoint.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from typing import Any

from ..errors import NotFoundError
from ..kinds import MODES, SIMILARITIES, Mode, Similarity, choose
from ..models import Source, Story
from ..parallel import LOCAL, Executor
from ..store import Store

STREAM_CHECKPOINT = "stories.stream"

__all__ = ["STREAM_CHECKPOINT", "ClusterKey", "find_story", "stories", "story_sources"]


@dataclass(frozen=True)
class ClusterKey:
    """What a mode's cached stories were made from: stories are reclustered when it changes."""

    last_seq: int  # the newest article then
    version: int  # `cluster.VERSION`
    similarity: Similarity

    @staticmethod
    def state_key(mode: Mode) -> str:
        return f"stories.{mode}"

    @classmethod
    def from_state(cls, value: Any) -> ClusterKey | None:
        """The key as the store's state keeps it (`to_state`), or None when there is none or
        it is not one."""
        if not isinstance(value, list) or len(value) != len(fields(cls)):
            return None
        last_seq, version, similarity = value
        if not isinstance(last_seq, int) or not isinstance(version, int):
            return None
        return cls(last_seq, version, similarity) if similarity in SIMILARITIES else None

    def to_state(self) -> list[Any]:
        """As the store keeps it: the fields in order (the form stores have always held)."""
        return list(astuple(self))


def stories(
    store: Store,
    mode: str = "batch",
    *,
    similarity: str | None = None,
    executor: Executor = LOCAL,
) -> list[Story]:
    """The store's stories in one clustering mode, reclustered when articles were added since
    (in memory only, when the store was opened read-only). `similarity` "lexical" or "embed"
    (batch, the `embed` extra); None keeps whichever the stored stories were made with.
    `executor` runs clustering's independent parts (`newsweave.parallel`)."""
    fresh = _recluster_if_stale(store, mode, similarity, executor)
    return fresh if fresh is not None else store.stories(mode)


def story_sources(store: Store, story_id: str, mode: str = "batch") -> tuple[Story, list[Source]]:
    """The story and its stored articles (cleaned, with witnesses)."""
    found = find_story(store, story_id, mode)
    return found, store.get(found.articles)


def find_story(store: Store, story_id: str, mode: str = "batch") -> Story:
    """One story as clustered now (reclustered first when articles arrived), read alone;
    NotFoundError for an unknown id."""
    fresh = _recluster_if_stale(store, mode)
    if fresh is not None:  # read-only and stale: clustered in memory
        found = next((s for s in fresh if s.id == story_id), None)
    else:
        found = store.find_story(mode, story_id)  # that story only, not every story of the store
    if found is None:
        raise NotFoundError(
            store.path,
            f"no story {story_id!r} in {mode} mode; list them with: "
            f"newsweave stories --db {store.path}",
        )
    return found


def _recluster_if_stale(
    store: Store, mode: str, similarity: str | None = None, executor: Executor = LOCAL
) -> list[Story] | None:
    """Recluster when the stored stories' `ClusterKey` is not the current one; a read-only
    store gets them in memory (returned), any other stores them (None)."""
    from ..cluster import VERSION, cluster  # numpy/scipy: only when clustering

    chosen = choose("mode", mode, MODES)
    stored = ClusterKey.from_state(store.get_state(ClusterKey.state_key(chosen)))
    if similarity is None:
        similarity = stored.similarity if stored is not None else "lexical"
    current = ClusterKey(store.last_seq(), VERSION, choose("similarity", similarity, SIMILARITIES))
    if stored == current:
        return None
    articles = [s for _, s in store.articles()]
    known = _stored_embeddings(store) if current.similarity == "embed" else None
    before = set(known or ())
    if chosen == "stream" and current.similarity == "lexical":
        found = _stream_from_checkpoint(store, articles, executor)
    else:
        found = cluster(
            articles, chosen, similarity=current.similarity, embeddings=known, executor=executor
        )
    if store.readonly:
        return found
    if known is not None:
        _keep_embeddings(store, {a: v for a, v in known.items() if a not in before})
    store.put_stories(chosen, found)
    store.put_state(ClusterKey.state_key(chosen), current.to_state())
    return None


def _stream_from_checkpoint(
    store: Store, articles: list[Source], executor: Executor
) -> list[Story]:
    """Stream stories going on from the store's checkpoint (only articles that arrived since it
    are passed), keeping the new checkpoint unless the store is read-only."""
    from ..cluster import resume_stream

    found, checkpoint = resume_stream(
        articles, checkpoint=store.get_checkpoint(STREAM_CHECKPOINT), executor=executor
    )
    if checkpoint is not None and not store.readonly:
        store.put_checkpoint(STREAM_CHECKPOINT, checkpoint)
    return found


def _stored_embeddings(store: Store) -> dict:
    import numpy as np

    return {a: np.frombuffer(v, dtype=np.float32) for a, v in store.embeddings().items()}


def _keep_embeddings(store: Store, new: dict) -> None:
    """Store the embeddings clustering computed (those not read from the store)."""
    import numpy as np

    if new:
        store.put_embeddings({a: np.asarray(v, dtype=np.float32).tobytes() for a, v in new.items()})
