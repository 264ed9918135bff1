"""One project error type and the exit codes, so the CLI can turn both into a message in one place."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Every command's exit codes, documented in the README."""

    OK = 0
    THRESHOLD = 1  # a --fail-under threshold not met
    INVALID = 2  # usage error or invalid input
    INTERNAL = 3  # a bug in samenwerk: one Dutch line, no traceback
    HANGUP = 129  # SIGHUP (the terminal closed) during a session: 128 + 1, as a shell reports it
    INTERRUPTED = 130  # Ctrl-C or SIGINT
    PIPE_CLOSED = 141  # the reader of our output went away (``| head``), as SIGPIPE would
    TERMINATED = 143  # SIGTERM during a session: saved and stopped, 128 + 15


INTERNAL = "interne fout"  # a Problem whose message starts so is a bug in samenwerk: exit 3


class Problem(NamedTuple):
    """One thing wrong with an input file; ``line`` is 1-based.

    A NamedTuple rather than a dataclass: this module loads with every command, and a dataclass
    costs a millisecond of start-up.
    """

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
            where += ": "
        field = f"veld '{self.field}': " if self.field else ""
        return f"{where}{field}{self.message}"


class SamenwerkError(Exception):
    """Raised by the core for bad input; carries every problem found, not just the first."""

    def __init__(
        self, problems: list[Problem] | Problem | str, exit_code: ExitCode = ExitCode.INVALID
    ):
        if isinstance(problems, str):
            problems = Problem(problems)
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.exit_code = exit_code
        super().__init__("\n".join(str(p) for p in self.problems))


_OS_REASONS = {
    "ENOSPC": "de schijf is vol; maak ruimte vrij en probeer het opnieuw",
    "EDQUOT": "je schijfquotum is op; maak ruimte vrij en probeer het opnieuw",
    "EROFS": "deze plek is alleen-lezen; kies een andere map",
    "EACCES": "geen toestemming om hier te lezen of te schrijven; kies een andere map",
    "EPERM": "geen toestemming om hier te lezen of te schrijven; kies een andere map",
    "EFBIG": "het bestand wordt groter dan hier mag (bestandslimiet); kies een andere plek",
    "ENAMETOOLONG": "de naam is te lang; kies een kortere naam",
    "ENOENT": "bestaat niet",
    "EISDIR": "is een map, geen bestand",
    "ENOTDIR": "een deel van dit pad is geen map",
    "EEXIST": "bestaat al",
    "ELOOP": "te veel symbolische koppelingen na elkaar (een kring?)",
    "EIO": "de schijf gaf een leesfout of schrijffout; controleer de schijf",
}


_READING = {
    "ENOENT": "bestand niet gevonden",
    "EACCES": "geen toestemming om dit bestand te lezen",
    "EPERM": "geen toestemming om dit bestand te lezen",
    "EIO": "leesfout van de schijf; controleer de schijf",
}


def reason(exc: OSError, reading: bool = False) -> str:
    """An operating-system error in Dutch: what went wrong and what to do; unknown ones by their
    code name (``EXDEV``), so a user can still look them up."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    known = (_READING.get(name) if reading else None) or _OS_REASONS.get(name)
    if known:
        return known
    doing = "lezen" if reading else "lezen of schrijven"
    return f"kan niet {doing} (systeemfout {name or exc.errno})"


def os_problem(exc: OSError, file: str | None = None) -> Problem:
    """An operating-system error as one Dutch line: which file, what went wrong, what to do."""
    where = file or (str(exc.filename) if exc.filename is not None else None)
    return Problem(reason(exc), where)


MAX_PER_FILE = 20


def cap(problems: list[Problem], limit: int = MAX_PER_FILE) -> list[Problem]:
    """At most ``limit`` problems per file, then one line saying how many more there are.

    A file with 60,000 unknown ids must not flood the terminal, the JSON or the memory; the first
    twenty show the pattern.
    Problems of one file stay together, in their order.
    """
    by_file: dict[str | None, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    out: list[Problem] = []
    for file, found in by_file.items():
        out += found[:limit]
        if len(found) > limit:
            n = len(found) - limit
            out.append(Problem(f"… en nog {n} {'probleem' if n == 1 else 'problemen'}", file))
    return out
