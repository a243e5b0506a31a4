"""gzip-compressed inputs (`.jsonl.gz`, `.ndjson.gz`, `.csv.gz`, `.tsv.gz`), decompressed as a stream.

The cap is on the decompressed size: reading stops as soon as the output passes `max_bytes`, so a
gzip bomb (a small file that inflates to gigabytes) is refused without filling memory. A file cut
short keeps its complete lines and reports where the gzip data broke off.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from .decode import Unusable, open_regular, read_bytes

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16
_GZIP_WBITS = 31  # zlib: a gzip header and trailer


@dataclass
class Inflated:
    """The decompressed bytes, and what went wrong if the gzip data broke off (None when whole)."""

    data: bytes
    problem: str | None = None


def read_gzip(path: Path, max_bytes: int) -> Inflated:
    """The decompressed content of a gzip file, at most `max_bytes`; Unusable past the cap.

    A file that is not gzip-compressed after all is read as it is (with the usual size limit).
    """
    try:
        with open_regular(path) as fh:
            if fh.read(2) != GZIP_MAGIC:
                return Inflated(read_bytes(path, max_bytes))
            fh.seek(0)
            return _inflate(fh, max_bytes)
    except OSError as exc:
        raise Unusable(f"cannot read it ({exc.strerror or exc}); check its permissions") from exc


def gunzip_head(data: bytes, size: int = 64) -> bytes:
    """The first `size` decompressed bytes of gzip data (for sniffing); b"" if it is not gzip."""
    try:
        return zlib.decompressobj(_GZIP_WBITS).decompress(data, size)
    except zlib.error:
        return b""


def _inflate(fh, max_bytes: int) -> Inflated:
    out, inflater, pending, consumed, fed = (
        bytearray(),
        zlib.decompressobj(_GZIP_WBITS),
        b"",
        0,
        False,
    )
    while True:
        if not pending:
            pending = fh.read(CHUNK)
            consumed += len(pending)
            if not pending:
                return _at_end(bytes(out), inflater.eof or not fed, consumed)
        try:
            out += inflater.decompress(pending, max_bytes + 1 - len(out))
        except zlib.error as exc:
            return _broken(
                bytes(out), f"corrupt gzip data near byte {consumed - len(pending):,} ({exc})"
            )
        _refuse_past(len(out), max_bytes)
        pending, fed = (inflater.unused_data if inflater.eof else inflater.unconsumed_tail), True
        if inflater.eof and pending:  # a gzip file may hold several members, one after another
            inflater, fed = zlib.decompressobj(_GZIP_WBITS), False


def _refuse_past(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise Unusable(
            f"decompresses to more than {max_bytes:,} bytes, the limit (a gzip bomb, or "
            "too many articles in one file); split it into smaller files or raise the limit"
        )


def _at_end(out: bytes, whole: bool, size: int) -> Inflated:
    """The end of the file: whole if the last member ended (or no new one began), else cut short."""
    if whole:
        return Inflated(out)
    return _broken(out, f"the gzip data ends early at byte {size:,} (the file is cut short?)")


def _broken(out: bytes, problem: str) -> Inflated:
    """Keep the complete lines before the break; the last, partial one is dropped."""
    whole = out[: out.rfind(b"\n") + 1]
    if not whole.strip():
        raise Unusable(f"{problem}; nothing before it could be read; compress the file again")
    return Inflated(whole, f"{problem}; the records before it were read, the rest is lost")
