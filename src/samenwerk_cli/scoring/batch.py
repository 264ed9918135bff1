"""Reading many answer files: find them, check each, keep going past bad ones.

Large batches are read by a pool of processes (parsing dominates the cost and is CPU-bound; see
:mod:`~samenwerk_cli.scoring.workers`), and only the validated answers travel back, packed
(:mod:`~samenwerk_cli.scoring.packed`): the batch holds every file until the end, so each is kept small.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from samenwerk_cli.errors import INTERNAL, Problem, SamenwerkError
from samenwerk_cli.files import os_reason, regular_file_problem
from samenwerk_cli.formats import answers
from samenwerk_cli.formats.answers import AnswerFile
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring.packed import Packed, pack, unpack

if TYPE_CHECKING:
    from samenwerk_cli.scoring.workers import Pool

SUFFIXES = (".yaml", ".yml")
PARALLEL_FROM = 400  # below this, starting workers costs more than it saves
CHUNK = 64


class Batch(msgspec.Struct):
    bank: Bank
    packed: list[Packed | AnswerFile] = msgspec.field(default_factory=list)
    errors: list[Problem] = msgspec.field(default_factory=list)
    warnings: list[Problem] = msgspec.field(default_factory=list)

    @property
    def files(self) -> list[AnswerFile]:
        """Every file read, unpacked (a batch that scores streams :attr:`packed` instead)."""
        return [unpack(p, self.bank) for p in self.packed]


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Answer files named directly, or found under folders (recursively, sorted, hidden skipped).

    What cannot be read is reported, never skipped in silence: a folder without read rights, and
    a ``*.yaml`` that is a pipe, a device or a broken link (refused without reading it).
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            in_folder, trouble = _walk(path)
            found += in_folder
            problems += trouble
        elif path.exists() or path.is_symlink():
            found.append(path)  # read_text refuses what is not a regular file, with the reason
        else:
            problems.append(Problem("bestand of map niet gevonden", str(path)))
    return found, problems


def _walk(folder: Path) -> tuple[list[Path], list[Problem]]:
    found: list[Path] = []
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        problems.append(Problem(f"map overgeslagen: {os_reason(exc)}", str(where)))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(root, name)
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:  # *.YAML too
                continue
            why = regular_file_problem(path)
            if why is None:
                found.append(path)
            else:
                problems.append(Problem(why, str(path)))
    return sorted(found), sorted(problems, key=lambda p: p.file or "")


def _read_one(path: Path | str, bank: Bank) -> AnswerFile | list[Problem]:
    """One file's answers or its problems; whatever goes wrong, the other files are still read."""
    try:
        return answers.read(Path(path), bank)
    except SamenwerkError as exc:
        return exc.problems
    except RecursionError:
        return [Problem("te diep genest om te lezen", str(path))]
    except Exception as exc:  # one odd file must not cost the whole batch
        return [
            Problem(
                f"{INTERNAL} bij het lezen ({type(exc).__name__}); meld dit met dit bestand",
                str(path),
            )
        ]


def read_packed(path: Path | str, bank: Bank) -> Packed | AnswerFile | list[Problem]:
    result = _read_one(path, bank)
    return result if isinstance(result, list) else pack(result, bank)


def _read_chunk(paths: Sequence[Path | str]) -> list[Packed | AnswerFile | list[Problem]]:
    """In a worker process: read and pack a few files against the worker's bank."""
    from samenwerk_cli.scoring import workers

    bank = workers.bank()
    return [read_packed(p, bank) for p in paths]


def _chunks(paths: Sequence[Path | str], size: int) -> Iterator[Sequence[Path | str]]:
    for start in range(0, len(paths), size):
        yield paths[start : start + size]


def pool_size(files: int, jobs: int | None = None) -> int:
    """How many worker processes a batch of ``files`` gets: 0 for a small one (or ``jobs`` 1)."""
    jobs = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    return jobs if jobs > 1 and files >= PARALLEL_FROM else 0


def read_all(paths: Sequence[Path | str], bank: Bank, pool: Pool | None = None) -> Batch:
    """Read and check every file, in this process or by ``pool``'s workers; results keep the
    order of ``paths``. Give the paths as text where memory counts: a packed file then shares
    its name with ``paths``."""
    batch = Batch(bank)
    if pool is not None:
        chunks = pool.map(_read_chunk, _chunks(paths, CHUNK))
        _collect(batch, paths, (r for chunk in chunks for r in chunk))
    else:
        _collect(batch, paths, (read_packed(p, bank) for p in paths))
    return batch


def _collect(
    batch: Batch,
    paths: Sequence[Path | str],
    results: Iterable[Packed | AnswerFile | list[Problem]],
) -> None:
    for path, result in zip(paths, results):
        if isinstance(result, list):
            batch.errors += result
        else:
            if isinstance(path, str):
                result.path = path  # the same text, held once
            batch.packed.append(result)
            batch.warnings += result.warnings


def find(paths: Iterable[Path]) -> tuple[list[str], list[Problem]]:
    """:func:`discover`, with the files named as text; no files at all is an error."""
    found, problems = discover(paths)
    if not found and not problems:
        raise SamenwerkError("geen antwoordbestanden (*.yaml, *.yml) gevonden")
    return [str(p) for p in found], problems  # a Path costs three times the memory of its text
