"""Checked answer files in a compact form, for batches of thousands.

A batch must hold every file until it knows each partnership is complete (its files may sit
anywhere), so what it holds is kept small: the answers as two byte strings (the item's place in
the bank and a one-byte code) instead of a dict of strings per file, and no reference cycles. A
worker process packs what it read, so little travels back, and a partnership is unpacked into
ordinary :class:`AnswerFile` objects just before it is scored.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array

import msgspec

from samenwerk_cli.errors import Problem
from samenwerk_cli.formats.answers import WEET_NIET, AnswerFile, Antwoorden, Scan
from samenwerk_cli.formats.bank import Bank

_NULL, _WEET_NIET = 0, 6  # codes 1–5 are the answers themselves
_VALUE: tuple[int | str | None, ...] = (None, 1, 2, 3, 4, 5, WEET_NIET)


class Packed(msgspec.Struct, gc=False):
    """One answer file, as :func:`pack` keeps it; ``unpack`` gives the same AnswerFile back.

    Every field of :class:`Antwoorden` but ``antwoorden`` has a field of the same name here (a
    test holds the two together; :func:`pack` fails loudly on one that is missing).
    """

    path: str  # the batch puts its own copy of the name here, so the text is not held twice
    formaat: str
    vragenlijst: str
    versie: str
    partnerschap: str
    ronde: str | None
    respondent: str | None
    organisatie: str | None
    rol: str | None
    datum: dt.date | None
    fase: str | None
    compleet: bool
    bron: str | None
    scan: Scan | None
    toelichting: dict[str, str | None] | None
    answers: bytes  # (place in bank.vragen, code) per answer, in the file's order
    warnings: tuple[Problem, ...]


_FIELDS = tuple(f for f in Antwoorden.__struct_fields__ if f != "antwoorden")
_SHARED = ("formaat", "vragenlijst", "versie", "partnerschap", "ronde", "organisatie")
_DATES: dict[dt.date, dt.date] = {}


def pack(file: AnswerFile, bank: Bank) -> Packed | AnswerFile:
    """The compact form; a file the form cannot hold (an item outside the bank) stays as it is."""
    d = file.data
    place, _, kind = _lookup(bank)
    answers = array(kind)
    for item_id, value in d.antwoorden.items():
        where = place.get(item_id)
        if where is None:
            return file
        answers.append(where)
        answers.append(_NULL if value is None else _WEET_NIET if isinstance(value, str) else value)
    head = {f: getattr(d, f) for f in _FIELDS}
    for name in _SHARED:  # names repeat over a partnership's files: keep one copy of each
        if isinstance(head[name], str):
            head[name] = sys.intern(head[name])
    head["toelichting"] = d.toelichting or None
    if d.datum is not None:  # a round's files share a few dates: one object for each
        head["datum"] = _DATES.setdefault(d.datum, d.datum)
    return Packed(path=file.path, answers=answers.tobytes(), warnings=tuple(file.warnings), **head)


def unpack(packed: Packed | AnswerFile, bank: Bank) -> AnswerFile:
    if isinstance(packed, AnswerFile):
        return packed
    _, ids, kind = _lookup(bank)
    answers = array(kind)
    answers.frombytes(packed.answers)
    head = {f: getattr(packed, f) for f in _FIELDS}
    head["toelichting"] = dict(packed.toelichting) if packed.toelichting else {}
    data = Antwoorden(
        antwoorden={ids[i]: _VALUE[c] for i, c in zip(answers[::2], answers[1::2])}, **head
    )
    return AnswerFile(packed.path, data, list(packed.warnings))


_PLACES: list[tuple[Bank, dict[str, int], tuple[str, ...], str]] = []  # by identity, a few banks


def _lookup(bank: Bank) -> tuple[dict[str, int], tuple[str, ...], str]:
    """Each item's place in the bank, the ids by place, and the array type that holds a place."""
    for known, places, ids, kind in _PLACES:
        if known is bank:
            return places, ids, kind
    ids = tuple(v.id for v in bank.vragen)
    places = {item_id: n for n, item_id in enumerate(ids) if n < 1 << 16}
    kind = "B" if len(ids) < 1 << 8 else "H"
    _PLACES.insert(0, (bank, places, ids, kind))
    del _PLACES[4:]
    return places, ids, kind
