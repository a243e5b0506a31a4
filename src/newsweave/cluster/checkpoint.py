"""The stream clusterer's state as bytes, so a store can keep it between runs.

A checkpoint is read back from a database file, which may come from anyone, so it is not a
pickle: it is a NumPy `.npz` archive (read with `allow_pickle=False`) holding one JSON tree and
one flat array per dtype that the tree's arrays are slices of. Objects are rebuilt only for
classes defined in `newsweave.cluster` (their attributes set, no code of theirs run); anything
else in a checkpoint makes it invalid (`CheckpointError`), and the caller then clusters afresh.

Encoded: None, bool, int, float, str, lists, tuples, sets, dicts (any hashable keys),
Counters, dates, NumPy arrays and scalars, and objects of the allowed classes.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
from collections import Counter
from typing import Any, cast

import numpy as np

from ..errors import NewsweaveError

PACKAGE = "newsweave.cluster"
FORMAT = 2  # 2: lists and dicts of plain scalars written as JSON lists, not item by item
_PLAIN = (int, float, str, bool)
_SEQUENCES = {"l": list, "t": tuple, "s": set}  # each sequence type's tag
_TAGS = {cls: tag for tag, cls in _SEQUENCES.items()}

__all__ = ["CheckpointError", "dump", "load"]


class CheckpointError(NewsweaveError):
    """A stored checkpoint that cannot be read back (damaged, or written by another version)."""


def dump(value: Any) -> bytes:
    """`value` as checkpoint bytes."""
    pools: dict[str, list[np.ndarray]] = {}
    sizes: dict[str, int] = {}
    tree = _encode(value, pools, sizes)
    arrays: dict[str, Any] = {
        f"pool_{k}": np.concatenate(v) if v else np.zeros(0, dtype=k) for k, v in pools.items()
    }
    meta = json.dumps({"format": FORMAT, "tree": tree}).encode()
    buffer = io.BytesIO()
    np.savez(buffer, tree=np.frombuffer(meta, dtype=np.uint8), **arrays)
    return buffer.getvalue()


def load(data: bytes) -> Any:
    """The value `dump` made these bytes from; `CheckpointError` when they are not one."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            meta = json.loads(archive["tree"].tobytes())
            pools = {name[5:]: archive[name] for name in archive.files if name.startswith("pool_")}
        if meta.get("format") != FORMAT:
            raise CheckpointError(f"checkpoint format {meta.get('format')!r}, expected {FORMAT}")
        return _decode(meta["tree"], pools)
    except CheckpointError:
        raise
    except Exception as exc:
        raise CheckpointError(f"not a readable checkpoint ({type(exc).__name__}: {exc})") from exc


def _encode(v: Any, pools: dict, sizes: dict) -> Any:
    if v is None or isinstance(v, (bool, str)) or type(v) in (int, float):
        return v
    if isinstance(v, np.ndarray):
        return {"a": _pooled(v, pools, sizes)}
    if isinstance(v, np.generic):
        return {"n": _pooled(np.asarray(v).reshape(1), pools, sizes)}
    if isinstance(v, dt.date):
        return {"date": v.isoformat()}
    if isinstance(v, (list, tuple, set)):
        kind = _TAGS[type(v)]
        if _all_plain(v):  # a vocabulary's worth of scalars: one JSON list, not a tree per item
            return {kind + "p": list(v)}
        return {kind: [_encode(x, pools, sizes) for x in v]}
    if isinstance(v, dict):
        kind = "c" if isinstance(v, Counter) else "d"
        if _all_plain(v) and _all_plain(v.values()):
            return {kind + "p": [list(v), list(v.values())]}
        return {kind: [[_encode(k, pools, sizes), _encode(x, pools, sizes)] for k, x in v.items()]}
    return _encode_object(v, pools, sizes)


def _all_plain(items) -> bool:
    """Are all items None or exactly int, float, str or bool (what JSON gives back as they were)?"""
    return all(x is None or type(x) in _PLAIN for x in items)


def _encode_object(v: Any, pools: dict, sizes: dict) -> Any:
    cls = type(v)
    if not cls.__module__.startswith(PACKAGE) or not hasattr(v, "__dict__"):
        raise CheckpointError(f"cannot checkpoint a {cls.__module__}.{cls.__qualname__}")
    return {
        "o": f"{cls.__module__}:{cls.__qualname__}",
        "f": {name: _encode(x, pools, sizes) for name, x in vars(v).items()},
    }


def _pooled(a: np.ndarray, pools: dict, sizes: dict) -> list:
    if a.dtype.hasobject:
        raise CheckpointError("cannot checkpoint an array of Python objects")
    key = a.dtype.str
    start = sizes.get(key, 0)
    pools.setdefault(key, []).append(np.ascontiguousarray(a).ravel())
    sizes[key] = start + a.size
    return [key, start, list(a.shape)]


def _decode(t: Any, pools: dict) -> Any:
    if not isinstance(t, dict):
        return t
    (kind, body), *rest = t.items()
    if kind == "a":
        return _unpooled(body, pools)
    if kind == "n":
        return _unpooled(body, pools)[0]
    if kind == "date":
        return dt.date.fromisoformat(body)
    if kind in ("lp", "tp", "sp"):
        return _SEQUENCES[kind[0]](body)
    if kind in ("dp", "cp"):
        pairs = dict(zip(body[0], body[1], strict=True))
        return Counter(pairs) if kind == "cp" else pairs
    if kind in ("l", "t", "s"):
        items = [_decode(x, pools) for x in body]
        return _SEQUENCES[kind](items)
    if kind in ("d", "c"):
        pairs = {_decode(k, pools): _decode(x, pools) for k, x in body}
        return Counter(pairs) if kind == "c" else pairs
    if kind == "o":
        return _decode_object(body, rest[0][1] if rest else {}, pools)
    raise CheckpointError(f"unknown entry {kind!r} in the checkpoint")


def _decode_object(name: str, fields: dict, pools: dict) -> Any:
    module, _, qualname = name.partition(":")
    if not (module == PACKAGE or module.startswith(PACKAGE + ".")):
        raise CheckpointError(f"the checkpoint names {name!r}, outside {PACKAGE}")
    cls = getattr(importlib.import_module(module), qualname, None)
    if not isinstance(cls, type):
        raise CheckpointError(f"the checkpoint names {name!r}, which is not a class here")
    obj = cast(Any, cls).__new__(cls)
    obj.__dict__.update({k: _decode(x, pools) for k, x in fields.items()})
    return obj


def _unpooled(body: list, pools: dict) -> np.ndarray:
    key, start, shape = body
    size = int(np.prod(shape)) if shape else 1
    return pools[key][start : start + size].reshape(shape).copy()
