"""Files on disk: names made from what users typed, reading with Dutch errors, all-or-nothing writes."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from samenwerk_cli.errors import Problem, SamenwerkError

MAX_BYTES = 1024 * 1024


SLUG_MAX = 60  # a file name holds a slug or two, a date and a number: well under 255 bytes


def slug(text: str, limit: int = SLUG_MAX) -> str:
    """``"Hogeschool Één & Co."`` -> ``"hogeschool-een-co"``: safe on every file system.

    A long name is cut at a word boundary (the full name stays inside the file).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(result) > limit:
        cut = result[: limit + 1]
        result = cut[: cut.rfind("-")] if "-" in cut[limit // 2 :] else result[:limit]
    return result.strip("-")


def free_path(folder: Path, stem: str, suffix: str = "") -> Path:
    """``folder/stem+suffix``, or with -2, -3... when that name is taken."""
    candidate, n = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


def read_text(path: Path) -> str:
    """Read a UTF-8 text file of at most 1 MiB, with Dutch errors."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SamenwerkError(
                Problem(f"bestand is te groot ({size} bytes, maximaal {MAX_BYTES})", name)
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SamenwerkError(Problem("bestand niet gevonden", name)) from None
    except IsADirectoryError:
        raise SamenwerkError(Problem("dit is een map, geen bestand", name)) from None
    except OSError as exc:
        raise SamenwerkError(Problem(f"kan bestand niet lezen ({exc.strerror})", name)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SamenwerkError(Problem("bestand is geen geldige UTF-8-tekst", name, line)) from None


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets what the umask allows, as open() would."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` (UTF-8, or bytes as they are) so that a crash leaves either
    the old or the new file whole."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; a shared folder needs the usual mode
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - directories cannot be opened on Windows
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
