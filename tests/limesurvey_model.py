"""What LimeSurvey itself does with our files, transcribed from its source (LimeSurvey 6.x,
application/helpers/admin/import_helper.php ``TSVImportSurvey``/``XMLImportSurvey``, models
``Question``/``Answer``; application/helpers/admin/export/``CsvWriter``/``Writer``, viewHelper): the
rules only, written here in Python so the tests can hold our export to them.

- ``tsv_import(data)``: reads a survey structure as ``TSVImportSurvey`` does (BOM stripped from the
  first header by ``^\\W+``, every newline style made ``\\n``, tab and ``"`` as in ``fgetcsv``, then a
  cell that still starts and ends with ``"`` unquoted once more, "for Excel"), keys each row by header
  name, and applies the checks that would make LimeSurvey refuse or rename something. Returns the
  survey as ``{"language", "title", "groups": [{"name", "questions": [...]}]}``; raises
  ``AssertionError`` naming what LimeSurvey would do otherwise.
- ``csv_export(header, rows, sep)``: a response export as ``CsvWriter`` writes it: UTF-8 BOM, every
  field in ``"`` with ``""`` inside, newlines in a value made ``\\n``, records ending in CRLF, and one
  more CRLF on close.
- ``purified(html)``: a text heading as ``viewHelper::flatten`` (HTML Purifier, no tags allowed)
  leaves it: entities decoded, then ``&``, ``<``, ``>`` and ``"`` escaped again.
"""

from __future__ import annotations

import csv
import html
import io
import re

QUESTION_CODE = re.compile(
    r"^[a-zA-Z][a-zA-Z0-9]*$"
)  # Question::rules(), "ExpressionManager basic rule"
SUBQUESTION_CODE = re.compile(r"^[a-zA-Z0-9]*$")
RESERVED = {"LANG", "SID", "SAVEDID", "TOKEN", "QID", "GID", "SGQ", "self", "that", "this"}
TYPES = set("15ABCDEFGHIKLMNOPQRSTUXY!|*:;")  # the Question::QT_* constants


def tsv_import(data: bytes) -> dict:
    text = data.decode("utf-8")  # mb_detect_encoding finds UTF-8; the BOM is left in the text
    text = re.sub(r"\r\n|\r|\n|\x0b|\x0c|\x85|\u2028|\u2029", "\n", text)
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"'))
    header = [h.strip() for h in table[0]]
    header[0] = re.sub(r"^\W+", "", header[0])
    rows = []
    for cells in table[1:]:
        row = {}
        for i, name in enumerate(header):
            value = cells[i] if i < len(cells) else ""
            if re.fullmatch(r'".*"', value, re.S):
                value = value[1:-1].replace('""', '"')
            row[name] = value
        rows.append(row)

    survey = {r["name"]: r.get("text", "") for r in rows if r["class"] == "S"}
    base = survey.get("language", "en")
    languages = [base, *survey.get("additional_languages", "").split()]
    settings: dict[str, dict[str, str]] = {}
    for r in (r for r in rows if r["class"] == "SL"):
        settings.setdefault(r["language"], {})[r["name"]] = r.get("text", "")
    assert base in settings, f"no SL rows in the base language {base}: array_keys(null) fails"
    assert "surveyls_title" in settings[base], "no surveyls_title: imported as 'Missing Title'"

    groups: list[dict] = []
    titles: set[str] = set()
    question = None
    for r in rows:
        kind = r["class"]
        if kind in ("G", "Q", "SQ", "A"):
            language = r.get("language") or base
            assert language in languages, f"{kind} {r['name']}: language {language} is skipped"
        if kind == "G":
            groups.append({"name": r["name"], "questions": []})
        elif kind == "Q":
            assert groups, f"question {r['name']} before any group: gid 0 is skipped"
            code, qtype = r["name"], r.get("type/scale") or "T"
            assert qtype in TYPES, f"{code}: no question type {qtype!r}"
            assert QUESTION_CODE.match(code) and code not in RESERVED, f"{code}: renamed to r..q0"
            assert len(code) <= 20, f"{code}: longer than the title column"
            assert code not in titles, f"{code}: question codes must be unique"
            titles.add(code)
            assert r.get("mandatory", "") in ("", "Y", "S", "N"), code
            assert r.get("other", "N") in ("", "Y", "N"), code
            assert re.fullmatch(r"\d*", r.get("same_default", "")), code
            question = {"type": qtype, "code": code, "text": r.get("text", ""),
                        "mandatory": r.get("mandatory") or "N", "sub": [], "answers": []}  # fmt: skip
            groups[-1]["questions"].append(question)
        elif kind == "SQ":
            assert question is not None, f"subquestion {r['name']} without a question"
            code = r["name"]
            assert SUBQUESTION_CODE.match(code) and code != "time", f"{code}: renamed to r..sq0"
            assert 0 < len(code) <= 20, code
            seen = {s.casefold() for s, _ in question["sub"]}
            assert code.casefold() not in seen, f"{code}: subquestion codes must be unique"
            question["sub"].append((code, r.get("text", "")))
        elif kind == "A":
            assert question is not None, f"answer {r['name']} without a question"
            code, value = r["name"], r.get("assessment_value", "")
            assert re.fullmatch(r"[A-Za-z0-9]{1,5}", code), f"answer code {code!r}"
            assert re.fullmatch(r"-?\d*", value), f"assessment value {value!r} is cast to 0"
            assert code not in [c for c, _, _ in question["answers"]], f"answer {code} twice"
            question["answers"].append((code, r.get("text", ""), int(value or 0)))
    return {"language": base, "title": settings[base]["surveyls_title"], "groups": groups}


def csv_export(header: list[str], rows: list[list[str]], sep: str = ";") -> bytes:
    def escape(value: str) -> str:
        return '"' + re.sub(r"\r\n|\r|\n", "\n", value).replace('"', '""') + '"'

    text = "".join(sep.join(escape(v) for v in record) + "\r\n" for record in [header, *rows])
    return b"\xef\xbb\xbf" + (text + "\r\n").encode("utf-8")


def purified(markup: str) -> str:
    plain = html.unescape(markup)
    return (
        plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
