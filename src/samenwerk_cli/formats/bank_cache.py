"""A checked question bank kept between runs: every command loads the bank, and parsing and
checking its YAML files costs about 8 ms of each; reading a kept copy back costs under one.

The copy is used only while it is exact: it holds the bytes of every bank file it was made from
and is used only when the files hold the same bytes now, with the same samenwerk version and the
same modules that read and check a bank (their size and time, as Python's own bytecode cache
checks a module). A bank with problems is never kept. Whatever goes wrong with the cache (no
home folder, a full or read-only disk, a damaged file), the bank is read from its files as before.

Where: ``$SAMENWERK_CACHE``, else ``$XDG_CACHE_HOME/samenwerk``, else ``~/.cache/samenwerk``
(``%LOCALAPPDATA%\\samenwerk`` on Windows); ``SAMENWERK_CACHE=`` (empty) turns it off. One file
per bank folder. It is a pickle, so it is read only when the file and its folder belong to the
user and nobody else may write them.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import zlib
from pathlib import Path

from samenwerk_cli import __version__

CACHE_VAR = "SAMENWERK_CACHE"
FORMAT = 1  # raise when what is kept changes shape
_READERS = Path(__file__).resolve().parent  # formats/: the modules that read and check a bank
Sources = tuple[object, ...]


def folder() -> Path | None:
    """The cache folder, or None when the user turned the cache off."""
    chosen = os.environ.get(CACHE_VAR)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"], "samenwerk")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no home folder known: never a "~" folder in the current one
        return None
    return Path(base, "samenwerk")


def _entry(where: Path, directory: Path) -> Path:
    """One file per bank folder (two folders sharing a name only take turns: the bytes decide)."""
    return where / f"vragenlijst-{zlib.crc32(os.fsencode(directory.resolve())):08x}.pickle"


def _sources(directory: Path) -> Sources:
    """What a kept bank must match: the version, the reading modules' stamps, every file's bytes."""
    readers = []
    for module in sorted(_READERS.glob("*.py")):
        info = module.stat()
        readers.append((module.name, info.st_size, info.st_mtime_ns))
    files = []
    for path in sorted(directory.glob("*.y*ml")):
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe would block: the reader refuses it
            raise OSError(f"not a regular file: {path}")
        files.append((path.name, path.read_bytes()))
    return (FORMAT, __version__, tuple(readers), tuple(files))


def _private(info: os.stat_result) -> bool:
    """The user's own, and nobody else may write it (a pickle runs what it reads)."""
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def read(directory: Path) -> tuple[object, Sources | None]:
    """The kept bank when it is exact (else None), and what it was compared with (to
    :func:`write` after a miss); (None, None) when there is no cache to use."""
    where = folder()
    if where is None:
        return None, None
    try:
        sources = _sources(directory)
    except OSError:
        return None, None  # the bank's own reading reports what is wrong
    try:
        with open(_entry(where, directory), "rb") as handle:
            if not (_private(os.fstat(handle.fileno())) and _private(where.stat())):
                return None, None
            kept, value = pickle.load(handle)
    except FileNotFoundError:
        return None, sources
    except Exception:  # unreadable, damaged, or written by another version: read the files
        return None, sources
    return (value if kept == sources else None), sources


def write(directory: Path, bank: object, sources: Sources | None) -> None:
    """Keep ``bank`` for the next run; silently not, when the cache folder cannot take it."""
    where = folder()
    if where is None or sources is None:
        return
    import tempfile  # only after a miss: a hit must stay cheap

    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps((sources, bank), protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(prefix=".vragenlijst-", suffix=".tmp", dir=where)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, _entry(where, directory))  # whole or not at all
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):
        pass
