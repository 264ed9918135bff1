"""Where a session keeps its answers: one file for one respondent, one folder for a group.

Saving happens after every answer, so a session can stop at any moment and go on later with the
command :func:`resume_command` gives. A group's files are numbered (``01-anna.yaml``,
``02-bram.yaml``) so that their order is the order in which the facilitator types a line, also
after ``--resume``; the folder holds nothing but answer files, so ``samenwerk score FOLDER``
scores it as one team.

A saver holds the session's :class:`~samenwerk_cli.session.lock.Lock` on its file or folder from
:meth:`claim` (or its first save, for a name it picks itself) until :meth:`release`, so a second
session on the same answers is refused before it reads or writes anything. And a saver never
writes over a file that changed since it last saw it (an editor, an older samenwerk, a lock removed
by hand): it saves its own answers beside it and stops with :class:`Changed`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.files import free_path, slug
from samenwerk_cli.formats import answers
from samenwerk_cli.formats.answers import Antwoorden
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.session.lock import Lock, Locked, lock_path

SUFFIXES = (".yaml", ".yml")
ASIDE = "deze-sessie"  # anna.yaml -> anna-deze-sessie.yaml when anna.yaml changed under us

Fingerprint = tuple[int, int, int] | None


def fingerprint(path: Path) -> Fingerprint:
    """Inode, size and modification time: what changes when anyone else writes the file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class Changed(SamenwerkError):
    """The answers on disk changed under a running session; its own are saved at ``aside``."""

    def __init__(self, path: Path, aside: Path) -> None:
        self.path, self.aside = path, aside
        super().__init__(
            Problem(
                "is veranderd sinds deze sessie het opende (een andere sessie of een editor "
                f"schreef erin); je antwoorden zijn er niet overheen geschreven maar bewaard in "
                f"{aside}. Vergelijk de twee en bewaar er één",
                str(path),
            )
        )


# --- one respondent ------------------------------------------------------------------------------


def answer_file_name(data: Antwoorden) -> str:
    """``<partnerschap>-<respondent|anoniem>-<datum>.yaml``: the name a new answer file wants."""
    datum = data.datum or dt.date.today()
    parts = [slug(data.partnerschap) or "partnerschap", slug(data.respondent or "") or "anoniem"]
    return "-".join([*parts, datum.isoformat()]) + ".yaml"


def default_output(data: Antwoorden, folder: Path = Path(".")) -> Path:
    """:func:`answer_file_name`, with -2, -3... rather than overwrite (a name another running session
    has locked, but not yet written, counts as taken)."""
    stem = answer_file_name(data).removesuffix(".yaml")
    return free_path(folder, stem, ".yaml", lambda p: p.exists() or lock_path(p).exists())


class FileSaver:
    """Saves one respondent's answers after every answer; a default name is chosen at the first save."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.lock: Lock | None = None
        self.seen: list[Fingerprint] = []  # the file as this session last saw it (once claimed)

    def claim(self, path: Path) -> list[Problem]:
        """Lock ``path`` for this session (before reading or creating it); returns notices."""
        self.lock = Lock(path)
        notices = self.lock.acquire()
        self.seen = [fingerprint(path)]
        return notices

    def __call__(self, data: Antwoorden) -> None:
        if self.path is None:
            self.path = self._claim_default(data)
        if self.seen and fingerprint(self.path) != self.seen[0]:
            aside = free_path(self.path.parent, f"{self.path.stem}-{ASIDE}", ".yaml")
            answers.save(aside, data)
            raise Changed(self.path, aside)
        answers.save(self.path, data)
        if self.seen:
            self.seen = [fingerprint(self.path)]

    def _claim_default(self, data: Antwoorden) -> Path:
        """A free default name, locked: two sessions started together never pick the same one."""
        while True:
            path = default_output(data)
            try:
                self.claim(path)
            except Locked:
                continue  # another session took this name a moment ago
            if not path.exists():
                return path
            self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def resume_command(
    path: Path, questions: Path | None, quick: bool, dimensions: Sequence[str]
) -> str:
    """The exact command that goes on where a session stopped, ready to copy."""
    parts = ["samenwerk", "reflect", "--resume", shlex.quote(str(path))]
    if questions is not None:
        parts += ["--questions", shlex.quote(str(questions))]
    if quick:
        parts.append("--quick")
    for d in dimensions:
        parts += ["--dimension", shlex.quote(d)]
    return " ".join(parts)


# --- a group -------------------------------------------------------------------------------------


def file_name(number: int, naam: str | None) -> str:
    """``01-anna.yaml``; from participant 100 on the number simply has three digits."""
    return f"{number:02d}-{slug(naam or '') or 'deelnemer'}.yaml"


def _participant_order(path: Path) -> tuple[int, str]:
    """By the leading number as a number (``9-``, ``10-``, ``100-``), so the typing order
    survives ``--resume`` however large the group; a name without a number comes last."""
    number = re.match(r"[0-9]+", path.name)
    return (int(number.group()) if number else sys.maxsize, path.name)


def folder_name(partnerschap: str, datum: dt.date) -> str:
    """``<partnerschap>-groep-<datum>``: the folder a new group session wants."""
    return f"{slug(partnerschap) or 'partnerschap'}-groep-{datum.isoformat()}"


def default_folder(partnerschap: str, datum: dt.date, parent: Path = Path(".")) -> Path:
    """:func:`folder_name`, with -2, -3... rather than mix two sessions."""
    return free_path(parent, folder_name(partnerschap, datum))


def answer_files(folder: Path) -> list[Path]:
    """The participants' files in typing order; hidden files (an editor's lock file) are not."""
    found = (
        p
        for p in folder.iterdir()
        if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.is_file()
    )
    return sorted(found, key=_participant_order)


def check_new(folder: Path, resume_hint: str) -> None:
    """A new session writes into a new or empty folder: never over another session's files."""
    if folder.exists() and not folder.is_dir():
        raise SamenwerkError(Problem("dit is een bestand; geef een map op", str(folder)))
    if folder.is_dir() and answer_files(folder):
        raise SamenwerkError(
            Problem(
                f"in deze map staan al antwoorden; ga verder met '{resume_hint}' "
                "of kies een andere map",
                str(folder),
            )
        )
    if not folder.parent.is_dir():
        raise SamenwerkError(Problem("deze map bestaat niet", str(folder.parent)))


def read(folder: Path, bank: Bank) -> tuple[list[Path], list[Antwoorden], list[Problem]]:
    """The answer files of an earlier group session, in participant order, and their warnings."""
    paths = answer_files(folder)
    if len(paths) < 2:
        raise SamenwerkError(
            Problem(
                "hier staat geen groepssessie (minstens twee antwoordbestanden); "
                "ga verder met één bestand via --resume BESTAND",
                str(folder),
            )
        )
    loaded = [answers.read(p, bank) for p in paths]
    names = {f.data.partnerschap for f in loaded}
    if len(names) > 1:
        raise SamenwerkError(
            Problem(
                "de bestanden horen bij verschillende partnerschappen "
                f"({', '.join(sorted(names))}); dit is geen groepssessie",
                str(folder),
            )
        )
    warnings = [w for f in loaded for w in f.warnings]
    return paths, [f.data for f in loaded], warnings


class FolderSaver:
    """Saves every participant's file after every line; the folder is fixed at the first save."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.paths: list[Path] = []  # the participants' files, in their order (set on resume)
        self.lock: Lock | None = None
        self.created = False  # this session made the folder: remove it if it stays empty
        self.seen: dict[Path, Fingerprint] | None = None  # the files as last seen (once claimed)

    def claim(self, folder: Path, new: bool = False) -> list[Problem]:
        """Lock ``folder`` for this session; ``new`` creates it first (its parent must exist)."""
        if new and not folder.is_dir():
            folder.mkdir()
            self.created = True
        self.lock = Lock(folder)
        notices = self.lock.acquire()
        self.seen = {p: fingerprint(p) for p in answer_files(folder)}
        return notices

    def __call__(self, files: Sequence[Antwoorden]) -> None:
        if self.folder is None:
            first = files[0]
            while True:
                folder = default_folder(first.partnerschap, first.datum or dt.date.today())
                try:
                    folder.mkdir()
                except FileExistsError:
                    continue  # another session made it a moment ago
                self.created = True
                self.claim(folder)
                self.folder = folder
                break
        if not self.paths:
            self.folder.mkdir(parents=False, exist_ok=True)
            self.paths = [self.folder / file_name(i, f.respondent) for i, f in enumerate(files, 1)]
        if self.seen is not None:
            changed = [p for p in self.paths if fingerprint(p) != self.seen.get(p)]
            if changed:
                aside = free_path(self.folder.parent, f"{self.folder.name}-{ASIDE}")
                aside.mkdir()
                for path, data in zip(self.paths, files, strict=True):
                    answers.save(aside / path.name, data)
                raise Changed(changed[0], aside)
        for path, data in zip(self.paths, files, strict=True):
            answers.save(path, data)
            if self.seen is not None:
                self.seen[path] = fingerprint(path)

    def release(self) -> None:
        """Remove the lock, and the folder this session made if nothing was saved in it."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.created and self.folder is not None and not self.paths:
            with contextlib.suppress(OSError):  # not empty after all: keep it
                self.folder.rmdir()
