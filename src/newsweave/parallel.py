"""Where the parallel parts of the corpus stages run: in this process, or on a Ray cluster.

The stages that split into independent pieces (reading inputs, cleaning and signing articles,
term counts, blocks of the story-similarity matrix, briefs) hand the pieces to an `Executor`
and get the results back in order. `LOCAL` runs them here, one after another; the Ray engine
(`newsweave.scale`) runs the same functions on Ray workers. The code of a stage is the same
either way, so the two engines give the same result on the same input by construction (the
equality tests check it).

    executor.map(fn, items)                 -> [fn(item) for item in items]
    executor.map(fn, items, shared=big)     -> [fn(big, item) ...], `big` shipped once
    executor.map_model(factory, fn, items)  -> [fn(model, item) ...], model = factory() once a worker
    executor.release()                      -> the workers map_model kept (for its next call) freed

Functions given to an executor must be importable (module level), their items and results
picklable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["LOCAL", "Executor", "FindsCandidates", "LocalExecutor", "chunks"]


class Executor(Protocol):
    """Runs a stage's independent pieces; results come back in the order of the items."""

    workers: int

    def map(
        self,
        fn: Callable[..., R],
        items: Sequence[Any],
        *,
        shared: Any = None,
        chunk: int | None = None,
    ) -> list[R]: ...

    def map_model(
        self, factory: Callable[[], Any], fn: Callable[[Any, Any], R], items: Sequence[Any]
    ) -> list[R]: ...

    def release(self) -> None:
        """Free what `map_model` keeps between calls (its workers and their models)."""


@runtime_checkable
class FindsCandidates(Protocol):
    """An executor that finds the copy candidates of a corpus itself (the Ray engine: a shuffle
    of the LSH entries by bucket). Others leave it to `dedup.minhash.candidate_pairs`."""

    def candidate_pairs(self, sigs: Any, among: Any = None) -> Any:
        """At least every candidate pair (index pairs, (k, 2)) of the signatures (n, 128) that
        involves a text `among` marks (all pairs may be given)."""
        ...


class LocalExecutor:
    """In this process, in order: what the embedded engine (the default) uses."""

    workers = 1

    def map(
        self,
        fn: Callable[..., R],
        items: Sequence[Any],
        *,
        shared: Any = None,
        chunk: int | None = None,
    ) -> list[R]:
        return run_chunk(fn, shared, items)

    def map_model(
        self, factory: Callable[[], Any], fn: Callable[[Any, Any], R], items: Sequence[Any]
    ) -> list[R]:
        if not items:
            return []
        model = factory()
        return [fn(model, item) for item in items]

    def release(self) -> None:
        pass


LOCAL = LocalExecutor()


def run_chunk(fn: Callable[..., R], shared: Any, items: Sequence[Any]) -> list[R]:
    """`fn` over `items` (with `shared` first when given): what one task of a map does."""
    if shared is None:
        return [fn(item) for item in items]
    return [fn(shared, item) for item in items]


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` cut into consecutive pieces of `size` (the last may be shorter)."""
    return [items[i : i + size] for i in range(0, len(items), max(1, size))]
