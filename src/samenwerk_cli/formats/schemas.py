"""JSON Schemas of the data files, generated from the msgspec types, for editors' YAML support.

Regenerate the published copies with ``python -m samenwerk_cli.formats.schemas schema/``; a test keeps them
in sync with the types.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import msgspec

from samenwerk_cli.formats.answers import Antwoorden
from samenwerk_cli.formats.bank import ItemsFile, ModelFile
from samenwerk_cli.formats.group_file import GroepBestand
from samenwerk_cli.formats.score_document import ScoreDocument

SCHEMAS = {
    "vragenlijst.schema.json": (
        (ModelFile, ItemsFile),
        "samenwerk: vragenlijst (model.yaml of een bestand met vragen per dimensie)",
    ),
    "antwoorden.schema.json": ((Antwoorden,), "samenwerk: antwoordbestand van één respondent"),
    "groep.schema.json": ((GroepBestand,), "samenwerk: deelnemers van een groepssessie"),
    "score.schema.json": ((ScoreDocument,), "samenwerk: uitvoer van samenwerk score --json"),
}


def generate() -> dict[str, str]:
    """File name -> schema text (stable, UTF-8, newline at the end)."""
    out = {}
    for name, (kinds, title) in SCHEMAS.items():
        refs, defs = msgspec.json.schema_components(kinds)
        body = {"anyOf": list(refs)} if len(refs) > 1 else refs[0]
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            **body,
            "$defs": defs,
        }
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def main(argv: list[str]) -> None:
    target = Path(argv[0] if argv else "schema")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in generate().items():
        (target / name).write_text(text, encoding="utf-8")
        print(target / name)


if __name__ == "__main__":
    main(sys.argv[1:])
