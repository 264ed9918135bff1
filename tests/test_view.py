"""The report view: what every report says, decided once; expected values worked out by hand.

The test bank (tests/bank/, see tests/testbank.py) has 7 scored items: ambitie belofte (verkennen),
commitment (delen), doen (overeenkomen), halen-brengen (balans, delen); relatie vertrouwen
(verkennen), omheen (reversed, delen), samen (vormgeven).
"""

from __future__ import annotations

import io

from rich.console import Console

from samenwerk_cli.formats.bank import Drempels
from samenwerk_cli.render.view import group_view, listing, summary_row, trend_view
from samenwerk_cli.render.view_model import (
    DISCUSS_GAPS,
    MAX_FLAGS,
    NO_PAIR_DIFFERENCE,
    NO_RWG,
    TOP_WEAK_SPOTS,
    TrendRow,
)
from samenwerk_cli.scoring.groups import score_group
from samenwerk_cli.scoring.items import given_answers
from samenwerk_cli.scoring.trend import partnerships
from samenwerk_cli.terminal.report import view_report
from tests.testbank import BANK, SCORED, answer_file, bank_with, team


def all_answers(value: int) -> dict[str, int | str | None]:
    return dict.fromkeys(SCORED, value)


def test_weak_spots_in_the_order_to_work_on_them_and_actions_take_each_advice_once() -> None:
    # Every answer 1: six items score 1 (zorg); the reversed relatie.omheen scores 5 (sterk).
    view = group_view(score_group([answer_file(all_answers(1))], BANK), BANK)
    spots = view.weak_spots
    assert spots.total == 6 == len(spots.spots)  # the view keeps all; the screen shows 5
    assert TOP_WEAK_SPOTS == 5
    # By phase: verkennen (belofte, vertrouwen), delen, overeenkomen, vormgeven.
    assert [s.tekst for s in spots.spots] == [
        "We hebben elkaar iets beloofd.",
        "We vertrouwen elkaar.",
        "Iedereen zet zich in.",
        "Halen en brengen",
        "We doen wat we afspreken.",
        "We doen dingen samen.",
    ]
    assert [s.position for s in spots.spots] == [1, 2, 3, 4, 5, 6]
    assert spots.spots[1].where == "relatie — aandacht voor persoonlijke relaties · verkennen"
    # The balans item at 1 leans to its first pole, and its advice says so.
    assert spots.spots[3].neiging == "We brengen meer dan we halen"
    assert spots.spots[3].advies.startswith("Jullie neigen naar: We brengen meer dan we halen.")
    assert view.attention.total == 0
    # No phase is afgerond: a young partnership starts with the first phase's items only.
    assert view.start is not None and view.start.fase == "Verkennen"
    assert [(a.advies, a.tekst) for a in view.actions] == [
        ("Schrijf de belofte op.", "We hebben elkaar iets beloofd."),
        ("Plan een gezamenlijke activiteit.", "We vertrouwen elkaar."),
    ]


def test_one_anonymous_respondent_has_no_agreement_and_no_differences() -> None:
    view = group_view(score_group([answer_file(all_answers(4))], BANK), BANK)
    assert view.header.n == 1 and view.header.respondent == "anoniem"
    assert not view.dimensions.team and NO_RWG in view.dimensions.notes
    assert all(row.rwg is None for row in view.dimensions.rows)
    assert view.confusion is None and view.pair is None and view.organisations is None
    # relatie.omheen: 4 reversed scores 2 (zorg): a weak spot; the balans item scores
    # 5 - 2·|4 - 3| = 3 (aandacht): an aandachtspunt, listed apart.
    assert [s.score for s in view.weak_spots.spots] == [2.0]
    assert [(s.score, s.band) for s in view.attention.spots] == [(3.0, "aandacht")]


def test_confusion_lists_at_most_max_flags_statements_per_dimension() -> None:
    # Three respondents answer ambitie 1, 5, 1 and relatie 3, 3, 3. Every ambitie item: raw
    # answers on both sides of the midpoint and AD = (4/3 + 8/3 + 4/3) / 3 = 16/9 ≈ 1.78 >= 0.83.
    relatie = {i: 3 for i in SCORED if i.startswith("relatie")}
    sets = [{**all_answers(a), **relatie} for a in (1, 5, 1)]
    view = group_view(score_group(team(*sets), BANK), BANK)
    assert view.confusion is not None and len(view.confusion) == 1
    ambitie = view.confusion[0]
    assert ambitie.naam == "Ambitie van betekenis"
    assert ambitie.items.total == 4 and len(ambitie.items.shown) == MAX_FLAGS == 3
    assert ambitie.items.more == 1
    # Equal AD: bank order.
    assert ambitie.items.shown == (
        "We hebben elkaar iets beloofd. (AD 1,78)",
        "Iedereen zet zich in. (AD 1,78)",
        "We doen wat we afspreken. (AD 1,78)",
    )


def test_two_respondents_differ_on_raw_answers_two_or_more_apart() -> None:
    first = answer_file(
        {"ambitie.belofte": 1, "ambitie.commitment": 2, "relatie.omheen": 5, "ambitie.doen": 1},
        path="a.yaml",
        respondent="Anna",
    )
    second = answer_file(
        {
            "ambitie.belofte": 3,
            "ambitie.commitment": 3,
            "relatie.omheen": 1,
            "ambitie.doen": "weet niet",
        },
        path="b.yaml",
        organisatie="De Linde",
    )
    view = group_view(score_group([first, second], BANK), BANK)
    assert view.pair is not None and view.confusion is None
    assert view.pair.names == ("Anna", "De Linde")  # no name: the organisation
    assert [(r.tekst, r.first, r.second) for r in view.pair.rows] == [
        ("We hebben elkaar iets beloofd.", 1, 3),  # 2 apart
        ("Er zijn onderwerpen waar we omheen praten.", 5, 1),  # raw answers, not scores
    ]


def test_written_answers_once_per_text_with_every_name() -> None:
    note = {"ambitie.open": "Meer rust"}
    files = [
        answer_file(all_answers(3), path="a.yaml", respondent="Anna", toelichting=note),
        answer_file(all_answers(3), path="b.yaml", toelichting=note),
        answer_file(all_answers(3), path="c.yaml", respondent="Bram", toelichting=note),
        answer_file(
            all_answers(3), path="d.yaml", respondent="Carla", toelichting={"ambitie.open": "Tijd"}
        ),
    ]
    view = group_view(score_group(files, BANK), BANK)
    (block,) = view.written
    assert (block.kind, block.vraag) == ("Open vraag", "Wat willen we bereiken?")
    assert [(e.text, e.names) for e in block.entries] == [
        ("Meer rust", "Anna en Bram"),
        ("Tijd", "Carla"),
    ]


def test_organisation_gaps_name_the_dimension() -> None:
    # Noord answers 5 everywhere, Zuid 1: ambitie (5 + 5 + 5 + 1) / 4 = 4 against 1 (the balans
    # item scores 1 for both 1 and 5); relatie has the reversed
    # item, so Noord (5, 1, 5) = 11/3 and Zuid (1, 5, 1) = 7/3, a gap of 4/3 >= 1.
    files = [
        answer_file(all_answers(5), path="a.yaml", organisatie="Noord"),
        answer_file(all_answers(1), path="b.yaml", organisatie="Zuid"),
    ]
    hidden = group_view(score_group(files, BANK), BANK).organisations
    assert hidden is not None and hidden.columns == () and len(hidden.notes) == 2
    assert hidden.notes[0].startswith("Noord (1 respondent) heeft geen eigen kolom")
    one = bank_with(drempels=Drempels(organisatie_minimum=1))  # as --min-per-organisatie 1
    orgs = group_view(score_group(files, one), one).organisations
    assert orgs is not None
    assert orgs.columns == (("Noord", 1), ("Zuid", 1))
    assert [(g.dimensie, g.hoog, g.laag) for g in orgs.gaps] == [
        ("Ambitie van betekenis", "Noord", "Zuid"),
        ("Relatie — aandacht voor persoonlijke relaties", "Noord", "Zuid"),
    ]
    assert orgs.gaps[1].verschil == 1.33  # 4/3 as the report shows it


def test_trend_view_caps_the_lists_and_says_the_change() -> None:
    before = answer_file(all_answers(1), path="a.yaml", ronde="2025")
    after = answer_file(all_answers(5), path="b.yaml", ronde="2026")
    (found,) = partnerships([before, after], BANK)
    assert found.trend is not None
    view = trend_view(found.trend, BANK, limit=2)
    assert (view.vorige, view.huidige) == ("2025", "2026")
    # 2025: six items score 1. 2026: the balans item still scores 1 (5 - 2·|5 - 3|), so five
    # are solved; relatie.omheen (reversed, 6 - 5 = 1) is new.
    assert view.solved.total == 5 and len(view.solved.shown) == 2 and view.solved.more == 3
    assert view.new.shown == ("Er zijn onderwerpen waar we omheen praten.",)
    assert view.threshold == "Een pijl staat alleen bij een verandering van 0,5 of meer."
    assert TrendRow("x", 2.0, 3.0, 1.0, "omhoog").change == "+1,00 ▲ beter"
    assert TrendRow("x", 3.0, 2.75, -0.25, None).change == "-0,25"
    assert TrendRow("x", None, 3.0, None, None).change == ""


def test_summary_row_takes_the_worst_band() -> None:
    row = summary_row(score_group([answer_file(all_answers(4))], BANK), BANK)
    # ambitie (4 + 4 + 4 + 3) / 4 = 3.75 and relatie (4 + 2 + 4) / 3 = 10/3: both aandacht
    assert row.worst == "aandacht" and row.n == 1
    assert row.scores == (3.75, 3.33)  # 10/3 as shown


def test_listing_counts_what_it_leaves_out() -> None:
    assert listing(["a", "b", "c"], 2).more == 1
    assert listing([], 2).more == 0


def test_given_answers_are_scored_per_respondent() -> None:
    files = [
        answer_file(
            {"relatie.omheen": 2, "ambitie.halen-brengen": 2, "ambitie.belofte": "weet niet"},
            path="a.yaml",
            toelichting={"ambitie.open": "Iets", "ambitie.belofte": "bij een stelling"},
        ),
        answer_file({"ambitie.doen": 4, "ambitie.commitment": None}, path="b.yaml"),
    ]
    given = list(given_answers(score_group(files, BANK), BANK))
    assert [(g.position, g.vraag.id, g.antwoord, g.score) for g in given] == [
        (1, "ambitie.belofte", "weet niet", None),  # a comment on a statement is not listed
        (1, "ambitie.halen-brengen", 2, 3.0),  # balans: 5 - 2·|2 - 3|
        (1, "ambitie.open", "Iets", None),
        (1, "relatie.omheen", 2, 4.0),  # reversed: 6 - 2
        (2, "ambitie.doen", 4, 4.0),  # a null answer is no answer
    ]


def render(view_group: object) -> str:
    out = io.StringIO()
    Console(file=out, width=100, no_color=True, highlight=False).print(view_group)
    return out.getvalue()


def test_terminal_shows_user_text_literally_and_discusses_gaps_once() -> None:
    files = [
        answer_file(all_answers(5), path="a.yaml", respondent="[bold]Anna[/]", organisatie="[b]N"),
        answer_file(all_answers(1), path="b.yaml", organisatie="Zuid"),
    ]
    one = bank_with(drempels=Drempels(organisatie_minimum=1))
    group = score_group(files, one)
    text = render(view_report(group_view(group, one)))
    assert "[bold]Anna[/]" in text  # the pair's column header, not markup
    assert "[b]N (n=1)" in text
    hidden = render(view_report(group_view(score_group(files, BANK), BANK)))
    assert "[b]N (1 respondent) heeft geen eigen kolom" in " ".join(hidden.split())
    assert text.count(" ".join(DISCUSS_GAPS.split()[:4])) == 1


def test_terminal_two_respondents_who_agree() -> None:
    files = team(all_answers(3), all_answers(4))
    text = render(view_report(group_view(score_group(files, BANK), BANK)))
    assert " ".join(text.split()).count(NO_PAIR_DIFFERENCE) == 1


def test_no_renderer_imports_the_scoring_code() -> None:
    """Renderers read results; only scoring (and the commands that call it) computes them."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "src" / "samenwerk_cli"
    computing = {"groups", "agreement", "teams", "phases", "batch"}
    found = []
    for path in [*(package / "render").glob("*.py"), *(package / "terminal").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[:2] == ["samenwerk_cli", "scoring"] and computing & set(parts[2:]):
                    found.append(f"{path.name}: {name}")
    assert found == []
