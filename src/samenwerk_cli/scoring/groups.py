"""Scoring answer files against a bank: pure functions, no printing, no file I/O.

The rules are in docs/model.md, "Van antwoord tot score".

One respondent and a team go through the same code: every score above the item is a mean of item
means, and one respondent's item mean is simply their answer. Thresholds come from the bank.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from samenwerk_cli.formats.answers import AnswerFile, Antwoorden
from samenwerk_cli.formats.bank import Bank, Drempels, Vraag
from samenwerk_cli.scoring import agreement, patterns, phases, teams
from samenwerk_cli.scoring.results import (
    Band,
    DimensionResult,
    GroupResult,
    ItemResult,
    OrgScores,
    Respondent,
    ThemeResult,
)

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


@dataclass(frozen=True)
class BankIndex:
    """Lookups computed once per bank: a batch scores thousands of files against one bank."""

    vragen: dict[str, Vraag]  # scored items, bank order
    tables: dict[str, tuple[int, ...]]
    by_dimension: dict[str, tuple[str, ...]]
    by_theme: dict[tuple[str, str], tuple[str, ...]]  # (dimension, theme) -> items
    by_phase: dict[str, tuple[str, ...]]
    dimension: dict[str, str]  # item -> dimension (Vraag.dimensie splits the id on every call)
    position: dict[str, int]  # item -> place in the bank, to keep orderings stable


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


class _Answers:
    """One asked item's answers over the group, in respondent order."""

    __slots__ = ("mean", "raw", "scores", "weet_niet")

    def __init__(self) -> None:
        self.raw: list[int] = []
        self.scores: list[int] = []
        self.weet_niet = 0
        self.mean: float | None = None


def _collect(
    files: Iterable[AnswerFile], index: BankIndex, items: set[str] | None
) -> dict[str, _Answers]:
    """The asked scored items in bank order, with their answers.

    Asked: a key in some respondent's ``antwoorden`` (null or "weet niet" = asked, not answered), or
    ``items`` when given; answers to items outside ``items`` are then ignored.
    """
    allowed = (
        index.vragen if items is None else {i: v for i, v in index.vragen.items() if i in items}
    )
    found: dict[str, _Answers] = {i: _Answers() for i in allowed} if items is not None else {}
    for file in files:
        for item_id, value in file.data.antwoorden.items():
            if item_id not in allowed:
                continue
            entry = found.get(item_id)
            if entry is None:
                entry = found[item_id] = _Answers()
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


def _means(answers: Mapping[str, _Answers]) -> dict[str, float]:
    return {i: a.mean for i, a in answers.items() if a.mean is not None}


def _asked(
    groups: Mapping[K, tuple[str, ...]], answers: Mapping[str, _Answers]
) -> dict[K, tuple[str, ...]]:
    return {key: tuple(i for i in ids if i in answers) for key, ids in groups.items()}


def score_group(
    files: Sequence[AnswerFile], bank: Bank, items: set[str] | None = None
) -> GroupResult:
    """Score one respondent or a team of one partnership and round.

    Coverage for a team: an item counts as answered when at least one respondent answered it, so
    coverage says which items the scores rest on, not how complete each respondent was. Partnership
    and round are taken from the first file; group with ``group_files`` first.
    """
    if not files:
        raise ValueError("score_group needs at least one answer file")
    index = bank_index(bank)
    drempels = bank.model.drempels
    answers = _collect(files, index, items)
    means = _means(answers)
    team = len(files)
    by_dim = _asked(index.by_dimension, answers)
    by_theme = _asked(index.by_theme, answers)

    item_results: dict[str, ItemResult] = {}
    variances: dict[str, float | None] = {}
    for item_id, a in answers.items():
        vraag = index.vragen[item_id]
        spread = teams.item_spread(a.scores, team) if team > 1 else teams.NO_SPREAD
        variances[item_id] = spread.variance
        item_results[item_id] = ItemResult(
            vraag=item_id,
            dimensie=index.dimension[item_id],
            fase=vraag.fase or "",
            thema=vraag.thema or "",
            soort=vraag.soort,
            score=a.mean,
            band=band(a.mean, drempels),
            n=len(a.scores),
            weet_niet=a.weet_niet,
            antwoorden=tuple(a.raw),
            spreiding=spread.spreiding,
            rwg=spread.rwg,
            ad=spread.ad,
            neiging=_lean(vraag, a.raw),
        )

    dimensions = []
    flags = []
    for dim in bank.model.dimensies:
        ids = by_dim.get(dim.id, ())
        score, coverage = phases.mean_and_coverage(ids, means)
        rwg_j = teams.dimension_rwg([variances[i] for i in ids], team)
        themes = tuple(
            ThemeResult(
                t.id, t.naam, *phases.mean_and_coverage(by_theme.get((dim.id, t.id), ()), means)
            )
            for t in dim.themas
        )
        enough = agreement.reaches(coverage, drempels.dekking)
        dimensions.append(
            DimensionResult(
                dim.id,
                dim.naam,
                score,
                band(score, drempels) if enough else None,
                coverage,
                rwg_j,
                themes,
            )
        )
        item_flags = [_flag_input(i, index, answers[i], item_results[i], team) for i in ids]
        flags += teams.confusion(dim.id, rwg_j, item_flags, drempels)

    self_views = [f.data.fase for f in files if f.data.fase is not None]
    whole = {d.id: d.score for d in dimensions}
    orgs = _org_scores(files, bank, index, items, whole)
    result = GroupResult(
        partnerschap=files[0].data.partnerschap,
        ronde=files[0].data.ronde,
        respondenten=tuple(_respondent(f) for f in files),
        organisaties=tuple(o.organisatie for o in orgs),
        dimensies=tuple(dimensions),
        items=tuple(item_results.values()),
        ambitie_index=phases.ambition_index(bank, by_theme, means),
        fase=phases.place(
            bank.model.fases, _asked(index.by_phase, answers), means, self_views, drempels
        ),
        zwakke_plekken=phases.weak_spots(item_results.values(), bank, index.position),
        spraakverwarring=tuple(flags),
        organisaties_scores=orgs,
        organisaties_verschil=teams.org_gaps(orgs, [d.id for d in bank.model.dimensies], drempels),
        waarschuwingen=_warnings(files),
    )
    # Patterns read the whole result across the lenses, so they come last.
    return dataclasses.replace(result, patronen=patterns.evaluate(result, bank))


def _flag_input(
    item_id: str, index: BankIndex, a: _Answers, result: ItemResult, team: int
) -> tuple[str, float | None, Sequence[int]]:
    """What the spraakverwarring check looks at: for a balans item the raw answers, because a
    team split between both poles (1 and 5) scores 1 twice after the transform, yet disagrees
    about which way the balance tips."""
    if index.vragen[item_id].soort != "balans":
        return item_id, result.ad, a.scores
    return item_id, teams.item_spread(a.raw, team).ad, a.raw


def _lean(vraag: Vraag, raw: Sequence[int]) -> Literal["links", "rechts"] | None:
    """Balans: towards polen[0] ("links") when the mean raw answer is below 3, polen[1] above."""
    if vraag.soort != "balans" or not raw:
        return None
    total, middle = sum(raw), 3 * len(raw)  # integers: exact, no float noise at the midpoint
    return "links" if total < middle else "rechts" if total > middle else None


def _organisation(data: Antwoorden) -> str | None:
    name = (data.organisatie or "").strip()
    return name or None


def _org_scores(
    files: Sequence[AnswerFile],
    bank: Bank,
    index: BankIndex,
    items: set[str] | None,
    whole: dict[str, float | None],
) -> tuple[OrgScores, ...]:
    """Dimension means per organisation, computed as for the whole group (mean of item means).

    ``whole`` holds the group's own dimension scores, reused when one organisation is everyone.
    """
    members: dict[str, list[AnswerFile]] = {}
    for f in files:
        name = _organisation(f.data)
        if name is not None:
            members.setdefault(name, []).append(f)
    result = []
    for name in sorted(members):
        if len(members[name]) == len(files):
            result.append(OrgScores(name, len(files), dict(whole)))
            continue
        answers = _collect(members[name], index, items)
        means = _means(answers)
        by_dim = _asked(index.by_dimension, answers)
        scores = {
            d.id: phases.mean_and_coverage(by_dim.get(d.id, ()), means)[0]
            for d in bank.model.dimensies
        }
        result.append(OrgScores(name, len(members[name]), scores))
    return tuple(result)


def _respondent(f: AnswerFile) -> Respondent:
    d = f.data
    notes = {k: v for k, v in d.toelichting.items() if v and v.strip()}  # "" = asked, no text
    return Respondent(f.path, d.respondent, d.organisatie, d.rol, d.fase, f.given, notes)


def _warnings(files: Sequence[AnswerFile]) -> tuple[str, ...]:
    versions = sorted({f.data.versie for f in files})
    if len(versions) > 1:
        listed = ", ".join(versions)
        return (f"antwoorden ingevuld met verschillende versies van de vragenlijst: {listed}",)
    return ()


def _normal(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def group_key(data: Antwoorden) -> tuple[str, str]:
    """Files belong together when partnership and round match, ignoring case and extra spaces."""
    return _normal(data.partnerschap), _normal(data.ronde)


def group_files(files: Iterable[AnswerFile]) -> list[list[AnswerFile]]:
    """Group by (partnerschap, ronde); groups and files within them keep their first-seen order."""
    groups: dict[tuple[str, str], list[AnswerFile]] = {}
    for f in files:
        groups.setdefault(group_key(f.data), []).append(f)
    return list(groups.values())


def score_files(
    files: Iterable[AnswerFile], bank: Bank, items: set[str] | None = None
) -> list[GroupResult]:
    """Every (partnership, round) group of ``files`` scored, in first-seen order."""
    return [score_group(g, bank, items) for g in group_files(files)]


_SEASONS = {"voorjaar": 1, "lente": 1, "zomer": 2, "najaar": 3, "herfst": 3, "winter": 4}


def _round_name_key(name: str | None) -> tuple[tuple[int, int, str], ...]:
    """Natural order: numbers by value, Dutch seasons in calendar order, other words alphabetically."""
    key = []
    # \d is exactly what int() reads (any script's decimal digits); "²" and "①" pass
    # str.isdigit() but not int(), so they are kept as words.
    for number, word in re.findall(r"(\d+)|([^\W\d_]+)", _normal(name)):
        if number:
            key.append((0, int(number), ""))
        elif word in _SEASONS:
            key.append((1, _SEASONS[word], ""))
        else:
            key.append((2, 0, word))
    return tuple(key)


def order_rounds(groups: Iterable[Sequence[AnswerFile]]) -> list[Sequence[AnswerFile]]:
    """Rounds of one partnership, oldest first.

    By the earliest ``datum`` of each round when every round has one (names like "nulmeting" and
    "eindmeting" do not sort by name); otherwise by round name in natural order ("2026-voorjaar"
    before "2026-najaar", "ronde 2" before "ronde 10"). Ties keep their given order.
    """
    groups = list(groups)

    def earliest(group: Sequence[AnswerFile]) -> dt.date | None:
        return min((f.data.datum for f in group if f.data.datum is not None), default=None)

    dates = [earliest(g) for g in groups]
    names = [_round_name_key(g[0].data.ronde if g else None) for g in groups]
    if all(d is not None for d in dates):
        order = sorted(range(len(groups)), key=lambda i: (dates[i], names[i]))
    else:
        order = sorted(range(len(groups)), key=lambda i: names[i])
    return [groups[i] for i in order]
