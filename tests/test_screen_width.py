"""Every screen of ``reflect`` and ``questions list`` on a laptop (80) and a projector (100 × 30):
no line wider than the screen, every statement's text visible whole (issue 17)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.formats.group_file import Deelnemer
from samenwerk_cli.formats.names import dimension_label
from samenwerk_cli.session import dialog
from samenwerk_cli.session.engine import scale_titles
from samenwerk_cli.session.group import (
    Closing,
    DiscussRow,
    GroupIntro,
    GroupResumed,
    Outcome,
    Statement,
)
from samenwerk_cli.session.single import review_pages
from samenwerk_cli.terminal import ending, group_screens, screens

WIDTHS = (80, 100)
LONG = "Een toelichting die met opzet veel te lang is voor een kolom op een smal scherm. " * 2


@pytest.fixture(scope="module")
def bank() -> Bank:
    return bank_mod.load(None)


def console(width: int, height: int = 30) -> Console:
    return Console(file=io.StringIO(), width=width, height=height, color_system=None, record=True)


def lines_of(con: Console) -> list[str]:
    return con.export_text().splitlines()


def flat(text: str) -> str:
    """Whitespace collapsed and box characters gone: wrapped text reads as one line again."""
    return " ".join(re.sub(r"[│┃║━─┏┓┗┛┡┩╇┳┻┼╋┠┨╭╮╰╯|]", " ", text).split())


def assert_fits(lines: list[str], width: int) -> None:
    """A command to copy is one line on purpose (the terminal wraps it, copying keeps it whole)."""
    wide = [line for line in lines if len(line) > width and not line.startswith("  samenwerk ")]
    assert not wide, f"{len(wide)} lines wider than {width}: {wide[:2]}"


@pytest.mark.parametrize("width", WIDTHS)
def test_questions_list_shows_every_statement_whole(bank: Bank, width: int) -> None:
    result = CliRunner().invoke(
        app, ["questions", "list"], env={"NO_COLOR": "1", "COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.output
    assert_fits(result.stdout.splitlines(), width)
    shown = flat(result.stdout)
    missing = [v.id for v in bank.vragen if flat(v.tekst) not in shown]
    assert not missing
    assert all(v.id.split(".", 1)[1] in shown for v in bank.vragen)  # the id, at least its name
    if width >= 100:
        assert all(v.id in shown for v in bank.vragen)


def test_questions_list_wide_has_a_column_per_property(bank: Bank) -> None:
    result = CliRunner().invoke(app, ["questions", "list"], env={"NO_COLOR": "1", "COLUMNS": "160"})
    header = next(line for line in result.stdout.splitlines() if " tekst" in line)
    assert header.split() == ["id", "fase", "thema", "soort", "tekst"]


def review_rows(bank: Bank) -> tuple[dialog.ReviewRow, ...]:
    rows = []
    for nr, v in enumerate(bank.vragen, 1):
        answer = f"5 · {scale_titles(bank, v)[4]}" if v.scored else LONG
        rows.append(
            dialog.ReviewRow(
                nr,
                dimension_label(v.dimensie, bank.dimensie(v.dimensie).naam),
                v.tekst,
                answer,
                LONG if nr % 7 == 0 else "",
            )
        )
    return tuple(rows)


def review_texts(lines: list[str], headers: set[str]) -> dict[int, str]:
    """The 'vraag' column of a review table, per number, wrapped lines joined; the dimension
    ``headers`` and comments left out."""
    header = next(line for line in lines if line.split()[:3] == ["nr", "vraag", "antwoord"])
    start, end = header.index("vraag"), header.index("antwoord")
    texts: dict[int, list[str]] = {}
    current = None
    for line in lines[lines.index(header) + 2 :]:
        nr, vraag = line[:start].strip(), line[start:end].strip()
        if nr.isdigit():
            current = int(nr)
            texts[current] = []
        if vraag.startswith("toelichting:") or vraag in headers:
            current = None
        if current is not None and vraag:
            texts[current].append(vraag)
    return {nr: " ".join(parts) for nr, parts in texts.items()}


@pytest.mark.parametrize("width", WIDTHS)
def test_review_pages_fit_a_30_line_screen_and_show_every_statement(bank: Bank, width: int) -> None:
    con = console(width)
    rows = review_rows(bank)
    pages = review_pages(rows, lambda some: screens.review_fits(con, some))
    assert len(pages) > 1 and sorted(i for p in pages for i in p) == list(range(len(rows)))
    seen: dict[int, str] = {}
    for n, page in enumerate(pages, 1):
        con = console(width)
        screens.show(con, dialog.Review(tuple(rows[i] for i in page), n, len(pages)))
        lines = lines_of(con)
        assert_fits(lines, width)
        assert len(lines) + screens.REVIEW_PROMPT_LINES <= 30 or len(page) == 1
        assert f"bladzijde {n} van {len(pages)}" in lines[1]
        assert all(f"toelichting: {rows[i].toelichting[:20]}" in flat("\n".join(lines))
                   for i in page if rows[i].toelichting)  # fmt: skip
        seen.update(
            review_texts(lines, {dimension_label(d.id, d.naam) for d in bank.model.dimensies})
        )
    assert seen == {r.nr: r.vraag for r in rows}


@pytest.mark.parametrize("width", WIDTHS)
def test_single_session_screens_fit(bank: Bank, width: int) -> None:
    con = console(width)
    dims = tuple((dimension_label(d.id, d.naam), d.kern) for d in bank.model.dimensies)
    for event in (
        dialog.Intro(bank.model.titel, dims, 1, 1, 1, True),
        dialog.Resumed("Opleidingsschool Noord", "Anna", 1, 80, False),
        dialog.DimensionHeader(bank.model.dimensies[0].naam, bank.model.dimensies[0].kern),
        dialog.Progress("Ambitie 3/12 · totaal 15/58"),
        dialog.Help(LONG),
        dialog.Notice(LONG),
    ):
        screens.show(con, event)
    lines = lines_of(con)
    assert_fits(lines, width)
    text = flat("\n".join(lines))
    assert "1 stelling, 1 open vraag" in text and "1 stelling(en)" not in text
    assert "1 van de 80 vragen is al beantwoord" in text
    assert "v of ← = vorige vraag" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_group_screens_fit_and_show_the_statement(bank: Bank, width: int) -> None:
    room = tuple(
        Deelnemer(f"Deelnemer met een lange naam {i}", "Stichting voor Openbaar Onderwijs")
        for i in range(1, 7)
    )
    balans = next(v for v in bank.vragen if v.soort == "balans")
    con = console(width)
    group_screens.show(con, GroupIntro(bank.model.titel, room, 1, 2, 90, False))
    group_screens.show(con, GroupResumed("Noord", room, 1, 80))
    for v in [*bank.vragen[:12], balans]:
        scale = tuple(f"{n} · {t}" for n, t in enumerate(scale_titles(bank, v), 1))
        group_screens.show(con, Statement("Ambitie 1/12 · totaal 1/80", v.tekst, scale, v.uitleg))
    names = tuple(d.naam for d in room)
    rows = ((f"{n} · label", names[:2] if n == 4 else ()) for n in range(1, 6))
    group_screens.show(con, Outcome((*rows, ("weet niet", names[2:])), 4.0, None, cijfers=2))
    discuss = tuple(DiscussRow(i, v.tekst, "1×1 · 5×2", 3.25, "reden", LONG) for i, v in
                    enumerate(bank.scored[:8], 1))  # fmt: skip
    group_screens.show(con, Closing(discuss, 1))
    lines = lines_of(con)
    assert_fits(lines, width)
    text = flat("\n".join(lines))
    for v in [*bank.vragen[:12], balans]:
        assert flat(v.tekst) in text
    assert "bijvoorbeeld '4 5 2 3 4 3'" in text  # one number per participant
    assert "1 van de 80 vragen is al beantwoord" in text
    assert "1 stelling, 2 open vragen" in text
    assert "van de 1 stelling is gemarkeerd" not in text  # 8 rows: "zijn"


def test_the_mean_of_a_room_is_not_rounded_to_even() -> None:
    assert group_screens.mean(13 / 4) == "3,25"  # 3 + 3 + 3 + 4
    assert group_screens.mean(11 / 4) == "2,75"
    assert group_screens.mean(7 / 2) == "3,5"
    assert group_screens.mean(3.0) == "3,0"
    assert group_screens.mean(10 / 3) == "3,33"
    assert group_screens.mean(None) == "–"


@pytest.mark.parametrize(
    ("cijfers", "said"), [(0, "niemand gaf een cijfer"), (1, "maar één cijfer gegeven")]
)
def test_no_numbers_is_not_close_together(cijfers: int, said: str) -> None:
    con = console(80)
    rows = (("1 · oneens", ("Anna",) * cijfers), ("weet niet", ("Bram", "Carla")))
    group_screens.show(con, Outcome(rows, 1.0 if cijfers else None, None, cijfers=cijfers))
    text = flat(con.export_text())
    assert said in text and "dicht bij elkaar" not in text and "gemiddelde" not in text


def test_a_balans_outcome_shows_positions_not_a_mean() -> None:
    con = console(80)
    rows = (("1 · halen", ("Anna",)), ("5 · brengen", ("Bram",)), ("weet niet", ()))
    outcome = Outcome(
        rows, 3.0, "beide kanten", cijfers=2, posities="1 naar 'halen' · 1 naar 'brengen'"
    )
    group_screens.show(con, outcome)
    text = flat(con.export_text())
    assert "posities 1 naar 'halen' · 1 naar 'brengen'" in text and "gemiddelde" not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_the_end_of_reflect_fits_one_screen(bank: Bank, width: int, tmp_path: Path) -> None:
    from samenwerk_cli.formats.answers import FORMAT, AnswerFile, Antwoorden
    from samenwerk_cli.scoring import score_answers

    data = Antwoorden(
        formaat=FORMAT,
        vragenlijst=bank.naam,
        versie=bank.versie,
        partnerschap="Opleidingsschool Noord",
        ronde="2026-najaar",
        antwoorden={v.id: 4 for v in bank.scored},
    )
    path = Path("opleidingsschool-noord-anna-de-vries-2026-11-28.yaml")
    con = console(width)
    ending.saved_single(con, path)
    ending.short_report(con, score_answers([AnswerFile(str(path), data)], bank), path)
    lines = lines_of(con)
    assert_fits(lines, width)
    assert len(lines) <= 30
    assert f"samenwerk score {path}" in flat("\n".join(lines))
    if width >= 100:
        assert all(len(line) <= width for line in lines)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_end_of_a_group_session_fits_one_screen(bank: Bank, width: int) -> None:
    from samenwerk_cli.formats.answers import FORMAT, AnswerFile, Antwoorden
    from samenwerk_cli.scoring import score_answers

    discuss = tuple(DiscussRow(i, v.tekst, "1×1 · 5×2", 3.25, "reden", "Kort samengevat.")
                    for i, v in enumerate(bank.scored[:20], 1))  # fmt: skip
    files = [
        AnswerFile(
            f"team/0{i}.yaml",
            Antwoorden(
                formaat=FORMAT,
                vragenlijst=bank.naam,
                versie=bank.versie,
                partnerschap="Noord",
                antwoorden={v.id: i + 2 for v in bank.scored},
            ),
        )
        for i in range(1, 4)
    ]
    con = console(width)
    group_screens.show(con, Closing(discuss, 80))
    ending.saved_group(con, Path("team"), 3)
    ending.short_report(con, score_answers(files, bank), Path("team"))
    lines = lines_of(con)
    assert_fits(lines, width)
    assert len(lines) <= 30
    text = flat("\n".join(lines))
    assert "20 van de 80 stellingen zijn gemarkeerd als BESPREKEN" in text
    assert "… en nog" in text and "het hele overzicht staat in het rapport" in text
    assert "Samen bereiken we" in text and "samenwerk score team" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_the_folder_a_group_session_writes_stays_on_one_line(width: int) -> None:
    con = console(width)
    folder = Path("uitvoer/opleidingsschool-noord-groep-2026-11-29-2")
    ending.writes_to(
        con, folder, folder.with_name(folder.name[:-2]), "De antwoorden (een bestand per deelnemer)"
    )
    lines = lines_of(con)
    assert_fits(lines, width)
    assert any(str(folder) in line for line in lines)  # whole, never broken
    assert any(f"{folder.name[:-2]} bestond al" in line for line in lines)
