"""The questionnaire as a Google Apps Script that builds the form: paste it at script.google.com
and run ``maakFormulier``. The data sits in one JSON constant; the code below it only loops.

A grid per dimension (rows: the statements, columns: the five labels and "weet niet"): Google's
response sheet then heads each statement ``Dimensie [Stelling]``, which the importer reads back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.forms import codes

_CODE = """
function maakFormulier() {
  var form = FormApp.create(DATA.titel);
  form.setDescription(DATA.uitleg);
  form.addTextItem().setTitle(DATA.naam).setRequired(false);
  form.addTextItem().setTitle(DATA.organisatie).setRequired(true);
  DATA.dimensies.forEach(function (dim) {
    form.addPageBreakItem().setTitle(dim.naam).setHelpText(dim.kern);
    if (dim.stellingen.length > 0) {
      form.addGridItem().setTitle(dim.naam).setRows(dim.stellingen).setColumns(DATA.labels);
    }
    dim.balans.forEach(function (vraag) {
      form.addMultipleChoiceItem().setTitle(vraag.tekst).setChoiceValues(vraag.keuzes);
    });
    dim.open.forEach(function (tekst) {
      form.addParagraphTextItem().setTitle(tekst);
    });
  });
  Logger.log('Formulier klaar. Bewerken: ' + form.getEditUrl());
  Logger.log('Invullen: ' + form.getPublishedUrl());
}
"""


def script(bank: Bank, vragen: Sequence[Vraag], title: str | None = None) -> str:
    dimensies = []
    for dim in bank.model.dimensies:
        items = [v for v in vragen if v.dimensie == dim.id]
        if not items:
            continue
        dimensies.append(
            {
                "naam": codes.one_line(dim.naam),
                "kern": codes.one_line(dim.kern),
                "stellingen": [codes.one_line(v.tekst) for v in items if v.soort == "stelling"],
                "balans": [
                    {"tekst": codes.one_line(v.tekst), "keuzes": codes.balans_options(v)}
                    for v in items
                    if v.soort == "balans"
                ],
                "open": [codes.one_line(v.tekst) for v in items if v.soort == "open"],
            }
        )
    data = {
        "titel": title or bank.model.titel,
        "uitleg": (
            "Geef bij elke stelling aan in hoeverre je het ermee eens bent. "
            f"Vragenlijst {bank.naam}, versie {bank.versie}."
        ),
        "naam": codes.NAAM_VRAAG,
        "organisatie": codes.ORG_VRAAG,
        "labels": [*bank.model.schaal.labels, bank.model.schaal.weet_niet],
        "dimensies": dimensies,
    }
    body = json.dumps(data, ensure_ascii=False, indent=2)
    # U+2028/2029 end a line in older JavaScript engines; escaped they are still the same text.
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    header = (
        "// samenwerk: maakt het Google-formulier voor de vragenlijst.\n"
        "// Plak dit op https://script.google.com (Nieuw project), kies maakFormulier en Uitvoeren.\n"
    )
    return f"{header}var DATA = {body};\n{_CODE}"
