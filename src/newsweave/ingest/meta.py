"""Article metadata: sidecar `<file>.meta.json`, a `--meta` file, and publication dates.

A plain or HTML file takes its metadata from its sidecar if it has one, else from `--meta`:
either one object for every such file, or an object keyed by file name (basename, the path as
given, or the path inside a given folder). A broken sidecar is a warning (the article is used
without metadata); a broken `--meta` file is a `MetadataError`, since the user asked for it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MetadataError
from .decode import Unusable, open_regular, read_at_most
from .fetch import without_credentials

META_KEYS = ("outlet", "url", "published", "title")
MAX_META_BYTES = 1_000_000  # a sidecar or --meta file
EXAMPLE_META = '{"outlet": ..., "url": ..., "published": "YYYY-MM-DD", "title": ...}'
_SURROGATE = re.compile("[\ud800-\udfff]")


class MetaProblem(Exception):
    """Metadata that can't be used; the message says which file and why."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.reason = reason


@dataclass
class MetaFile:
    """The `--meta` file: one object for all files, or objects keyed by file name."""

    path: str
    single: dict[str, Any] | None = None
    keyed: dict[str, dict[str, Any]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def for_file(self, names: list[str]) -> dict[str, Any]:
        """The metadata for a file known by any of `names` (as given, inside its folder, basename)."""
        if self.single is not None:
            return self.single
        for name in names:
            key = os.path.normpath(name)
            if key in self.keyed:
                self.used.add(key)
                return self.keyed[key]
        return {}

    def unused(self) -> list[str]:
        """Keys that named no input file (most likely a typo)."""
        return sorted(set(self.keyed) - self.used)


def sidecar(path: Path) -> Path:
    """Where the metadata of `path` lives: `<file>.meta.json` next to it."""
    return path.with_name(path.name + ".meta.json")


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(".meta.json")


def _read_capped(path: Path, name: str) -> bytes:
    with open_regular(path) as fh:
        data = read_at_most(fh, MAX_META_BYTES + 1)
    if len(data) > MAX_META_BYTES:
        raise MetaProblem(
            name,
            f"too big for metadata (over {MAX_META_BYTES:,} bytes); expected an object like "
            f"{EXAMPLE_META}",
        )
    return data


def read_meta_file(path: Path, shown: str | None = None) -> dict[str, Any]:
    """A JSON object from a metadata file, or MetaProblem naming the file (as `shown`) and the fault."""
    name = shown or str(path)
    try:
        data = json.loads(_read_capped(path, name).decode("utf-8-sig"))
    except FileNotFoundError as exc:
        raise MetaProblem(name, "metadata file not found; check the path") from exc
    except Unusable as exc:  # not a regular file, or too big
        raise MetaProblem(name, str(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MetaProblem(name, f"cannot read metadata ({exc}); save it as UTF-8 JSON") from exc
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = (
            f"{exc.msg} at line {exc.lineno}"
            if isinstance(exc, json.JSONDecodeError)
            else "nested too deeply"
        )
        raise MetaProblem(
            name, f"not valid JSON ({msg}); expected an object like {EXAMPLE_META}"
        ) from exc
    if not isinstance(data, dict):
        raise MetaProblem(
            name, f"expected a JSON object like {EXAMPLE_META}, found {json_type(data)}"
        )
    return data


def load_meta_option(meta: str | os.PathLike | None) -> MetaFile | None:
    """Read the `--meta` file; MetadataError if it is missing or malformed."""
    if meta is None:
        return None
    try:
        data = read_meta_file(Path(meta))
    except MetaProblem as exc:
        raise MetadataError(os.fspath(meta), exc.reason) from exc
    if any(key in data for key in META_KEYS):
        return MetaFile(os.fspath(meta), single=data)
    for key, value in data.items():
        if not isinstance(value, dict):
            raise MetadataError(
                os.fspath(meta),
                f"expected one object like {EXAMPLE_META}, or an object mapping "
                f"file names to such objects; entry {key!r} is {json_type(value)}",
            )
    return MetaFile(os.fspath(meta), keyed={os.path.normpath(k): v for k, v in data.items()})


def clean_meta(data: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    """The metadata fields newsweave uses, with `published` parsed to a date (or None + warning)."""
    out: dict[str, Any] = {}
    for key in ("outlet", "url", "title"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            warnings.append(
                f"{where}: {key!r} should be a string, found {json_type(value)}; ignored"
            )
            value = None
        out[key] = (scrub(value).strip() or None) if isinstance(value, str) else None
    if out["url"]:
        out["url"] = without_credentials(out["url"])  # never stored nor shown
    out["published"] = parse_published(data.get("published"), where, warnings)
    return out


def merge_meta(layers: list[dict[str, Any]]) -> dict[str, Any]:
    """Field by field, the first layer that has a value wins."""
    return {
        key: next((layer[key] for layer in layers if layer.get(key) is not None), None)
        for key in META_KEYS
    }


def parse_published(value: Any, where: str, warnings: list[str]) -> dt.date | None:
    """A date from "YYYY-MM-DD", ISO 8601 date-times or RFC 2822; None (with a warning) otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = parse_date_text(value.strip()) if isinstance(value, str) else None
    if parsed is None:
        warnings.append(
            f"{where}: publication date {value!r} ignored: not a date (expected YYYY-MM-DD, "
            "an ISO 8601 date-time or an RFC 2822 date); relative dates stay unresolved"
        )
    return parsed


def parse_date_text(text: str) -> dt.date | None:
    """The calendar date as written (no time-zone conversion), or None."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def scrub(text: str) -> str:
    """`text` with lone surrogates (from bad `\\u` escapes in JSON) replaced, so it can be written out."""
    return _SURROGATE.sub("\ufffd", text)


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages."""
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "true/false",
        type(None): "null",
    }
    return names.get(type(value), "a number")
