"""Which files to read: the paths given, and the files inside given folders (recursive, sorted).

A URL (http:// or https://) given among the paths is an `Input` with no `path`.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..models import Skipped
from .decode import file_kind
from .fetch import is_url, without_credentials
from .meta import is_sidecar


@dataclass(frozen=True)
class Input:
    """One file to read: how it is shown to the user, where it is, and the names `--meta` may use."""

    given: str
    path: Path | None  # None for a URL
    names: tuple[str, ...]

    @property
    def url(self) -> str:
        """A URL input's URL as given (with any credentials, which `given` leaves out)."""
        return self.names[0]

    @property
    def sidecar_name(self) -> str:
        return self.given + ".meta.json"


def walk_inputs(
    paths: Iterable[str | os.PathLike], exclude: set[Path], skipped: list[Skipped]
) -> Iterator[Input]:
    """Every file to read, once, in order; paths that are not usable files or folders go to `skipped`.

    `exclude` holds resolved paths not to read (the `--meta` file); a file named twice (say, a
    folder and a file in it) is read the first time only.
    """
    seen: set[Path | str] = set(exclude)
    for item in _candidates(paths, skipped):
        real = item.given if item.path is None else resolved(item.path)
        if real not in seen:
            seen.add(real)
            yield item


def shown_name(name: str | os.PathLike) -> str:
    """A path (or URL) as it is shown, stored and printed: bytes that are not UTF-8 (the OS
    layer hands them over as lone surrogates, which no UTF-8 output can hold) and control
    characters (a terminal acts on them) become backslash escapes, so the file named
    b"bad\\xffname.txt" is shown as bad\\xffname.txt."""
    return printable(os.fsdecode(name))


def printable(text: str, keep: str = "") -> str:
    """`text` with lone surrogates and control characters (but those in `keep`) escaped."""
    if text.isprintable():
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        raw = text.encode("utf-8", "backslashreplace")
    return _CONTROL.sub(
        lambda m: m.group() if m.group() in keep else m.group().encode("unicode_escape").decode(),
        raw.decode("utf-8", "backslashreplace"),
    )


# C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (text shown reversed)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _candidates(paths: Iterable[str | os.PathLike], skipped: list[Skipped]) -> Iterator[Input]:
    for given in paths:
        if is_url(given):  # shown without credentials; the URL as given is its first name
            yield Input(shown_name(without_credentials(str(given))), None, (str(given),))
            continue
        shown, path = shown_name(given), Path(given)
        if path.is_dir():
            for rel in folder_files(path, skipped):
                joined = str(path / rel)
                yield Input(shown_name(joined), path / rel, (joined, str(rel), rel.name))
        elif path.is_file():
            if not _sidecar_of_given(path, shown, skipped):
                yield Input(shown, path, (shown, path.name))
        else:
            skipped.append(Skipped(shown, _not_a_file(path)))


def folder_files(root: Path, skipped: list[Skipped]) -> list[Path]:
    """Files under `root` (relative to it), sorted, leaving out hidden ones and `*.meta.json` sidecars."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        reason = f"cannot read this folder ({exc.strerror}); check its permissions"
        skipped.append(Skipped(shown_name(exc.filename), reason))

    real_root = resolved(root)
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder).relative_to(root)
        for name in sorted(files) + sorted(
            d for d in dirs if os.path.islink(os.path.join(folder, d))
        ):
            if name.startswith(".") or is_sidecar(Path(name)):
                continue
            problem = _not_readable(real_root, root / base / name)
            if problem is None:
                found.append(base / name)
            else:
                skipped.append(Skipped(shown_name(root / base / name), problem))
    return sorted(found)


def _not_readable(real_root: Path, path: Path) -> str | None:
    """Why a file found in a folder is not read: a link that leads out of the folder (or to a
    folder), a broken link, or not a regular file (a named pipe would block, /dev/zero never
    ends); None when it is read."""
    try:
        link = path.is_symlink()
        if link and not resolved(path).is_relative_to(real_root):
            return "a link to a file outside the folder given; not followed (give that file itself to read it)"
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc}){'; a broken link?' if link else ''}"
    if stat.S_ISDIR(mode):
        return "a link to a folder; not followed (give that folder itself to read it)"
    if not stat.S_ISREG(mode):
        return f"not a regular file ({file_kind(mode)}); only regular files are read"
    return None


def _sidecar_of_given(path: Path, shown: str, skipped: list[Skipped]) -> bool:
    """A sidecar given as an input (as `dir/*` does) is read with its article, not as one."""
    if not is_sidecar(path):
        return False
    article = path.with_name(path.name.removesuffix(".meta.json"))
    if not article.is_file():
        skipped.append(
            Skipped(
                shown,
                f"a metadata sidecar, not an article, and its article {article.name} "
                "is missing; give the article file, its sidecar is read with it",
            )
        )
    return True


def _not_a_file(path: Path) -> str:
    if path.exists():
        return "not a regular file or folder; give article files or folders of them"
    return "no such file or folder; check the path"


def resolved(path: Path) -> Path:
    """The real path of `path` (symlinks followed), to tell whether two names are one file."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path
