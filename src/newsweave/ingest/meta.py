"""Article metadata: sidecar `<file>.meta.json`, a `--meta` file, and publication dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from pathlib import Path
from typing import Any

META_KEYS = ("outlet", "url", "published", "title")


class MetaProblem(Exception):
    """Metadata that can't be used; the message says which file and why."""


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def read_meta_file(path: Path) -> dict[str, Any]:
    """A JSON object from a metadata file, or MetaProblem naming the file and the fault."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise MetaProblem(f"{path}: metadata file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MetaProblem(f"{path}: cannot read metadata ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise MetaProblem(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}); expected an object like "
                          '{"outlet": ..., "url": ..., "published": "YYYY-MM-DD", "title": ...}') from exc
    if not isinstance(data, dict):
        raise MetaProblem(f"{path}: expected a JSON object, found {type(data).__name__}")
    return data


def meta_for(path: Path, given: str, shared: dict[str, Any] | None) -> dict[str, Any]:
    """`--meta` data for one file: an object keyed by file name or path, or one object for all."""
    if not shared:
        return {}
    for key in (given, str(path), path.name):
        if isinstance(shared.get(key), dict):
            return shared[key]
    if any(k in shared for k in META_KEYS):
        return shared
    return {}


def clean_meta(data: dict[str, Any], where: str, warnings: list[str]) -> dict[str, Any]:
    """The metadata fields newsweave uses, with `published` parsed to a date (or None + warning)."""
    out: dict[str, Any] = {}
    for key in ("outlet", "url", "title"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            warnings.append(f"{where}: '{key}' should be a string, found {type(value).__name__}; ignored")
            value = None
        out[key] = value.strip() if isinstance(value, str) and value.strip() else None
    out["published"] = parse_published(data.get("published"), where, warnings)
    return out


def parse_published(value: Any, where: str, warnings: list[str]) -> dt.date | None:
    """A date from "YYYY-MM-DD", ISO 8601 date-times or RFC 2822; None (with a warning) otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        parsed = _parse_date_text(value.strip())
        if parsed is not None:
            return parsed
    warnings.append(f"{where}: publication date {value!r} is not a date (expected YYYY-MM-DD); "
                    "relative dates in this article stay unresolved")
    return None


def _parse_date_text(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) == 10 else dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed else None
