"""Phase placement, the ambitie-index and weak spots, against hand-computed values."""

from __future__ import annotations

import pytest

from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.scoring.results import AmbitionIndex
from tests.testbank import (
    BANK,
    SCORED,
    answer_file,
    bank_with,
    phases,
    team,
)

# --- ambitie-index ----------------------------------------------------------------------------


def test_ambition_index_and_weakest_factor() -> None:
    files = team(
        {"ambitie.belofte": 5, "ambitie.commitment": 3, "ambitie.doen": 2},
        {"ambitie.belofte": 4, "ambitie.commitment": 3, "ambitie.doen": 2},
    )
    index = scoring.score_group(files, BANK).ambitie_index
    # belofte mean 4.5 -> 0.875; commitment 3 -> 0.5; doen 2 -> 0.25; product 0.109375
    assert index == AmbitionIndex(
        waarde=pytest.approx(0.109375),
        factoren={"belofte": 0.875, "commitment": 0.5, "doen": 0.25},
        zwakste="doen",
    )


def test_ambition_index_without_a_factor_answer() -> None:
    result = scoring.score_group([answer_file({"ambitie.belofte": 3, "ambitie.doen": 4})], BANK)
    index = result.ambitie_index
    assert index is not None
    assert index.waarde is None
    assert index.factoren == {"belofte": 0.5, "commitment": None, "doen": 0.75}
    assert index.zwakste == "belofte"  # weakest of the factors that could be scored
    no_spec = scoring.score_group([answer_file({})], bank_with(ambitie_index=None))
    assert no_spec.ambitie_index is None


# --- phase placement --------------------------------------------------------------------------


def test_phase_placement_overgeslagen_and_self_view_ahead() -> None:
    answers = {
        "ambitie.belofte": 2,  # verkennen
        "relatie.vertrouwen": 2,  # verkennen: mean 2.0 < 3.0
        "ambitie.commitment": 4,  # delen
        "ambitie.halen-brengen": 3,  # delen, balans -> 5
        "relatie.omheen": 2,  # delen, reversed -> 4: delen mean 13/3, afgerond
        "ambitie.doen": 4,  # overeenkomen: 4.0, afgerond
        "relatie.samen": 1,  # vormgeven: 1.0 < 3.0 but nothing later is afgerond
    }
    result = scoring.score_group([answer_file(answers, fase="overeenkomen")], BANK)
    p = phases(result)
    assert p["verkennen"].score == 2.0 and not p["verkennen"].afgerond
    assert p["delen"].score == pytest.approx(13 / 3) and p["delen"].afgerond
    assert p["overeenkomen"].afgerond and not p["vormgeven"].afgerond
    assert result.fase.huidig == "verkennen"
    assert result.fase.overgeslagen == ("verkennen",)
    assert result.fase.zelfbeeld == {"overeenkomen": 1}
    assert result.fase.vooruit == ("overeenkomen",)  # two phases ahead of verkennen


def test_phase_afgerond_at_exactly_the_threshold() -> None:
    answers = {
        "ambitie.belofte": 3,
        "relatie.vertrouwen": 4,  # verkennen: 3.5, afgerond
        "ambitie.commitment": 3,
        "ambitie.halen-brengen": 2,  # -> 3
        "relatie.omheen": 3,  # -> 3: delen 3.0, not afgerond
    }
    result = scoring.score_group([answer_file(answers, fase="overeenkomen")], BANK)
    assert phases(result)["verkennen"].afgerond
    assert result.fase.huidig == "delen"
    assert result.fase.overgeslagen == ()
    assert result.fase.vooruit == ()  # overeenkomen is only one phase ahead of delen
    assert phases(result)["vormgeven"].dekking == 0.0


def test_all_phases_afgerond_places_in_the_last() -> None:
    answers = dict.fromkeys(SCORED, 4) | {"ambitie.halen-brengen": 3, "relatie.omheen": 2}
    result = scoring.score_group([answer_file(answers)], BANK)
    assert result.fase.huidig == "vormgeven"
    assert all(p.afgerond for p in result.fase.fases)


def test_phase_without_answers_is_not_afgerond() -> None:
    answers = dict.fromkeys(SCORED, 5) | {"ambitie.halen-brengen": 3, "relatie.omheen": 1}
    answers |= {"ambitie.belofte": "weet niet", "relatie.vertrouwen": None}
    result = scoring.score_group([answer_file(answers)], BANK)
    assert phases(result)["verkennen"].score is None
    assert result.fase.huidig == "verkennen"
    assert result.fase.overgeslagen == ()  # unknown is not "skipped"


def test_self_view_counts_in_phase_order() -> None:
    views = ["vormgeven", "weet ik niet", "delen", None, "delen"]
    files = [answer_file({"ambitie.belofte": 1}, path=f"r{i}", fase=f) for i, f in enumerate(views)]
    result = scoring.score_group(files, BANK)
    assert list(result.fase.zelfbeeld.items()) == [
        ("delen", 2),
        ("vormgeven", 1),
        ("weet ik niet", 1),
    ]
    assert result.fase.huidig == "verkennen"
    assert result.fase.vooruit == ("vormgeven",)  # delen is one ahead, vormgeven three


# --- weak spots -------------------------------------------------------------------------------


def test_weak_spot_order_and_advice() -> None:
    answers = {
        "ambitie.belofte": 2,  # zorg, verkennen, 2
        "relatie.vertrouwen": 1,  # zorg, verkennen, 1
        "ambitie.halen-brengen": 1,  # balans -> 1: zorg, delen
        "ambitie.doen": 2,  # zorg, overeenkomen
        "ambitie.commitment": 3,  # aandacht, delen
        "relatie.omheen": 3,  # reversed -> 3: aandacht, delen (bank order after commitment)
        "relatie.samen": 4,  # sterk: no weak spot
    }
    spots = scoring.score_group([answer_file(answers)], BANK).zwakke_plekken
    assert [(s.vraag, s.band, s.score) for s in spots] == [
        ("relatie.vertrouwen", "zorg", 1.0),
        ("ambitie.belofte", "zorg", 2.0),
        ("ambitie.halen-brengen", "zorg", 1.0),
        ("ambitie.doen", "zorg", 2.0),
    ]
    # Aandacht is listed apart, in the same order (delen; bank order breaks the tie).
    attention = scoring.score_group([answer_file(answers)], BANK).aandachtspunten
    assert [(s.vraag, s.band, s.score) for s in attention] == [
        ("ambitie.commitment", "aandacht", 3.0),
        ("relatie.omheen", "aandacht", 3.0),
    ]
    advice = {s.vraag: s.advies for s in spots}
    assert advice["ambitie.belofte"] == "Schrijf de belofte op."  # the item's own advice
    assert advice["ambitie.halen-brengen"] == "Bespreek de ambitie."  # its dimension's advice
    assert advice["relatie.vertrouwen"] == "Plan een gezamenlijke activiteit."
    assert spots[0].tekst == "We vertrouwen elkaar."
