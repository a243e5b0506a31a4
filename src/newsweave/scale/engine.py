"""Ray as an `Executor` (`newsweave.parallel`): the same stage functions, run on Ray workers.

`session()` connects to a cluster (`address`, e.g. "ray://head:10001" or "auto") or starts a
local one (`ray.init()` with `workers` CPUs, as the tests do) and yields a `RayExecutor`; a
session newsweave started is shut down at the end, one the caller started is left running.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import MissingExtraError, NewsweaveError
from ..parallel import chunks, run_chunk

PURPOSE = "the Ray engine (--engine ray)"
TASKS_PER_WORKER = 4  # a map is cut into about this many pieces a worker, for balance

__all__ = ["RayExecutor", "import_ray", "session"]


def import_ray() -> Any:
    """The `ray` module (its usage statistics off: nothing leaves this machine)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as exc:
        raise MissingExtraError(exc.name or "ray", "ray", PURPOSE) from exc
    return ray


@contextlib.contextmanager
def session(address: str | None = None, workers: int | None = None) -> Iterator[RayExecutor]:
    """A Ray executor on the cluster at `address`, or on a local Ray with `workers` CPUs."""
    ray = import_ray()
    started = not ray.is_initialized()
    if started:
        _start(ray, address, workers)
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        executor = RayExecutor(min(workers or cpus, cpus) or 1)
        yield executor
        executor.release()
    finally:
        if started:
            ray.shutdown()


def _start(ray: Any, address: str | None, workers: int | None) -> None:
    options: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": logging.WARNING,
    }
    # token authentication stays on; only its note that it is on is quietened
    logging.getLogger("ray._private.authentication").setLevel(logging.ERROR)
    if address is None:
        options["num_cpus"] = workers or os.cpu_count() or 1
    try:
        ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise NewsweaveError(
            f"could not start {where}: {exc}; check --address (e.g. ray://head:10001 or "
            "auto), that the cluster runs the same Ray version, and for a cluster with token "
            "authentication set RAY_AUTH_MODE=token and RAY_AUTH_TOKEN (docs/scale.md)"
        ) from exc


class RayExecutor:
    """Runs a stage's pieces as Ray tasks (`map`) or on an actor pool (`map_model`, one model a
    worker); results in the order of the items, as `LocalExecutor` gives them."""

    def __init__(self, workers: int):
        self.workers = workers
        self.ray = import_ray()
        self._task = self.ray.remote(run_chunk)
        self._pool: tuple[Callable, list] | None = None  # (factory, its actors)

    def map(
        self, fn: Callable, items: Sequence[Any], *, shared: Any = None, chunk: int | None = None
    ) -> list:
        if not items:
            return []
        self.release()  # tasks need the CPUs an actor pool holds
        even = -(-len(items) // self.workers)  # every worker gets work
        size = min(chunk or -(-len(items) // (self.workers * TASKS_PER_WORKER)), even)
        ref = self.ray.put(shared) if shared is not None else None
        futures = [self._task.remote(fn, ref, list(part)) for part in chunks(items, size)]
        return [y for part in self.ray.get(futures) for y in part]

    def map_model(
        self, factory: Callable[[], Any], fn: Callable[[Any, Any], Any], items: Sequence[Any]
    ) -> list:
        if not items:
            return []
        from ray.util import ActorPool

        return list(
            ActorPool(self._actors(factory)).map(
                lambda actor, item: actor.run.remote(fn, item), list(items)
            )
        )

    def candidate_pairs(self, sigs: Any, among: Any = None) -> Any:
        """Copy candidates by a shuffle of the LSH entries by bucket (`lsh.py`): this executor
        is a `parallel.FindsCandidates`."""
        from .lsh import candidate_pairs

        return candidate_pairs(self, sigs, among)

    def release(self) -> None:
        """Stop the actor pool, if one is up (its CPUs go back to the cluster)."""
        if self._pool is not None:
            for actor in self._pool[1]:
                self.ray.kill(actor)
            self._pool = None

    def _actors(self, factory: Callable[[], Any]) -> list:
        """One actor a worker holding `factory()`. The pool is kept for the next `map_model` with
        the same factory (a model is loaded once for many rounds), stopped by anything else: it
        holds a CPU a worker, which tasks and other pools wait for."""
        if self._pool is None or self._pool[0] is not factory:
            self.release()
            actor = self.ray.remote(num_cpus=1)(_ModelActor)
            self._pool = (factory, [actor.remote(factory) for _ in range(self.workers)])
        return self._pool[1]


class _ModelActor:
    """A worker process holding one loaded model (a Pipeline with its language model, an encoder)."""

    def __init__(self, factory: Callable[[], Any]):
        self.model = factory()

    def run(self, fn: Callable[[Any, Any], Any], item: Any) -> Any:
        return fn(self.model, item)
