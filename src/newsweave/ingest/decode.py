"""Bytes to text, refusing what is not an article file: empty, binary, undecodable, too big."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 20_000_000  # the largest input read, file or fetched body
MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"PK\x05\x06": "an empty ZIP archive",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONVERT = "convert it to plain text (.txt) or HTML first"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


class Unusable(Exception):
    """The file can't be used as an article; the message is the reason, fit for a person."""


class Unchanged(Unusable):
    """Nothing new to read: the input has not changed since it was last read (HTTP 304)."""


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing a file bigger than `max_bytes` (by its size before reading it,
    and by the bytes read: a file may grow) and anything but a regular file."""
    try:
        with open_regular(path) as fh:
            _refuse_size(os.fstat(fh.fileno()).st_size, max_bytes)
            data = read_at_most(fh, max_bytes + 1)
        if len(data) > max_bytes:
            raise Unusable(
                f"too big: more than {max_bytes:,} bytes read (it grew while being read); {_SPLIT}"
            )
        return data
    except OSError as exc:
        raise Unusable(f"cannot read it ({exc.strerror or exc}); check its permissions") from exc


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading if it is a regular file; Unusable for a named pipe (which would
    block), a device (/dev/zero never ends), a socket or a folder; OSError if it cannot be opened."""
    fd = os.open(
        path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    )
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise Unusable(f"not a regular file ({file_kind(mode)}); only regular files are read")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes of an open regular file, counted as read (its size may change), in
    reads of its size as it was opened (plus one byte), so no `limit`-sized buffer is allocated
    for a small file."""
    chunks, total = [], 0
    step = min(limit, os.fstat(fh.fileno()).st_size + 1)
    while total < limit:
        chunk = fh.read(min(max(step, 1 << 16), limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def file_kind(mode: int) -> str:
    """What a non-regular file is, for a person."""
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _refuse_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise Unusable(f"too big: {size:,} bytes, the limit is {max_bytes:,}; {_SPLIT}")


_SPLIT = "split it into one file per article or raise the limit"


def decode(data: bytes, *, html: bool = False) -> str:
    """Text from bytes: UTF-8 (BOM allowed), UTF-16/32 with a BOM, or an HTML page's declared charset."""
    if not data.strip():
        raise Unusable(_empty(data))
    refuse_binary(data)
    codec = bom_codec(data) or (declared_charset(data) if html else None) or "utf-8"
    text = _decode_with(data, codec)
    if not text.strip():
        raise Unusable(_empty(data))
    return text


def bom_codec(data: bytes) -> str | None:
    """The codec named by the file's byte-order mark, if it has one."""
    return next((codec for bom, codec in BOMS if data.startswith(bom)), None)


def peek(data: bytes, size: int = 4096) -> str:
    """The start of the file as text, leniently decoded: for sniffing, never for content."""
    codec = bom_codec(data) or "utf-8"
    return data[:size].decode(codec, "ignore").lstrip("\ufeff")


def refuse_binary(data: bytes) -> None:
    """Raise Unusable for a known binary format or bytes that are mostly not text."""
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise Unusable(f"binary file ({what}), not article text; {CONVERT}")
    if bom_codec(data) in ("utf-16", "utf-32"):
        return  # NUL bytes are normal there
    head = data[:8192]
    if b"\x00" in head:
        raise Unusable(f"binary file (contains NUL bytes), not article text; {CONVERT}")
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if control > len(head) * 0.1:
        raise Unusable(
            f"binary file ({control} control bytes in the first {len(head)}), "
            f"not article text; {CONVERT}"
        )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in `<meta charset>` or `http-equiv`, if Python knows it."""
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # A page whose declaration is readable as ASCII is not UTF-16/32, whatever it says (as browsers do).
    return None if name.startswith(("utf-16", "utf-32")) else name


def _empty(data: bytes) -> str:
    found = "0 bytes" if not data else "only whitespace"
    return f"empty file ({found}): expected article text; remove it or save the article into it"


def _decode_with(data: bytes, codec: str) -> str:
    skip = len(codecs.BOM_UTF8) if codec == "utf-8-sig" else 0
    try:
        return data[skip:].decode("utf-8" if skip else codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if skip else codec.upper()
        at = exc.start + skip
        raise Unusable(
            f"not valid {name} (invalid byte 0x{data[at : at + 1].hex()} at offset {at}); "
            "re-save it as UTF-8"
        ) from exc
