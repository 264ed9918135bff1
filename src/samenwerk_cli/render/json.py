"""Machine-readable output: stable key order, UTF-8, numbers rounded to two decimals."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from samenwerk_cli.errors import Problem
from samenwerk_cli.render.words import shown

if TYPE_CHECKING:  # types only: `questions list --json` must not pay for the scoring modules
    from samenwerk_cli.formats.bank import Bank, Vraag
    from samenwerk_cli.scoring.results import Figure, GroupResult, ItemResult, WeakSpot
    from samenwerk_cli.scoring.thresholds import Shortfall
    from samenwerk_cli.scoring.trend import Partnership, Trend


def dumps(data: Any) -> str:
    import json  # here: `score --json` writes with msgspec and need not load it

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


SCORE_FORMAT = "samenwerk-score/2"  # formats/score_document.py holds its types and schema


def _r(value: float | None, *limits: float) -> float | None:
    """Two decimals as the reports show them, never rounded across one of ``limits``."""
    return None if value is None else shown(value, limits)


def _spot(w: WeakSpot, bands: tuple[float, float]) -> dict[str, Any]:
    return {
        "vraag": w.vraag,
        "dimensie": w.dimensie,
        "fase": w.fase,
        "score": _r(w.score, *bands),
        "band": w.band,
        "advies": w.advies,
        "neiging": w.neiging,
    }


def _side(name: str, score: float) -> dict[str, Any]:
    return {"organisatie": name, "score": _r(score)}


def _item_side(
    name: str, value: float, lean: str | None, maat: str, bank: Bank, item: str
) -> dict[str, Any]:
    """One organisation on one item: a stelling's score, or a balans item's position and lean."""
    if maat == "score":
        return _side(name, value)
    from samenwerk_cli.scoring.collect import LEAN_LIMITS

    return {
        "organisatie": name,
        "positie": _r(value, *LEAN_LIMITS),
        "neiging": lean,
        "pool": bank.by_id[item].pool(lean),
    }


def group_dict(group: GroupResult, bank: Bank) -> dict[str, Any]:
    """One partnership-round in the ``samenwerk-score/2`` shape: all that the reports show."""
    d = bank.model.drempels
    bands = (d.aandacht, d.sterk)
    index = group.ambitie_index
    confused = {c.dimensie: c.rwg for c in group.spraakverwarring if c.rwg is not None}
    return {
        "partnerschap": group.partnerschap,
        "ronde": group.ronde,
        "respondenten": group.n,
        "onvolledig": list(group.onvolledig),
        "organisaties": list(group.organisaties),
        "dimensies": [
            {
                "id": dim.id,
                "naam": dim.naam,
                "score": _r(dim.score, *bands),
                "band": dim.band,
                "dekking": _r(dim.dekking, d.dekking),
                "rwg": _r(dim.rwg, d.rwg),
                "spraakverwarring": dim.id in confused,
            }
            for dim in group.dimensies
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
            "fases": [
                {
                    "id": p.id,
                    "naam": p.naam,
                    "score": _r(p.score, d.fase_overgeslagen, d.fase_afgerond),
                    "dekking": _r(p.dekking),
                    "afgerond": p.afgerond,
                }
                for p in group.fase.fases
            ],
            "overgeslagen": list(group.fase.overgeslagen),
            "zelfbeeld": dict(group.fase.zelfbeeld),
            "vooruit": list(group.fase.vooruit),
        },
        "zwakke_plekken": [_spot(w, bands) for w in group.zwakke_plekken],
        "aandachtspunten": [_spot(w, bands) for w in group.aandachtspunten],
        "balans": [_lean(item, bank) for item in group.items if item.positie is not None],
        "spraakverwarring": [
            {"dimensie": dim, "rwg": _r(rwg, d.rwg)} for dim, rwg in confused.items()
        ],
        "uiteenlopend": [
            {"dimensie": c.dimensie, "vraag": c.vraag, "ad": _r(c.ad, d.ad)}
            for c in group.uiteenlopend
            if c.vraag is not None and c.ad is not None
        ],
        "organisaties_scores": [
            {
                "organisatie": o.organisatie,
                "n": o.n,
                "dimensies": {k: _r(v) for k, v in o.dimensies.items()},
            }
            for o in group.organisaties_scores
        ],
        "organisaties_zonder_kolom": [
            {"organisatie": name, "n": n} for name, n in group.organisaties_verborgen
        ],
        "organisaties_verschil": [
            {
                "dimensie": g.dimensie,
                "hoog": _side(g.hoog, g.hoog_score),
                "laag": _side(g.laag, g.laag_score),
                "verschil": _r(g.verschil, d.organisatie_verschil),
            }
            for g in group.organisaties_verschil
        ],
        "organisaties_verschil_stelling": [
            {
                "vraag": g.vraag,
                "maat": g.maat,
                "hoog": _item_side(g.hoog, g.hoog_score, g.hoog_neiging, g.maat, bank, g.vraag),
                "laag": _item_side(g.laag, g.laag_score, g.laag_neiging, g.maat, bank, g.vraag),
                "verschil": _r(g.verschil, d.organisatie_verschil_stelling),
            }
            for g in group.organisaties_stelling
        ],
        "waarschuwingen": list(group.waarschuwingen),
        "patronen": [
            {
                "id": p.id,
                "naam": p.naam,
                "uitleg": p.uitleg,
                "kans": p.kans,
                "cijfers": [_figure(f, bands, d.rwg) for f in p.cijfers],
            }
            for p in group.patronen
        ],
    }


def _figure(figure: Figure, bands: tuple[float, float], rwg: float) -> dict[str, Any]:
    """One figure behind a pattern: what was measured, and its value (as the report shows it)."""
    value = figure.waarde
    limits = {"score": bands, "rwg": (rwg,)}.get(figure.maat, ())
    entry: dict[str, Any] = {
        "soort": figure.soort,
        "id": figure.id,
        "maat": figure.maat,
        "waarde": _r(value, *limits) if isinstance(value, float) else value,
    }
    if figure.organisatie is not None:
        entry["organisatie"] = figure.organisatie
    if figure.band is not None:
        entry["band"] = figure.band
    if figure.positie is not None:
        entry["positie"] = _r(figure.positie, 2.5, 3.5)
    return entry


def _lean(item: ItemResult, bank: Bank) -> dict[str, Any]:
    from samenwerk_cli.scoring.collect import LEAN_LIMITS

    return {
        "vraag": item.vraag,
        "n": item.n,
        "positie": _r(item.positie, *LEAN_LIMITS),
        "neiging": item.neiging,
        "pool": bank.by_id[item.vraag].pool(item.neiging),
    }


def trend_dict(trend: Trend, bank: Bank) -> dict[str, Any]:
    d = bank.model.drempels
    return {
        "vorige_ronde": trend.vorige_ronde,
        "dimensies": [
            {
                "id": dim.id,
                "vorige": _r(dim.vorige, d.aandacht, d.sterk),
                "huidige": _r(dim.huidige, d.aandacht, d.sterk),
                "verschil": _r(dim.verschil, d.trend),
                "richting": dim.richting,
            }
            for dim in trend.dimensies
        ],
        "opgelost": [w.vraag for w in trend.opgelost],
        "nieuw": [w.vraag for w in trend.nieuw],
        "fase": {"toen": trend.fase_toen, "nu": trend.fase_nu},
    }


def partnership_dicts(found: Iterable[Partnership], bank: Bank) -> Iterator[dict[str, Any]]:
    """Every round of every partnership; the latest round carries the trend when there is one."""
    for partnership in found:
        for group in partnership.rondes:
            entry = group_dict(group, bank)
            if group is partnership.laatste and partnership.trend is not None:
                entry["trend"] = trend_dict(partnership.trend, bank)
            yield entry


def write_score_json(
    write: Callable[[str], object],
    found: Iterable[Partnership],
    errors: Sequence[Problem],
    bank: Bank,
    below: Sequence[Shortfall] = (),
) -> None:
    """Write the ``samenwerk-score/2`` document one partnership at a time: a batch of thousands
    of files never needs the whole text, or all of its dicts, in memory at once.

    ``found`` may be a generator that scores each partnership as it is asked for; ``below`` is
    read only after the last partnership is written (a list it fills may be given). Everything
    goes through msgspec's encoder: the same text as ``json.dumps(indent=2, ensure_ascii=False)``
    for these values (strings, integers, None and floats rounded to two decimals).
    """
    import msgspec

    encode = msgspec.json.Encoder().encode
    pretty = msgspec.json.format
    write(f'{{\n  "formaat": "{SCORE_FORMAT}",\n  "partnerschappen": [')
    empty = True
    for entry in partnership_dicts(found, bank):
        text = pretty(encode(entry), indent=2).replace(b"\n", b"\n    ").decode()
        write(("\n    " if empty else ",\n    ") + text)
        empty = False
    write("]" if empty else "\n  ]")
    tail = {
        "fouten": [{"bestand": p.file, "melding": _without_file(p)} for p in errors],
        "onder_drempel": [
            {
                "partnerschap": s.partnerschap,
                "ronde": s.ronde,
                "dimensie": s.dimensie,
                "score": _r(s.score, s.drempel),
                "drempel": s.drempel,
            }
            for s in below
        ],
    }
    for key, value in tail.items():
        text = pretty(encode(value), indent=2).decode().replace("\n", "\n  ")
        write(f',\n  "{key}": {text}')
    write("\n}\n")


def score_json(
    found: Sequence[Partnership],
    errors: Sequence[Problem],
    bank: Bank,
    below: Sequence[Shortfall] = (),
) -> str:
    parts: list[str] = []
    write_score_json(parts.append, found, errors, bank, below)
    return "".join(parts)


def _without_file(problem: Problem) -> str:
    """The message with line and field, without repeating the file name."""
    return (
        str(Problem(problem.message, None, None, problem.field))
        if problem.line is None
        else (f"regel {problem.line}: " + str(Problem(problem.message, None, None, problem.field)))
    )
