"""One ingest path over any executor: an executor that runs the pieces in another order, in
rounds of three, and finds the copy candidates itself gives the embedded engine's store."""

from __future__ import annotations

import dataclasses

from corpus_fixtures import ALL, COPY, write_articles
from newsweave.corpus import ingest
from newsweave.dedup import minhash
from newsweave.parallel import LOCAL, FindsCandidates
from newsweave.store import open_store


class BackwardsExecutor:
    """Runs a map's items last first (results still in item order), claims three workers, and
    finds copy candidates itself (as the Ray engine's shuffle does)."""

    workers = 3

    def __init__(self) -> None:
        self.maps = 0
        self.candidate_calls = 0

    def map(self, fn, items, *, shared=None, chunk=None):
        self.maps += 1
        done = {
            i: (fn(item) if shared is None else fn(shared, item))
            for i, item in reversed(list(enumerate(items)))
        }
        return [done[i] for i in range(len(items))]

    def map_model(self, factory, fn, items):
        model = factory()
        return [fn(model, item) for item in items]

    def release(self) -> None:
        pass

    def candidate_pairs(self, sigs, among=None):
        self.candidate_calls += 1
        return minhash.candidate_pairs(sigs)


def _contents(store) -> dict:
    return {
        "articles": [dataclasses.asdict(s) for _, s in store.articles()],
        "signatures": store.signatures(),
        "copies": [dataclasses.asdict(g) for g in store.copies()],
    }


def test_any_executor_gives_the_embedded_result(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, ALL + [COPY])
    (folder / "junk.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    executor = BackwardsExecutor()
    assert isinstance(executor, FindsCandidates) and not isinstance(LOCAL, FindsCandidates)
    runs, contents, announced = [], [], []
    for name, ex in (("embedded", LOCAL), ("backwards", executor)):
        with open_store(tmp_path / f"{name}.db") as store:
            seen: list[str] = []
            runs.append(ingest([folder], store, executor=ex, on_input=seen.append))
            contents.append(_contents(store))
            announced.append(seen)
    assert runs[0].entries == runs[1].entries and runs[0].warnings == runs[1].warnings
    assert runs[0].totals == runs[1].totals == {"articles": len(ALL) + 1, "copy_groups": 1}
    assert contents[0] == contents[1] and contents[0]["copies"]
    assert announced[0] == announced[1] and len(announced[0]) == len(ALL) + 2
    assert executor.maps > 1 and executor.candidate_calls == 1
