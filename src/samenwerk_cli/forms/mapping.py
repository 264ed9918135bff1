"""``--mapping KOPPELING.yaml``: the user says which column is which, and what an odd label means.

```yaml
kolommen:
  "Vraag 1": ambitie.meerwaarde     # a question id
  "Afdeling": organisatie           # or respondent, organisatie, rol, datum, negeren
labels:
  "Soms": 3                         # 1..5, "weet niet", or leeg (no answer)
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Union

import msgspec

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.formats import yamlio
from samenwerk_cli.formats.answers import Score
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.formats.convert import convert
from samenwerk_cli.forms import match
from samenwerk_cli.forms.codes import NO_ANSWER, normalise

ROLES = {
    "respondent": match.RESPONDENT,
    "organisatie": match.ORGANISATIE,
    "rol": match.ROL,
    "datum": match.DATUM,
    "negeren": match.METADATA,
}
Label = Union[Score, Literal["weet niet"], None]  # noqa: UP007 - msgspec needs a runtime union


class Koppeling(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    kolommen: dict[str, str] = {}
    labels: dict[str, Label] = {}


def load(path: Path, bank: Bank) -> tuple[dict[str, Vraag | str], dict[str, object]]:
    """Normalised header -> item or role, normalised label -> answer; every bad entry named."""
    doc = yamlio.load_file(path)
    data = convert(doc, Koppeling, value_type=Label)
    problems = []
    columns: dict[str, Vraag | str] = {}
    for header, target in data.kolommen.items():
        if target in ROLES:
            columns[normalise(header)] = ROLES[target]
        elif target in bank.by_id:
            columns[normalise(header)] = bank.by_id[target]
        else:
            message = f"'{target}' is geen vraag-id en geen van: {', '.join(ROLES)}"
            line = doc.line_of(("kolommen", header))
            problems.append(Problem(message, doc.file, line, f"kolommen.{header}"))
    if problems:
        raise SamenwerkError(problems)
    labels: dict[str, object] = {
        normalise(text): (NO_ANSWER if value is None else value)
        for text, value in data.labels.items()
    }
    return columns, labels
