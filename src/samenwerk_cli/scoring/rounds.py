"""Which files form one team, and the order of a partnership's rounds.

Files group by partnership and round, both compared without case, spacing, punctuation or word
order ("najaar 2026" = "2026-najaar"); the same respondent twice in one team counts once
(docs/model.md, "Welke bestanden één team zijn"). Pure functions on read answer files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import msgspec

from samenwerk_cli.errors import Problem
from samenwerk_cli.formats.answers import AnswerFile, Antwoorden
from samenwerk_cli.formats.names import sentence_list

_WORD = re.compile(r"[^\W_]+")


def name_key(text: str | None) -> str:
    """A name as compared: without case, spacing, punctuation or word order."""
    return " ".join(sorted(_WORD.findall((text or "").casefold())))


def group_key(data: Antwoorden) -> tuple[str, str]:
    """Files belong together when partnership and round match as :func:`name_key` compares."""
    return name_key(data.partnerschap), name_key(data.ronde)


def group_files(files: Iterable[AnswerFile]) -> list[list[AnswerFile]]:
    """Group by (partnerschap, ronde); groups and files within them keep their first-seen order."""
    groups: dict[tuple[str, str], list[AnswerFile]] = {}
    for f in files:
        groups.setdefault(group_key(f.data), []).append(f)
    return list(groups.values())


class Team(msgspec.Struct):
    """The files of one partnership-round as they count, and the names the report uses."""

    files: list[AnswerFile]
    partnerschap: str  # the most common spelling
    ronde: str | None


class Teams(msgspec.Struct):
    teams: list[Team] = msgspec.field(default_factory=list)
    warnings: list[Problem] = msgspec.field(default_factory=list)


def spelling(names: Sequence[str | None]) -> str | None:
    """The most common spelling; ties go to the one seen first."""
    counts = Counter(names)
    return max(counts, key=lambda n: (counts[n], -names.index(n)))


def _variants(what: str, names: Sequence[str | None], chosen: str | None) -> Problem | None:
    distinct = list(dict.fromkeys(n for n in names if n is not None))
    if len(distinct) < 2:
        return None
    listed = sentence_list(f"'{n}'" for n in distinct)
    return Problem(
        f"{what} geschreven als {listed}: dat telt als één {what}; het rapport gebruikt '{chosen}'"
    )


def _person(data: Antwoorden) -> tuple[str, str] | None:
    name = name_key(data.respondent)
    return (name, name_key(data.organisatie)) if name else None


def _later(a: AnswerFile, b: AnswerFile) -> bool:
    """Whether ``b`` wins over ``a`` (seen before it): a later datum, or the same (or none)."""
    if a.data.datum is not None and b.data.datum is not None:
        return b.data.datum >= a.data.datum
    return a.data.datum is None or b.data.datum is not None


def deduplicate(files: Sequence[AnswerFile]) -> tuple[list[AnswerFile], list[Problem]]:
    """One file per respondent: the latest ``datum`` wins, then the file read later; identical
    anonymous files count once. Each dropped file gives one warning naming both files."""
    kept: list[AnswerFile] = []
    warnings: list[Problem] = []
    by_person: dict[tuple[str, str], int] = {}
    anonymous: dict[bytes, str] = {}  # the whole file's content -> the first file with it
    for f in files:
        person = _person(f.data)
        if person is None:
            content = msgspec.json.encode(f.data)  # a hashable key: no pairwise comparing
            first = anonymous.setdefault(content, f.path)
            if first == f.path:
                kept.append(f)
            else:
                warnings.append(Problem(f"identiek aan {first}: telt één keer mee", f.path))
            continue
        if person not in by_person:
            by_person[person] = len(kept)
            kept.append(f)
            continue
        i = by_person[person]
        old = kept[i]
        winner, loser = (f, old) if _later(old, f) else (old, f)
        kept[i] = winner
        who = f.data.respondent or ""
        warnings.append(
            Problem(
                f"{who} staat twee keer in deze ronde, ook in {winner.path}: alleen dat bestand"
                " telt mee (de laatste datum, bij gelijke datum het laatst gelezen bestand)",
                loser.path,
            )
        )
    return kept, warnings


def teams(files: Iterable[AnswerFile]) -> Teams:
    """The teams of ``files`` in first-seen order, deduplicated, with warnings for spelling
    variants and doubles."""
    found = Teams()
    spelled: dict[str, list[str]] = {}
    for group in group_files(files):
        kept, warnings = deduplicate(group)
        found.warnings += warnings
        rounds = [f.data.ronde for f in group]
        ronde = spelling(rounds)
        variant = _variants("ronde", rounds, ronde)
        if variant is not None:
            found.warnings.append(variant)
        spelled.setdefault(group_key(group[0].data)[0], []).extend(
            f.data.partnerschap for f in group
        )
        found.teams.append(Team(kept, group[0].data.partnerschap, ronde))
    names = {key: spelling(all_names) for key, all_names in spelled.items()}
    for key, all_names in spelled.items():
        variant = _variants("partnerschap", all_names, names[key])
        if variant is not None:
            found.warnings.append(variant)
    for team in found.teams:
        team.partnerschap = names[group_key(team.files[0].data)[0]] or team.partnerschap
    return found


_SEASONS = {"voorjaar": 1, "lente": 1, "zomer": 2, "najaar": 3, "herfst": 3, "winter": 4}
MONTHS = [  # also the report's dates
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
# Where in a year a season or month falls, in months: voorjaar (3.5) before juni (6).
_IN_YEAR = {
    **{m: float(i) for i, m in enumerate(MONTHS, 1)},
    **{m[:3]: float(i) for i, m in enumerate(MONTHS, 1)},
    "voorjaar": 3.5,
    "lente": 3.5,
    "zomer": 6.5,
    "najaar": 9.5,
    "herfst": 9.5,
    "winter": 12.5,
}


def _tokens(name: str | None) -> list[str]:
    """Numbers and words. \\d is exactly what int() reads (any script's decimal digits); "²" and
    "①" pass str.isdigit() but not int(), so they stay words (``isdecimal`` tells them apart)."""
    return re.findall(r"\d+|[^\W\d_]+", (name or "").casefold())


def _time_key(name: str | None) -> tuple[int, float, int] | None:
    """(year, place in the year, day) when the name holds a year: "najaar 2026", "2026-03-15",
    "maart 2026"; None otherwise."""
    tokens = _tokens(name)
    years = [int(t) for t in tokens if t.isdecimal() and len(t) == 4]
    if len(years) != 1:
        return None
    place = next((_IN_YEAR[t] for t in tokens if t in _IN_YEAR), 0.0)
    numbers = [int(t) for t in tokens if t.isdecimal() and len(t) != 4]
    if place == 0.0 and numbers:  # 2026-03-15: month, then day
        place = float(numbers.pop(0))
    return years[0], place, numbers[0] if numbers else 0


def _round_name_key(name: str | None) -> tuple[tuple[int, int, str], ...]:
    """Natural order: numbers by value, Dutch seasons in calendar order, other words alphabetically."""
    key = []
    for token in _tokens(name):
        if token.isdecimal():
            key.append((0, int(token), ""))
        elif token in _SEASONS:
            key.append((1, _SEASONS[token], ""))
        else:
            key.append((2, 0, token))
    return tuple(key)


def order_rounds(
    groups: Iterable[Sequence[AnswerFile]], names: Sequence[str | None] | None = None
) -> list[int]:
    """The indexes of a partnership's rounds, oldest first.

    In time by name when every round name holds a year ("2026-voorjaar" before "najaar 2026",
    "maart 2026", "2026-10-01"); else by the earliest ``datum`` when every round has one (names
    like "nulmeting" and "eindmeting" say nothing of time); else by name in natural order
    ("ronde 2" before "ronde 10"). Ties keep their given order.
    """
    groups = list(groups)
    if names is None:
        names = [g[0].data.ronde if g else None for g in groups]
    times = [_time_key(n) for n in names]
    natural = [_round_name_key(n) for n in names]

    def earliest(group: Sequence[AnswerFile]) -> dt.date | None:
        return min((f.data.datum for f in group if f.data.datum is not None), default=None)

    dates = [earliest(g) for g in groups]
    indexes = range(len(groups))
    if all(t is not None for t in times):
        return sorted(indexes, key=lambda i: (times[i], natural[i]))
    if all(d is not None for d in dates):
        return sorted(indexes, key=lambda i: (dates[i], natural[i]))
    return sorted(indexes, key=lambda i: natural[i])
