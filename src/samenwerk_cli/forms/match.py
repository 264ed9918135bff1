"""Which column is which: statements by LimeSurvey code or by text, and the tools' own columns.

Microsoft Forms heads a Likert column with the statement alone (trailing spaces, a newline, or cut
off with "…"), Google Forms with ``Vraag [Stelling]``, LimeSurvey with ``CODE[SUB]`` (``CODE_SUB``
with "ExpressionScript code"), the full text, or ``CODE[SUB]. text [Stelling]``. Each header is tried
in that order of certainty. LimeSurvey's text headings come out of HTML Purifier (``&amp;``,
``&quot;``) and its abbreviated ones end in ``..``, as its export Writer and viewHelper make them.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

from samenwerk_cli.errors import Problem
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.forms import codes
from samenwerk_cli.forms.codes import normalise
from samenwerk_cli.forms.tabular import Cell, Table, column_letter

# Roles a column can play besides a statement or open prompt.
RESPONDENT, ORGANISATIE, ROL, DATUM, METADATA, ONBEKEND, OPEN, VRAAG = (
    "respondent",
    "organisatie",
    "rol",
    "datum",
    "metagegevens",
    "niet herkend",
    "open vraag",
    "vraag",
)
ROLES = (RESPONDENT, ORGANISATIE, ROL, DATUM)

_DATUM = {
    "completiontime", "tijdvanvoltooien", "timestamp", "tijdstempel", "submitdate",
    "datesubmitted", "datumverstuurd", "datumingezonden", "datumverzonden",
}  # fmt: skip
_METADATA = {
    "id", "starttime", "begintijd", "email", "emailaddress", "emailadres", "lastmodifiedtime",
    "tijdvanlaatstewijziging", "totalpoints", "quizfeedback", "score", "lastpage",
    "startlanguage", "seed", "token", "startdate", "datestamp", "ipaddr", "refurl", "ipaddress",
    "referrerurl",
    "interviewtime", "responseid", "datestarted", "datelastaction", "totaltime", "antwoordid",
    "laatstepagina", "starttaal", "datumgestart", "datumlaatsteactie", "ipadres", "verwijzendeurl",
}  # fmt: skip
_TIMINGS = ("grouptime", "questiontime", "groepstijd", "vraagtijd")  # LimeSurvey, full headings
_RESPONDENT = {"name", "naam", "respondent", "jenaam", "uwnaam", normalise(codes.NAAM_VRAAG)}
_ROL = {"rol", "role", "jerol", "uwrol", "functie"}
_ORG_WORDS = ("organisatie", "organisation", "organization")
_CODE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*)(?:\[([A-Za-z0-9_]+)\])?(?:\.\s.*)?$", re.S)
_TIMING = re.compile(r"^(groupTime\d+|.+Time)$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]\s*$")
_ELLIPSIS = ("…", "..")  # Forms cuts with "…", LimeSurvey's abbreviated headings with ".. "
MIN_PREFIX = 12  # a cut-off header shorter than this is too little to go on


@dataclass
class Column:
    index: int
    header: str
    role: str
    vraag: Vraag | None = None

    @property
    def where(self) -> str:
        return f"kolom {column_letter(self.index)} ({shorten(self.header)})"


@dataclass
class Plan:
    """What each column of one table means, and what was wrong with the header row."""

    table: Table
    columns: list[Column]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def of(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]


def shorten(header: str, limit: int = 40) -> str:
    flat = " ".join(header.split()) or "zonder kop"
    return f"'{flat}'" if len(flat) <= limit else f"'{flat[: limit - 1]}…'"


class Index:
    """The bank's items by code and by normalised text, built once for many tables."""

    def __init__(self, bank: Bank) -> None:
        self.by_code: dict[tuple[str, str | None], Vraag | str] = {
            (codes.NAAM_CODE, None): RESPONDENT,
            (codes.ORG_CODE, None): ORGANISATIE,
        }
        self.by_text: dict[str, list[Vraag]] = {}
        for v in bank.vragen:
            if v.soort == "stelling":
                self.by_code[(codes.dimension_code(v.dimensie), codes.statement_code(v))] = v
            else:
                self.by_code[(codes.question_code(v), None)] = v
            self.by_text.setdefault(normalise(v.tekst), []).append(v)
        self.folded = {(q.casefold(), s and s.casefold()): t for (q, s), t in self.by_code.items()}
        self.codes = {q for q, _ in self.by_code}

    def by_header_code(self, header: str) -> Vraag | str | None:
        match = _CODE.match(header.strip())
        if not match:
            return None
        question, sub = match.group(1), match.group(2)
        if sub is None and "_" in question:  # ExpressionScript code: our codes have no "_"
            question, sub = question.split("_", 1)
        key = (question, sub)
        found = self.by_code.get(key) or self.folded.get(
            (key[0].casefold(), key[1] and key[1].casefold())
        )
        if found is not None or key[1] is not None:
            return found
        word = key[0]
        if _TIMING.match(word) and (word.startswith("groupTime") or word[:-4] in self.codes):
            return METADATA
        if normalise(word) in _DATUM:
            return DATUM
        return METADATA if normalise(word) in _METADATA else None

    def by_header_text(self, header: str) -> list[Vraag]:
        """Items whose text the header (or its ``[...]`` part) is, or begins when cut off."""
        for candidate in _candidates(html.unescape(header)):
            text = candidate.strip()
            cut = text.endswith(_ELLIPSIS)
            key = normalise(text.rstrip(".… \n\t"))
            if not key:
                continue
            if not cut:
                if key in self.by_text:
                    return self.by_text[key]
                continue
            if len(key) < MIN_PREFIX:
                continue
            found = [v for t, vs in self.by_text.items() if t.startswith(key) for v in vs]
            if found:
                return found
        return []


def _candidates(header: str) -> list[str]:
    """The header, the part after a ``CODE. `` prefix, and a trailing ``[...]`` of either."""
    out = [header]
    match = _CODE.match(header.strip().split(". ", 1)[0])
    if match and ". " in header:
        out.append(header.split(". ", 1)[1])
    for text in list(out):
        bracket = _BRACKET.search(text.strip())
        if bracket:
            out.append(bracket.group(1))
    return out


def plan(
    table: Table,
    index: Index,
    organisation_column: str | None = None,
    mapping: dict[str, Vraag | str] | None = None,
) -> Plan:
    """Give every column a role; name every ambiguity and every statement found twice."""
    columns = []
    result = Plan(table, columns)
    chosen_org = normalise(organisation_column) if organisation_column else None
    for i, header in enumerate(table.header):
        if not header.strip() and not any(_has(row[i]) for row in table.rows):
            continue  # an empty trailing column of a spreadsheet
        column = Column(i, header, ONBEKEND)
        columns.append(column)
        key = normalise(header)
        if mapping is not None and key in mapping:
            _assign(column, mapping[key])
        elif chosen_org is not None and key == chosen_org:
            column.role = ORGANISATIE
        elif (by_code := index.by_header_code(header)) is not None:
            _assign(column, by_code)
        elif (found := index.by_header_text(header)) and len(found) == 1:
            _assign(column, found[0])
        elif found:
            ids = ", ".join(v.id for v in found)
            result.problems.append(
                Problem(f"{column.where}: past bij meer dan één vraag ({ids})", table.name)
            )
        elif key in _DATUM:
            column.role = DATUM
        elif key in _METADATA or key.startswith(_TIMINGS):
            column.role = METADATA
        elif key in _RESPONDENT:
            column.role = RESPONDENT
        elif key in _ROL:
            column.role = ROL
        elif chosen_org is None and any(w in key for w in _ORG_WORDS):
            column.role = ORGANISATIE
    _check(result, organisation_column)
    return result


def _assign(column: Column, target: Vraag | str) -> None:
    if isinstance(target, str):
        column.role = target
    else:
        column.role, column.vraag = (OPEN if target.soort == "open" else VRAAG), target


def _has(cell: Cell) -> bool:
    return not isinstance(cell, str) or bool(cell.strip())


def _check(result: Plan, organisation_column: str | None) -> None:
    name = result.table.name
    seen: dict[str, Column] = {}
    for column in result.columns:
        if column.vraag is None:
            continue
        first = seen.setdefault(column.vraag.id, column)
        if first is not column:
            result.problems.append(
                Problem(
                    f"{column.where}: vraag {column.vraag.id} staat ook al in {first.where}", name
                )
            )
    orgs = result.of(ORGANISATIE)
    if organisation_column:
        # The column asked for, and only that one: another that looks like an organisation
        # (the form's own question, say) is read no further.
        chosen = normalise(organisation_column)
        for column in orgs:
            if normalise(column.header) != chosen:
                column.role = METADATA
        orgs = result.of(ORGANISATIE)
    if len(orgs) > 1:
        listed = ", ".join(c.where for c in orgs)
        result.problems.append(
            Problem(
                f"meer dan één kolom voor de organisatie: {listed}; kies er één met "
                "--organisation-column",
                name,
            )
        )
    if organisation_column and not orgs:
        result.problems.append(
            Problem(f"geen kolom '{organisation_column}' (--organisation-column)", name)
        )
    for column in result.of(ONBEKEND):
        result.warnings.append(
            Problem(f"{column.where}: geen vraag of bekend veld; niet ingelezen", name)
        )
    if not result.problems and not any(c.vraag is not None for c in result.columns):
        result.problems.append(
            Problem("geen enkele kolom is een vraag uit de vragenlijst; klopt het bestand?", name)
        )


# --- dates ------------------------------------------------------------------------------------

_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D|$)")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:\D|$)")
_DASHED = re.compile(r"^(\d{1,2})[-.](\d{1,2})[-.](\d{4})(?:\D|$)")
EXCEL_EPOCH = dt.date(1899, 12, 30)
NO_DATE = dt.date(1980, 1, 1)  # LimeSurvey's stand-in when a survey does not keep dates


def day_first(cells: list[Cell]) -> bool:
    """``24/11/2026`` somewhere in the column: its slashed dates are day/month, else month/day
    (Microsoft and Google write ``11/24/26`` from an English account)."""
    for cell in cells:
        if isinstance(cell, str):
            match = _SLASHED.match(cell.strip())
            if match and int(match.group(1)) > 12:
                return True
    return False


def parse_date(cell: Cell, dayfirst: bool = False) -> dt.date | None:
    """The date in a tool's timestamp; None for an empty cell; ValueError if it is no date."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    text = cell.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4,5}(\.\d+)?", text):  # an Excel serial number saved as text
        return EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    if match := _YMD.match(text):
        y, m, d = (int(g) for g in match.groups())
    elif match := _SLASHED.match(text):
        a, b, y = (int(g) for g in match.groups())
        m, d = (b, a) if dayfirst else (a, b)
        y += 2000 if y < 100 else 0
    elif match := _DASHED.match(text):
        d, m, y = (int(g) for g in match.groups())
    else:
        raise ValueError(text)
    return dt.date(y, m, d)
