"""Bytes to text, refusing what is not an article file: empty, binary, undecodable, too big."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"BZh": "a bzip2 archive",
    b"\x7fELF": "an executable",
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class Unusable(Exception):
    """The file can't be used as an article; the message is the reason, fit for a person."""


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Unusable(f"cannot read it ({exc.strerror or exc})") from exc
    if size > max_bytes:
        raise Unusable(f"too big: {size:,} bytes, the limit is {max_bytes:,}; split it or raise the limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Unusable(f"cannot read it ({exc.strerror or exc})") from exc


def decode(data: bytes, *, html: bool = False) -> str:
    """Text from bytes: UTF-8 (BOM allowed), UTF-16 with a BOM, or an HTML page's declared charset."""
    if not data.strip():
        raise Unusable("empty file: expected article text")
    _refuse_binary(data)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decode_with(data, codec)
    declared = _declared_charset(data) if html else None
    return _decode_with(data, declared or "utf-8")


def _refuse_binary(data: bytes) -> None:
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise Unusable(f"binary file ({what}), not article text")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Unusable("binary file (contains NUL bytes), not article text")
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if control > len(head) * 0.1:
        raise Unusable(f"binary file ({control} control bytes in the first {len(head)}), not article text")


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_with(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise Unusable(f"not valid {codec.upper()} (invalid byte 0x{bad} at offset {exc.start}); re-save it as UTF-8") from exc
