"""The questionnaire as LimeSurvey's tab-separated survey structure (the .txt "Import survey" reads).

Laid out as LimeSurvey's own ``TSVImportSurvey`` (application/helpers/admin/import_helper.php) reads
it: columns by header name, ``S`` rows for the survey with ``language`` as the base language, ``SL``
rows in that language with at least ``surveyls_title``, then ``G``, ``Q``, ``SQ`` and ``A`` rows that
belong to the row above them. An answer's assessment value goes in ``assessment_value``, as
``tsvSurveyExport`` writes it (the manual's older ``relevance`` is not read by LimeSurvey 4-6).

One array question per dimension with the bank's five labels (and "weet niet") as answers, each
statement a subquestion; a balans item a list question with its poles; an open prompt a long text;
first a group asking for naam (optional) and organisatie. The codes come from the ids
(:mod:`codes`), so the response export's ``CODE[SUB]`` headers lead back to them.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.forms import codes

COLUMNS = (
    "class", "type/scale", "name", "relevance", "text", "help", "language",
    "validation", "mandatory", "other", "default", "same_default", "assessment_value",
)  # fmt: skip
LANGUAGE = "nl"


def _text(text: str) -> str:
    """LimeSurvey shows text as HTML and runs ``{...}`` as an expression: neither is meant here.
    A ``"`` becomes ``&quot;``: the importer strips a pair of quotes around a whole cell a second
    time (its fix for Excel), which would eat a text that starts and ends with one."""
    flat = html.escape(codes.one_line(text), quote=False).replace('"', "&quot;")
    return flat.replace("{", "&#123;").replace("}", "&#125;")


def _row(kind: str, scale: str, name: str, relevance: str, text: str, **extra: str) -> list[str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        {"class": kind, "type/scale": scale, "name": name, "relevance": relevance, "text": text}
    )
    if kind != "S":
        row["language"] = LANGUAGE
    if kind in ("Q", "SQ"):  # as tsvSurveyExport writes them: no "other" option, one default
        row.update({"other": "N", "same_default": "0"})
    row.update(extra)
    return [row[c] for c in COLUMNS]


def structure(bank: Bank, vragen: Sequence[Vraag], title: str | None = None) -> str:
    """The whole .txt: UTF-8 with BOM, as LimeSurvey's manual asks; quoted only where needed."""
    rows: list[list[str]] = [list(COLUMNS)]
    settings = {"language": LANGUAGE, "format": "G", "datestamp": "Y", "anonymized": "N"}
    for name, value in settings.items():
        rows.append(_row("S", "", name, "", value))
    rows.append(_row("SL", "", "surveyls_title", "", _text(title or bank.model.titel)))
    intro = (
        "Geef bij elke stelling aan in hoeverre je het ermee eens bent. Weet je het niet, "
        f"kies dan '{bank.model.schaal.weet_niet}'. Vragenlijst {bank.naam}, versie {bank.versie}."
    )
    rows.append(_row("SL", "", "surveyls_description", "", _text(intro)))

    rows.append(_row("G", "", "Over jou", "1", ""))
    rows.append(_row("Q", "S", codes.NAAM_CODE, "1", _text(codes.NAAM_VRAAG), mandatory="N"))
    rows.append(_row("Q", "S", codes.ORG_CODE, "1", _text(codes.ORG_VRAAG), mandatory="Y"))

    labels = [*bank.model.schaal.labels, bank.model.schaal.weet_niet]
    answer_codes = [*(str(i) for i in range(1, 6)), codes.WEET_NIET_CODE]
    for dim in bank.model.dimensies:
        items = [v for v in vragen if v.dimensie == dim.id]
        if not items:
            continue
        rows.append(_row("G", "", _text(dim.naam), "1", _text(dim.kern)))
        statements = [v for v in items if v.soort == "stelling"]
        if statements:
            question = "Hoe kijk je naar deze uitspraken over onze samenwerking?"
            rows.append(_row("Q", "F", codes.dimension_code(dim.id), "1", question, mandatory="N"))
            for v in statements:
                rows.append(_row("SQ", "0", codes.statement_code(v), "1", _text(v.tekst)))
            for code, label in zip(answer_codes, labels):
                value = code if code.isdigit() else "0"  # assessment value: the score
                rows.append(_row("A", "0", code, "", _text(label), assessment_value=value))
        for v in items:
            if v.soort == "balans":
                rows.append(
                    _row("Q", "L", codes.question_code(v), "1", _text(v.tekst), mandatory="N")
                )
                for i, option in enumerate(codes.balans_options(v), 1):
                    rows.append(_row("A", "0", str(i), "", _text(option), assessment_value=str(i)))
            elif v.soort == "open":
                rows.append(
                    _row("Q", "T", codes.question_code(v), "1", _text(v.tekst), mandatory="N")
                )
    _check_codes(rows)
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    return "\ufeff" + out.getvalue()


def _check_codes(rows: list[list[str]]) -> None:
    """Two questions with one code would overwrite each other in LimeSurvey; only a bank with
    ids such as ``a-b`` (dimension) and ``a.b`` (item) can get there."""
    seen: set[str] = set()
    for row in rows:
        if row[0] == "Q":
            code = row[2]
            if code.casefold() in seen:
                raise SamenwerkError(
                    Problem(
                        f"twee vragen krijgen dezelfde LimeSurvey-code '{code}'; kies andere ids"
                    )
                )
            seen.add(code.casefold())
