"""Scores per partner organisation: the same means as for the team, for each organisation with
enough respondents to stay anonymous (docs/model.md, "Per organisatie")."""

from __future__ import annotations

from collections.abc import Sequence

from samenwerk_cli.formats.answers import AnswerFile, Antwoorden
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring import collect, phases
from samenwerk_cli.scoring.collect import BankIndex
from samenwerk_cli.scoring.results import OrgScores


def name(data: Antwoorden) -> str | None:
    text = (data.organisatie or "").strip()
    return text or None


def scores(
    files: Sequence[AnswerFile],
    bank: Bank,
    index: BankIndex,
    items: set[str] | None,
    whole: dict[str, float | None],
) -> tuple[tuple[OrgScores, ...], tuple[tuple[str, int], ...]]:
    """Dimension and item means per organisation (mean of item means, as for the team), for the
    organisations with at least ``drempels.organisatie_minimum`` respondents; the others come
    back apart as (name, respondents): their answers count in the team, but get no column.

    ``whole`` holds the group's own dimension scores, reused when one organisation is everyone.
    """
    minimum = bank.model.drempels.organisatie_minimum
    members: dict[str, list[AnswerFile]] = {}
    for f in files:
        org = name(f.data)
        if org is not None:
            members.setdefault(org, []).append(f)
    result = []
    hidden = []
    for org in sorted(members):
        group = members[org]
        if len(group) < minimum:
            hidden.append((org, len(group)))
            continue
        answers = collect.collect(group, index, items)
        means = collect.means(answers)
        where = collect.positions(answers, index)
        leans = {i: collect.lean(answers[i].raw) for i in where}
        if len(group) == len(files):
            result.append(OrgScores(org, len(files), dict(whole), means, where, leans))
            continue
        by_dim = collect.asked(index.by_dimension, answers)
        dims = {
            d.id: phases.mean_and_coverage(by_dim.get(d.id, ()), means)[0]
            for d in bank.model.dimensies
        }
        result.append(OrgScores(org, len(group), dims, means, where, leans))
    return tuple(result), tuple(hidden)
