"""Loading and validating question banks: every class of error names file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import bank
from tests.testbank import AMBITIE, MODEL, write_bank


def problems_of(directory: Path) -> list:
    with pytest.raises(SamenwerkError) as info:
        bank.load(directory)
    return info.value.problems


def test_mini_bank_loads_in_model_order(mini_bank: Path) -> None:
    loaded = bank.load(mini_bank)
    assert [v.id for v in loaded.vragen] == [
        "ambitie.belofte",
        "ambitie.commitment",
        "ambitie.doen",
        "ambitie.halen-brengen",
        "ambitie.open",
        "relatie.vertrouwen",
        "relatie.omheen",
        "relatie.samen",
    ]
    assert loaded.versie == "1.10"  # unquoted in YAML 1.1 this would have become 1.1
    assert loaded.by_id["relatie.omheen"].omgekeerd is True
    assert loaded.by_id["relatie.vertrouwen"].omgekeerd is False
    assert loaded.model.drempels.sterk == 4.0  # defaults apply
    assert [v.id for v in loaded.scored if v.kort] == ["ambitie.belofte", "relatie.vertrouwen"]


def test_unknown_field_is_named_with_its_line(tmp_path: Path) -> None:
    text = AMBITIE.replace("    kort: true\n", "    kort: true\n    tekts: oeps\n", 1)
    (found,) = problems_of(write_bank(tmp_path, ambitie=text))
    assert found.file.endswith("ambitie.yaml")
    assert found.field == "vragen[1].tekts"
    assert found.line == 12
    assert "geen bekend veld" in found.message


def test_missing_required_field(tmp_path: Path) -> None:
    text = MODEL.replace("naam: mini\n", "")
    (found,) = problems_of(write_bank(tmp_path, model=text))
    assert found.field == "naam" and "verplicht" in found.message


def test_wrong_type_is_translated(tmp_path: Path) -> None:
    text = AMBITIE.replace("    kort: true\n", "    kort: misschien\n", 1)
    (found,) = problems_of(write_bank(tmp_path, ambitie=text))
    assert found.field == "vragen[1].kort"
    assert found.line == 11
    assert "true of false" in found.message


def test_invalid_kind(tmp_path: Path) -> None:
    text = AMBITIE.replace("soort: stelling", "soort: vraag", 1)
    (found,) = problems_of(write_bank(tmp_path, ambitie=text))
    assert found.field == "vragen[1].soort" and "'vraag'" in found.message


def test_semantic_problems_are_all_listed(tmp_path: Path) -> None:
    text = (
        AMBITIE.replace("id: ambitie.doen", "id: relatie.doen")
        .replace("fase: overeenkomen\n    thema: doen", "fase: later\n    thema: niets")
        .replace("    polen: [We brengen meer dan we halen, We halen meer dan we brengen]\n", "")
    )
    found = problems_of(write_bank(tmp_path, ambitie=text))
    messages = {p.field: p.message for p in found}
    assert "moet beginnen met 'ambitie.'" in messages["vragen[3].id"]
    assert "onbekende fase 'later'" in messages["vragen[3].fase"]
    assert "geen thema" in messages["vragen[3].thema"]
    assert "twee polen" in messages["vragen[4].polen"]
    assert all(p.line for p in found)


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    relatie = AMBITIE.replace("dimensie: ambitie", "dimensie: relatie").replace(
        "ambitie.doen", "relatie.doen"
    )
    found = problems_of(write_bank(tmp_path, relatie=relatie))
    assert any("bestaat al" in p.message for p in found)


def test_missing_dimension_file_and_unknown_dimension(tmp_path: Path) -> None:
    directory = write_bank(tmp_path)
    (directory / "relatie.yaml").rename(directory / "extra.yaml")
    text = (directory / "extra.yaml").read_text().replace("dimensie: relatie", "dimensie: vreemd")
    (directory / "extra.yaml").write_text(text)
    messages = " | ".join(p.message for p in problems_of(directory))
    assert "'relatie' heeft geen bestand" in messages
    assert "onbekende dimensie 'vreemd'" in messages


def test_ambition_index_must_name_themes(tmp_path: Path) -> None:
    text = MODEL.replace(
        "factoren: [belofte, commitment, doen]", "factoren: [belofte, commitment, durf]"
    )
    (found,) = problems_of(write_bank(tmp_path, model=text))
    assert found.field == "ambitie_index.factoren[3]" and "'durf'" in found.message


def test_thresholds_must_be_ordered(tmp_path: Path) -> None:
    text = MODEL.replace("ambitie_index:", "drempels: {sterk: 3.0, aandacht: 3.5}\nambitie_index:")
    (found,) = problems_of(write_bank(tmp_path, model=text))
    assert found.field == "drempels"


def test_open_item_cannot_be_quick_or_reversed(tmp_path: Path) -> None:
    text = AMBITIE.replace(
        "    tekst: Wat willen we bereiken?\n",
        "    tekst: Wat willen we bereiken?\n    kort: true\n",
    )
    (found,) = problems_of(write_bank(tmp_path, ambitie=text))
    assert found.field == "vragen[5].kort"


def test_missing_model_file(tmp_path: Path) -> None:
    tmp_path.joinpath("ambitie.yaml").write_text(AMBITIE)
    (found,) = problems_of(tmp_path)
    assert "model.yaml ontbreekt" in found.message


def test_questions_dir_from_environment(mini_bank: Path, monkeypatch) -> None:
    monkeypatch.setenv(bank.ENV_VAR, str(mini_bank))
    assert bank.load().naam == "mini"
    monkeypatch.setenv(bank.ENV_VAR, str(mini_bank / "nergens"))
    with pytest.raises(SamenwerkError, match="bestaat niet"):
        bank.load()


def test_builtin_bank_is_found_and_valid(monkeypatch) -> None:
    monkeypatch.delenv(bank.ENV_VAR, raising=False)
    builtin = bank.load()
    assert builtin.naam == "standaard"
    assert len(builtin.scored) >= 50


def _sentences(text: str) -> int:
    return len(re.findall(r"[.?!](?=\s|$)", text))


def test_builtin_items_follow_the_writing_rules(monkeypatch) -> None:
    """The rules for writing items (docs/model.md, "Zo schrijf je een vraag"), as far as a
    program can judge them."""
    monkeypatch.delenv(bank.ENV_VAR, raising=False)
    builtin = bank.load()
    for v in builtin.vragen:
        assert len(v.tekst.split()) <= 20, v.id
        assert _sentences(v.uitleg) == 1, v.id
        # what a school respondent cannot judge (bank review, issue 13)
        for words in ("iedereen weet", "de bestuurders", "het projectplan"):
            assert words not in v.tekst.lower(), v.id
        if re.search(r"\b(elke partner|alle partners)\b", v.tekst):
            assert "vastgelegd wat elke partner" in v.tekst, v.id  # a written fact, not a guess
    for v in builtin.scored:
        assert 1 <= _sentences(v.advies) <= 2, v.id
        if v.soort == "balans":
            left, right = (p.split() for p in v.polen or [])
            assert left[0] == right[0] and abs(len(left) - len(right)) <= 2, v.id


def test_builtin_bank_rests_the_ambition_index_on_two_items_per_factor(monkeypatch) -> None:
    monkeypatch.delenv(bank.ENV_VAR, raising=False)
    builtin = bank.load()
    index = builtin.model.ambitie_index
    assert index is not None and index.factoren == ["belofte", "commitment", "doen"]
    for factor in index.factoren:
        items = [v.id for v in builtin.scored if v.dimensie == "ambitie" and v.thema == factor]
        assert len(items) >= 2, factor
    quick = [v for v in builtin.scored if v.kort]
    assert 10 <= len(quick) <= 15
    quick_themes = {v.thema for v in quick if v.dimensie == "ambitie"}
    assert {"meerwaarde", "gedeelde-ambitie", *index.factoren} <= quick_themes


def test_builtin_retired_ids_are_no_items(monkeypatch) -> None:
    monkeypatch.delenv(bank.ENV_VAR, raising=False)
    builtin = bank.load()
    assert builtin.versie == "2026.2"
    assert {"ambitie.gedeelde-ambitie", "ambitie.commitment", "relatie.macht"} <= builtin.vervallen
    assert not builtin.vervallen & builtin.by_id.keys()


# --- retired ids (vervallen) ---------------------------------------------------------------------

RETIRED = MODEL.replace("fases:\n", "vervallen: [ambitie.oud, relatie.macht]\nfases:\n")


def test_retired_ids_are_listed(tmp_path: Path) -> None:
    loaded = bank.load(write_bank(tmp_path, model=RETIRED))
    assert loaded.vervallen == {"ambitie.oud", "relatie.macht"}
    assert "ambitie.oud" not in loaded.by_id


def test_a_retired_id_that_is_still_an_item_is_an_error(tmp_path: Path) -> None:
    text = MODEL.replace("fases:\n", "vervallen:\n  - ambitie.oud\n  - ambitie.doen\nfases:\n")
    (found,) = problems_of(write_bank(tmp_path, model=text))
    assert found.file.endswith("model.yaml")
    assert (found.field, found.line) == ("vervallen[2]", 28)  # counted from 1
    assert "nog een vraag" in found.message and "ambitie.yaml" in found.message


def test_a_retired_id_is_checked_like_an_item_id(tmp_path: Path) -> None:
    text = MODEL.replace("fases:\n", "vervallen: [Ambitie.Oud, ambitie.x, ambitie.x]\nfases:\n")
    problems = problems_of(write_bank(tmp_path, model=text))
    assert sorted((p.field, p.line) for p in problems) == [("vervallen", 26), ("vervallen[1]", 26)]
    assert any("twee keer" in p.message for p in problems)
    assert any("ongeldige id 'Ambitie.Oud'" in p.message for p in problems)
