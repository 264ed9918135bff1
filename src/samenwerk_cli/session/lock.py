"""One session at a time on an answer file or a group folder: a lock file with pid and host.

Two sessions on one file overwrite each other's answers after every save, silently. So a session
takes a lock before it reads or writes: ``.<name>.lock`` next to an answer file, ``.samenwerk.lock``
inside a group folder. Both names are hidden, so ``samenwerk score FOLDER`` never reads them.

The lock holds the pid and host of its session. A second session is refused with a Dutch message
that names who holds it and how to remove it if that session is gone. A lock of a process that no
longer runs on this computer (a session killed with SIGKILL, a power cut) is taken over with a
message; a lock from another computer (a shared drive) is respected, because whether its process
still runs cannot be seen from here.

The judgement is pure (:func:`judge`); :class:`Lock` does the file work: the lock appears whole
or not at all (written aside, then hard-linked into place, which fails if a lock exists), and of
several sessions taking over one stale lock at once only one gets it.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from samenwerk_cli.errors import Problem, SamenwerkError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no stale locks are taken over there anyway
    fcntl = None  # type: ignore[assignment]

FOLDER_LOCK = ".samenwerk.lock"
STALE, LIVE, FOREIGN, UNREADABLE = "stale", "live", "foreign", "unreadable"


class Holder(NamedTuple):
    """Who holds a lock: a process on a computer, since a moment (for the message only)."""

    pid: int
    host: str
    sinds: str = ""


def lock_path(target: Path) -> Path:
    """``team/.samenwerk.lock`` for a group folder, ``.anna.yaml.lock`` next to an answer file."""
    if target.is_dir():
        return target / FOLDER_LOCK
    return target.with_name(f".{target.name}.lock")


def render(holder: Holder) -> str:
    return f"pid: {holder.pid}\nhost: {holder.host}\nsinds: {holder.sinds}\n"


def parse(text: str) -> Holder | None:
    """The holder written by :func:`render`, or None for anything else (empty, damaged)."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    pid, host = fields.get("pid", ""), fields.get("host", "")
    if not pid.isascii() or not pid.isdigit() or not host:
        return None
    return Holder(int(pid), host, fields.get("sinds", ""))


def judge(holder: Holder | None, host: str, alive: Callable[[int], bool]) -> str:
    """What a lock found in place means for a session on ``host``: one of
    :data:`UNREADABLE`, :data:`FOREIGN` (another computer), :data:`LIVE` or :data:`STALE`."""
    if holder is None:
        return UNREADABLE
    if holder.host != host:
        return FOREIGN
    return LIVE if alive(holder.pid) else STALE


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this computer (signal 0 only checks)."""
    if sys.platform == "win32":  # pragma: no cover - os.kill(pid, 0) would stop it there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process, so it runs; else: assume it does
        return True
    return True


def refusal(verdict: str, holder: Holder | None, target: Path, path: Path) -> Problem:
    """The Dutch message for a lock this session must respect."""
    remove = f"Verwijder dan het slot: rm {shlex.quote(str(path))}"
    since = f", sinds {holder.sinds}" if holder and holder.sinds else ""
    if verdict == FOREIGN:
        assert holder is not None
        message = (
            f"wordt al gebruikt door een samenwerk-sessie op computer '{holder.host}' "
            f"(proces {holder.pid}{since}); rond die sessie daar af. Loopt die sessie niet meer "
            f"(vastgelopen, computer uit)? {remove}"
        )
    elif verdict == LIVE:
        assert holder is not None
        message = (
            f"wordt al gebruikt door een andere samenwerk-sessie (proces {holder.pid} op deze "
            f"computer{since}); rond die eerst af of kies een ander bestand. Loopt die sessie "
            f"niet meer? {remove}"
        )
    else:
        message = (
            "er staat een slot dat niet te lezen is; loopt er geen andere samenwerk-sessie "
            f"op? {remove}"
        )
    return Problem(message, str(target))


class Locked(SamenwerkError):
    """Another session holds the lock (exit 2, nothing read or written)."""


class Lock:
    """The lock of one answer file or group folder, held by this process until :meth:`release`."""

    def __init__(
        self,
        target: Path,
        *,
        pid: int | None = None,
        host: str | None = None,
        alive: Callable[[int], bool] = pid_alive,
        now: dt.datetime | None = None,
    ) -> None:
        self.target = Path(target)
        self.path = lock_path(self.target)
        self.host = host if host is not None else (socket.gethostname() or "onbekend")
        moment = (now or dt.datetime.now()).replace(microsecond=0)
        self.holder = Holder(os.getpid() if pid is None else pid, self.host, moment.isoformat(" "))
        self.alive = alive
        self.held = False

    def acquire(self) -> list[Problem]:
        """Take the lock; returns notices (a stale lock taken over), raises :class:`Locked`."""
        notices: list[Problem] = []
        for _ in range(5):
            if self._create():
                self.held = True
                return notices
            found = self._read()
            if found is None:
                continue  # removed meanwhile: try again
            text, inode = found
            holder = parse(text)
            verdict = judge(holder, self.host, self.alive)
            if verdict != STALE:
                raise Locked(refusal(verdict, holder, self.target, self.path))
            assert holder is not None
            if self._remove_stale(text, inode):
                notices.append(
                    Problem(
                        f"een eerdere sessie (proces {holder.pid}) is gestopt zonder haar slot "
                        "op te ruimen; dit slot is overgenomen, de antwoorden zijn er nog",
                        str(self.target),
                    )
                )
        raise Locked(
            Problem(
                f"kon het slot {self.path} niet nemen: andere sessies starten tegelijk; "
                "probeer het zo nog eens",
                str(self.target),
            )
        )

    def release(self) -> None:
        """Remove the lock, if it is still ours (someone may have removed it by hand)."""
        if not self.held:
            return
        self.held = False
        try:
            if self.path.read_text(encoding="utf-8") == render(self.holder):
                self.path.unlink()
        except OSError:
            pass

    def __enter__(self) -> Lock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    # --- the file work

    def _create(self) -> bool:
        """Put a whole lock in place unless one is there; False when one is."""
        folder = self.path.parent
        try:
            fd, tmp = tempfile.mkstemp(prefix=f"{self.path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:  # read-only, missing folder: name the answers, not a temporary file
            raise OSError(exc.errno, exc.strerror, str(self.target)) from exc
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(render(self.holder))
            try:
                os.link(tmp, self.path)
            except FileExistsError:
                return False
            except OSError:  # no hard links here (some network and FAT drives)
                return self._create_exclusive()
            return True
        finally:
            Path(tmp).unlink(missing_ok=True)

    def _create_exclusive(self) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(render(self.holder))
        return True

    def _read(self) -> tuple[str, int] | None:
        try:
            with self.path.open(encoding="utf-8", errors="replace") as handle:
                return handle.read(4096), os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            return None

    def _remove_stale(self, text: str, inode: int) -> bool:
        """Delete the stale lock, unless another session already did (and maybe took the lock).

        Takers serialise on an ``flock`` of the stale file itself and delete it only while it
        is still the file at the lock's path: moving it aside to look would open a moment in which
        a third session could take the lock next to the one who deleted it."""
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            return False
        with handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # released when the file is closed
            try:
                current = os.stat(self.path).st_ino
            except FileNotFoundError:
                return False
            mine = os.fstat(handle.fileno()).st_ino
            if not current == mine == inode or handle.read(4096).decode("utf-8", "replace") != text:
                return False
            self.path.unlink()
            return True
