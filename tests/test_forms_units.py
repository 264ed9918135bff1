"""The pure parts of the forms package: reading tables, dates, codes, labels."""

from __future__ import annotations

import csv
import datetime as dt
import io

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.answers import parse
from samenwerk_cli.forms import codes, match, tabular

cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=12
)


@settings(max_examples=150, deadline=None)
@given(
    header=st.lists(cells.filter(lambda c: c.strip()), min_size=2, max_size=5),
    body=st.lists(st.lists(cells, min_size=5, max_size=5), max_size=4),
    delimiter=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_any_csv_a_tool_writes_reads_back(
    header: list[str], body: list[list[str]], delimiter: str, bom: bool, crlf: bool
) -> None:
    """Quoting, newlines inside cells, BOM and line ends: what goes in comes out, cell for cell."""
    width = len(header)
    rows = [r[:width] for r in body if any(c.strip() for c in r[:width])]
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n" if crlf else "\n"
    )
    writer.writerows([header, *rows])
    raw = ("\ufeff" if bom else "") + buffer.getvalue()
    table = tabular.parse_text(raw.encode("utf-8"), "x.csv")
    assert table.header == header
    assert table.rows == rows


def test_delimiter_is_the_one_outside_quotes() -> None:
    assert tabular.sniff_delimiter('ID;Naam;"Samen, of alleen?";X\n') == ";"
    assert tabular.sniff_delimiter('"a;b","c;d",e\n') == ","
    assert tabular.sniff_delimiter("a\tb, c\td\n", prefer_tab=True) == "\t"
    assert tabular.sniff_delimiter("alleen\n") == ","


def test_encodings() -> None:
    assert tabular.decode("Zoë".encode("utf-16"), "x") == ("Zoë", [])
    assert tabular.decode(b"\xef\xbb\xbfZo\xc3\xab", "x") == ("Zoë", [])
    text, warnings = tabular.decode(b"Zo\xeb \x97 ok", "x.csv")
    assert text == "Zoë — ok"
    assert len(warnings) == 1 and "Windows-1252" in warnings[0].message


def test_row_numbers_count_records_not_lines() -> None:
    raw = b'kop,b\r\n"een\ntwee",x\r\n\r\nlaatste,y\r\n'
    table = tabular.parse_text(raw, "x.csv")
    assert table.rows == [["een\ntwee", "x"], ["laatste", "y"]]
    assert table.numbers == [2, 4]  # the empty record is row 3, as a spreadsheet shows it


@pytest.mark.parametrize(
    ("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letters(index: int, letters: str) -> None:
    assert tabular.column_letter(index) == letters


@pytest.mark.parametrize(
    ("cell", "dayfirst", "expected"),
    [
        ("11/24/26 9:14:40", False, dt.date(2026, 11, 24)),  # Microsoft Forms, English
        ("2026/11/24 9:14:40 AM CET", False, dt.date(2026, 11, 24)),  # Google Forms download
        ("11/24/2026 9:14:40", False, dt.date(2026, 11, 24)),  # Google Sheets
        ("05/06/2026 9:14:40", False, dt.date(2026, 5, 6)),
        ("05/06/2026 9:14:40", True, dt.date(2026, 6, 5)),
        ("24-11-2026 09:14", False, dt.date(2026, 11, 24)),  # Dutch Excel
        ("24.11.2026", False, dt.date(2026, 11, 24)),
        ("2026-11-24 09:14:40", False, dt.date(2026, 11, 24)),  # LimeSurvey
        ("46350.39", False, dt.date(2026, 11, 24)),  # an Excel serial saved as text
        (dt.datetime(2026, 11, 24, 9, 14), False, dt.date(2026, 11, 24)),
        ("  ", False, None),
    ],
)
def test_dates_of_the_tools(
    cell: str | dt.datetime, dayfirst: bool, expected: dt.date | None
) -> None:
    assert match.parse_date(cell, dayfirst) == expected


@pytest.mark.parametrize("cell", ["gisteren", "13/13/2026", "2026-02-30"])
def test_not_a_date(cell: str) -> None:
    with pytest.raises(ValueError):
        match.parse_date(cell)


def test_day_first_is_decided_per_column() -> None:
    assert match.day_first(["05/06/2026", "24/06/2026"]) is True
    assert match.day_first(["05/06/2026", "06/24/2026", ""]) is False


@given(st.text(min_size=1, max_size=80))
def test_codes_are_valid_limesurvey_codes_and_stable(text: str) -> None:
    code = codes.code(text)
    assert len(code) <= 20 and code[0].isascii() and code[0].isalpha()
    assert code.isascii() and code.isalnum()
    assert codes.code(text) == code


def test_codes_of_the_builtin_bank_are_unique_per_question() -> None:
    bank = bank_mod.load()
    own = [codes.question_code(v) for v in bank.vragen if v.soort != "stelling"]
    arrays = [codes.dimension_code(d.id) for d in bank.model.dimensies]
    everything = [*own, *arrays, codes.NAAM_CODE, codes.ORG_CODE]
    assert len(everything) == len(set(everything))
    for d in bank.model.dimensies:
        subs = [
            codes.statement_code(v)
            for v in bank.vragen
            if v.dimensie == d.id and v.soort == "stelling"
        ]
        assert len(subs) == len(set(subs))
    assert codes.code("organisatie.onder-overorganisatie") == codes.code(
        "organisatie.onder-overorganisatie"
    )
    assert codes.code("ambitie.halen-brengen") == "ambitieHalenBrengen"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Helemaal mee oneens", 1), ("HELEMAAL ONEENS", 1), ("Strongly disagree", 1),
        ("Mee oneens", 2), ("oneens", 2), ("Disagree", 2),
        ("Neutraal", 3), ("Neither agree nor disagree", 3),
        ("Mee eens", 4), ("Agree", 4), ("eens ", 4),
        ("Helemaal mee eens", 5), ("Strongly agree", 5), ("5", 5),
        ("Weet ik niet", "weet niet"), ("Geen mening", "weet niet"), ("wn", "weet niet"),
        ("n.v.t.", "weet niet"), ("N/A", codes.NO_ANSWER), ("", codes.NO_ANSWER),
    ],
)  # fmt: skip
def test_labels_and_their_usual_variants(cell: str, expected: object) -> None:
    bank = bank_mod.load()
    statement = next(v for v in bank.vragen if v.soort == "stelling")
    assert codes.scale(bank).read(statement, cell) == expected


def test_balans_cells() -> None:
    bank = bank_mod.load()
    v = next(v for v in bank.vragen if v.soort == "balans")
    scale = codes.scale(bank)
    assert [scale.read(v, option) for option in codes.balans_options(v)] == [1, 2, 3, 4, 5]
    assert scale.read(v, v.polen[1]) == 5
    assert scale.read(v, "in evenwicht") == 3
    with pytest.raises(KeyError):
        scale.read(v, "Soms")


def test_old_answer_files_stay_valid_and_bron_is_read(mini_bank) -> None:
    bank = bank_mod.load(mini_bank)
    base = "formaat: samenwerk-antwoorden/1\nvragenlijst: mini\nversie: '1.10'\npartnerschap: P\n"
    assert parse(base, bank).data.bron is None
    assert parse(base + "bron: ms.xlsx, rij 7\n", bank).data.bron == "ms.xlsx, rij 7"
    with pytest.raises(SamenwerkError):
        parse(base + "bron: [1, 2]\n", bank)


@settings(max_examples=100, deadline=None)
@given(
    values=st.lists(st.sampled_from([1, 2, 3, 4, 5, "weet niet", None]), min_size=0, max_size=20),
    notes=st.dictionaries(st.sampled_from(["a.b", "ambitie.open", "x.y-z"]), st.text(max_size=30)),
    respondent=st.none() | st.text(max_size=20),
)
def test_fast_yaml_is_exactly_the_answer_file_format(
    values: list[object], notes: dict[str, str], respondent: str | None
) -> None:
    import datetime as dt

    from samenwerk_cli.formats import answers
    from samenwerk_cli.forms import importer

    ids = [f"dim.item-{i}" for i in range(len(values))]
    data = answers.Antwoorden(
        formaat=answers.FORMAT, vragenlijst="standaard", versie="2026.1", partnerschap="P: 'x'",
        respondent=respondent, datum=dt.date(2026, 11, 24), compleet=True, bron="a.csv, rij 2",
        antwoorden=dict(zip(ids, values)), toelichting=notes,
    )  # fmt: skip
    other = msgspec.structs.replace(data, respondent=None, toelichting={}, antwoorden={})
    assert importer.to_yaml_many([data, other, data]) == [
        answers.to_yaml(data),
        answers.to_yaml(other),
        answers.to_yaml(data),
    ]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["x.csv", "x.tsv", "x.xlsx"]))
def test_any_bytes_read_as_a_table_or_a_dutch_error(raw: bytes, name: str) -> None:
    try:
        table = (
            tabular._from_xlsx(raw, name)
            if name.endswith("xlsx")
            else tabular.parse_text(raw, name, prefer_tab=name.endswith("tsv"))
        )
    except SamenwerkError as exc:
        assert all(p.file == name for p in exc.problems)
    else:
        assert all(len(r) == len(table.header) for r in table.rows)


WORDS = [
    "We hebben elkaar iets beloofd.", "We doen wat…", "Ambitie van betekenis [We doen wat we afspreken.]",
    "ambitie[belofte]", "ambitieHalenBrengen", "Timestamp", "Naam", "Organisatie", "org", "",
    "eens", "Soms", "3", "N/A", "wn", "11/24/26 9:14:40", "gisteren", "2 · neigt naar 1", "\n", "…",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    header=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), min_size=1, max_size=6),
    rows=st.lists(
        st.lists(st.sampled_from(WORDS) | st.text(max_size=8), min_size=6, max_size=6), max_size=4
    ),
)
def test_any_table_imports_or_names_its_problems(header: list[str], rows: list[list[str]]) -> None:
    """Whatever the columns and cells, the importer gives answers or Dutch problems, never a crash;
    every answer it gives is one an answer file may hold."""
    from samenwerk_cli.forms import importer
    from tests.testbank import BANK

    width = len(header)
    table = tabular.Table("x.csv", header, [r[:width] for r in rows], list(range(2, 2 + len(rows))))
    options = importer.Options("PS")
    try:
        result = importer.convert(importer.plan_tables([table], BANK, options), BANK, options)
    except SamenwerkError as exc:
        assert exc.problems and all(p.file == "x.csv" or p.file is None for p in exc.problems)
        return
    for item in result.imported:
        for item_id, value in item.data.antwoorden.items():
            assert BANK.by_id[item_id].scored
            assert value in (1, 2, 3, 4, 5, "weet niet", None)
        text = importer.to_yaml_many([item.data])[0]
        assert parse(text, BANK).data == item.data  # a valid answer file, read back the same
