"""Exports laid out as the tools write them (see /work/shared/reviews/export-samples.md): the header
rows, BOMs, delimiters, quoting and date formats of Microsoft Forms, Google Forms and LimeSurvey,
for the test bank of tests/testbank.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

BELOFTE = "We hebben elkaar iets beloofd."
DOEN = "We doen wat we afspreken."
HALEN = "Halen en brengen"
OPEN = "Wat willen we bereiken?"
VERTROUWEN = "We vertrouwen elkaar."


def ms_forms_xlsx(path: Path) -> Path:
    """English account: Sheet1, Excel serial dates styled m/d/yy h:mm:ss, statement headers with a
    trailing space, a newline, one cut off with "…", columns out of bank order; one anonymous."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(
        [
            "ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
            "Je organisatie", VERTROUWEN + " ", BELOFTE + "\n", "We doen wat we afspr…", HALEN,
            OPEN,
        ]
    )  # fmt: skip
    sheet.append(
        [
            3, dt.datetime(2026, 11, 24, 9, 2, 11), dt.datetime(2026, 11, 24, 9, 14, 40),
            "anna@noord.nl", "Anna de Vries", None, "Hogeschool Noord", "Mee oneens",
            "Helemaal mee eens", "Neutraal", "2 · neigt naar 1", "Meer studenten\nvasthouden",
        ]
    )  # fmt: skip
    sheet.append(
        [
            5, dt.datetime(2026, 11, 25, 16, 0, 0), dt.datetime(2026, 11, 25, 16, 7, 3),
            "anonymous", None, None, "De Linde", "Weet ik niet", "Mee eens",
            "Helemaal mee oneens", "3 · in evenwicht", None,
        ]
    )  # fmt: skip
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "m/d/yy\\ h:mm:ss"
    book.save(path)
    return path


def ms_forms_dutch_csv(path: Path) -> Path:
    """Dutch account, saved by Excel as "CSV (gescheiden door lijstscheidingsteken)": ';', CRLF,
    Windows-1252 (the ë of Zoë is one byte), day-month-year dates, a quoted cell holding ';'."""
    lines = [
        "ID;Begintijd;Tijd van voltooien;E-mail;Naam;Tijd van laatste wijziging;Organisatie;"
        f"{BELOFTE};{DOEN};{VERTROUWEN}",
        "1;24-11-2026 09:02;24-11-2026 09:14;b.jansen@delinde.nl;Bram Jansen;;"
        '"De Linde; locatie Zuid";Eens;Helemaal eens;Oneens',
        "2;26-11-2026 13:40;26-11-2026 13:52;z.bakker@noord.nl;Zoë Bakker;;Hogeschool Noord;"
        "Neutraal;Helemaal oneens;Eens",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def google_forms_csv(path: Path, stamp: str = "Timestamp") -> Path:
    """Forms "Download responses (.csv)": every field quoted, grids as ``Vraag [Rij]``, the
    timestamp as ``YYYY/MM/DD h:mm:ss AM <TZ>``, CRLF records with a bare LF inside a cell."""
    header = [
        stamp, "Je naam (mag leeg blijven)", "Je organisatie", f"Ambitie van betekenis [{BELOFTE}]",
        f"Ambitie van betekenis [{DOEN}]", HALEN, OPEN,
        f"Aandacht voor persoonlijke relaties [{VERTROUWEN}]",
    ]  # fmt: skip
    rows = [
        [
            "2026/11/24 9:14:40 AM CET", "Carla", "Hogeschool Noord", "helemaal eens", "eens",
            "5 · We halen meer dan we brengen", "Regel een\nregel twee", "oneens",
        ],
        ["2026/11/25 3:01:02 PM CET", "", "De Linde", "weet niet", "neutraal", "", "", ""],
    ]  # fmt: skip
    text = "\r\n".join(",".join(_quote(c) for c in r) for r in [header, *rows]) + "\r\n"
    path.write_text(text, encoding="utf-8")
    return path


def limesurvey_codes_csv(path: Path) -> Path:
    """GUI export, heading = code, answers = codes: BOM, comma, every field quoted, LF; one
    unfinished response (empty submitdate), one from a survey without dates (1980-01-01)."""
    header = [
        "id", "submitdate", "lastpage", "startlanguage", "seed", "naam", "org", "ambitie[belofte]",
        "ambitie[doen]", "ambitieHalenBrengen", "ambitieOpen", "relatie[vertrouwen]",
        "interviewtime", "groupTime12", "ambitieTime",
    ]  # fmt: skip
    rows = [
        ["7", "", "", "nl", "1853425637", "", "Hogeschool Noord", "2", "", "", "", "", "", "", ""],
        [
            "8", "1980-01-01 00:00:00", "4", "nl", "1807567868", "Dirk", "De Linde", "5", "wn",
            "3", "Samen \"echt\" meer", "N/A", "1090.75", "300.1", "20.5",
        ],
    ]  # fmt: skip
    text = "\n".join(",".join(_quote(c) for c in r) for r in [header, *rows]) + "\n"
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    return path


def limesurvey_remote_csv(path: Path) -> Path:
    """RemoteControl ``export_responses``: ';', every field quoted, BOM, CRLF, a trailing empty
    line; token and date-stamp columns switched on."""
    header = [
        "id", "token", "submitdate", "lastpage", "startlanguage", "seed", "startdate",
        "datestamp", "ipaddr", "refurl", "org", "ambitie[belofte]", "ambitie[doen]",
        "relatie[vertrouwen]",
    ]  # fmt: skip
    row = [
        "2543", "abc123", "2026-11-27 10:11:12", "3", "nl", "1417820114", "2026-11-27 10:01:00",
        "2026-11-27 10:11:12", "192.0.2.1", "", "Hogeschool Noord", "1", "2", "4",
    ]  # fmt: skip
    text = "\r\n".join(";".join(_quote(c) for c in r) for r in [header, row]) + "\r\n\r\n"
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    return path


def limesurvey_full_text_csv(path: Path) -> Path:
    """Heading = "code. question [subquestion]" and plain full text; answers = full labels."""
    question = "Hoe kijk je naar deze uitspraken over onze samenwerking?"
    header = [
        "id. Response ID", "submitdate. Date submitted", "lastpage. Last page",
        "startlanguage. Start language", f"ambitie[belofte]. {question} [{BELOFTE}]",
        f"{question} [{DOEN}]", "org. Je organisatie",
    ]  # fmt: skip
    row = ["3", "2026-11-28 08:00:00", "4", "nl", "helemaal eens", "weet niet", "De Linde"]
    text = "\n".join(",".join(_quote(c) for c in r) for r in [header, row]) + "\n"
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    return path


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def read_folder(folder: Path) -> dict[str, dict[str, Any]]:
    """File name -> the loaded YAML of every answer file written."""
    return {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(folder.glob("*.yaml"))}
