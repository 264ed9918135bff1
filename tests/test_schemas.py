"""The published JSON Schemas match the msgspec types, and describe real files."""

from __future__ import annotations

import json
from pathlib import Path

from samenwerk_cli.formats import schemas

ROOT = Path(__file__).resolve().parents[1]


def test_published_schemas_are_in_sync() -> None:
    for name, text in schemas.generate().items():
        published = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert published == text, (
            f"schema/{name} is stale: run python -m samenwerk_cli.formats.schemas schema/"
        )


def test_answer_schema_describes_the_answer_values() -> None:
    schema = json.loads(schemas.generate()["antwoorden.schema.json"])
    answers = schema["$defs"]["Antwoorden"]
    assert answers["additionalProperties"] is False
    assert set(answers["required"]) == {"formaat", "vragenlijst", "versie", "partnerschap"}
    value = answers["properties"]["antwoorden"]["additionalProperties"]["anyOf"]
    assert {"type": "integer", "minimum": 1, "maximum": 5} in value
    assert {"enum": ["weet niet"]} in value


def test_bank_schema_accepts_both_file_kinds() -> None:
    schema = json.loads(schemas.generate()["vragenlijst.schema.json"])
    assert {ref["$ref"] for ref in schema["anyOf"]} == {"#/$defs/ModelFile", "#/$defs/ItemsFile"}
