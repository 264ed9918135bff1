"""Answer files: reading, every validation error with file and line, and the template round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import answers, bank
from tests.testbank import MODEL, write_bank

GOOD = """\
formaat: samenwerk-antwoorden/1
vragenlijst: mini
versie: "1.10"
partnerschap: Opleidingsschool Noord
ronde: 2026-najaar
respondent: Anna de Vries
organisatie: Hogeschool Noord
datum: 2026-11-28
fase: delen
antwoorden:
  ambitie.belofte: 4
  ambitie.doen: weet niet
  ambitie.halen-brengen: 2
  relatie.vertrouwen:
toelichting:
  ambitie.open: "Samen: meer stageplekken | minder uitval"
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> bank.Bank:
    return bank.load(write_bank(tmp_path_factory.mktemp("bank")))


def one_problem(text: str, mini: bank.Bank):
    with pytest.raises(SamenwerkError) as info:
        answers.parse(text, mini, "a.yaml")
    (found,) = info.value.problems
    assert found.file == "a.yaml"
    return found


def test_good_file(mini: bank.Bank) -> None:
    read = answers.parse(GOOD, mini, "a.yaml")
    assert read.given == {
        "ambitie.belofte": 4,
        "ambitie.doen": "weet niet",
        "ambitie.halen-brengen": 2,
    }
    assert read.data.ronde == "2026-najaar"
    assert read.data.datum == dt.date(2026, 11, 28)
    assert read.warnings == []


def test_wrong_format(mini: bank.Bank) -> None:
    found = one_problem(GOOD.replace("samenwerk-antwoorden/1", "iets-anders/2"), mini)
    assert (found.line, found.field) == (1, "formaat")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("6", "niet '6'"),
        ("0", "niet '0'"),
        ("misschien", "'misschien'"),
        ("3.5", "'3.5'"),
        ("[4]", "een lijst"),
    ],
)
def test_values_outside_the_scale(mini: bank.Bank, value: str, words: str) -> None:
    found = one_problem(
        GOOD.replace("ambitie.halen-brengen: 2", f"ambitie.halen-brengen: {value}"), mini
    )
    assert found.field == "antwoorden.ambitie.halen-brengen"
    assert found.line == 13
    assert words in found.message
    assert 'een antwoord is 1, 2, 3, 4, 5 of "weet niet"' in found.message


def test_unknown_item(mini: bank.Bank) -> None:
    found = one_problem(GOOD.replace("ambitie.doen:", "ambitie.durf:"), mini)
    assert (found.line, found.field) == (12, "antwoorden.ambitie.durf")
    assert "onbekende vraag" in found.message


def test_unknown_top_level_field(mini: bank.Bank) -> None:
    found = one_problem(GOOD.replace("respondent:", "respondnet:"), mini)
    assert (found.line, found.field) == (6, "respondnet")


def test_missing_partnership(mini: bank.Bank) -> None:
    found = one_problem(GOOD.replace("partnerschap: Opleidingsschool Noord\n", ""), mini)
    assert found.field == "partnerschap" and "verplicht" in found.message


def test_other_bank_is_an_error_other_version_a_warning(mini: bank.Bank) -> None:
    found = one_problem(GOOD.replace("vragenlijst: mini", "vragenlijst: maxi"), mini)
    assert (found.line, found.field) == (2, "vragenlijst")
    read = answers.parse(GOOD.replace('"1.10"', '"1.9"'), mini, "a.yaml")
    (warning,) = read.warnings
    assert (warning.line, warning.field) == (3, "versie") and "1.9" in warning.message


def test_open_item_cannot_take_a_score(mini: bank.Bank) -> None:
    found = one_problem(GOOD.replace("  relatie.vertrouwen:\n", "  ambitie.open: 3\n"), mini)
    assert "toelichting" in found.message


def test_unknown_phase_and_bad_date(mini: bank.Bank) -> None:
    assert one_problem(GOOD.replace("fase: delen", "fase: dromen"), mini).field == "fase"
    found = one_problem(GOOD.replace("2026-11-28", "28 november"), mini)
    assert (found.field, found.line) == ("datum", 8)


@pytest.mark.parametrize("typed", ["Delen", "DELEN", " delen ", "deLen"])
def test_phase_is_read_without_case(mini: bank.Bank, typed: str) -> None:
    read = answers.parse(GOOD.replace("fase: delen", f'fase: "{typed}"'), mini, "a.yaml")
    assert read.data.fase == "delen"


def test_phase_unknown_said_any_case(mini: bank.Bank) -> None:
    read = answers.parse(GOOD.replace("fase: delen", "fase: Weet ik niet"), mini, "a.yaml")
    assert read.data.fase == answers.FASE_ONBEKEND


def test_answer_files_with_upper_case_suffix_are_found(tmp_path: Path) -> None:
    from samenwerk_cli.scoring.batch import discover

    for name in ("a.YAML", "b.Yml", "c.yaml", "d.txt"):
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    found, problems = discover([tmp_path])
    assert [p.name for p in found] == ["a.YAML", "b.Yml", "c.yaml"] and not problems


def test_file_that_is_a_list(mini: bank.Bank) -> None:
    assert "mapping" in one_problem("- 1\n- 2\n", mini).message


def test_template_round_trip(mini: bank.Bank, tmp_path: Path) -> None:
    text = answers.template(mini, "Noord: school", "Hogeschool", today=dt.date(2026, 1, 2))
    blank = answers.parse(text, mini, "t.yaml")
    assert blank.given == {}
    assert set(blank.data.antwoorden) == {v.id for v in mini.scored}
    assert blank.data.partnerschap == "Noord: school"
    assert "# We hebben elkaar iets beloofd." in text
    assert "# 1 = We brengen meer dan we halen … 5 = We halen meer dan we brengen" in text
    filled = text.replace("ambitie.belofte:", "ambitie.belofte: 5").replace(
        "relatie.vertrouwen:", "relatie.vertrouwen: weet niet"
    )
    path = tmp_path / "ingevuld.yaml"
    path.write_text(filled, encoding="utf-8")
    read = answers.read(path, mini)
    assert read.given == {"ambitie.belofte": 5, "relatie.vertrouwen": "weet niet"}
    assert read.data.datum == dt.date(2026, 1, 2)


def test_template_needs_a_partnership_before_it_validates(mini: bank.Bank) -> None:
    found = one_problem(answers.template(mini), mini)
    assert found.field == "partnerschap" and "leeg" in found.message


def test_save_and_read_back(mini: bank.Bank, tmp_path: Path) -> None:
    data = answers.parse(GOOD, mini, "a.yaml").data
    answers.save(tmp_path / "x.yaml", data)
    again = answers.read(tmp_path / "x.yaml", mini)
    assert again.data == data


answer_values = st.one_of(
    st.integers(-5, 10).map(str),
    st.sampled_from(["weet niet", "ja", "no", "1.10", "~", "[1]"]),
    st.text(max_size=8),
)


@settings(max_examples=200, deadline=None)
@given(answer_values)
def test_malformed_answers_fail_cleanly_with_line(mini: bank.Bank, value: str) -> None:
    import yaml

    text = GOOD.replace(
        "ambitie.halen-brengen: 2",
        f"ambitie.halen-brengen: {yaml.safe_dump(value).splitlines()[0]}",
    )
    try:
        read = answers.parse(text, mini, "a.yaml")
    except SamenwerkError as exc:
        assert exc.problems[0].file == "a.yaml"
        assert exc.problems[0].line is not None
    else:
        assert read.data.antwoorden["ambitie.halen-brengen"] in (1, 2, 3, 4, 5, "weet niet", None)


# --- retired ids -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def retiring(tmp_path_factory: pytest.TempPathFactory) -> bank.Bank:
    """The mini bank, version 1.11, which has retired ambitie.oud and ambitie.weg."""
    model = MODEL.replace('versie: "1.10"', 'versie: "1.11"').replace(
        "fases:\n", "vervallen: [ambitie.oud, ambitie.weg]\nfases:\n"
    )
    return bank.load(write_bank(tmp_path_factory.mktemp("bank"), model=model))


OLD = GOOD.replace("  ambitie.belofte: 4\n", "  ambitie.oud: 2\n  ambitie.belofte: 4\n").replace(
    "toelichting:\n", "toelichting:\n  ambitie.weg: Dit was een goede vraag.\n"
)


def test_retired_ids_are_skipped_with_one_warning(retiring: bank.Bank) -> None:
    read = answers.parse(OLD, retiring, "a.yaml")
    assert read.given == {
        "ambitie.belofte": 4,
        "ambitie.doen": "weet niet",
        "ambitie.halen-brengen": 2,
    }
    assert read.data.toelichting == {"ambitie.open": "Samen: meer stageplekken | minder uitval"}
    version, retired = read.warnings
    assert version.field == "versie" and "1.10" in version.message
    assert (retired.file, retired.line, retired.field) == ("a.yaml", 11, "antwoorden.ambitie.oud")
    assert retired.message.startswith("2 vragen bestaan niet meer in versie 1.11")
    assert retired.message.endswith("tellen niet mee: ambitie.oud, ambitie.weg")


def test_one_retired_id_in_the_text_only(retiring: bank.Bank) -> None:
    text = GOOD.replace("toelichting:\n", "toelichting:\n  ambitie.weg: weg\n")
    (_, retired) = answers.parse(text, retiring, "a.yaml").warnings
    assert retired.field == "toelichting.ambitie.weg"
    assert retired.message == (
        "1 vraag bestaat niet meer in versie 1.11 van de vragenlijst en telt niet mee: ambitie.weg"
    )


def test_an_id_that_was_never_in_the_bank_is_still_an_error(retiring: bank.Bank) -> None:
    found = one_problem(OLD.replace("ambitie.oud:", "ambitie.nooit:"), retiring)
    assert (found.field, found.line) == ("antwoorden.ambitie.nooit", 11)
    assert "onbekende vraag" in found.message
    with pytest.raises(SamenwerkError):  # without the bank's list the old id is unknown
        answers.parse(OLD, bank.load(write_bank(Path(retiring.path).parent / "plain")), "a.yaml")


def test_a_file_without_its_header_still_names_its_unknown_ids() -> None:
    """Every mistake in one run: a missing header does not hide the unknown ids below it."""
    from samenwerk_cli.errors import SamenwerkError
    from samenwerk_cli.formats import answers as answers_mod
    from tests.testbank import BANK

    text = (
        "formaat: samenwerk-antwoorden/1\npartnerschap: Noord\nantwoorden:\n"
        "  ambitie.belofte: 4\n  foo.bar: 3\ntoelichting:\n  baz.qux: hallo\n"
    )
    with pytest.raises(SamenwerkError) as caught:
        answers_mod.parse(text, BANK, "a.yaml")
    said = [str(p) for p in caught.value.problems]
    assert said == [
        "a.yaml: veld 'vragenlijst': ontbreekt maar is verplicht",
        "a.yaml: veld 'versie': ontbreekt maar is verplicht",
        "a.yaml:5: veld 'antwoorden.foo.bar': onbekende vraag 'foo.bar'",
        "a.yaml:7: veld 'toelichting.baz.qux': onbekende vraag 'baz.qux'",
    ]
