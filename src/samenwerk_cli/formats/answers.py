"""Answer files: their format, reading and checking them against a bank, and the blank template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import msgspec

from samenwerk_cli import files
from samenwerk_cli.errors import Problem, SamenwerkError, cap
from samenwerk_cli.formats import yamlio
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.formats.clean import visible
from samenwerk_cli.formats.convert import convert_partly, require_format

FORMAT = "samenwerk-antwoorden/1"
WEET_NIET = "weet niet"
FASE_ONBEKEND = "weet ik niet"

Score = Annotated[int, msgspec.Meta(ge=1, le=5)]
Antwoord = Union[Score, Literal["weet niet"]]  # noqa: UP007 - msgspec needs a runtime union


SCAN_FULL = "volledig"
SCAN_QUICK = "kort"


class Scan(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What was asked: the full list or the quick scan, of every dimension or the chosen ones.

    Coverage is answered / asked in this scan, and ``reflect --resume`` continues it.
    """

    soort: Literal["volledig", "kort"] = "volledig"
    dimensies: list[str] = []  # empty: every dimension

    @property
    def quick(self) -> bool:
        return self.soort == SCAN_QUICK


def scan_of(quick: bool, dimensions: list[str] | tuple[str, ...] = ()) -> Scan:
    return Scan(soort=SCAN_QUICK if quick else SCAN_FULL, dimensies=list(dimensions))


class Antwoorden(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    formaat: str
    vragenlijst: str
    versie: str
    partnerschap: str
    ronde: str | None = None
    respondent: str | None = None
    organisatie: str | None = None
    rol: str | None = None
    datum: dt.date | None = None
    fase: str | None = None
    compleet: bool = False
    bron: str | None = None  # where an imported answer came from: "file, rij N"
    scan: Scan | None = None  # None: written before the field existed; asked = the keys given
    antwoorden: dict[str, Antwoord | None] = {}
    toelichting: dict[str, str | None] = {}


class AnswerFile(msgspec.Struct):
    """One respondent's answers, checked against the bank; warnings do not stop scoring."""

    path: str
    data: Antwoorden
    warnings: list[Problem] = msgspec.field(default_factory=list)

    @property
    def given(self) -> dict[str, int | str]:
        """Answers actually given (a null in a template means: not answered yet)."""
        return {k: v for k, v in self.data.antwoorden.items() if v is not None}


def read(path: Path, bank: Bank) -> AnswerFile:
    doc = yamlio.load_file(path)
    return check(doc, bank)


def parse(text: str, bank: Bank, name: str = "<antwoorden>") -> AnswerFile:
    return check(yamlio.parse(text, name), bank)


def check(doc: yamlio.Document, bank: Bank) -> AnswerFile:
    """Validate one loaded answer file against ``bank``; raises with every problem found."""
    require_format(doc, FORMAT)
    converted, found = convert_partly(doc, Antwoorden, value_type=Antwoord | None)
    problems = [_explain_answer(p, doc) for p in found]
    warnings: list[Problem] = []
    if converted is None:  # the ids can still be checked, so one run names every mistake
        problems += _unknown_ids(doc, bank, {p.field for p in problems})
        raise SamenwerkError(cap(sorted(problems, key=lambda p: p.line or 0)))
    data = converted

    def at(where: tuple[Any, ...], message: str) -> Problem:
        field = visible(".".join(map(str, where)))
        return Problem(message, doc.file, doc.line_of(where), field)

    if not data.partnerschap.strip():
        problems.append(at(("partnerschap",), "mag niet leeg zijn"))
    if data.vragenlijst != bank.naam:
        problems.append(
            at(
                ("vragenlijst",),
                f"hoort bij vragenlijst '{visible(data.vragenlijst)}', niet bij '{bank.naam}'",
            )
        )
    elif data.versie != bank.versie:
        warnings.append(
            at(
                ("versie",),
                f"ingevuld met versie {visible(data.versie)}, gescoord met {bank.versie}",
            )
        )
    fases = [f.id for f in bank.model.fases]
    if data.fase is not None:  # "Delen", " delen ": the phase by its id or name, any case
        known = {f.id.casefold(): f.id for f in bank.model.fases}
        known.update({f.naam.casefold(): f.id for f in bank.model.fases})
        known[FASE_ONBEKEND] = FASE_ONBEKEND
        data.fase = known.get(data.fase.strip().casefold(), data.fase)
    if data.fase is not None and data.fase not in (*fases, FASE_ONBEKEND):
        problems.append(
            at(("fase",), f"onbekende fase '{visible(data.fase)}' (kies uit {', '.join(fases)})")
        )
    known_dims = [d.id for d in bank.model.dimensies]
    for dim in data.scan.dimensies if data.scan is not None else ():
        if dim not in known_dims:
            problems.append(
                at(
                    ("scan", "dimensies"),
                    f"onbekende dimensie '{dim}' (kies uit {', '.join(known_dims)})",
                )
            )
    retired = [
        (key, item_id)
        for key, given in (("antwoorden", data.antwoorden), ("toelichting", data.toelichting))
        for item_id in given
        if item_id not in bank.by_id and item_id in bank.vervallen
    ]
    for item_id, value in data.antwoorden.items():
        vraag = bank.by_id.get(item_id)
        if vraag is None and item_id in bank.vervallen:
            continue
        if vraag is None:
            problems.append(at(("antwoorden", item_id), f"onbekende vraag '{visible(item_id)}'"))
        elif not vraag.scored and value is not None:
            problems.append(
                at(("antwoorden", item_id), "een open vraag beantwoord je onder 'toelichting'")
            )
    for item_id in data.toelichting:
        if item_id not in bank.by_id and item_id not in bank.vervallen:
            problems.append(at(("toelichting", item_id), f"onbekende vraag '{visible(item_id)}'"))
    if problems:
        raise SamenwerkError(cap(sorted(problems, key=lambda p: p.line or 0)))
    if retired:
        warnings.append(_skip_retired(retired, bank, at))
        gone = {item_id for _, item_id in retired}
        data = msgspec.structs.replace(
            data,
            antwoorden={k: v for k, v in data.antwoorden.items() if k not in gone},
            toelichting={k: v for k, v in data.toelichting.items() if k not in gone},
        )
    return AnswerFile(doc.file, data, warnings)


def _unknown_ids(doc: yamlio.Document, bank: Bank, reported: set[str | None]) -> list[Problem]:
    """Unknown item ids in the raw file, for when the file as a whole could not be read."""
    found = []
    raw = doc.data if isinstance(doc.data, dict) else {}
    for key in ("antwoorden", "toelichting"):
        given = raw.get(key)
        for item_id in given if isinstance(given, dict) else ():
            field = f"{key}.{visible(str(item_id))}"
            known = item_id in bank.by_id or item_id in bank.vervallen
            if not known and field not in reported:
                message = f"onbekende vraag '{visible(str(item_id))}'"
                found.append(Problem(message, doc.file, doc.line_of((key, item_id)), field))
    return found


def _skip_retired(
    retired: list[tuple[str, str]], bank: Bank, at: Callable[[tuple[Any, ...], str], Problem]
) -> Problem:
    """One warning per file for the answers to items the bank has retired (they are left out)."""
    ids = sorted({item_id for _, item_id in retired})
    shown = ", ".join(ids[:5]) + (f" en {len(ids) - 5} meer" if len(ids) > 5 else "")
    what = "1 vraag bestaat" if len(ids) == 1 else f"{len(ids)} vragen bestaan"
    verb = "telt" if len(ids) == 1 else "tellen"
    return at(
        retired[0],
        f"{what} niet meer in versie {bank.versie} van de vragenlijst en {verb} niet mee: {shown}",
    )


def _explain_answer(problem: Problem, doc: yamlio.Document) -> Problem:
    """Say what an answer may be, and show what was typed, instead of a type error."""
    prefix = "antwoorden."
    if not (problem.field or "").startswith(prefix) or not isinstance(doc.data, dict):
        return problem
    given = doc.data.get("antwoorden")
    value = given.get(problem.field[len(prefix) :]) if isinstance(given, dict) else None
    shown = f"'{visible(value)}'" if isinstance(value, str) else "een lijst of mapping"
    message = f'een antwoord is 1, 2, 3, 4, 5 of "{WEET_NIET}", niet {shown}'
    return Problem(message, problem.file, problem.line, problem.field)


def to_builtins(data: Antwoorden) -> dict[str, Any]:
    """The fields to write, in the documented key order, without the empty optional ones."""
    raw = msgspec.to_builtins(data, builtin_types=(dt.date,))  # dates stay unquoted YAML dates
    keep = {"formaat", "vragenlijst", "versie", "partnerschap", "antwoorden"}
    out = {k: v for k, v in raw.items() if k in keep or v not in (None, {}, False)}
    if isinstance(out.get("scan"), dict) and not out["scan"].get("dimensies"):
        out["scan"] = {"soort": out["scan"]["soort"]}  # every dimension: no list to write
    return out


def to_yaml(data: Antwoorden) -> str:
    """Serialise answers in the documented key order, dropping empty optional fields."""
    return yamlio.dump(to_builtins(data))


def save(path: Path, data: Antwoorden) -> None:
    files.atomic_write(path, to_yaml(data))


def _scalar(value: str) -> str:
    """One YAML scalar, quoted where YAML would otherwise misread it."""
    return yamlio.dump(value).removesuffix("\n...\n").rstrip("\n")


def _comment(text: str) -> str:
    return " ".join(text.split())


def template(
    bank: Bank,
    partnership: str = "",
    organisation: str = "",
    quick: bool = False,
    today: dt.date | None = None,
) -> str:
    """A blank answer file: every scored item a key with no value, its statement as a comment."""
    today = today or dt.date.today()
    labels = bank.model.schaal.labels
    scale = ", ".join(f"{i} = {label}" for i, label in enumerate(labels, 1))
    lines = [
        "# Antwoordformulier samenwerk: vul achter elke vraag een getal in.",
        f'# Schaal: {scale}; of "{WEET_NIET}".',
        "# Laat een vraag leeg als je die (nog) niet beantwoordt. Toelichting mag onderaan.",
        f"formaat: {FORMAT}",
        f"vragenlijst: {_scalar(bank.naam)}",
        f"versie: {_scalar(bank.versie)}",
        f"partnerschap: {_scalar(partnership)}" if partnership else 'partnerschap: ""',
        "ronde:",
        "respondent:",
        f"organisatie: {_scalar(organisation)}" if organisation else "organisatie:",
        "rol:",
        f"datum: {today.isoformat()}",
        f"# fase: hoe ver is het partnerschap volgens jou? ({', '.join(f.id for f in bank.model.fases)})",
        "fase:",
        "antwoorden:",
    ]
    current = None
    for v in bank.scored:
        if quick and not v.kort:
            continue
        if v.dimensie != current:
            current = v.dimensie
            lines.append(f"  # --- {bank.dimensie(current).naam} ---")
        lines.append(f"  # {_comment(v.tekst)}")
        if v.soort == "balans" and v.polen:
            lines.append(f"  # 1 = {_comment(v.polen[0])} … 5 = {_comment(v.polen[1])}")
        lines.append(f"  {v.id}:")
    lines.append("toelichting:")
    for v in bank.vragen:
        if v.soort == "open" and not quick:
            lines.append(f"  # {_comment(v.tekst)}")
            lines.append(f"  {v.id}:")
    return "\n".join(lines) + "\n"
