"""Machine-readable output: stable key order, UTF-8, numbers rounded to two decimals."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from samenwerk_cli.errors import Problem

if TYPE_CHECKING:  # types only: `questions list --json` must not pay for the scoring modules
    from samenwerk_cli.formats.bank import Bank, Vraag
    from samenwerk_cli.scoring.results import Figure, GroupResult
    from samenwerk_cli.scoring.thresholds import Shortfall
    from samenwerk_cli.scoring.trend import Partnership, Trend


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def bank_json(bank: Bank, vragen: list[Vraag]) -> str:
    return dumps(
        {
            "vragenlijst": {"naam": bank.naam, "versie": bank.versie},
            "vragen": [
                {
                    "id": v.id,
                    "dimensie": v.dimensie,
                    "fase": v.fase,
                    "thema": v.thema,
                    "soort": v.soort,
                    "tekst": v.tekst,
                    "kort": v.kort,
                    "omgekeerd": v.omgekeerd,
                    "polen": v.polen,
                }
                for v in vragen
            ],
        }
    )


SCORE_FORMAT = "samenwerk-score/1"


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def group_dict(group: GroupResult) -> dict[str, Any]:
    """One partnership in the documented ``samenwerk-score/1`` shape."""
    index = group.ambitie_index
    return {
        "partnerschap": group.partnerschap,
        "ronde": group.ronde,
        "respondenten": group.n,
        "organisaties": list(group.organisaties),
        "dimensies": [
            {
                "id": d.id,
                "naam": d.naam,
                "score": _r(d.score),
                "band": d.band,
                "dekking": _r(d.dekking),
                "rwg": _r(d.rwg),
            }
            for d in group.dimensies
        ],
        "ambitie_index": None
        if index is None
        else {
            "waarde": _r(index.waarde),
            "factoren": {k: _r(v) for k, v in index.factoren.items()},
            "zwakste": index.zwakste,
        },
        "fase": {
            "huidig": group.fase.huidig,
            "zelfbeeld": dict(group.fase.zelfbeeld),
            "overgeslagen": list(group.fase.overgeslagen),
        },
        "zwakke_plekken": [
            {
                "vraag": w.vraag,
                "dimensie": w.dimensie,
                "fase": w.fase,
                "score": _r(w.score),
                "band": w.band,
                "advies": w.advies,
            }
            for w in group.zwakke_plekken
        ],
        "spraakverwarring": [
            {
                "dimensie": c.dimensie,
                "vraag": c.vraag,
                "reden": c.reden,
                "rwg": _r(c.rwg),
                "ad": _r(c.ad),
            }
            for c in group.spraakverwarring
        ],
        "organisaties_verschil": [
            {
                "dimensie": g.dimensie,
                "hoog": {"organisatie": g.hoog, "score": _r(g.hoog_score)},
                "laag": {"organisatie": g.laag, "score": _r(g.laag_score)},
                "verschil": _r(g.verschil),
            }
            for g in group.organisaties_verschil
        ],
        "patronen": [
            {
                "id": p.id,
                "naam": p.naam,
                "uitleg": p.uitleg,
                "kans": p.kans,
                "cijfers": [_figure(f) for f in p.cijfers],
            }
            for p in group.patronen
        ],
    }


def _figure(figure: Figure) -> dict[str, Any]:
    """One figure behind a pattern: what was measured, and its value."""
    value = figure.waarde
    entry: dict[str, Any] = {
        "soort": figure.soort,
        "id": figure.id,
        "maat": figure.maat,
        "waarde": _r(value) if isinstance(value, float) else value,
    }
    if figure.organisatie is not None:
        entry["organisatie"] = figure.organisatie
    if figure.band is not None:
        entry["band"] = figure.band
    if figure.positie is not None:
        entry["positie"] = _r(figure.positie)
    return entry


def trend_dict(trend: Trend) -> dict[str, Any]:
    return {
        "vorige_ronde": trend.vorige_ronde,
        "dimensies": [
            {
                "id": d.id,
                "vorige": _r(d.vorige),
                "huidige": _r(d.huidige),
                "verschil": _r(d.verschil),
                "richting": d.richting,
            }
            for d in trend.dimensies
        ],
        "opgelost": [w.vraag for w in trend.opgelost],
        "nieuw": [w.vraag for w in trend.nieuw],
        "fase": {"toen": trend.fase_toen, "nu": trend.fase_nu},
    }


def partnership_dicts(found: Sequence[Partnership]) -> Iterator[dict[str, Any]]:
    """Every round of every partnership; the latest round carries the trend when there is one."""
    for partnership in found:
        for group in partnership.rondes:
            entry = group_dict(group)
            if group is partnership.laatste and partnership.trend is not None:
                entry["trend"] = trend_dict(partnership.trend)
            yield entry


def write_score_json(
    write: Callable[[str], object],
    found: Sequence[Partnership],
    errors: Sequence[Problem],
    below: Sequence[Shortfall] = (),
) -> None:
    """Write the ``samenwerk-score/1`` document piece by piece: a batch of thousands of files
    never needs the whole text, or all of its dicts, in memory at once."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    write(f'{{\n  "formaat": "{SCORE_FORMAT}",\n  "partnerschappen": [')
    for i, entry in enumerate(partnership_dicts(found)):
        write(",\n    " if i else "\n    ")
        for chunk in encoder.iterencode(entry):
            write(chunk.replace("\n", "\n    "))
    write("\n  ]" if found else "]")
    tail = {
        "fouten": [{"bestand": p.file, "melding": _without_file(p)} for p in errors],
        "onder_drempel": [
            {
                "partnerschap": s.partnerschap,
                "ronde": s.ronde,
                "dimensie": s.dimensie,
                "score": _r(s.score),
                "drempel": s.drempel,
            }
            for s in below
        ],
    }
    for key, value in tail.items():
        text = encoder.encode(value).replace("\n", "\n  ")
        write(f',\n  "{key}": {text}')
    write("\n}\n")


def score_json(
    found: Sequence[Partnership], errors: Sequence[Problem], below: Sequence[Shortfall] = ()
) -> str:
    parts: list[str] = []
    write_score_json(parts.append, found, errors, below)
    return "".join(parts)


def _without_file(problem: Problem) -> str:
    """The message with line and field, without repeating the file name."""
    return (
        str(Problem(problem.message, None, None, problem.field))
        if problem.line is None
        else (f"regel {problem.line}: " + str(Problem(problem.message, None, None, problem.field)))
    )
