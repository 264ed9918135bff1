"""Honest numbers (issue 11): every claim in a report is true, and every team is the right team.

Each expected figure is worked out by hand in the comment beside it and written as a fraction;
none comes from the code under test. The mini bank (tests/testbank.py) has ambitie:
belofte (verkennen), commitment (delen), doen (overeenkomen), halen-brengen (balans, delen);
relatie: vertrouwen (verkennen), omheen (reversed, delen), samen (vormgeven).
"""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers as answers_mod
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.render.view import group_view, trend_view
from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.scoring import thresholds, trend
from samenwerk_cli.scoring.groups import band
from tests.testbank import BANK, answer_file, dims, items, phases, team

# --- n = 1, 2, 3, 17 ----------------------------------------------------------------------------


def test_one_respondent() -> None:
    result = scoring.score_group(
        [
            answer_file(
                {
                    "ambitie.belofte": 4,
                    "ambitie.commitment": 2,
                    "ambitie.doen": 3,
                    "ambitie.halen-brengen": 2,  # balans: 5 - 2·|2 - 3| = 3
                    "relatie.vertrouwen": 5,
                    "relatie.omheen": 2,  # reversed: 6 - 2 = 4
                    "relatie.samen": 1,
                }
            )
        ],
        BANK,
    )
    d = dims(result)
    assert d["ambitie"].score == 12 / 4  # (4 + 2 + 3 + 3) / 4 = 3: aandacht, on the threshold
    assert d["ambitie"].band == "aandacht"
    assert d["relatie"].score == pytest.approx(10 / 3)  # (5 + 4 + 1) / 3
    assert d["ambitie"].rwg is None and items(result)["ambitie.belofte"].rwg is None
    # Zorg items in the order to work on them: commitment (delen) before samen (vormgeven).
    assert [w.vraag for w in result.zwakke_plekken] == ["ambitie.commitment", "relatie.samen"]
    # Aandacht apart: halen-brengen (delen, 3) before doen (overeenkomen, 3).
    assert [w.vraag for w in result.aandachtspunten] == ["ambitie.halen-brengen", "ambitie.doen"]
    # Balans at 2: position 2 < 2.5, leaning to the first pole.
    hb = items(result)["ambitie.halen-brengen"]
    assert (hb.positie, hb.neiging) == (2.0, "links")
    assert result.zwakke_plekken[0].neiging is None


def test_two_respondents_get_spread_but_no_agreement() -> None:
    result = scoring.score_group(team({"ambitie.belofte": 1}, {"ambitie.belofte": 5}), BANK)
    belofte = items(result)["ambitie.belofte"]
    assert belofte.score == 6 / 2
    assert belofte.spreiding == pytest.approx(8**0.5)  # s² = (4 + 4) / 1 = 8
    assert (belofte.rwg, belofte.ad, dims(result)["ambitie"].rwg) == (None, None, None)
    assert result.spraakverwarring == result.uiteenlopend == ()
    view = group_view(result, BANK)
    assert view.pair is not None and [(r.first, r.second) for r in view.pair.rows] == [(1, 5)]
    assert not any(line.startswith(("rwg", "AD")) for line in view.legend)  # none shown


def test_three_respondents_a_divided_statement_is_not_spraakverwarring() -> None:
    # relatie.vertrouwen 2, 4, 4: both sides of the middle, mean 10/3, s² = (16/9 + 4/9 + 4/9)/2
    # = 4/3, rwg = 1 - (4/3)/2 = 1/3, AD = (4/3 + 2/3 + 2/3)/3 = 8/9 >= 0.83: uiteenlopend.
    # relatie.samen 4, 4, 4: s² = 0. rwg(J) over the two: s̄² = 2/3, ratio 1/3, J = 2:
    # 2·(2/3) / (2·(2/3) + 1/3) = (4/3) / (5/3) = 4/5 >= 0.70: no spraakverwarring.
    result = scoring.score_group(
        team(
            {"relatie.vertrouwen": 2, "relatie.samen": 4},
            {"relatie.vertrouwen": 4, "relatie.samen": 4},
            {"relatie.vertrouwen": 4, "relatie.samen": 4},
        ),
        BANK,
    )
    vertrouwen = items(result)["relatie.vertrouwen"]
    assert vertrouwen.rwg == pytest.approx(1 / 3) and vertrouwen.ad == pytest.approx(8 / 9)
    assert dims(result)["relatie"].rwg == pytest.approx(4 / 5)
    assert result.spraakverwarring == ()
    assert [c.vraag for c in result.uiteenlopend] == ["relatie.vertrouwen"]
    view = group_view(result, BANK)
    assert view.confusion is not None and view.confusion[0].rwg is None
    assert view.confusion[0].items.shown == ("We vertrouwen elkaar. (AD 0,89)",)
    assert [line.split(":")[0] for line in view.legend][-2:] == ["rwg", "AD"]


def test_seventeen_respondents() -> None:
    # ambitie.belofte: ten answer 4, seven answer 5. Mean (40 + 35)/17 = 75/17.
    # Deviations -7/17 (ten times) and 10/17 (seven times): Σ = (490 + 700)/289 = 1190/289,
    # s² = 1190/(289·16) = 1190/4624, rwg = 1 - s²/2 = 1 - 1190/9248 = 8058/9248,
    # AD = (10·7/17 + 7·10/17)/17 = 140/289.
    result = scoring.score_group(
        team(*[{"ambitie.belofte": 4}] * 10, *[{"ambitie.belofte": 5}] * 7), BANK
    )
    belofte = items(result)["ambitie.belofte"]
    assert result.n == 17 and belofte.n == 17
    assert belofte.score == pytest.approx(75 / 17)
    assert belofte.rwg == pytest.approx(8058 / 9248)
    assert belofte.ad == pytest.approx(140 / 289)
    assert belofte.band == "sterk"


# --- edges ---------------------------------------------------------------------------------------


def test_a_dimension_all_weet_niet_has_no_score_and_no_band() -> None:
    weet = "weet niet"
    result = scoring.score_group(
        [
            answer_file(
                {
                    "ambitie.belofte": 4,
                    "relatie.vertrouwen": weet,
                    "relatie.omheen": weet,
                    "relatie.samen": weet,
                }
            )
        ],
        BANK,
    )
    relatie = dims(result)["relatie"]
    assert (relatie.score, relatie.band, relatie.dekking) == (None, None, 0 / 3)
    assert items(result)["relatie.samen"].weet_niet == 1
    assert relatie.id not in {w.dimensie for w in result.zwakke_plekken}


def test_identical_answers_agree_fully() -> None:
    result = scoring.score_group(team(*[{"ambitie.belofte": 2, "ambitie.doen": 2}] * 3), BANK)
    belofte = items(result)["ambitie.belofte"]
    assert (belofte.rwg, belofte.ad, belofte.spreiding) == (1.0, 0.0, 0.0)
    assert dims(result)["ambitie"].rwg == 1.0  # s̄² = 0: J·1 / (J·1 + 0)
    assert result.spraakverwarring == result.uiteenlopend == ()


def test_a_polarised_balans_item_disagrees_on_its_raw_position() -> None:
    # Raw 1, 5, 1 all score 1. On the raw positions: mean 7/3, s² = (16/9 + 64/9 + 16/9)/2 = 16/3
    # > σ²E = 2, so rwg = 0 (not the 1.00 of the scores); AD = (4/3 + 8/3 + 4/3)/3 = 16/9.
    # Lean: 7/3 < 5/2, towards the first pole.
    result = scoring.score_group(team(*[{"ambitie.halen-brengen": x} for x in (1, 5, 1)]), BANK)
    hb = items(result)["ambitie.halen-brengen"]
    assert hb.score == 3 / 3
    assert hb.rwg == 0.0 and hb.ad == pytest.approx(16 / 9)
    assert hb.positie == pytest.approx(7 / 3) and hb.neiging == "links"
    assert dims(result)["ambitie"].rwg == 0.0  # s̄² = 16/3 truncated to 2: ratio 1, rwg(J) 0
    assert [c.vraag for c in result.uiteenlopend] == ["ambitie.halen-brengen"]
    (lean,) = group_view(result, BANK).leans
    assert lean.neiging == "We brengen meer dan we halen" and lean.positie == 2.33


@pytest.mark.parametrize(
    ("raw", "lean"),
    [
        ((2, 2, 2, 3), "links"),  # 9/4 < 5/2
        ((2, 3), None),  # 5/2 exactly: in balance, not below
        ((4, 3), None),  # 7/2 exactly: in balance, not above
        ((4, 3, 4, 4), "rechts"),  # 15/4 > 7/2
    ],
)
def test_the_lean_needs_a_mean_below_2_5_or_above_3_5(raw: tuple[int, ...], lean: str) -> None:
    result = scoring.score_group(team(*[{"ambitie.halen-brengen": x} for x in raw]), BANK)
    assert items(result)["ambitie.halen-brengen"].neiging == lean


def test_a_young_partnership_skipped_nothing() -> None:
    # Every phase below 3.0 and none afgerond: the partnership is simply not that far yet.
    result = scoring.score_group([answer_file(dict.fromkeys(["ambitie.belofte",
        "relatie.vertrouwen", "ambitie.commitment", "ambitie.doen", "relatie.samen"], 2))],
        BANK)  # fmt: skip
    assert [p.score for p in phases(result).values()] == [2.0, 2.0, 2.0, 2.0]
    assert not any(p.afgerond for p in result.fase.fases)
    assert result.fase.huidig == "verkennen" and result.fase.overgeslagen == ()
    # With overeenkomen afgerond (doen 4), the low phases before it are overgeslagen.
    later = scoring.score_group(
        [answer_file({"ambitie.belofte": 2, "ambitie.commitment": 2, "ambitie.doen": 4})], BANK
    )
    assert later.fase.overgeslagen == ("verkennen", "delen")


def _shifted(group, **scores: float):
    """The group with some dimension scores replaced (exact values no set of answers gives)."""
    return msgspec.structs.replace(
        group,
        dimensies=tuple(
            msgspec.structs.replace(d, score=scores.get(d.id, d.score), band=band(
                scores.get(d.id, d.score), BANK.model.drempels))
            for d in group.dimensies
        ),
    )  # fmt: skip


def test_2_9952_is_zorg_fails_3_0_and_is_never_shown_as_3_00() -> None:
    base = scoring.score_group([answer_file({"ambitie.belofte": 3, "relatie.samen": 4})], BANK)
    group = _shifted(base, ambitie=2.9952, relatie=3.0)
    assert dims(group)["ambitie"].band == "zorg" and dims(group)["relatie"].band == "aandacht"
    limits = thresholds.parse(["3.0"], BANK)
    (short,) = thresholds.shortfalls([group], limits)
    assert (short.dimensie, short.score) == ("ambitie", 2.9952)
    assert thresholds.message(short).endswith(": ambitie 2,99 < 3,0")
    rows = group_view(group, BANK).dimensions.rows
    assert [(r.score, r.band) for r in rows] == [(2.99, "zorg"), (3.0, "aandacht")]


def test_trend_at_the_0_5_edge() -> None:
    # Round 2025: ambitie = belofte 3. Round 2026: (3 + 4)/2 = 7/2: a change of exactly 1/2.
    before = answer_file({"ambitie.belofte": 3}, "a.yaml", ronde="2025")
    after = answer_file({"ambitie.belofte": 3, "ambitie.commitment": 4}, "b.yaml", ronde="2026")
    (found,) = trend.partnerships([before, after], BANK)
    assert found.trend is not None
    (ambitie, _) = found.trend.dimensies
    assert (ambitie.verschil, ambitie.richting) == (1 / 2, "omhoog")
    # An exact change of 0.4965 is no change, and is not shown as +0,50.
    old, new = found.rondes
    near = trend.compare(_shifted(old, ambitie=3.0), _shifted(new, ambitie=3.4965), BANK)
    assert near.dimensies[0].richting is None
    assert trend_view(near, BANK).rows[0].change == "+0,49"
    down = trend.compare(_shifted(old, ambitie=3.4965), _shifted(new, ambitie=3.0), BANK)
    assert down.dimensies[0].richting is None
    assert trend_view(down, BANK).rows[0].change == "-0,49"


def test_organisations_differing_on_one_statement() -> None:
    # Twijfels uitspreken as relatie.vertrouwen: Hogeschool 4, 4 (mean 4); School 2, 2 (mean 2):
    # a difference of 2 >= 1.5 on the statement. relatie as a dimension: Hogeschool (4 + 4)/2 on
    # vertrouwen and samen 3, 3 -> (4 + 3)/2 = 7/2; School (2 + 3)/2 = 5/2: a gap of exactly 1.
    files = [
        answer_file({"relatie.vertrouwen": v, "relatie.samen": 3}, f"r{i}", organisatie=org)
        for i, (v, org) in enumerate(
            [(4, "Hogeschool"), (4, "Hogeschool"), (2, "School"), (2, "School")]
        )
    ]
    result = scoring.score_group(files, BANK)
    (gap,) = result.organisaties_stelling
    assert (gap.vraag, gap.hoog, gap.hoog_score, gap.laag, gap.laag_score, gap.verschil) == (
        "relatie.vertrouwen",
        "Hogeschool",
        8 / 2,
        "School",
        4 / 2,
        2.0,
    )
    assert [(g.dimensie, g.verschil) for g in result.organisaties_verschil] == [("relatie", 1.0)]


def test_fail_under_judges_the_exact_mean_on_the_command_line(tmp_path: Path) -> None:
    # The built-in bank: belangen has 15 stellingen (4 reversed; an answer 3 scores 3 either
    # way). Seventeen respondents answer 3 throughout, one of them 2 on belangen.collectief:
    # that item's mean is (16·3 + 2)/17 = 50/17, the dimension (14·3 + 50/17)/15 = 764/255
    # = 2.99608, which plain rounding would show as 3,00.
    bank = bank_mod.load(None)
    ids = [v.id for v in bank.scored if v.dimensie == "belangen"]
    assert len(ids) == 15
    for i in range(17):
        data = answers_mod.Antwoorden(
            formaat=answers_mod.FORMAT,
            vragenlijst=bank.naam,
            versie=bank.versie,
            partnerschap="Noord",
            respondent=f"R{i}",
            antwoorden={k: 2 if (i == 0 and k == "belangen.collectief") else 3 for k in ids},
        )
        answers_mod.save(tmp_path / f"r{i}.yaml", data)
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "120", "SAMENWERK_VRAGEN": None})
    result = runner.invoke(app, ["score", str(tmp_path), "--fail-under", "3.0"])
    assert result.exit_code == 1
    assert "onder de drempel: Noord: belangen 2,99 < 3,0" in result.stderr
    row = next(line for line in result.stdout.splitlines() if "respect voor" in line)
    assert "2,99" in row and "zorg" in row and "3,00" not in row


def test_every_report_says_the_same_on_the_examples(tmp_path: Path) -> None:
    """Terminal, markdown and HTML: weak spots in the order to work on them, aandachtspunten
    counted apart, leans in the pole's words, statement gaps between organisations."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None})
    texts = []
    for args in (
        ["score", str(examples / "opleidingsschool-noord" / "2026-najaar")],
        ["export", str(examples), "-o", str(tmp_path / "r.md")],
        ["export", str(examples), "--format", "html", "-o", str(tmp_path / "r.html")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        texts.append(result.stdout)
    texts[1] = (tmp_path / "r.md").read_text(encoding="utf-8")
    texts[2] = (tmp_path / "r.html").read_text(encoding="utf-8")
    for text in texts:
        flat = " ".join(text.replace("│", " ").replace("*", "").split())
        assert "in volgorde van aanpak" in flat and "zwakste eerst" not in flat
        assert "Aandachtspunten (53)" in flat
        assert "Te veel: afspraken en overleg remmen het werk" in flat  # a lean, in its words
        # 17: the balans items compare positions (tests/test_org_balance.py); by position only
        # onder-over (3 vs 9/2) and tempo (5/2 vs 4) differ 1.5 or more.
        assert "Stellingen waarop organisaties verschillen (17)" in flat
        assert "uiteenlopende antwoorden" in flat
