"""The exported forms held to the tools' own code: LimeSurvey's survey importer and response
exporter (as transcribed in tests/limesurvey_model.py) and the Apps Script FormApp reference (a
stub that knows only the documented methods, run with node)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from tests import limesurvey_model as ls
from tests.testbank import AMBITIE, MODEL, RELATIE, write_bank

LABELS = ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens", "weet niet"]
ARRAY_ANSWERS = [(str(i), LABELS[i - 1], i) for i in range(1, 6)] + [("wn", "weet niet", 0)]
ARRAY_TEXT = "Hoe kijk je naar deze uitspraken over onze samenwerking?"
# A statement that starts and ends with a quote and holds HTML and ExpressionScript characters;
# the dimension "this" and the item "time" have codes LimeSurvey keeps for itself.
HOSTILE = '"Wij" beloven & doen {iets} <samen>, "echt"'
HOSTILE_HTML = "&quot;Wij&quot; beloven &amp; doen &#123;iets&#125; &lt;samen&gt;, &quot;echt&quot;"


def hostile_bank(folder: Path) -> Path:
    model = MODEL.replace("  - id: relatie\n", "  - id: this\n")
    ambitie = AMBITIE.replace("tekst: We hebben elkaar iets beloofd.", f"tekst: '{HOSTILE}'")
    ambitie = ambitie.replace("id: ambitie.doen", "id: ambitie.time")
    relatie = RELATIE.replace("dimensie: relatie", "dimensie: this").replace(
        "id: relatie.", "id: this."
    )
    return write_bank(folder, model=model, ambitie=ambitie, relatie=relatie)


def structure(runner: CliRunner, tmp_path: Path, bank: Path, *args: str) -> dict:
    target = tmp_path / "enquete.txt"
    result = runner.invoke(
        app, ["questions", "export", "-f", "limesurvey", "-q", str(bank), "-o", str(target), *args]
    )
    assert result.exit_code == 0, result.output
    return ls.tsv_import(target.read_bytes())


def test_limesurveys_importer_takes_the_structure_as_meant(
    runner: CliRunner, tmp_path: Path, mini_bank: Path
) -> None:
    survey = structure(runner, tmp_path, mini_bank)
    assert survey["language"] == "nl" and survey["title"] == "Reflectiemodel op samenwerken"
    shape = [
        (g["name"], [(q["type"], q["code"], q["mandatory"], q["sub"], q["answers"]) for q in g["questions"]])
        for g in survey["groups"]
    ]  # fmt: skip
    balans = [(str(i), option, i) for i, option in enumerate(
        ["1 · We brengen meer dan we halen", "2 · neigt naar 1", "3 · in evenwicht",
         "4 · neigt naar 5", "5 · We halen meer dan we brengen"], 1)]  # fmt: skip
    assert shape == [
        ("Over jou", [("S", "naam", "N", [], []), ("S", "org", "Y", [], [])]),
        ("Ambitie van betekenis", [
            ("F", "ambitie", "N", [("belofte", "We hebben elkaar iets beloofd."),
                                   ("commitment", "Iedereen zet zich in."),
                                   ("doen", "We doen wat we afspreken.")], ARRAY_ANSWERS),
            ("L", "ambitieHalenBrengen", "N", [], balans),
            ("T", "ambitieOpen", "N", [], []),
        ]),
        ("Aandacht voor persoonlijke relaties", [
            ("F", "relatie", "N", [("vertrouwen", "We vertrouwen elkaar."),
                                   ("omheen", "Er zijn onderwerpen waar we omheen praten."),
                                   ("samen", "We doen dingen samen.")], ARRAY_ANSWERS),
        ]),
    ]  # fmt: skip
    texts = [q["text"] for g in survey["groups"] for q in g["questions"]]
    assert texts[2:] == [ARRAY_TEXT, "Halen en brengen", "Wat willen we bereiken?", ARRAY_TEXT]


def test_hostile_text_and_reserved_codes_survive_the_import(
    runner: CliRunner, tmp_path: Path
) -> None:
    survey = structure(runner, tmp_path, hostile_bank(tmp_path / "vragen"))
    ambitie, this = survey["groups"][1]["questions"][0], survey["groups"][2]["questions"][0]
    assert ambitie["sub"][0] == ("belofte", HOSTILE_HTML)
    assert ambitie["sub"][2][0] == "timeX"
    assert this["code"] == "thisX"


def import_rows(runner: CliRunner, export: Path, bank: Path, out: Path) -> dict[str, dict]:
    result = runner.invoke(
        app, ["import", str(export), "-q", str(bank), "-p", "Noord", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "waarschuwing" not in result.stderr, result.stderr
    return {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(out.glob("*.yaml"))}


LEAD = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
DATES = [
    "2026-11-24 09:14:40",
    "3",
    "nl",
    "1853425637",
    "2026-11-24 09:02:11",
    "2026-11-24 09:14:40",
]


def test_csvwriter_export_with_codes_in_a_hostile_survey(runner: CliRunner, tmp_path: Path) -> None:
    """Headings "question code", answers "answer codes", separator ';' (CsvWriter's default)."""
    bank = hostile_bank(tmp_path / "vragen")
    header = [*LEAD, "naam", "org", "ambitie[belofte]", "ambitie[commitment]", "ambitie[timeX]",
              "ambitieHalenBrengen", "ambitieOpen", "thisX[vertrouwen]", "thisX[omheen]",
              "thisX[samen]"]  # fmt: skip
    rows = [
        [
            "11",
            *DATES,
            "Anna",
            "De Linde",
            "5",
            "wn",
            "",
            "2",
            'Een "goede"\r\nstart',
            "1",
            "4",
            "3",
        ]
    ]
    export = tmp_path / "results-survey482231.csv"
    export.write_bytes(ls.csv_export(header, rows))
    files = import_rows(runner, export, bank, tmp_path / "uit")
    assert list(files) == ["results-survey482231-002-anna.yaml"]
    data = files["results-survey482231-002-anna.yaml"]
    assert (data["organisatie"], str(data["datum"])) == ("De Linde", "2026-11-24")
    assert data["antwoorden"] == {
        "ambitie.belofte": 5, "ambitie.commitment": "weet niet", "ambitie.time": None,
        "ambitie.halen-brengen": 2, "this.vertrouwen": 1, "this.omheen": 4, "this.samen": 3,
    }  # fmt: skip
    assert data["toelichting"] == {"ambitie.open": 'Een "goede"\nstart'}


def test_csvwriter_export_with_full_headings_and_labels(runner: CliRunner, tmp_path: Path) -> None:
    """Headings "full question text" (Writer::getFullHeading: question, then " [subquestion]", both
    through HTML Purifier), answers "full answers"; separator ','."""
    bank = hostile_bank(tmp_path / "vragen")
    lead = ["Response ID", "Date submitted", "Last page", "Start language", "Seed",
            "Date started", "Date last action"]  # fmt: skip

    def heading(sub: str) -> str:
        return f"{ls.purified(ARRAY_TEXT)} [{ls.purified(sub)}]"

    header = [*lead, "Je naam (mag leeg blijven)", "Je organisatie", heading(HOSTILE_HTML),
              heading("Iedereen zet zich in."), "Halen en brengen",
              heading("We vertrouwen elkaar.")]  # fmt: skip
    assert (
        header[9]
        == f"{ARRAY_TEXT} [&quot;Wij&quot; beloven &amp; doen {{iets}} &lt;samen&gt;, &quot;echt&quot;]"
    )
    rows = [["12", *DATES, "", "Hogeschool Noord", "helemaal eens", "weet niet",
             "3 · in evenwicht", "oneens"]]  # fmt: skip
    export = tmp_path / "results-survey482231.csv"
    export.write_bytes(ls.csv_export(header, rows, sep=","))
    files = import_rows(runner, export, bank, tmp_path / "uit")
    data = files["results-survey482231-002.yaml"]
    assert "respondent" not in data and data["organisatie"] == "Hogeschool Noord"
    assert data["antwoorden"] == {
        "ambitie.belofte": 5, "ambitie.commitment": "weet niet", "ambitie.halen-brengen": 3,
        "this.vertrouwen": 2,
    }  # fmt: skip


def test_expression_script_codes_and_abbreviated_headings(
    runner: CliRunner, tmp_path: Path, mini_bank: Path
) -> None:
    """ "Use ExpressionScript code" gives ``ambitie_belofte`` (viewHelper::getFieldCode with
    LEMcompat); abbreviated text headings end in ".. " (Writer: 'ellipsis' => ".. ")."""
    header = ["id", "submitdate", "org", "ambitie_belofte", "relatie_vertrouwen",
              f"{ARRAY_TEXT[:15]}.. [{'Er zijn onderwerpen waar we omheen praten.'[:15]}.. ]"]  # fmt: skip
    rows = [["3", "2026-11-24 09:14:40", "De Linde", "4", "2", "1"]]
    export = tmp_path / "results-survey482231.csv"
    export.write_bytes(ls.csv_export(header, rows))
    files = import_rows(runner, export, mini_bank, tmp_path / "uit")
    data = files["results-survey482231-002.yaml"]
    assert data["antwoorden"] == {
        "ambitie.belofte": 4,
        "relatie.vertrouwen": 2,
        "relatie.omheen": 1,
    }


# --- Google Forms: the script against the documented FormApp API -------------------------------

# Each class with exactly the methods the reference documents that the script may use, and the
# argument types they take (developers.google.com/apps-script/reference/forms: FormApp, Form,
# TextItem, ParagraphTextItem, PageBreakItem, GridItem, MultipleChoiceItem).
STUB = r"""
const built = [];
const kinds = {
  Form: {setDescription: ["string"], addTextItem: [], addParagraphTextItem: [], addPageBreakItem: [],
         addGridItem: [], addMultipleChoiceItem: [], getEditUrl: [], getPublishedUrl: []},
  TextItem: {setTitle: ["string"], setHelpText: ["string"], setRequired: ["boolean"]},
  ParagraphTextItem: {setTitle: ["string"], setHelpText: ["string"], setRequired: ["boolean"]},
  PageBreakItem: {setTitle: ["string"], setHelpText: ["string"]},
  GridItem: {setTitle: ["string"], setHelpText: ["string"], setRequired: ["boolean"],
             setRows: ["string[]"], setColumns: ["string[]"]},
  MultipleChoiceItem: {setTitle: ["string"], setHelpText: ["string"], setRequired: ["boolean"],
                       setChoiceValues: ["string[]"]},
};
function check(kind, name, args) {
  const want = kinds[kind][name];
  if (!want) throw new Error(kind + " has no method " + name);
  if (args.length !== want.length) throw new Error(kind + "." + name + ": " + args.length + " arguments");
  want.forEach(function (type, i) {
    const a = args[i];
    const ok = type === "string[]" ? Array.isArray(a) && a.length > 0 && a.every(function (s) {
      return typeof s === "string" && s.length > 0; }) : typeof a === type;
    if (!ok) throw new Error(kind + "." + name + ": argument " + i + " is not " + type);
  });
}
function make(kind, record) {
  return new Proxy({}, {get: function (_, name) {
    if (typeof name !== "string") return undefined;
    return function () {
      const args = Array.prototype.slice.call(arguments);
      check(kind, name, args);
      if (name.startsWith("add")) {
        const item = {type: name.slice(3)};
        built.push(item);
        return make(name.slice(3), item);
      }
      if (name.startsWith("get")) return "https://docs.google.com/forms/d/x/" + name;
      record[name.slice(3).toLowerCase()] = args[0];
      return make(kind, record);
    };
  }});
}
const FormApp = {create: function (title) {
  if (arguments.length !== 1 || typeof title !== "string") throw new Error("FormApp.create(title)");
  built.push({type: "Form", title: title});
  return make("Form", built[0]);
}};
const Logger = {log: function (text) { if (typeof text !== "string") throw new Error("log"); }};
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_google_script_uses_only_documented_formapp_calls(
    runner: CliRunner, tmp_path: Path, mini_bank: Path
) -> None:
    result = runner.invoke(app, ["questions", "export", "-f", "google", "-q", str(mini_bank)])
    assert result.exit_code == 0, result.output
    program = STUB + result.stdout + "\nmaakFormulier();\nconsole.log(JSON.stringify(built));\n"
    (tmp_path / "run.js").write_text(program, "utf-8")
    ran = subprocess.run(["node", "run.js"], cwd=tmp_path, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    items = json.loads(ran.stdout)
    plain = [(i["type"], i.get("title"), i.get("required")) for i in items]
    assert plain == [
        ("Form", "Reflectiemodel op samenwerken", None),
        ("TextItem", "Je naam (mag leeg blijven)", False),
        ("TextItem", "Je organisatie", True),
        ("PageBreakItem", "Ambitie van betekenis", None),
        ("GridItem", "Ambitie van betekenis", None),
        ("MultipleChoiceItem", "Halen en brengen", None),
        ("ParagraphTextItem", "Wat willen we bereiken?", None),
        ("PageBreakItem", "Aandacht voor persoonlijke relaties", None),
        ("GridItem", "Aandacht voor persoonlijke relaties", None),
    ]
    grid = items[4]
    assert grid["rows"] == ["We hebben elkaar iets beloofd.", "Iedereen zet zich in.",
                            "We doen wat we afspreken."]  # fmt: skip
    assert grid["columns"] == LABELS
    assert items[5]["choicevalues"][4] == "5 · We halen meer dan we brengen"
