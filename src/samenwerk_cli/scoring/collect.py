"""From answer files to item answers: the transforms, the bank's lookups, and what was asked.

The layer below :mod:`samenwerk_cli.scoring.groups`: pure functions, shared by the team and the
per-organisation scores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import msgspec

from samenwerk_cli.formats.answers import AnswerFile, Scan
from samenwerk_cli.formats.bank import Bank, Drempels, Vraag
from samenwerk_cli.scoring import agreement
from samenwerk_cli.scoring.results import Band, Side

K = TypeVar("K")


# Raw answer 1..5 (used as index) -> item score.
_DIRECT = (0, 1, 2, 3, 4, 5)
_REVERSED = (0, 5, 4, 3, 2, 1)  # 6 − answer
_BALANCE = (0, 1, 3, 5, 3, 1)  # 5 − 2·|answer − 3|: the healthy middle scores highest


def transform_table(vraag: Vraag) -> tuple[int, ...] | None:
    """The item score for each raw answer (index 1–5); None for an open item."""
    if vraag.soort == "balans":
        return _BALANCE
    if vraag.soort == "stelling":
        return _REVERSED if vraag.omgekeerd else _DIRECT
    return None


def item_score(vraag: Vraag, answer: int | str | None) -> float | None:
    """1–5 after reversal or balance transform; None for "weet niet", no answer or an open item."""
    table = transform_table(vraag)
    if table is None or answer is None or isinstance(answer, str):
        return None
    if isinstance(answer, bool) or not 1 <= answer <= 5:
        raise ValueError(f"answer out of range 1–5: {answer!r}")
    return float(table[answer])


def band(score: float | None, drempels: Drempels) -> Band | None:
    if score is None:
        return None
    if agreement.reaches(score, drempels.sterk):
        return "sterk"
    if agreement.reaches(score, drempels.aandacht):
        return "aandacht"
    return "zorg"


class BankIndex(msgspec.Struct, frozen=True):
    """Lookups computed once per bank: a batch scores thousands of files against one bank."""

    vragen: dict[str, Vraag]  # scored items, bank order
    tables: dict[str, tuple[int, ...]]
    by_dimension: dict[str, tuple[str, ...]]
    by_theme: dict[tuple[str, str], tuple[str, ...]]  # (dimension, theme) -> items
    by_phase: dict[str, tuple[str, ...]]
    dimension: dict[str, str]  # item -> dimension (Vraag.dimensie splits the id on every call)
    position: dict[str, int]  # item -> place in the bank, to keep orderings stable
    scans: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = msgspec.field(default_factory=dict)


_INDEXES: list[tuple[Bank, BankIndex]] = []  # a few banks by identity (Bank is not hashable)


def bank_index(bank: Bank) -> BankIndex:
    for known, index in _INDEXES:
        if known is bank:
            return index
    scored = {v.id: v for v in bank.vragen if v.scored}
    index = BankIndex(
        vragen=scored,
        tables={i: transform_table(v) or _DIRECT for i, v in scored.items()},
        by_dimension=_by(scored.values(), lambda v: v.dimensie),
        by_theme=_by(scored.values(), lambda v: (v.dimensie, v.thema or "")),
        by_phase=_by(scored.values(), lambda v: v.fase or ""),
        dimension={i: v.dimensie for i, v in scored.items()},
        position={v.id: n for n, v in enumerate(bank.vragen)},
    )
    _INDEXES.insert(0, (bank, index))
    del _INDEXES[4:]
    return index


def _by(vragen: Iterable[Vraag], key: Callable[[Vraag], K]) -> dict[K, tuple[str, ...]]:
    groups: dict[K, list[str]] = {}
    for v in vragen:
        groups.setdefault(key(v), []).append(v.id)
    return {k: tuple(ids) for k, ids in groups.items()}


class Answers:
    """One asked item's answers over the group, in respondent order."""

    __slots__ = ("mean", "raw", "scores", "weet_niet")

    def __init__(self) -> None:
        self.raw: list[int] = []
        self.scores: list[int] = []
        self.weet_niet = 0
        self.mean: float | None = None


def collect(
    files: Iterable[AnswerFile], index: BankIndex, items: set[str] | None
) -> dict[str, Answers]:
    """The asked scored items in bank order, with their answers.

    Asked: the items of a respondent's recorded scan, or (a file without one) a key in their
    ``antwoorden`` (null or "weet niet" = asked, not answered); or ``items`` when given, and
    answers to items outside ``items`` are then ignored.
    """
    allowed = (
        index.vragen if items is None else {i: v for i, v in index.vragen.items() if i in items}
    )
    found: dict[str, Answers] = {i: Answers() for i in allowed} if items is not None else {}
    for file in files:
        if items is None and file.data.scan is not None:
            for item_id in scan_items(index, file.data.scan):
                found.setdefault(item_id, Answers())
        for item_id, value in file.data.antwoorden.items():
            if item_id not in allowed:
                continue
            entry = found.get(item_id)
            if entry is None:
                entry = found[item_id] = Answers()
            if value is None:
                continue
            if isinstance(value, str):
                entry.weet_niet += 1
            else:
                entry.raw.append(value)
                entry.scores.append(index.tables[item_id][value])
    ordered = {i: found[i] for i in index.vragen if i in found}
    for entry in ordered.values():
        if entry.scores:
            # Integer sum, one division: the same float whatever the respondent order.
            entry.mean = sum(entry.scores) / len(entry.scores)
    return ordered


LEAN_LOW, LEAN_HIGH = (5, 2), (7, 2)  # 2.5 and 3.5 as fractions: compared exactly
LEAN_LIMITS = (LEAN_LOW[0] / LEAN_LOW[1], LEAN_HIGH[0] / LEAN_HIGH[1])  # for showing a position


def lean(raw: Sequence[int]) -> Side | None:
    """Balans: towards polen[0] ("links") when the mean raw answer is below 2.5, polen[1] when
    above 3.5; in between (and with no answers) in balance (None)."""
    if not raw:
        return None
    total, n = sum(raw), len(raw)  # integers: exact, no float noise at the edges
    if total * LEAN_LOW[1] < LEAN_LOW[0] * n:
        return "links"
    if total * LEAN_HIGH[1] > LEAN_HIGH[0] * n:
        return "rechts"
    return None


def positions(answers: Mapping[str, Answers], index: BankIndex) -> dict[str, float]:
    """Balans items: the mean raw answer (1–5), integer sum and one division as for the means."""
    return {
        i: sum(a.raw) / len(a.raw)
        for i, a in answers.items()
        if a.raw and index.vragen[i].soort == "balans"
    }


def means(answers: Mapping[str, Answers]) -> dict[str, float]:
    return {i: a.mean for i, a in answers.items() if a.mean is not None}


def asked(
    groups: Mapping[K, tuple[str, ...]], answers: Mapping[str, Answers]
) -> dict[K, tuple[str, ...]]:
    return {key: tuple(i for i in ids if i in answers) for key, ids in groups.items()}


def scan_items(index: BankIndex, scan: Scan) -> tuple[str, ...]:
    """The scored items a scan asks, in bank order (as ``reflect`` selects them)."""
    key = (scan.soort, tuple(scan.dimensies))
    found = index.scans.get(key)
    if found is None:
        found = index.scans[key] = tuple(
            i
            for i, v in index.vragen.items()
            if (not scan.quick or v.kort) and (not scan.dimensies or v.dimensie in scan.dimensies)
        )
    return found


def incomplete(file: AnswerFile, index: BankIndex) -> bool:
    """Saved as not finished (a file with a scan whose ``compleet`` is not set), or fewer than
    half of its asked items answered 1–5: scored all the same, but counted as onvolledig."""
    data = file.data
    if data.scan is not None:
        if not data.compleet:
            return True
        asked_ids: Iterable[str] = scan_items(index, data.scan)
    else:
        asked_ids = [i for i in data.antwoorden if i in index.vragen]
    asked_ids = list(asked_ids)
    answered = sum(isinstance(data.antwoorden.get(i), int) for i in asked_ids)
    return 2 * answered < len(asked_ids)
