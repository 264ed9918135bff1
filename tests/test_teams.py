"""Team figures: spread, rwg, AD, rwg(J), spraakverwarring and per-organisation gaps, by hand."""

from __future__ import annotations

import math

import pytest

from samenwerk_cli.formats.bank import Drempels
from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.scoring.results import Confusion, OrgGap
from tests.testbank import (
    BANK,
    answer_file,
    bank_with,
    dims,
    items,
    team,
)

# --- team agreement ---------------------------------------------------------------------------

TEAM_OF_THREE = (
    {
        "ambitie.belofte": 4,
        "ambitie.commitment": 2,
        "ambitie.doen": 1,
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": 5,
        "relatie.omheen": 2,
        "relatie.samen": 4,
    },
    {
        "ambitie.belofte": 4,
        "ambitie.commitment": 3,
        "ambitie.doen": 3,
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": 5,
        "relatie.omheen": 1,
        "relatie.samen": None,
    },
    {
        "ambitie.belofte": 5,
        "ambitie.commitment": 4,
        "ambitie.doen": 5,
        "ambitie.halen-brengen": 2,
        "relatie.vertrouwen": 5,
        "relatie.omheen": 2,
        "relatie.samen": "weet niet",
    },
)


def test_team_of_three_agreement_hand_computed() -> None:
    result = scoring.score_group(team(*TEAM_OF_THREE), BANK)
    it = items(result)
    # belofte (4, 4, 5): mean 13/3, s² = (1/9 + 1/9 + 4/9)/2 = 1/3, rwg = 1 - (1/3)/2 = 5/6,
    # AD = (1/3 + 1/3 + 2/3)/3 = 4/9, sd = √(1/3)
    assert it["ambitie.belofte"].score == pytest.approx(13 / 3)
    assert it["ambitie.belofte"].rwg == pytest.approx(5 / 6)
    assert it["ambitie.belofte"].ad == pytest.approx(4 / 9)
    assert it["ambitie.belofte"].spreiding == pytest.approx(math.sqrt(1 / 3))
    # commitment (2, 3, 4): s² = 1, rwg = 0.5, AD = 2/3 (< 0.83: spans the midpoint, no flag)
    assert (it["ambitie.commitment"].rwg, it["ambitie.commitment"].ad) == (
        0.5,
        pytest.approx(2 / 3),
    )
    # doen (1, 3, 5): s² = 4, rwg = 1 - 2 -> clipped to 0, AD = 4/3 -> flagged
    assert (it["ambitie.doen"].rwg, it["ambitie.doen"].ad) == (0.0, pytest.approx(4 / 3))
    # halen-brengen raw (3, 3, 2) -> scores (5, 5, 3), mean score 13/3. Agreement is on the raw
    # position: mean 8/3, s² = (1/9 + 1/9 + 4/9)/2 = 1/3, rwg = 1 - (1/3)/2 = 5/6,
    # AD = (1/3 + 1/3 + 2/3)/3 = 4/9: no flag.
    hb = it["ambitie.halen-brengen"]
    assert (hb.rwg, hb.ad) == (pytest.approx(5 / 6), pytest.approx(4 / 9))
    assert hb.antwoorden == (3, 3, 2)
    assert hb.positie == pytest.approx(8 / 3)
    assert hb.neiging is None  # raw mean 8/3 lies between 2.5 and 3.5: in balance
    # relatie.omheen raw (2, 1, 2), reversed (4, 5, 4): rwg 5/6; relatie.samen n = 1: no figures
    assert it["relatie.omheen"].rwg == pytest.approx(5 / 6)
    samen = it["relatie.samen"]
    assert (samen.n, samen.weet_niet, samen.spreiding, samen.rwg, samen.ad) == (
        1,
        1,
        None,
        None,
        None,
    )

    d = dims(result)
    # ambitie (balans on raw positions): s̄² = (1/3 + 1 + 4 + 1/3)/4 = 17/12, ratio 17/24,
    # J = 4: rwg(J) = 4·(7/24) / (4·(7/24) + 17/24) = (28/24) / (45/24) = 28/45 ≈ 0.62 < 0.70
    assert d["ambitie"].rwg == pytest.approx(28 / 45)
    assert d["ambitie"].score == pytest.approx(11 / 3)  # (13/3 + 3 + 3 + 13/3) / 4
    assert d["ambitie"].band == "aandacht"
    # relatie: items with >= 2 answers: vertrouwen s² = 0, omheen s² = 1/3 -> s̄² = 1/6,
    # ratio 1/12, J = 2: (2·11/12) / (22/12 + 1/12) = 22/23 ≈ 0.957
    assert d["relatie"].rwg == pytest.approx(22 / 23)
    assert d["relatie"].score == pytest.approx(40 / 9)  # (5 + 13/3 + 4) / 3

    # Spraakverwarring is the dimension flag; a divided statement is "uiteenlopende antwoorden".
    assert result.spraakverwarring == (
        Confusion(
            "ambitie",
            None,
            "weinig overeenstemming binnen de dimensie (rwg(J) 0,62)",
            rwg=pytest.approx(28 / 45),
        ),
    )
    assert result.uiteenlopend == (
        Confusion(
            "ambitie",
            "ambitie.doen",
            "antwoorden aan beide kanten van het midden (AD 1,33)",
            ad=pytest.approx(4 / 3),
        ),
    )


def test_fewer_than_three_respondents_get_no_agreement_figures() -> None:
    files = team(
        {"ambitie.doen": 1, "ambitie.belofte": 1, "ambitie.commitment": 1},
        {"ambitie.doen": 5, "ambitie.belofte": 5, "ambitie.commitment": 5},
    )
    result = scoring.score_group(files, BANK)
    doen = items(result)["ambitie.doen"]
    assert doen.spreiding == pytest.approx(math.sqrt(8))  # (1, 5): s² = 8
    assert (doen.rwg, doen.ad) == (None, None)
    assert dims(result)["ambitie"].rwg is None
    assert result.spraakverwarring == result.uiteenlopend == ()


def test_item_with_two_answers_in_a_team_of_three_has_no_rwg() -> None:
    files = team({"ambitie.doen": 1}, {"ambitie.doen": 5}, {"ambitie.doen": "weet niet"})
    result = scoring.score_group(files, BANK)
    assert (items(result)["ambitie.doen"].rwg, items(result)["ambitie.doen"].ad) == (None, None)
    # rwg(J) still uses it (>= 2 answers): s² = 8 truncated to 2 -> 0, flagged
    assert dims(result)["ambitie"].rwg == 0.0
    assert [c.vraag for c in result.spraakverwarring] == [None]
    assert result.uiteenlopend == ()  # AD needs three answers on the item


# --- per organisation -------------------------------------------------------------------------

ONE_PER_ORG = bank_with(drempels=Drempels(organisatie_minimum=1))  # as --min-per-organisatie 1


def org_team(gap: float = 1.5) -> list:
    low = 4.5 - gap
    return [
        answer_file({"relatie.vertrouwen": 5, "relatie.omheen": 1}, "r1", organisatie="Hogeschool"),
        answer_file({"relatie.vertrouwen": 4, "relatie.omheen": 2}, "r2", organisatie="Hogeschool"),
        answer_file(
            {"relatie.vertrouwen": int(low), "relatie.omheen": 6 - math.ceil(low)},
            "r3",
            organisatie=" School ",
        ),
        answer_file({"relatie.vertrouwen": 1}, "r4", organisatie="  "),
        answer_file({"relatie.vertrouwen": 1}, "r5"),
    ]


def test_organisation_scores_and_gap() -> None:
    result = scoring.score_group(org_team(), ONE_PER_ORG)
    assert result.organisaties == ("Hogeschool", "School")
    scores = {o.organisatie: o for o in result.organisaties_scores}
    # Hogeschool: vertrouwen (5, 4) -> 4.5, omheen reversed (5, 4) -> 4.5 => 4.5; School: 3 and 3
    assert (scores["Hogeschool"].n, scores["Hogeschool"].dimensies["relatie"]) == (2, 4.5)
    assert (scores["School"].n, scores["School"].dimensies["relatie"]) == (1, 3.0)
    assert scores["School"].dimensies["ambitie"] is None
    assert result.organisaties_verschil == (
        OrgGap("relatie", "Hogeschool", 4.5, "School", 3.0, 1.5),
    )


def test_organisation_gap_threshold() -> None:
    # a 3.5 vs 4.5 gap of exactly 1.0 counts; the threshold comes from the bank
    files = org_team(gap=1.0)
    assert [g.verschil for g in scoring.score_group(files, ONE_PER_ORG).organisaties_verschil] == [
        1.0
    ]
    strict = bank_with(drempels=Drempels(organisatie_verschil=1.01, organisatie_minimum=1))
    assert scoring.score_group(files, strict).organisaties_verschil == ()
    one_org = [f for f in files if f.data.organisatie == "Hogeschool"]
    assert scoring.score_group(one_org, ONE_PER_ORG).organisaties_verschil == ()
