"""The question bank: its file formats (msgspec types), where it is found, loading and validation."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from samenwerk_cli.errors import Problem, SamenwerkError, cap
from samenwerk_cli.formats import yamlio
from samenwerk_cli.formats.clean import visible
from samenwerk_cli.formats.convert import convert, field_name
from samenwerk_cli.formats.patterns import Patroon
from samenwerk_cli.formats.patterns import check as check_patterns

MODEL_FORMAT = "samenwerk-vragenlijst/1"
ITEMS_FORMAT = "samenwerk-vragen/1"
MODEL_FILE = "model.yaml"
ENV_VAR = "SAMENWERK_VRAGEN"
# As text: re compiles (and caches) them when a bank is checked, which a cached bank skips.
ID_PATTERN = r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$"
NAME_PATTERN = r"^[a-z][a-z0-9-]*$"

Soort = Literal["stelling", "balans", "open"]


class Struct(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    pass


class Schaal(Struct):
    labels: list[str] = msgspec.field(
        default_factory=lambda: ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]
    )
    weet_niet: str = "weet niet"


OnScale = Annotated[float, msgspec.Meta(ge=1, le=5)]  # a mean score lies on the 1-5 scale
Share = Annotated[float, msgspec.Meta(ge=0, le=1)]  # rwg and coverage are fractions
Distance = Annotated[float, msgspec.Meta(ge=0)]  # a difference or deviation is never negative


class Drempels(Struct):
    sterk: OnScale = 4.0
    aandacht: OnScale = 3.0
    fase_afgerond: OnScale = 3.5
    fase_overgeslagen: OnScale = 3.0
    rwg: Share = 0.70
    ad: Distance = 0.83
    organisatie_verschil: Distance = 1.0  # between two organisations on a dimension
    organisatie_verschil_stelling: Distance = 1.5  # between two organisations on one statement
    # Respondents an organisation needs for a column of its own.
    organisatie_minimum: Annotated[int, msgspec.Meta(ge=1)] = 2
    trend: Distance = 0.5
    zelfbeeld_voorsprong: Annotated[int, msgspec.Meta(ge=0)] = 2
    dekking: Share = 0.5  # below this coverage a dimension gets no band: "te weinig antwoorden"


class AmbitieIndex(Struct):
    dimensie: str
    factoren: list[str]


class Thema(Struct):
    id: str
    naam: str


class Dimensie(Struct):
    id: str
    naam: str
    kern: str
    advies: str
    risicos: list[str] = []
    themas: list[Thema] = []


class Fase(Struct):
    id: str
    naam: str
    betekenis: str
    resultaat: str = ""


class ModelFile(Struct):
    formaat: str
    naam: str
    versie: str
    dimensies: list[Dimensie]
    fases: list[Fase]
    titel: str = "Reflectiemodel op samenwerken"
    schaal: Schaal = msgspec.field(default_factory=Schaal)
    drempels: Drempels = msgspec.field(default_factory=Drempels)
    ambitie_index: AmbitieIndex | None = None
    # Ids of items taken out of the bank: old answer files that still carry them are read with a
    # warning and those answers are left out, instead of failing on an unknown id.
    vervallen: list[str] = []
    # Risks read across the lenses, each a rule over the scores (formats/patterns.py).
    patronen: list[Patroon] = []


class Vraag(Struct):
    id: str
    soort: Soort
    tekst: str
    fase: str | None = None
    thema: str | None = None
    uitleg: str = ""
    omgekeerd: bool = False
    polen: list[str] | None = None
    advies: str = ""
    kort: bool = False

    @property
    def dimensie(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def scored(self) -> bool:
        return self.soort != "open"

    def pool(self, side: str | None) -> str | None:
        """The pole a balans lean points to (``links`` the first, ``rechts`` the second); None
        for no lean, or an item without poles."""
        if side is None or not self.polen:
            return None
        return self.polen[0 if side == "links" else 1]


class ItemsFile(Struct):
    formaat: str
    dimensie: str
    vragen: list[Vraag]


class Bank(msgspec.Struct):
    """A loaded, validated question bank; items in model order (dimension, then file order)."""

    model: ModelFile
    vragen: list[Vraag]
    path: Path
    # Both filled in by __post_init__ from vragen and model (a Struct has no init=False).
    by_id: dict[str, Vraag] = msgspec.field(default_factory=dict)
    vervallen: frozenset[str] = frozenset()  # retired ids: skipped, with a warning

    def __post_init__(self) -> None:
        self.by_id = {v.id: v for v in self.vragen}
        self.vervallen = frozenset(self.model.vervallen)

    @property
    def naam(self) -> str:
        return self.model.naam

    @property
    def versie(self) -> str:
        return self.model.versie

    @property
    def scored(self) -> list[Vraag]:
        return [v for v in self.vragen if v.scored]

    def dimensie(self, dim_id: str) -> Dimensie:
        return next(d for d in self.model.dimensies if d.id == dim_id)


def locate(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The bank to use: ``--questions``, then ``$SAMENWERK_VRAGEN``, then the installed copy."""
    chosen = explicit or os.environ.get(ENV_VAR)
    if chosen:
        path = Path(chosen)
        if not path.is_dir():
            raise SamenwerkError(Problem("de map met vragen bestaat niet", str(path)))
        return path
    # An installed wheel carries vragen/ inside the package; an editable install does not.
    # The package directory from __file__, not importlib.resources: that costs ~10 ms to import
    # (zipfile, tempfile) on every command, and the bank is read from disk either way.
    packaged = Path(__file__).resolve().parent.parent / "vragen"
    if (packaged / MODEL_FILE).is_file():
        return packaged
    source = Path(__file__).resolve().parents[3] / "vragen"
    if (source / MODEL_FILE).is_file():
        return source
    raise SamenwerkError("de ingebouwde vragenlijst is niet gevonden; gebruik --questions MAP")


def load(directory: str | os.PathLike[str] | None = None) -> Bank:
    """Load and validate a bank; raises one error listing every problem found.

    A bank read and checked before is taken from the cache while its files are unchanged
    (:mod:`~samenwerk_cli.formats.bank_cache`).
    """
    from samenwerk_cli.formats import bank_cache

    path = locate(directory)
    kept, sources = bank_cache.read(path)
    if isinstance(kept, Bank):
        kept.path = path  # the same files may sit in another folder
        return kept
    bank = _read(path)
    bank_cache.write(path, bank, sources)
    return bank


def _read(path: Path) -> Bank:
    problems: list[Problem] = []
    model_path = path / MODEL_FILE
    if not (model_path.exists() or model_path.is_symlink()):  # a pipe is refused when read
        raise SamenwerkError(Problem(f"{MODEL_FILE} ontbreekt in deze map", str(path)))
    model_doc = yamlio.load_file(model_path)
    model = convert(model_doc, ModelFile)
    problems += _check_model(model, model_doc)

    files: dict[str, tuple[ItemsFile, yamlio.Document]] = {}
    unreadable: set[str] = set()  # dimensions whose file has errors: not "missing" as well
    for item_path in sorted(path.glob("*.y*ml")):
        if item_path.name == MODEL_FILE or item_path.suffix not in (".yaml", ".yml"):
            continue
        if item_path.name.startswith("."):  # an editor's lock or backup file (.#x.yaml)
            continue
        doc = None
        try:
            doc = yamlio.load_file(item_path)
            items = convert(doc, ItemsFile)
        except SamenwerkError as exc:
            problems += exc.problems
            if doc is not None and isinstance(doc.data, dict):
                unreadable.add(str(doc.data.get("dimensie")))
            else:
                unreadable.add(item_path.stem)
            continue
        if items.dimensie in files:
            other = files[items.dimensie][1].file
            problems.append(_at(doc, ("dimensie",), f"dimensie staat ook al in {other}"))
            continue
        files[items.dimensie] = (items, doc)

    vragen: list[Vraag] = []
    seen: dict[str, str] = {}
    for dim in model.dimensies:
        if dim.id not in files:
            if dim.id in unreadable:
                continue
            problems.append(
                Problem(f"dimensie '{visible(dim.id)}' heeft geen bestand met vragen", str(path))
            )
            continue
        items, doc = files.pop(dim.id)
        problems += _check_items(model, dim, items, doc, seen)
        vragen += items.vragen
    for items, doc in files.values():
        problems.append(_at(doc, ("dimensie",), f"onbekende dimensie '{items.dimensie}'"))
    for j, retired in enumerate(model.vervallen):
        if retired in seen:
            message = f"'{retired}' staat als vervallen, maar is nog een vraag (in {seen[retired]})"
            problems.append(_at(model_doc, ("vervallen", j), message))
    if not unreadable:  # an item file with errors would make its ids look unknown
        known = {v.id: v for v in vragen}
        problems += check_patterns(model, model_doc, known, _at)
    if problems:
        raise SamenwerkError(cap(problems))
    return Bank(model, vragen, path)


def _at(doc: yamlio.Document, where: tuple[object, ...], message: str) -> Problem:
    """A problem at ``where``; the values it quotes come from a file, so they are made visible."""
    return Problem(visible(message), doc.file, doc.line_of(where), field_name(where))


def _duplicates(ids: list[str]) -> set[str]:
    seen: set[str] = set()
    return {i for i in ids if i in seen or seen.add(i)}  # type: ignore[func-returns-value]


def _check_model(model: ModelFile, doc: yamlio.Document) -> list[Problem]:
    problems = []
    if model.formaat != MODEL_FORMAT:
        problems.append(_at(doc, ("formaat",), f"moet '{MODEL_FORMAT}' zijn"))
    if len(model.schaal.labels) != 5:
        problems.append(_at(doc, ("schaal", "labels"), "de schaal heeft precies 5 labels nodig"))
    d = model.drempels
    if not 1 <= d.aandacht < d.sterk <= 5:
        problems.append(_at(doc, ("drempels",), "nodig: 1 ≤ aandacht < sterk ≤ 5"))
    for key, items in (("dimensies", model.dimensies), ("fases", model.fases)):
        if not items:
            problems.append(_at(doc, (key,), "mag niet leeg zijn"))
        for i, item in enumerate(items):
            if not re.fullmatch(NAME_PATTERN, item.id):
                problems.append(_at(doc, (key, i, "id"), f"ongeldige id '{item.id}' (a-z, 0-9, -)"))
        for dup in _duplicates([item.id for item in items]):
            problems.append(_at(doc, (key,), f"id '{dup}' komt twee keer voor"))
    for i, dim in enumerate(model.dimensies):
        for dup in _duplicates([t.id for t in dim.themas]):
            problems.append(
                _at(doc, ("dimensies", i, "themas"), f"thema '{dup}' komt twee keer voor")
            )
    for j, retired in enumerate(model.vervallen):
        if not re.match(ID_PATTERN, retired):
            message = f"ongeldige id '{retired}' (kleine letters, punten, bijv. ambitie.meerwaarde)"
            problems.append(_at(doc, ("vervallen", j), message))
    for dup in _duplicates(model.vervallen):
        problems.append(_at(doc, ("vervallen",), f"id '{dup}' staat twee keer bij vervallen"))
    index = model.ambitie_index
    if index is not None:
        dims = {d.id: d for d in model.dimensies}
        if index.dimensie not in dims:
            problems.append(_at(doc, ("ambitie_index", "dimensie"), "onbekende dimensie"))
        else:
            themas = {t.id for t in dims[index.dimensie].themas}
            for j, factor in enumerate(index.factoren):
                if factor not in themas:
                    message = f"'{factor}' is geen thema van {index.dimensie}"
                    problems.append(_at(doc, ("ambitie_index", "factoren", j), message))
    return problems


def _check_items(
    model: ModelFile, dim: Dimensie, items: ItemsFile, doc: yamlio.Document, seen: dict[str, str]
) -> list[Problem]:
    problems = []
    if items.formaat != ITEMS_FORMAT:
        problems.append(_at(doc, ("formaat",), f"moet '{ITEMS_FORMAT}' zijn"))
    fases = {f.id for f in model.fases}
    themas = {t.id for t in dim.themas}
    for i, v in enumerate(items.vragen):

        def bad(key: str, message: str, i: int = i) -> None:
            problems.append(_at(doc, ("vragen", i, key), message))

        if not re.fullmatch(ID_PATTERN, v.id):
            bad("id", f"ongeldige id '{v.id}' (kleine letters, punten, bijv. {dim.id}.meerwaarde)")
        elif v.dimensie != dim.id:
            bad("id", f"id '{v.id}' moet beginnen met '{dim.id}.'")
        if v.id in seen:
            bad("id", f"id '{v.id}' bestaat al (in {seen[v.id]})")
        seen[v.id] = doc.file
        if not v.tekst.strip():
            bad("tekst", "mag niet leeg zijn")
        if v.fase is not None and v.fase not in fases:
            bad("fase", f"onbekende fase '{v.fase}' (kies uit {', '.join(sorted(fases))})")
        if v.thema is not None and v.thema not in themas:
            bad("thema", f"'{v.thema}' is geen thema van dimensie {dim.id}")
        if v.scored:
            if v.fase is None:
                bad("fase", "verplicht voor een stelling of balans")
            if v.thema is None:
                bad("thema", "verplicht voor een stelling of balans")
        else:
            if v.omgekeerd:
                bad("omgekeerd", "een open vraag wordt niet gescoord")
            if v.kort:
                bad("kort", "alleen gescoorde vragen horen in de korte scan")
        if v.soort == "balans":
            if v.polen is None or len(v.polen) != 2:
                bad("polen", "een balans-vraag heeft precies twee polen")
            if v.omgekeerd:
                bad("omgekeerd", "een balans-vraag kan niet omgekeerd worden")
        elif v.polen is not None:
            bad("polen", "alleen een balans-vraag heeft polen")
    return problems
