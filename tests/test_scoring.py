"""Scoring: item transforms, bands, means and coverage, grouping; properties that always hold."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerk_cli.formats.bank import Drempels
from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.scoring import rounds
from samenwerk_cli.scoring.results import GroupResult
from tests.testbank import (
    BANK,
    SCORED,
    STELLINGEN,
    answer_file,
    bank_with,
    dims,
    items,
    team,
)

# --- item transforms and bands ---------------------------------------------------------------


def test_item_score_stelling_reverse_and_balans() -> None:
    v = BANK.by_id
    assert [scoring.item_score(v["ambitie.belofte"], a) for a in range(1, 6)] == [1, 2, 3, 4, 5]
    # reverse: 6 - answer
    assert [scoring.item_score(v["relatie.omheen"], a) for a in range(1, 6)] == [5, 4, 3, 2, 1]
    # balans: 5 - 2·|answer - 3|
    assert [scoring.item_score(v["ambitie.halen-brengen"], a) for a in range(1, 6)] == [
        1,
        3,
        5,
        3,
        1,
    ]


def test_item_score_none_for_weet_niet_missing_and_open() -> None:
    v = BANK.by_id
    assert scoring.item_score(v["ambitie.belofte"], "weet niet") is None
    assert scoring.item_score(v["ambitie.belofte"], None) is None
    assert scoring.item_score(v["ambitie.open"], 3) is None
    with pytest.raises(ValueError):
        scoring.item_score(v["ambitie.belofte"], 6)


def test_bands_at_the_thresholds() -> None:
    d = Drempels()
    assert scoring.band(4.0, d) == "sterk"
    assert scoring.band(3.99, d) == "aandacht"
    assert scoring.band(3.0, d) == "aandacht"
    assert scoring.band(2.99, d) == "zorg"
    assert scoring.band(None, d) is None


def test_bands_come_from_the_bank() -> None:
    bank = bank_with(drempels=Drempels(sterk=4.5, aandacht=2.5))
    result = scoring.score_group([answer_file({"ambitie.belofte": 4, "ambitie.doen": 2})], bank)
    assert items(result)["ambitie.belofte"].band == "aandacht"  # 4 < 4.5
    assert items(result)["ambitie.doen"].band == "zorg"  # 2 < 2.5
    assert dims(result)["ambitie"].score == 3.0
    assert dims(result)["ambitie"].band == "aandacht"  # 2.5 <= 3.0 < 4.5


def test_balans_leaning() -> None:
    def lean(raw: int) -> str | None:
        result = scoring.score_group([answer_file({"ambitie.halen-brengen": raw})], BANK)
        return items(result)["ambitie.halen-brengen"].neiging

    assert (lean(1), lean(2), lean(3), lean(4), lean(5)) == ("links",) * 2 + (None,) + (
        "rechts",
    ) * 2
    assert (
        items(scoring.score_group([answer_file({"ambitie.belofte": 2})], BANK))[
            "ambitie.belofte"
        ].neiging
        is None
    )


def test_balans_split_between_the_poles_has_uiteenlopende_antwoorden() -> None:
    # Answers 1, 1, 5, 5 all score 1 after the balans transform (AD 0), yet half the team says
    # "we bring far more", half "we take far more": raw AD = mean |x - 3| = 2.0 >= 0.83 and the
    # raw answers lie on both sides of the midpoint.
    team = [
        answer_file({"ambitie.halen-brengen": raw}, path=f"{i}.yaml")
        for i, raw in enumerate((1, 1, 5, 5))
    ]
    result = scoring.score_group(team, BANK)
    assert items(result)["ambitie.halen-brengen"].score == 1.0
    (flag,) = [f for f in result.uiteenlopend if f.vraag == "ambitie.halen-brengen"]
    assert flag.ad == 2.0
    # On the raw positions s² = 4·4/3 = 16/3 > σ²E = 2: rwg 0, not the 1.00 of the scores.
    assert items(result)["ambitie.halen-brengen"].rwg == 0.0
    # The same team all leaning one way (1, 1, 2, 2) is not confused, only out of balance.
    same_side = [
        answer_file({"ambitie.halen-brengen": raw}, path=f"{i}.yaml")
        for i, raw in enumerate((1, 1, 2, 2))
    ]
    assert scoring.score_group(same_side, BANK).uiteenlopend == ()


# --- one respondent: means, coverage, themes --------------------------------------------------


def test_single_respondent_means_coverage_and_band_none_below_half() -> None:
    answers = {
        "ambitie.belofte": 4,
        "ambitie.commitment": "weet niet",  # asked, not answered
        "ambitie.doen": None,  # asked, not answered
        "relatie.vertrouwen": 4,
        "relatie.omheen": 2,  # reversed: 6 - 2 = 4
    }
    result = scoring.score_group([answer_file(answers)], BANK)
    ambitie, relatie = dims(result)["ambitie"], dims(result)["relatie"]
    # ambitie: 1 of 3 asked items answered -> coverage 1/3 < 0.5 -> no band
    assert (ambitie.score, ambitie.dekking, ambitie.band) == (4.0, pytest.approx(1 / 3), None)
    # relatie: (4 + 4) / 2; relatie.samen was never asked so coverage is 2/2
    assert (relatie.score, relatie.dekking, relatie.band) == (4.0, 1.0, "sterk")
    themes = {t.id: t for t in ambitie.themas}
    assert (themes["belofte"].score, themes["belofte"].dekking) == (4.0, 1.0)
    assert (themes["commitment"].score, themes["commitment"].dekking) == (None, 0.0)
    assert (themes["halen-brengen"].score, themes["halen-brengen"].dekking) == (None, 0.0)
    item = items(result)["ambitie.commitment"]
    assert (item.score, item.band, item.n, item.weet_niet) == (None, None, 0, 1)
    assert [i.vraag for i in result.items] == [
        "ambitie.belofte",
        "ambitie.commitment",
        "ambitie.doen",
        "relatie.vertrouwen",
        "relatie.omheen",
    ]
    assert result.n == 1
    assert items(result)["ambitie.belofte"].spreiding is None


def test_coverage_of_exactly_half_keeps_the_band() -> None:
    result = scoring.score_group(
        [answer_file({"ambitie.belofte": 4, "ambitie.commitment": "weet niet"})], BANK
    )
    assert (dims(result)["ambitie"].dekking, dims(result)["ambitie"].band) == (0.5, "sterk")
    assert (dims(result)["relatie"].score, dims(result)["relatie"].dekking) == (None, 0.0)
    assert dims(result)["relatie"].band is None


def test_items_argument_sets_what_was_asked() -> None:
    files = [answer_file({"ambitie.belofte": 4, "ambitie.commitment": 1})]
    result = scoring.score_group(files, BANK, items={"ambitie.belofte", "ambitie.doen"})
    # commitment is outside the set: ignored; doen is in it but unanswered: asked
    assert [i.vraag for i in result.items] == ["ambitie.belofte", "ambitie.doen"]
    assert (dims(result)["ambitie"].score, dims(result)["ambitie"].dekking) == (4.0, 0.5)


def test_team_dimension_is_mean_of_item_means_and_coverage_counts_any_answer() -> None:
    files = team(
        {"ambitie.belofte": 1, "ambitie.commitment": 5},
        {"ambitie.belofte": 1, "ambitie.commitment": None},
        {"ambitie.belofte": 1, "ambitie.commitment": "weet niet"},
    )
    ambitie = dims(scoring.score_group(files, BANK))["ambitie"]
    # item means 1 and 5 -> 3.0 (pooling the four answers would give 2.0)
    assert ambitie.score == 3.0
    assert ambitie.dekking == 1.0  # commitment answered by one respondent counts as answered


# --- respondents, grouping, rounds ------------------------------------------------------------


def test_respondents_and_warnings() -> None:
    f1 = answer_file(
        {"ambitie.belofte": 4, "ambitie.doen": None},
        "a.yaml",
        respondent="Anna",
        rol="opleider",
        toelichting={"ambitie.open": "Samen beter", "ambitie.belofte": None},
    )
    f2 = answer_file({}, "b.yaml", versie="2")
    result = scoring.score_group([f1, f2], BANK)
    r = result.respondenten[0]
    assert (r.bestand, r.naam, r.rol) == ("a.yaml", "Anna", "opleider")
    assert r.antwoorden == {"ambitie.belofte": 4}
    assert r.toelichting == {"ambitie.open": "Samen beter"}
    assert (result.partnerschap, result.ronde) == ("School Noord", "2026-najaar")
    assert result.waarschuwingen == (
        "antwoorden ingevuld met verschillende versies van de vragenlijst: 1.10, 2",
    )
    with pytest.raises(ValueError):
        scoring.score_group([], BANK)


def test_group_files_by_partnership_and_round() -> None:
    f1 = answer_file({}, "1", partnerschap="P1", ronde="r1")
    f2 = answer_file({}, "2", partnerschap="P2", ronde="r1")
    f3 = answer_file({}, "3", partnerschap="P1", ronde="r2")
    f4 = answer_file({}, "4", partnerschap=" p1 ", ronde="R1")
    f5 = answer_file({}, "5", partnerschap="P1", ronde=None)
    assert rounds.group_files([f1, f2, f3, f4, f5]) == [[f1, f4], [f2], [f3], [f5]]
    results = scoring.score_files([f1, f2, f3, f4, f5], BANK)
    assert [(r.partnerschap, r.ronde, r.n) for r in results][:2] == [
        ("P1", "r1", 2),
        ("P2", "r1", 1),
    ]


def test_order_rounds_by_name_and_by_date() -> None:
    def round_of(name: str, datum: dt.date | None = None) -> list:
        return [answer_file({}, name, ronde=name, datum=datum)]

    def ordered(groups: list) -> list:
        return [groups[i][0].data.ronde for i in rounds.order_rounds(groups)]

    named = [round_of(n) for n in ("2026-najaar", "ronde 10", "2026-voorjaar", "2025-najaar")]
    assert ordered(named) == ["2025-najaar", "2026-voorjaar", "2026-najaar", "ronde 10"]
    numbered = [round_of("ronde 10"), round_of("ronde 2")]
    assert ordered(numbered) == ["ronde 2", "ronde 10"]
    dated = [
        round_of("nulmeting", dt.date(2026, 1, 5)),
        round_of("eindmeting", dt.date(2025, 3, 1)),
    ]
    assert ordered(dated) == ["eindmeting", "nulmeting"]
    dated[1][0].data.datum = None  # not every round dated: fall back to the names
    assert ordered(dated) == ["eindmeting", "nulmeting"]


def test_bank_index_is_cached_per_bank() -> None:
    assert scoring.bank_index(BANK) is scoring.bank_index(BANK)
    assert scoring.bank_index(bank_with()) is not scoring.bank_index(BANK)


# --- properties -------------------------------------------------------------------------------

answer = st.one_of(st.integers(1, 5), st.just("weet niet"), st.none())
answer_sets = st.dictionaries(st.sampled_from(SCORED), answer)
respondents = st.lists(
    st.tuples(
        answer_sets,
        st.sampled_from([None, "A", "B", "C"]),
        st.sampled_from([None, "verkennen", "delen", "vormgeven", "weet ik niet"]),
    ),
    min_size=1,
    max_size=6,
)


def build(specs: list) -> list:
    return [
        answer_file(a, f"r{i}.yaml", organisatie=org, fase=fase)
        for i, (a, org, fase) in enumerate(specs)
    ]


def all_scores(result: GroupResult) -> list[float]:
    found = [i.score for i in result.items] + [p.score for p in result.fase.fases]
    for d in result.dimensies:
        found += [d.score] + [t.score for t in d.themas]
    for o in result.organisaties_scores:
        found += list(o.dimensies.values())
    return [s for s in found if s is not None]


@settings(max_examples=150, deadline=None)
@given(respondents)
def test_scores_stay_on_the_scale(specs: list) -> None:
    result = scoring.score_group(build(specs), BANK)
    assert all(1.0 <= s <= 5.0 for s in all_scores(result))
    agreement = [i.rwg for i in result.items] + [d.rwg for d in result.dimensies]
    assert all(0.0 <= r <= 1.0 for r in agreement if r is not None)
    assert all(0.0 <= d.dekking <= 1.0 for d in result.dimensies)
    index = result.ambitie_index
    assert index is not None and (index.waarde is None or 0.0 <= index.waarde <= 1.0)


@settings(max_examples=150, deadline=None)
@given(respondents, st.data())
def test_raising_a_stelling_answer_never_lowers_its_dimension(specs: list, data) -> None:
    who = data.draw(st.integers(0, len(specs) - 1))
    item = data.draw(st.sampled_from(STELLINGEN))
    before = data.draw(st.integers(1, 4))
    after = data.draw(st.integers(before + 1, 5))
    low = [list(s) for s in specs]
    low[who][0] = {**low[who][0], item: before}
    high = [list(s) for s in low]
    high[who][0] = {**high[who][0], item: after}
    dim = item.split(".")[0]
    old = dims(scoring.score_group(build(low), BANK))[dim].score
    new = dims(scoring.score_group(build(high), BANK))[dim].score
    assert old is not None and new is not None
    assert new >= old


def order_free(result: GroupResult) -> dict:
    """The result with the only order-bound parts (who answered what, in file order) sorted."""
    data = msgspec.to_builtins(result)
    data["respondenten"] = sorted(data["respondenten"], key=lambda r: r["bestand"])
    for item in data["items"]:
        item["antwoorden"] = sorted(item["antwoorden"])
    return data


@settings(max_examples=150, deadline=None)
@given(respondents, st.randoms(use_true_random=False))
def test_respondent_order_changes_nothing(specs: list, rnd) -> None:
    files = build(specs)
    shuffled = files[:]
    rnd.shuffle(shuffled)
    assert order_free(scoring.score_group(files, BANK)) == order_free(
        scoring.score_group(shuffled, BANK)
    )


@given(st.integers(1, 5))
def test_balans_answer_three_scores_five(n: int) -> None:
    files = [answer_file({"ambitie.halen-brengen": 3}, f"r{i}") for i in range(n)]
    item = items(scoring.score_group(files, BANK))["ambitie.halen-brengen"]
    assert (item.score, item.band, item.neiging) == (5.0, "sterk", None)
    assert scoring.item_score(BANK.by_id["ambitie.halen-brengen"], 3) == 5.0
