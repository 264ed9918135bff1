"""Scoring answer files against a bank: pure functions, no printing, no file I/O.

The rules are in docs/model.md, "Van antwoord tot score".

One respondent and a team go through the same code: every score above the item is a mean of item
means, and one respondent's item mean is simply their answer. Thresholds come from the bank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import msgspec

from samenwerk_cli.formats.answers import AnswerFile
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.scoring import agreement, organisations, patterns, phases, rounds, teams
from samenwerk_cli.scoring import collect as col
from samenwerk_cli.scoring.collect import (
    Answers,
    BankIndex,
    band,
    bank_index,
    item_score,
    transform_table,
)
from samenwerk_cli.scoring.results import (
    Confusion,
    DimensionResult,
    GroupResult,
    ItemResult,
    Respondent,
    ThemeResult,
)

__all__ = ["band", "bank_index", "item_score", "score_files", "score_group", "transform_table"]


def score_group(
    files: Sequence[AnswerFile],
    bank: Bank,
    items: set[str] | None = None,
    names: tuple[str, str | None] | None = None,
) -> GroupResult:
    """Score one respondent or a team of one partnership and round.

    Coverage for a team: an item counts as answered when at least one respondent answered it, so
    coverage says which items the scores rest on, not how complete each respondent was. Partnership
    and round are ``names`` (the spellings :mod:`rounds` chose) or else the first file's; group
    and deduplicate with :func:`rounds.teams` first.
    """
    if not files:
        raise ValueError("score_group needs at least one answer file")
    index = bank_index(bank)
    drempels = bank.model.drempels
    answers = col.collect(files, index, items)
    means = col.means(answers)
    team = len(files)
    by_dim = col.asked(index.by_dimension, answers)
    by_theme = col.asked(index.by_theme, answers)

    item_results: dict[str, ItemResult] = {}
    variances: dict[str, float | None] = {}
    for item_id, a in answers.items():
        vraag = index.vragen[item_id]
        # Balans: agreement on the raw position, since 1 and 5 are opposite views scoring 1 each.
        basis = a.raw if vraag.soort == "balans" else a.scores
        spread = teams.item_spread(basis, team) if team > 1 else teams.NO_SPREAD
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
            positie=sum(a.raw) / len(a.raw) if vraag.soort == "balans" and a.raw else None,
        )

    dimensions = []
    flags: list[Confusion] = []
    divergent: list[Confusion] = []
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
        flag = teams.confusion(dim.id, rwg_j, drempels)
        if flag is not None:
            flags.append(flag)
        item_flags = [_flag_input(i, index, answers[i], item_results[i]) for i in ids]
        divergent += teams.divergent(dim.id, item_flags, drempels)

    self_views = [f.data.fase for f in files if f.data.fase is not None]
    whole = {d.id: d.score for d in dimensions}
    orgs, hidden = organisations.scores(files, bank, index, items, whole)
    result = GroupResult(
        partnerschap=names[0] if names else files[0].data.partnerschap,
        ronde=names[1] if names else files[0].data.ronde,
        respondenten=tuple(_respondent(f) for f in files),
        organisaties=tuple(sorted([o.organisatie for o in orgs] + [h[0] for h in hidden])),
        dimensies=tuple(dimensions),
        items=tuple(item_results.values()),
        ambitie_index=phases.ambition_index(bank, by_theme, means),
        fase=phases.place(
            bank.model.fases, col.asked(index.by_phase, answers), means, self_views, drempels
        ),
        zwakke_plekken=phases.weak_spots(item_results.values(), bank, index.position),
        aandachtspunten=phases.weak_spots(item_results.values(), bank, index.position, "aandacht"),
        spraakverwarring=tuple(flags),
        uiteenlopend=tuple(divergent),
        organisaties_scores=orgs,
        organisaties_verschil=teams.org_gaps(orgs, [d.id for d in bank.model.dimensies], drempels),
        organisaties_stelling=teams.org_item_gaps(orgs, list(answers), drempels),
        organisaties_verborgen=hidden,
        onvolledig=tuple(sorted(f.path for f in files if col.incomplete(f, index))),
        waarschuwingen=_warnings(files),
    )
    # Patterns read the whole result across the lenses, so they come last.
    return msgspec.structs.replace(result, patronen=patterns.evaluate(result, bank))


def _flag_input(
    item_id: str, index: BankIndex, a: Answers, result: ItemResult
) -> tuple[str, float | None, Sequence[int]]:
    """What the divergence check looks at: for a balans item the raw answers (its AD is on them
    already), because a team split between both poles (1 and 5) scores 1 twice after the
    transform, yet disagrees about which way the balance tips."""
    if index.vragen[item_id].soort != "balans":
        return item_id, result.ad, a.scores
    return item_id, result.ad, a.raw


def _lean(vraag: Vraag, raw: Sequence[int]) -> Literal["links", "rechts"] | None:
    """Balans: the pole the team leans to (docs/model.md, "Balansvragen in een team")."""
    return col.lean(raw) if vraag.soort == "balans" else None


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


def score_files(
    files: Iterable[AnswerFile], bank: Bank, items: set[str] | None = None
) -> list[GroupResult]:
    """Every (partnership, round) team of ``files`` scored, in first-seen order."""
    return [
        score_group(t.files, bank, items, (t.partnerschap, t.ronde))
        for t in rounds.teams(files).teams
    ]
