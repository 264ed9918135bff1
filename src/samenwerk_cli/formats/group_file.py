"""The group file of ``reflect --group-file`` and the ``--group`` list: who takes part, in order.

A facilitator types the answers of the whole room in the order of the participants, so the order
given here is the order of every typed line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import msgspec

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.formats import yamlio
from samenwerk_cli.formats.convert import convert, require_format

FORMAT = "samenwerk-groep/1"
MIN_DEELNEMERS = 2


@dataclass(frozen=True)
class Deelnemer:
    """One person in the room; ``naam`` may be a label (``P1``) when the group wants anonymity."""

    naam: str
    organisatie: str | None = None
    rol: str | None = None


@dataclass(frozen=True)
class Groep:
    deelnemers: tuple[Deelnemer, ...]
    partnerschap: str | None = None
    ronde: str | None = None


# --- who takes part -----------------------------------------------------------------------------


def _key(naam: str) -> str:
    return " ".join(naam.split()).casefold()


def _check_names(names: Sequence[str], where: Sequence[tuple[str | None, int | None]]) -> None:
    """Every participant needs a name, no name twice, and at least two people."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, (naam, (file, line)) in enumerate(zip(names, where, strict=True)):
        if not naam:
            problems.append(Problem(f"deelnemer {i + 1} heeft geen naam of label", file, line))
            continue
        if _key(naam) in seen:
            problems.append(
                Problem(
                    f"de naam '{naam}' komt twee keer voor (deelnemer {seen[_key(naam)] + 1} en "
                    f"{i + 1}); maak ze verschillend, bijvoorbeeld '{naam} 1' en '{naam} 2'",
                    file,
                    line,
                )
            )
        seen.setdefault(_key(naam), i)
    if problems:
        raise SamenwerkError(problems)


def parse_spec(text: str) -> tuple[Deelnemer, ...]:
    """``"Anna:Hogeschool Noord, Bram"`` -> participants; the organisation is optional."""
    deelnemers = []
    for part in text.split(","):
        if not part.strip():
            continue  # "Anna, Bram," : a trailing comma is harmless
        naam, _, org = part.partition(":")
        deelnemers.append(Deelnemer(" ".join(naam.split()), " ".join(org.split()) or None))
    if len(deelnemers) < MIN_DEELNEMERS:
        raise SamenwerkError(
            f"--group: een groep heeft minstens {MIN_DEELNEMERS} deelnemers, gescheiden door "
            'komma\'s, bijvoorbeeld --group "Anna:Hogeschool Noord, Bram:Basisschool De Linde"'
        )
    try:
        _check_names([d.naam for d in deelnemers], [(None, None)] * len(deelnemers))
    except SamenwerkError as exc:
        raise SamenwerkError([Problem(f"--group: {p.message}") for p in exc.problems]) from None
    return tuple(deelnemers)


class DeelnemerRegel(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    naam: str
    organisatie: str | None = None
    rol: str | None = None


class GroepBestand(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The group file of ``reflect --group-file``: who takes part, in the order of a line."""

    deelnemers: list[DeelnemerRegel]
    formaat: str = FORMAT
    partnerschap: str | None = None
    ronde: str | None = None


def _clean(text: str | None) -> str | None:
    return (" ".join(text.split()) or None) if text else None


def load_group_file(path: Path) -> Groep:
    """Read a group file (``deelnemers: [{naam, organisatie, rol}]``); errors name file and line."""
    doc = yamlio.load_file(path)
    require_format(doc, FORMAT)
    data = convert(doc, GroepBestand)
    if len(data.deelnemers) < MIN_DEELNEMERS:
        raise SamenwerkError(
            Problem(
                f"een groep heeft minstens {MIN_DEELNEMERS} deelnemers",
                doc.file,
                doc.line_of(("deelnemers",)),
                "deelnemers",
            )
        )
    names = [_clean(d.naam) or "" for d in data.deelnemers]
    _check_names(
        names, [(doc.file, doc.line_of(("deelnemers", i))) for i in range(len(data.deelnemers))]
    )
    deelnemers = tuple(
        Deelnemer(naam, _clean(d.organisatie), _clean(d.rol))
        for naam, d in zip(names, data.deelnemers, strict=True)
    )
    return Groep(deelnemers, _clean(data.partnerschap), _clean(data.ronde))
