"""Files on disk: names made from what users typed, reading with Dutch errors, all-or-nothing writes."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path

from samenwerk_cli.errors import Problem, SamenwerkError, reason

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


def free_path(
    folder: Path, stem: str, suffix: str = "", taken: Callable[[Path], bool] = Path.exists
) -> Path:
    """``folder/stem+suffix``, or with -2, -3... when that name is ``taken`` (by a file)."""
    candidate, n = folder / f"{stem}{suffix}", 1
    while taken(candidate):
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


def os_reason(exc: OSError) -> str:
    """Why a file could not be read, in Dutch (the one table lives in :mod:`errors`)."""
    return reason(exc, reading=True)


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "dit is een map, geen bestand"
    if stat.S_ISFIFO(mode):
        return "dit is een pipe (FIFO), geen gewoon bestand"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "dit is een apparaat, geen gewoon bestand"
    if stat.S_ISSOCK(mode):
        return "dit is een socket, geen gewoon bestand"
    return "dit is geen gewoon bestand"


def _not_read(mode: int) -> str:
    return _kind(mode) if stat.S_ISDIR(mode) else f"{_kind(mode)}; niet gelezen"


def regular_file_problem(path: Path) -> str | None:
    """Why ``path`` (following links) cannot be read as a data file, or None when it can.

    A FIFO would hang a read and /dev/zero never ends; both have size 0, so the kind of file is
    checked rather than its size.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if path.is_symlink():
            return "koppeling naar een bestand dat niet bestaat"
        return os_reason(exc)
    return None if stat.S_ISREG(mode) else _not_read(mode)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file of at most 1 MiB, with Dutch errors; only a regular file is read.

    The file is opened without blocking and checked on the open handle, so a FIFO or device put
    in its place between a check and the read is refused too.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SamenwerkError(Problem(os_reason(exc), name)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SamenwerkError(Problem(_not_read(info.st_mode), name))
        if info.st_size > MAX_BYTES:
            raise SamenwerkError(
                Problem(f"bestand is te groot ({info.st_size} bytes, maximaal {MAX_BYTES})", name)
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SamenwerkError(Problem(os_reason(exc), name)) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise SamenwerkError(Problem(f"bestand is te groot (meer dan {MAX_BYTES} bytes)", name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SamenwerkError(
            Problem("bestand is geen geldige UTF-8-tekst; sla het bestand op als UTF-8", name, line)
        ) from None


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
    the old or the new file whole.

    Only a regular file (or a new name) is replaced: ``--force`` onto /dev/null, a pipe or a
    folder is refused here, whichever command asked.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None  # a new name (or one the replace below will report on)
    if mode is not None and not stat.S_ISREG(mode):
        raise SamenwerkError(Problem(f"{_kind(mode)}; niet overschreven", str(path)))
    directory = path.parent if str(path.parent) else Path(".")
    import tempfile  # here, not at the top: reading commands (score) never write and start faster

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


def write_batch(items: list[tuple[Path, str]]) -> None:
    """Write many new files: each replaced whole (temp file + rename), then one flush to disk for
    all, where :func:`atomic_write` syncs each (two thousand syncs took seconds)."""
    import tempfile

    for path, text in items:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            os.chmod(tmp, _mode_for(path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    if hasattr(os, "sync"):
        os.sync()
