"""Patterns of the built-in bank: one constructed team per pattern, and a healthy team with none.

Each team answers only the items its story needs (an item nobody was asked does not count), so
every figure below is worked out by hand from the answers written in the test.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import bank as bank_format
from samenwerk_cli.scoring.groups import score_group
from samenwerk_cli.scoring.patterns import lean
from samenwerk_cli.scoring.results import GroupResult
from tests.testbank import answer_file

ROOT = Path(__file__).resolve().parents[1]
BANK = bank_format.load(ROOT / "vragen")


def same(answers: dict[str, int], n: int = 3) -> GroupResult:
    """A team of ``n`` respondents who all give the same answers."""
    return score_group([answer_file(answers, path=f"r{i}.yaml") for i in range(n)], BANK)


def raw_answers(per_person: dict[str, tuple[int, ...]], orgs: tuple[str, ...] = ()) -> GroupResult:
    """A team where item -> (answer of respondent 1, 2, ...); ``orgs`` names their organisations."""
    n = len(next(iter(per_person.values())))
    files = [
        answer_file(
            {item: answers[i] for item, answers in per_person.items()},
            path=f"r{i}.yaml",
            **({"organisatie": orgs[i]} if orgs else {}),
        )
        for i in range(n)
    ]
    return score_group(files, BANK)


def found(group: GroupResult) -> list[str]:
    return [p.id for p in group.patronen]


def r(value: object) -> object:
    """Floats to 9 decimals, so a mean and the fraction worked out by hand compare equal."""
    return round(float(value), 9) if isinstance(value, (float, Fraction)) else value


def figures(group: GroupResult, pattern: str) -> set[tuple]:
    hit = next(p for p in group.patronen if p.id == pattern)
    return {(f.soort, f.id, f.maat, r(f.waarde), f.organisatie, r(f.positie)) for f in hit.cijfers}


def test_a_healthy_team_shows_no_pattern() -> None:
    # Every stelling scores 4 (a reversed one answered 2), every balans sits in the middle (3).
    answers = {}
    for v in BANK.scored:
        answers[v.id] = 3 if v.soort == "balans" else (2 if v.omgekeerd else 4)
    orgs = ("Hogeschool", "Hogeschool", "School", "School")
    group = raw_answers({item: (a,) * 4 for item, a in answers.items()}, orgs)
    assert all(d.band == "sterk" for d in group.dimensies)
    assert found(group) == []


def test_schijnsamenwerking_structure_runs_while_the_ambition_is_not_shared() -> None:
    group = same(
        {
            "relatie.kennismaken": 4,  # verkennen
            "relatie.vertrouwen": 4,  # delen
            "organisatie.vorm-volgt-ambitie": 4,  # overeenkomen
            "proces.evaluatie": 4,  # uitvoeren
            "ambitie.doen": 2,  # uitvoeren
            "ambitie.volhouden": 2,  # uitvoeren
        }
    )
    # ambitie (2 + 2) / 2 = 2 (zorg); organisatie 4 and proces 4 (both reach 3,5).
    # Verkennen, delen and overeenkomen are afgerond: not "straight to the convenant".
    assert found(group) == ["schijnsamenwerking"]
    assert figures(group, "schijnsamenwerking") == {
        ("dimensie", "ambitie", "score", 2.0, None, None),
        ("dimensie", "organisatie", "score", 4.0, None, None),
        ("dimensie", "proces", "score", 4.0, None, None),
    }


def test_meteen_naar_het_convenant_later_phases_settled_while_delen_is_not() -> None:
    group = same(
        {
            "relatie.kennismaken": 4,  # verkennen 4: afgerond
            "belangen.organisatie": 2,  # delen
            "belangen.standpunten": 3,  # delen (2 + 3) / 2 = 2,5: not afgerond
            "organisatie.besluitvorming": 4,  # overeenkomen 4: afgerond
            "organisatie.wie-doet": 4,  # vormgeven 4: afgerond
        }
    )
    assert found(group) == ["meteen-naar-afspraken"]
    assert figures(group, "meteen-naar-afspraken") == {
        ("fase", "overeenkomen", "afgerond", True, None, None),
        ("fase", "overeenkomen", "score", 4.0, None, None),
        ("fase", "vormgeven", "afgerond", True, None, None),
        ("fase", "vormgeven", "score", 4.0, None, None),
        ("fase", "delen", "afgerond", False, None, None),
        ("fase", "delen", "score", 2.5, None, None),
    }


def test_juichbegrippen_ambition_scores_well_but_is_read_differently() -> None:
    group = raw_answers(
        {
            "ambitie.meerwaarde": (5, 5, 5, 5),
            "ambitie.herkenning": (4, 4, 4, 4),
            "ambitie.begrip": (2, 2, 5, 5),  # mean 3,5; AD = |±1,5| = 1,5 ≥ 0,83, both sides of 3
        }
    )
    # ambitie (5 + 4 + 3,5) / 3 = 25/6 ≥ 3,5. rwg(J): item variances 0, 0 and 9/3 = 3, mean 1,
    # so 3 · (1 − 1/2) / (3 · (1 − 1/2) + 1/2) = 0,75: the dimension as a whole still agrees.
    ambitie = next(d for d in group.dimensies if d.id == "ambitie")
    assert ambitie.score == pytest.approx(float(Fraction(25, 6)))
    assert ambitie.rwg == pytest.approx(0.75)
    assert found(group) == ["juichbegrippen"]
    assert figures(group, "juichbegrippen") == {
        ("dimensie", "ambitie", "score", r(Fraction(25, 6)), None, None),
        ("vraag", "ambitie.begrip", "uiteenlopend", True, None, None),
    }


def test_onder_of_overorganisatie_too_few_arrangements_and_little_gets_done() -> None:
    group = raw_answers(
        {
            "organisatie.onder-over": (1, 2, 2),  # mean position 5/3 < 2,5: "te weinig"
            "organisatie.daadkracht-draagvlak": (2, 2, 1),  # 5/3: "vooral steun zoeken"
        }
    )
    assert found(group) == ["onder-overorganisatie"]
    position = r(Fraction(5, 3))
    assert figures(group, "onder-overorganisatie") == {
        ("vraag", "organisatie.onder-over", "neiging", "links", None, position),
        ("vraag", "organisatie.daadkracht-draagvlak", "neiging", "links", None, position),
    }


def test_onzekerheid_en_argwaan_unclear_process_and_low_trust() -> None:
    group = same(
        {
            "proces.overlegritme": 2,  # transparantie
            "proces.agenda-vooraf": 2,  # transparantie
            "relatie.vertrouwen": 2,  # vertrouwen
            "relatie.feedback": 3,  # vertrouwen (2 + 3) / 2 = 2,5
        }
    )
    assert found(group) == ["onzekerheid-argwaan"]
    assert figures(group, "onzekerheid-argwaan") == {
        ("thema", "proces.transparantie", "score", 2.0, None, None),
        ("thema", "relatie.vertrouwen", "score", 2.5, None, None),
    }


def test_energie_vloeit_weg_slow_and_no_visible_results() -> None:
    group = raw_answers(
        {
            "proces.tempo": (1, 2, 2),  # 5/3: "te traag"
            "proces.resultaat-zichtbaar": (2, 2, 3),  # 7/3: zorg
        }
    )
    assert found(group) == ["energie-vloeit-weg"]
    assert figures(group, "energie-vloeit-weg") == {
        ("vraag", "proces.tempo", "neiging", "links", None, r(Fraction(5, 3))),
        ("vraag", "proces.resultaat-zichtbaar", "score", r(Fraction(7, 3)), None, None),
        # the theme evaluatie rests on that one item here, so it shows too
        ("thema", "proces.evaluatie", "score", r(Fraction(7, 3)), None, None),
    }


def test_dwarsliggen_one_organisation_does_not_see_its_interests() -> None:
    orgs = ("Hogeschool", "Hogeschool", "School", "School")
    group = raw_answers(
        {
            "belangen.organisatie": (4, 4, 2, 2),
            "belangen.eigen-belang": (4, 4, 2, 2),
        },
        orgs,
    )
    # School (2 + 2) / 2 = 2 (zorg), Hogeschool 4 (≥ 3,5); the team's belangen is 3 (aandacht).
    assert found(group) == ["dwarsliggen-afhaken"]
    assert figures(group, "dwarsliggen-afhaken") == {
        ("organisatie_laag", "belangen", "score", 2.0, "School", None),
        ("organisatie_hoog", "belangen", "score", 4.0, "Hogeschool", None),
    }


def test_dwarsliggen_partners_drop_out() -> None:
    group = same({"belangen.afhaken": 4})  # reversed: scores 2, zorg
    assert found(group) == ["dwarsliggen-afhaken"]


def test_an_organisation_of_one_is_not_singled_out() -> None:
    group = raw_answers(
        {"belangen.organisatie": (4, 4, 2), "belangen.eigen-belang": (4, 4, 2)},
        ("Hogeschool", "Hogeschool", "School"),
    )
    assert found(group) == []


def test_agreement_needs_three_respondents() -> None:
    two = raw_answers({"ambitie.meerwaarde": (5, 5), "ambitie.begrip": (2, 5)})
    assert found(two) == []


@pytest.mark.parametrize(
    ("raw", "side"),
    [((2, 3), None), ((2, 2, 3, 3), None), ((2, 2, 2, 3), "links"), ((4, 4, 3, 3), None),
     ((4, 4, 4, 3), "rechts"), ((), None)],
)  # fmt: skip
def test_lean_is_past_two_and_a_half_or_three_and_a_half(raw: tuple, side: str | None) -> None:
    # (2 + 3) / 2 = 2,5 and 14/4 = 3,5 sit on the line: no lean; 9/4 and 15/4 lean.
    assert lean(raw)[0] == side


def test_examples_show_the_patterns_a_reader_expects(runner: CliRunner) -> None:
    import json

    result = runner.invoke(app, ["score", str(ROOT / "examples"), "--json"])
    assert result.exit_code == 0, result.output
    rounds = {p["ronde"]: p for p in json.loads(result.stdout)["partnerschappen"]}
    assert rounds["2026-voorjaar"]["patronen"] == []
    najaar = rounds["2026-najaar"]["patronen"]
    assert [p["id"] for p in najaar] == [
        "meteen-naar-afspraken",
        "juichbegrippen",
        "dwarsliggen-afhaken",
    ]
    low, high = najaar[2]["cijfers"]
    assert low == {
        "soort": "organisatie_laag",
        "id": "belangen",
        "maat": "score",
        "waarde": 2.93,  # De Linde: 44/15 over the belangen items both answered
        "band": "zorg",
        "organisatie": "Basisschool De Linde",
    }
    assert high["organisatie"] == "Hogeschool Noord"
    assert najaar[1]["kans"] and najaar[1]["uitleg"] and najaar[1]["naam"] == "Juichbegrippen"
    screen = runner.invoke(app, ["score", str(ROOT / "examples")])
    assert "Juichbegrippen" in screen.stdout and "KANS:" in screen.stdout
    assert "Common Eye" in screen.stdout


def test_the_report_shows_each_pattern_with_its_figures_and_kans() -> None:
    from samenwerk_cli.render.view import group_view

    group = raw_answers(
        {"organisatie.onder-over": (1, 2, 2), "organisatie.daadkracht-draagvlak": (2, 2, 1)}
    )
    patterns = group_view(group, BANK).patterns
    assert patterns is not None
    (shown,) = patterns.found
    assert shown.naam == "Onder- of overorganisatie" and shown.kans.startswith("Leg de overleggen")
    assert shown.cijfers[0] == (
        "‘Hoeveel afspraken en overleg heeft onze samenwerking?’: neigt naar ‘Te weinig: afspraken"
        " en overleg ontbreken’ (gemiddeld 1,67)"
    )
    convenant = same(
        {
            "relatie.kennismaken": 4,
            "belangen.organisatie": 2,
            "belangen.standpunten": 3,
            "organisatie.besluitvorming": 4,
            "organisatie.wie-doet": 4,
        }
    )
    (shown,) = group_view(convenant, BANK).patterns.found  # type: ignore[union-attr]
    assert shown.cijfers == (
        "Fase Overeenkomen: 4,00, afgerond",
        "Fase Vormgeven: 4,00, afgerond",
        "Fase Delen: 2,50, niet afgerond",
    )
    healthy = group_view(same({"relatie.kennismaken": 4}), BANK).patterns
    assert healthy is not None and healthy.found == ()
    assert healthy.none_found.startswith("Geen van de bekende patronen (schijnsamenwerking,")


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_team_that_scores_well_everywhere_shows_no_pattern(data: st.DataObject) -> None:
    """Whatever items a team answered and however many respondents: stellingen 4 or 5 (a
    reversed one 1 or 2), balans in the middle, two organisations. No rule can hold."""
    asked = data.draw(
        st.lists(st.sampled_from([v.id for v in BANK.scored]), min_size=1, unique=True)
    )
    n = data.draw(st.integers(min_value=1, max_value=5))
    per_person = {}
    for item in asked:
        vraag = BANK.by_id[item]
        good = (3,) if vraag.soort == "balans" else ((1, 2) if vraag.omgekeerd else (4, 5))
        per_person[item] = tuple(data.draw(st.sampled_from(good)) for _ in range(n))
    orgs = tuple(("Hogeschool", "School")[i % 2] for i in range(n))
    assert found(raw_answers(per_person, orgs)) == []
