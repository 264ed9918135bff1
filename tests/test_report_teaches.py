"""The report teaches the model: where a young partnership starts, a dimension's advice when it is in
zorg, one name per dimension, the legend and the credit; in the view, the terminal and markdown.

The test bank (tests/testbank.py): verkennen holds ambitie.belofte (kort) and relatie.vertrouwen
(kort); delen ambitie.commitment, ambitie.halen-brengen (balans) and relatie.omheen (reversed);
overeenkomen ambitie.doen; vormgeven relatie.samen.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Console

from samenwerk_cli.render.chart import group_chart
from samenwerk_cli.render.markdown import partnership_report
from samenwerk_cli.render.view import group_view
from samenwerk_cli.render.view_model import CREDIT
from samenwerk_cli.render.words import dimension_label
from samenwerk_cli.scoring.groups import score_group
from samenwerk_cli.scoring.trend import partnerships
from samenwerk_cli.terminal.report import print_partnerships
from tests.testbank import BANK, SCORED, answer_file

HEALTHY = dict.fromkeys(SCORED, 4) | {"ambitie.halen-brengen": 3, "relatie.omheen": 2}


def screen(answers: dict) -> str:
    console = Console(width=100, no_color=True, record=True)
    print_partnerships(console, partnerships([answer_file(answers)], BANK), BANK)
    return console.export_text()


def markdown(answers: dict) -> str:
    [partnership] = partnerships([answer_file(answers)], BANK)
    return partnership_report(partnership, BANK, None, dt.date(2026, 11, 29))


def test_a_young_partnership_is_told_where_to_start() -> None:
    # Everything 2: belofte, commitment, doen, vertrouwen, samen score 2; halen-brengen 3; the
    # reversed omheen 4. Fases: verkennen 2, delen (2 + 3 + 4) / 3 = 3, overeenkomen 2,
    # vormgeven 2: none afgerond, so the partnership is young.
    answers = dict.fromkeys(SCORED, 2)
    view = group_view(score_group([answer_file(answers)], BANK), BANK)
    start = view.start
    assert start is not None and start.fase == "Verkennen"
    # Nothing afgerond, so nothing is overgeslagen (verkennen's 2 is simply not done yet).
    assert view.phase.skipped == ()
    # Verkennen's items, weakest first, equal scores in bank order: belofte, then vertrouwen.
    assert [(i.tekst, i.score) for i in start.items] == [
        ("We hebben elkaar iets beloofd.", 2.0),
        ("We vertrouwen elkaar.", 2.0),
    ]
    # Its own advice, or else the dimension's (as for a weak spot).
    assert [i.advies for i in start.items] == [
        "Schrijf de belofte op.",
        "Plan een gezamenlijke activiteit.",
    ]
    assert start.rest == len(score_group([answer_file(answers)], BANK).zwakke_plekken) - 2
    assert [a.tekst for a in view.actions] == [i.tekst for i in start.items]
    text = screen(answers)
    assert "Begin bij de fase Verkennen" in text and "Zwakke plekken (de eerste" not in text
    report = markdown(answers)
    assert "## Waar te beginnen: de fase Verkennen" in report
    assert "## Zwakke plekken" not in report


def test_one_fase_afgerond_is_not_young() -> None:
    # verkennen 4 (afgerond), everything else 2: the weak spots are listed as usual.
    answers = dict.fromkeys(SCORED, 2) | {"ambitie.belofte": 4, "relatie.vertrouwen": 4}
    view = group_view(score_group([answer_file(answers)], BANK), BANK)
    assert view.start is None
    assert "## Zwakke plekken" in markdown(answers)


def test_a_dimension_in_zorg_shows_its_advice() -> None:
    # relatie: vertrouwen 1, omheen answered 5 (reversed: 1), samen 1: 1,0, zorg. ambitie healthy.
    answers = HEALTHY | {"relatie.vertrouwen": 1, "relatie.omheen": 5, "relatie.samen": 1}
    view = group_view(score_group([answer_file(answers)], BANK), BANK)
    assert [(a.naam, a.advies) for a in view.dimension_advice] == [
        ("Relatie — aandacht voor persoonlijke relaties", "Plan een gezamenlijke activiteit.")
    ]
    assert "Dimensie in zorg: Relatie — aandacht voor persoonlijke relaties" in screen(answers)
    assert "- **Relatie — aandacht voor persoonlijke relaties:** Plan een" in markdown(answers)
    assert group_view(score_group([answer_file(HEALTHY)], BANK), BANK).dimension_advice == ()


def test_one_name_per_dimension_in_table_and_chart() -> None:
    assert dimension_label("proces", "Betekenis geven") == "Proces — betekenis geven"
    assert dimension_label("ambitie", "Ambitie van betekenis") == "Ambitie van betekenis"
    group = score_group([answer_file(HEALTHY)], BANK)
    rows = [r.naam for r in group_view(group, BANK).dimensions.rows]
    assert rows == ["Ambitie van betekenis", "Relatie — aandacht voor persoonlijke relaties"]
    svg = group_chart(group, BANK)
    # The chart wraps the model's name under the short one: "Relatie —" / "aandacht voor" / ...
    assert ">Relatie —</text>" in svg and ">aandacht voor</text>" in svg
    assert "Relatie — aandacht voor persoonlijke relaties 4,00" in svg  # the description


def test_legend_and_credit_in_every_report() -> None:
    text = screen(HEALTHY)
    assert "✓ afgerond: het gemiddelde van de fase is 3,5 of hoger." in text
    assert " ".join(text.split()).endswith(CREDIT)
    report = markdown(HEALTHY)
    assert "> ✓ afgerond: het gemiddelde van de fase is 3,5 of hoger." in report
    assert report.rstrip().endswith(f"*{CREDIT}*")
    assert "Common Eye" in CREDIT and "Reflecteren op samenwerken" in CREDIT


def test_a_bank_without_patterns_shows_no_pattern_section() -> None:
    assert group_view(score_group([answer_file(HEALTHY)], BANK), BANK).patterns is None
    assert "Patronen" not in markdown(HEALTHY)
