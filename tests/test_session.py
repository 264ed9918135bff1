"""The reflect flow with a scripted fake ``ask``: order, back, review, resume, filters, saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec
import pytest

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.session.dialog import (
    BACK_KEY,
    DimensionHeader,
    Help,
    Intro,
    Nav,
    Notice,
    Progress,
    Resumed,
    Review,
)
from samenwerk_cli.session.engine import (
    Metadata,
    estimate_minutes,
    first_unanswered,
    is_low,
    select_items,
)
from samenwerk_cli.session.single import Session
from tests.testbank import ALL_IDS, QUICK_IDS, Script, run_flow, write_bank

TODAY = dt.date(2026, 11, 28)
META = [
    ("partnerschap", "Opleidingsschool Noord"),
    ("organisatie", "Hogeschool Noord"),
    ("respondent", "Anna de Vries"),
    ("rol", "opleider"),
    ("ronde", ""),
    ("fase", "delen"),
]


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return bank_mod.load(write_bank(tmp_path / "vragen"))


def run(bank: Bank, steps: list[tuple[str, Any]], **kwargs: Any) -> tuple[Any, list, list, Script]:
    return run_flow(Session, bank, steps, today=TODAY, **kwargs)


FULL = [
    *META,
    ("item:ambitie.belofte", 4),
    ("item:ambitie.commitment", 4),
    ("item:ambitie.doen", 3),
    ("item:ambitie.halen-brengen", 3),
    ("item:ambitie.open", "Meer stageplaatsen."),
    ("item:relatie.vertrouwen", "weet niet"),
    ("item:relatie.omheen", 2),  # reverse-scored: 2 is not low
    ("item:relatie.samen", 5),
    ("review", Nav.FINISH),
]


def test_full_run_order_and_result(bank: Bank) -> None:
    data, events, _, script = run(bank, FULL)
    assert [q.key for q in script.asked] == [k for k, _ in FULL]
    assert data.compleet is True
    assert data.partnerschap == "Opleidingsschool Noord"
    assert data.respondent == "Anna de Vries"
    assert data.ronde is None  # empty stays out of the file
    assert data.fase == "delen"
    assert data.datum == TODAY
    assert data.antwoorden == {
        "ambitie.belofte": 4,
        "ambitie.commitment": 4,
        "ambitie.doen": 3,
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": "weet niet",
        "relatie.omheen": 2,
        "relatie.samen": 5,
    }
    assert data.toelichting == {"ambitie.open": "Meer stageplaatsen."}
    assert isinstance(events[0], Intro)
    headers = [e.naam for e in events if isinstance(e, DimensionHeader)]
    # named as in every report: the short name and the model's name (docs/model.md §1)
    assert headers == ["Ambitie van betekenis", "Relatie — aandacht voor persoonlijke relaties"]
    labels = [e.label for e in events if isinstance(e, Progress)]
    assert labels[0] == "Ambitie 1/5 · totaal 1/8"
    assert labels[5] == "Relatie 1/3 · totaal 6/8"
    assert isinstance(events[-1], Review)


def test_saved_after_every_answer_and_file_scores(bank: Bank, tmp_path: Path) -> None:
    _, _, saved, _ = run(bank, FULL)
    # metadata, then one save per item, then the final one marking the file complete
    assert len(saved) == 1 + 8 + 1
    assert saved[0]["antwoorden"] == {}
    assert saved[1]["antwoorden"] == {"ambitie.belofte": 4}
    assert saved[2]["antwoorden"] == {"ambitie.belofte": 4, "ambitie.commitment": 4}
    assert saved[5]["toelichting"] == {"ambitie.open": "Meer stageplaatsen."}
    assert [s["compleet"] for s in saved] == [False] * 9 + [True]
    # the saved data is a valid answer file for this bank
    path = tmp_path / "a.yaml"
    answers.save(path, msgspec.convert(saved[-1], answers.Antwoorden))
    checked = answers.read(path, bank)
    assert checked.data.compleet and checked.given["ambitie.belofte"] == 4


def test_low_answer_offers_a_comment(bank: Bank) -> None:
    steps = [
        *META,
        ("item:ambitie.belofte", 2),
        ("toelichting:ambitie.belofte", "  Nog niets op papier. "),
        ("item:ambitie.commitment", 3),
        ("item:ambitie.doen", 4),
        ("item:ambitie.halen-brengen", 1),  # a balans pole is low
        ("toelichting:ambitie.halen-brengen", "We geven veel."),
        ("item:ambitie.open", ""),
        ("item:relatie.vertrouwen", 1),
        ("toelichting:relatie.vertrouwen", ""),
        ("item:relatie.omheen", 5),  # reverse-scored: 5 is a low score
        ("toelichting:relatie.omheen", ""),
        ("item:relatie.samen", 3),
        ("review", Nav.FINISH),
    ]
    data, _, saved, _ = run(bank, steps)
    assert data.toelichting == {
        "ambitie.belofte": "Nog niets op papier.",
        "ambitie.halen-brengen": "We geven veel.",
        "ambitie.open": "",
    }
    assert saved[2]["toelichting"] == {"ambitie.belofte": "Nog niets op papier."}


@pytest.mark.parametrize(
    ("soort", "omgekeerd", "low"),
    [
        ("stelling", False, {1, 2}),
        ("stelling", True, {4, 5}),
        ("balans", False, {1, 5}),
    ],
)
def test_is_low(bank: Bank, soort: str, omgekeerd: bool, low: set[int]) -> None:
    v = msgspec.structs.replace(bank.vragen[0], soort=soort, omgekeerd=omgekeerd)
    assert {a for a in range(1, 6) if is_low(v, a)} == low
    assert not is_low(v, "weet niet")


def test_back_changes_an_answer(bank: Bank) -> None:
    steps = [
        *META,
        ("item:ambitie.belofte", 4),
        ("item:ambitie.commitment", Nav.BACK),
        ("item:ambitie.belofte", 1),
        ("toelichting:ambitie.belofte", "Toch niet."),
        ("item:ambitie.commitment", 3),
        ("item:ambitie.doen", 3),
        ("item:ambitie.halen-brengen", 3),
        ("item:ambitie.open", BACK_KEY),  # a text prompt goes back with "v"
        ("item:ambitie.halen-brengen", 4),
        ("item:ambitie.open", "Meer samen doen."),
        ("item:relatie.vertrouwen", 4),
        ("item:relatie.omheen", 2),
        ("item:relatie.samen", 4),
        ("review", Nav.FINISH),
    ]
    data, _, _, script = run(bank, steps)
    assert data.antwoorden["ambitie.belofte"] == 1
    assert data.antwoorden["ambitie.halen-brengen"] == 4
    assert data.toelichting["ambitie.belofte"] == "Toch niet."
    # going back shows the earlier answer as the default
    again = [q for q in script.asked if q.key == "item:ambitie.belofte"][1]
    assert again.default == 4
    back_titles = [c.title for c in again.choices if c.value is Nav.BACK]
    assert back_titles == ["← vorige vraag"]


def test_back_from_first_item_returns_to_the_phase(bank: Bank) -> None:
    steps = [
        *META,
        ("item:ambitie.belofte", Nav.BACK),
        ("fase", "verkennen"),
        ("item:ambitie.belofte", 5),
        *[(f"item:{i}", "" if i == "ambitie.open" else 3) for i in ALL_IDS[1:]],
        ("review", Nav.FINISH),
    ]
    data, _, _, _ = run(bank, steps)
    assert data.fase == "verkennen"


def test_help_on_request(bank: Bank) -> None:
    steps = [
        *META[:5],
        ("fase", "weet ik niet"),
        ("item:ambitie.belofte", Nav.HELP),
        ("item:ambitie.belofte", 4),
        *[(f"item:{i}", "" if i == "ambitie.open" else 3) for i in ALL_IDS[1:]],
        ("review", Nav.FINISH),
    ]
    data, events, _, script = run(bank, steps)
    assert data.fase == "weet ik niet"
    assert Help("De belofte is wat partners elkaar concreet toezeggen.") in events
    first, second = script.asked[6], script.asked[7]
    assert Nav.HELP in [c.value for c in first.choices]
    assert Nav.HELP not in [c.value for c in second.choices]
    # items without help text offer none
    assert Nav.HELP not in [c.value for c in script.asked[8].choices]


def test_review_changes_an_item(bank: Bank) -> None:
    steps = [
        *FULL[:-1],
        ("review", Nav.CHANGE),
        ("review:nummer", "8"),
        ("item:relatie.samen", 2),
        ("toelichting:relatie.samen", "Eén partner beslist."),
        ("review", Nav.CHANGE),
        ("review:nummer", "7"),
        ("item:relatie.omheen", Nav.BACK),  # back from a review change: unchanged
        ("review", Nav.FINISH),
    ]
    data, events, _, script = run(bank, steps)
    assert data.antwoorden["relatie.samen"] == 2
    assert data.antwoorden["relatie.omheen"] == 2
    reviews = [e for e in events if isinstance(e, Review)]
    assert len(reviews) == 3
    assert reviews[0].rows[7].antwoord == "5 · helemaal eens"
    assert reviews[1].rows[7].antwoord == "2 · oneens"
    assert reviews[1].rows[7].toelichting == "Eén partner beslist."
    assert reviews[0].rows[3].antwoord == "3 · in evenwicht"
    assert reviews[0].rows[4].antwoord == "Meer stageplaatsen."
    back = [q for q in script.asked if q.key == "item:relatie.omheen"][-1]
    assert [c.title for c in back.choices if c.value is Nav.BACK] == ["← terug naar het overzicht"]
    number = next(q for q in script.asked if q.key == "review:nummer")
    assert number.validate is not None
    assert number.validate("9") and number.validate("x") and number.validate("0")
    assert number.validate("8") is None and number.validate("") is None


def test_review_number_invalid_is_asked_again_empty_or_back_returns_to_review(bank: Bank) -> None:
    steps = [
        *FULL[:-1],
        ("review", Nav.CHANGE),
        ("review:nummer", ""),
        ("review", Nav.CHANGE),
        ("review:nummer", "99"),  # refused with the reason, asked again
        ("review:nummer", "²"),  # str.isdigit() says yes, int() would fail
        ("review:nummer", BACK_KEY),
        ("review", Nav.CHANGE),
        ("review:nummer", Nav.BACK),  # the left arrow
        ("review", Nav.FINISH),
    ]
    _, events, _, _ = run(bank, steps)
    assert len([e for e in events if isinstance(e, Review)]) == 4
    notices = [e.text for e in events if isinstance(e, Notice)]
    assert notices == [f"Typ een nummer van 1 tot en met {len(ALL_IDS)}, of laat leeg."] * 2


def test_quick_scan(bank: Bank) -> None:
    steps = [
        *META,
        ("item:ambitie.belofte", 4),
        ("item:relatie.vertrouwen", 4),
        ("review", Nav.FINISH),
    ]
    data, events, _, _ = run(bank, steps, quick=True)
    assert list(data.antwoorden) == QUICK_IDS
    intro = events[0]
    assert intro.quick and intro.stellingen == 2 and intro.open == 0 and intro.minuten == 1
    labels = [e.label for e in events if isinstance(e, Progress)]
    assert labels == ["Ambitie 1/1 · totaal 1/2", "Relatie 1/1 · totaal 2/2"]


def test_dimension_filter(bank: Bank) -> None:
    steps = [
        *META,
        ("item:relatie.vertrouwen", 4),
        ("item:relatie.omheen", 2),
        ("item:relatie.samen", 4),
        ("review", Nav.FINISH),
    ]
    data, events, _, _ = run(bank, steps, dimensions=["relatie"])
    assert list(data.antwoorden) == ["relatie.vertrouwen", "relatie.omheen", "relatie.samen"]
    assert events[0].dimensies == (
        ("Relatie — aandacht voor persoonlijke relaties", "Vertrouwen bouw je samen op."),
    )


def test_unknown_dimension_and_empty_selection(bank: Bank) -> None:
    with pytest.raises(SamenwerkError, match="onbekende dimensie 'proces'"):
        select_items(bank, dimensions=["proces"])
    with pytest.raises(SamenwerkError, match="geen vragen"):
        select_items(
            Bank(bank.model, [v for v in bank.vragen if not v.kort], bank.path), quick=True
        )


def test_metadata_flags_skip_questions(bank: Bank) -> None:
    given = Metadata("Noord", "Hogeschool", "", "opleider", "2026-najaar")
    steps = [("fase", "delen"), ("item:ambitie.belofte", 3), ("item:relatie.vertrouwen", 3)]
    data, _, _, _ = run(bank, [*steps, ("review", Nav.FINISH)], quick=True, given=given)
    assert (data.partnerschap, data.organisatie, data.respondent) == ("Noord", "Hogeschool", None)
    assert (data.rol, data.ronde) == ("opleider", "2026-najaar")


def test_partnership_is_required(bank: Bank) -> None:
    steps = [("partnerschap", "  "), ("partnerschap", "Noord"), *META[1:]]
    steps += [("item:ambitie.belofte", 3), ("item:relatie.vertrouwen", 3), ("review", Nav.FINISH)]
    data, _, _, script = run(bank, steps, quick=True)
    assert data.partnerschap == "Noord"
    assert script.asked[0].validate is not None and script.asked[0].validate(" ")


def partial(bank: Bank) -> answers.Antwoorden:
    return answers.Antwoorden(
        formaat=answers.FORMAT,
        vragenlijst=bank.naam,
        versie=bank.versie,
        partnerschap="Noord",
        respondent="Anna",
        fase="delen",
        datum=dt.date(2026, 1, 2),
        antwoorden={"ambitie.belofte": 4, "ambitie.commitment": 4},
        toelichting={"ambitie.belofte": "Goed."},
    )


def test_resume_at_first_unanswered_keeps_metadata(bank: Bank) -> None:
    steps = [
        ("item:ambitie.doen", 3),
        ("item:ambitie.halen-brengen", 3),
        ("item:ambitie.open", ""),
        ("item:relatie.vertrouwen", 4),
        ("item:relatie.omheen", 2),
        ("item:relatie.samen", 4),
        ("review", Nav.FINISH),
    ]
    data, events, saved, _ = run(bank, steps, resume=partial(bank))
    assert events[0] == Resumed("Noord", "Anna", 2, 8, False)
    assert not any(isinstance(e, Intro) for e in events)
    assert (data.partnerschap, data.respondent, data.fase) == ("Noord", "Anna", "delen")
    assert data.datum == dt.date(2026, 1, 2)
    assert data.antwoorden["ambitie.belofte"] == 4
    assert data.toelichting["ambitie.belofte"] == "Goed."
    assert data.compleet
    assert saved[0]["antwoorden"] == {"ambitie.belofte": 4, "ambitie.commitment": 4}


def test_resume_back_reaches_earlier_answers(bank: Bank) -> None:
    steps = [
        ("item:ambitie.doen", Nav.BACK),
        ("item:ambitie.commitment", 3),
        ("item:ambitie.doen", 3),
        ("item:ambitie.halen-brengen", 3),
        ("item:ambitie.open", ""),
        ("item:relatie.vertrouwen", 4),
        ("item:relatie.omheen", 2),
        ("item:relatie.samen", 4),
        ("review", Nav.FINISH),
    ]
    data, _, _, _ = run(bank, steps, resume=partial(bank))
    assert data.antwoorden["ambitie.commitment"] == 3


def test_resume_when_everything_is_answered_goes_to_review(bank: Bank) -> None:
    done = partial(bank)
    done.antwoorden.update(
        {"ambitie.doen": 3, "ambitie.halen-brengen": 3, "relatie.vertrouwen": 4}
        | {"relatie.omheen": 2, "relatie.samen": 4}
    )
    done.toelichting["ambitie.open"] = ""  # asked and skipped
    data, events, _, _ = run(bank, [("review", Nav.FINISH)], resume=done)
    assert events[0].beantwoord == 8 and data.compleet


def test_resume_with_quick_filter(bank: Bank) -> None:
    start = partial(bank)
    data, _, _, _ = run(
        bank, [("item:relatie.vertrouwen", 2), ("toelichting:relatie.vertrouwen", ""),
               ("review", Nav.FINISH)], resume=start, quick=True,
    )  # fmt: skip
    assert data.antwoorden["ambitie.commitment"] == 4  # answers outside the filter are kept


def test_interrupt_propagates_after_saving(bank: Bank) -> None:
    saved: list[dict[str, Any]] = []
    script = Script(
        [*META, ("item:ambitie.belofte", 4), ("item:ambitie.commitment", KeyboardInterrupt())]
    )
    session = Session(
        bank, script, lambda e: None, lambda d: saved.append(msgspec.to_builtins(d)), today=TODAY
    )
    with pytest.raises(KeyboardInterrupt):
        session.run()
    assert saved[-1]["antwoorden"] == {"ambitie.belofte": 4}
    assert first_unanswered(session.items, session.data) == 1


def test_estimate_minutes(bank: Bank) -> None:
    # 7 x 15 s + 45 s = 150 s = 2.5 minutes, rounded half up to 3; the quick scan's 2 x 15 s to 1
    assert estimate_minutes(bank.vragen) == 3
    assert estimate_minutes([v for v in bank.vragen if v.kort]) == 1
    assert estimate_minutes([]) == 1


def test_changed_answer_offers_to_keep_or_clear_an_earlier_comment(bank: Bank) -> None:
    steps = [
        *META,
        ("item:ambitie.belofte", 1),
        ("toelichting:ambitie.belofte", "Niets op papier."),
        *[(f"item:{i}", "" if i == "ambitie.open" else 3) for i in ALL_IDS[1:]],
        ("review", Nav.CHANGE),
        ("review:nummer", "1"),
        ("item:ambitie.belofte", 4),  # no longer low, but a comment exists
        ("toelichting:ambitie.belofte", ""),  # cleared
        ("review", Nav.FINISH),
    ]
    data, _, _, script = run(bank, steps)
    offered = [q for q in script.asked if q.key == "toelichting:ambitie.belofte"]
    assert offered[1].default == "Niets op papier."
    assert "ambitie.belofte" not in data.toelichting


def test_every_text_validator_answers_any_text_without_raising(bank: Bank) -> None:
    """Issue 12.11: a validator runs on every key typed; '²' passed str.isdigit() and int() raised
    inside prompt_toolkit. Any text gets None or a Dutch reason, never an exception."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from samenwerk_cli.session.dialog import stray_keys
    from samenwerk_cli.session.lines import line_problem

    steps = [*FULL[:-1], ("review", Nav.CHANGE), ("review:nummer", ""), ("review", Nav.FINISH)]
    _, _, _, script = run(bank, steps)
    validators = [q.validate for q in script.asked if q.validate is not None]
    validators += [stray_keys, lambda t: line_problem(t, 3), lambda t: line_problem(t, 4, 4, False)]
    assert len({q.key for q in script.asked if q.validate is not None}) >= 2  # partnerschap, nummer

    @settings(max_examples=300, deadline=None)
    @given(
        st.text(
            alphabet=st.characters(categories=("Nd", "No", "Nl", "P", "Zs", "L"))
            | st.sampled_from("²³①٣v?")
        )
    )
    def check(text: str) -> None:
        for validate in validators:
            assert validate(text) is None or isinstance(validate(text), str)

    check()


def test_the_name_prompt_says_where_the_name_appears(bank: Bank) -> None:
    _, _, _, script = run(bank, FULL)
    name = next(q for q in script.asked if q.key == "respondent")
    assert name.instruction is not None
    assert "leeg = anoniem" in name.instruction and "met je naam in het rapport" in name.instruction


def test_a_comment_after_any_answer_and_no_stray_digits(bank: Bank) -> None:
    """Issue 17.4: 't' asks for a comment on a high answer too; a digit typed into the comment is
    refused with a reason and asked again, never stored as the comment "4"."""
    i = FULL.index(("item:ambitie.belofte", 4))
    steps = [
        *FULL[:i],
        ("item:ambitie.belofte", Nav.COMMENT),
        ("item:ambitie.belofte", 4),
        ("toelichting:ambitie.belofte", "4"),
        ("toelichting:ambitie.belofte", "Helder afgesproken."),
        *FULL[i + 1 :],
    ]
    data, events, _, script = run(bank, steps)
    assert data.toelichting["ambitie.belofte"] == "Helder afgesproken."
    assert [e.text for e in events if isinstance(e, Notice)] == [
        "Kies je antwoord; daarna typ je de toelichting.",
        "'4' lijkt een losse toets, geen tekst: typ een zin, of maak de regel leeg en druk op Enter.",
    ]
    first, second = [q for q in script.asked if q.key == "item:ambitie.belofte"]
    assert Nav.COMMENT in [c.value for c in first.choices]
    assert Nav.COMMENT not in [c.value for c in second.choices]  # asked for already
