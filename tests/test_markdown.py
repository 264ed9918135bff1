"""The markdown report, parsed as GFM by markdown-it-py: tables, sections, and hostile free text."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.render import mdtext
from samenwerk_cli.render.markdown import index, partnership_report
from samenwerk_cli.scoring import batch, trend
from tests.testbank import mini_answers

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = dt.date(2026, 11, 29)
HOSTILE = [
    "| pipe | in | een | cel |",
    "<script>alert(1)</script>",
    "`code` en ``meer``",
    "[link](javascript:alert(1))",
    "[red]rood[/red] en [bold]vet[/]",
    "# kop",
    "*ster* en _streep_ en **vet** en ~~weg~~",
    "- lijst",
    "2026. Een jaartal",
    "> citaat",
    "&amp; &lt;b&gt; &#60;",
    "![plaatje](x.png)",
    "regel\\",
    "=====",
    "Team Noord #",
    "$x$ en 10^3^ en {#id} en @anna",
    ": definitie",
    "::: div",
    "a) punt",
    "(1) punt",
    "iv. punt",
]


def gfm() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: its text, with soft and hard breaks as spaces."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def first_inline(tokens: list[Token]) -> Token:
    return next(t for t in tokens if t.type == "inline")


def flat(tokens: list[Token]) -> list[Token]:
    out = []
    for t in tokens:
        out.append(t)
        out.extend(t.children or [])
    return out


def tables(tokens: list[Token]) -> list[tuple[list[str], list[list[str]]]]:
    """Every table as (header cells, body rows), cells as rendered text."""
    found, i = [], 0
    while i < len(tokens):
        if tokens[i].type != "table_open":
            i += 1
            continue
        header: list[str] = []
        rows: list[list[str]] = []
        row: list[str] = []
        in_head = False
        while tokens[i].type != "table_close":
            t = tokens[i]
            if t.type == "thead_open":
                in_head = True
            elif t.type == "thead_close":
                in_head = False
            elif t.type == "tr_open":
                row = []
            elif t.type == "inline":
                row.append(inline_text(t).strip())
            elif t.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(row)
            i += 1
        found.append((header, rows))
    return found


def report(path: Path, **kwargs: Any) -> str:
    bank = bank_mod.load(kwargs.pop("questions", None))
    names, problems = batch.find([path])
    loaded = batch.read_all(names, bank)
    assert not problems and not loaded.errors
    [partnership] = trend.partnerships(loaded.files, bank)
    return partnership_report(partnership, bank, "rapport.svg", TODAY, "9.9")


# --- escaping -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally_as_prose(text: str) -> None:
    tokens = gfm().parse(f"Toelichting: {mdtext.inline(text)}\n")
    kinds = {t.type for t in flat(tokens)}
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "text_special"}
    assert inline_text(tokens[1]) == f"Toelichting: {' '.join(text.split())}"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_in_its_list_item(text: str) -> None:
    tokens = gfm().parse(f"- {mdtext.inline(text)}\n")
    assert [t.type for t in tokens].count("list_item_open") == 1
    assert not {"heading_open", "blockquote_open", "html_block", "html_inline", "link_open"} & {
        t.type for t in flat(tokens)
    }
    assert inline_text(first_inline(tokens)) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_heading_keeps_every_character(text: str) -> None:
    """A partnership or round name ends up in a heading, where a closing " #" would vanish."""
    tokens = gfm().parse(f"## Ontwikkeling sinds {mdtext.inline(text)}\n")
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert inline_text(tokens[1]) == f"Ontwikkeling sinds {' '.join(text.split())}"


def pandoc_inlines(markdown: str) -> tuple[list[str], str]:
    """Pandoc's own markdown reader (what ``pandoc rapport.md`` uses): block types, and the text."""
    out = subprocess.run(
        ["pandoc", "-f", "markdown-smart", "-t", "json"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    blocks = json.loads(out.stdout)["blocks"]
    kinds: list[str] = []
    words: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict) and "t" in node:
            kinds.append(node["t"])
            if node["t"] == "Str":
                words.append(node["c"])
            elif node["t"] in ("Space", "SoftBreak", "LineBreak"):
                words.append(" ")
            else:
                walk(node.get("c"))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(blocks)
    return kinds, "".join(words)


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_hostile_text_literally() -> None:
    """Without "smart": pandoc's typographic quotes and dashes change no meaning."""
    text = "\n".join(HOSTILE)
    kinds, words = pandoc_inlines(f"- {mdtext.multiline(text, '  ')}\n")
    assert set(kinds) <= {"BulletList", "Plain", "Para", "Str", "Space", "SoftBreak", "LineBreak"}
    assert kinds.count("BulletList") == 1
    assert words == " ".join(" ".join(h.split()) for h in HOSTILE)


text_in_a_cell = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=60
).filter(lambda t: t.strip())


@given(text_in_a_cell)
def test_any_text_fills_exactly_one_cell(text: str) -> None:
    table = mdtext.table(["a", "b"], [[mdtext.inline(text), "x"]])
    [(header, rows)] = tables(gfm().parse(table))
    assert header == ["a", "b"]
    assert rows == [[" ".join(text.split()), "x"]]


def test_multiline_text_keeps_its_lines_inside_the_item() -> None:
    text = "Eerste regel *met* ster\n# geen kop\n\n- geen lijst"
    tokens = gfm().parse(f"- {mdtext.multiline(text, '  ')}\n- volgende\n")
    assert [t.type for t in tokens].count("list_item_open") == 2
    item = first_inline(tokens)
    assert [c.type for c in item.children or []].count("hardbreak") == 2
    assert inline_text(item) == "Eerste regel *met* ster # geen kop - geen lijst"


# --- the report on the shipped examples ---------------------------------------------------------


def test_report_sections_and_tables_on_the_examples() -> None:
    text = report(EXAMPLES)
    tokens = gfm().parse(text)
    headings = [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    assert headings == [
        "De vijf dimensies",
        "Ambitie: belofte × commitment × doen",
        "Fase van de samenwerking",
        "Patronen over de dimensies heen",
        "Zwakke plekken en advies",
        "Balansvragen",
        "Waar de antwoorden uiteenlopen",
        "Ontwikkeling sinds 2026-voorjaar",
        "Wat de deelnemers schreven",
        "Hoe nu verder?",
    ]
    assert inline_text(tokens[1]) == "Samenwerkingsreflectie: Opleidingsschool Noord"
    dims, phases, leans, orgs, trend_table, agreements = tables(tokens)
    assert leans[0] == ["Balansvraag", "Neiging", "Gemiddeld", "Schaal"]
    assert dims[0] == ["Dimensie", "Score", "Band", "Dekking", "Overeenstemming"]
    assert [r[0] for r in dims[1]] == [
        "Ambitie van betekenis",
        "Belangen — respect voor elkaars belangen",
        "Relatie — aandacht voor persoonlijke relaties",
        "Organisatie — goed georganiseerd",
        "Proces — betekenis geven",
    ]
    assert all(len(r) == 5 for r in dims[1])
    assert all(r[2].split()[0] in "●◐○" for r in dims[1])  # symbol beside the band word
    assert phases[0] == ["Fase", "Score", "Stand", "Zelfbeeld"] and len(phases[1]) == 5
    assert orgs[0] == ["Dimensie", "Basisschool De Linde (n=2)", "Hogeschool Noord (n=2)"]
    assert trend_table[0] == ["Dimensie", "2026-voorjaar", "2026-najaar", "Verandering"]
    # belangen 419/180 -> 589/180 (+170/180 = 0,944); ambitie 685/216 -> 779/216 (+94/216 = 0,435)
    assert [
        "Belangen — respect voor elkaars belangen",
        "2,33",
        "3,27",
        "+0,94 ▲ beter",
    ] in trend_table[1]
    assert ["Ambitie van betekenis", "3,17", "3,61", "+0,44"] in trend_table[1]  # no arrow < 0,5
    assert agreements == (["Wat", "Wie", "Wanneer"], [["", "", ""]] * 4)
    images = [c for t in flat(tokens) if t.type == "image" for c in [t]]
    assert [i.attrGet("src") for i in images] == ["rapport.svg"]
    steps = text[text.index("## Hoe nu verder?") :]
    assert steps.count("\n1. ") == 1 and "\n3. " in steps and "\n4. " not in steps


def test_respondent_text_from_the_examples_is_escaped_and_attributed() -> None:
    text = report(EXAMPLES)
    rendered = " ".join(inline_text(t) for t in gfm().parse(text) if t.type == "inline")
    assert "Een gezamenlijke `werkplaats` voor onderzoek in de school. — Eva Bakker" in rendered
    assert "Verdeling van de *subsidie* is nog steeds onduidelijk voor ons." in rendered
    kinds = {t.type for t in flat(gfm().parse(text))}
    assert not kinds & {"html_inline", "html_block", "code_inline", "link_open"}


# --- hostile answer files -----------------------------------------------------------------------


def write_answers(
    folder: Path, name: str | None, org: str, notes: dict[str, str], **a: Any
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = mini_answers(
        partnerschap="Noord | *Zuid* # <b>",
        ronde="2027 [red]voorjaar[/]",
        respondent=name,
        organisatie=org,
        antwoorden={
            "ambitie.belofte": a.get("belofte", 2),
            "ambitie.doen": 4,
            "relatie.vertrouwen": a.get("vertrouwen", 2),
        },
        toelichting=notes,
    )
    answers.save(folder / f"{name or org}.yaml".replace(" ", "-"), data)


def test_hostile_answer_files_cannot_break_the_report(tmp_path: Path, mini_bank: Path) -> None:
    summary = "Samen besproken: `opleiden` | *samen* <i>echt</i>"
    folder = tmp_path / "antwoorden"
    write_answers(folder, "Anna <script>", "Org | A", {"ambitie.open": "\n".join(HOSTILE),
                  "ambitie.belofte": summary})  # fmt: skip
    write_answers(folder, None, "Org [B]", {"ambitie.belofte": summary}, belofte=5)
    write_answers(folder, "Carla", "Org [B]", {"ambitie.belofte": summary}, vertrouwen=5)
    text = report(folder, questions=mini_bank)
    tokens = gfm().parse(text)
    kinds = {t.type for t in flat(tokens)}
    assert not kinds & {"html_inline", "html_block", "code_inline", "link_open", "s_open"}
    assert inline_text(tokens[1]) == "Samenwerkingsreflectie: Noord | *Zuid* # <b>"
    for header, rows in tables(tokens):
        assert all(len(row) == len(header) for row in rows), header
    # "Org | A" has one respondent: no column of its own (so no table with one column left), and
    # the report says why, its name escaped.
    assert all(header[0] != "Dimensie" or len(header) == 5 for header, _ in tables(tokens))
    rendered = [inline_text(t) for t in tokens if t.type == "inline"]
    assert any(r.startswith("Org | A (1 respondent) heeft geen eigen kolom") for r in rendered)
    assert " ".join(" ".join(h.split()) for h in HOSTILE) + " — Anna <script>" in rendered
    # the same summary from all three (as a group session saves it) is shown once, as the
    # facilitator's (issue 17.7), not as the words of every participant
    assert rendered.count(f"{summary} — begeleider, samenvatting van het groepsgesprek") == 1
    assert sum(summary in r for r in rendered) == 1


def test_index_links_every_report(tmp_path: Path) -> None:
    bank = bank_mod.load(None)
    loaded = batch.read_all(batch.find([EXAMPLES])[0], bank)
    [partnership] = trend.partnerships(loaded.files, bank)
    text = index([("noord.md", partnership.laatste)], bank, TODAY)
    tokens = gfm().parse(text)
    [(header, rows)] = tables(tokens)
    assert header[:3] == ["Partnerschap", "Ronde", "n"] and header[-1] == "Zwakste band"
    assert rows[0][:3] == ["Opleidingsschool Noord", "2026-najaar", "4"]
    links = [t.attrGet("href") for t in flat(tokens) if t.type == "link_open"]
    assert links == ["noord.md"]


def test_the_markdown_report_is_the_complete_one() -> None:
    """The screen and the printable page show the first few and say where the rest are: here.
    So the markdown report lists every statement, and never says "… en nog"."""
    from pathlib import Path

    from typer.testing import CliRunner

    from samenwerk_cli.cli.app import app

    examples = str(Path(__file__).resolve().parents[1] / "examples")
    env = {"NO_COLOR": "1", "COLUMNS": "100"}
    screen = CliRunner(env=env).invoke(app, ["score", examples]).stdout
    report = CliRunner(env=env).invoke(app, ["export", examples, "-o", "-"]).stdout
    assert "en nog" in screen  # the examples have more than a screen shows
    assert "en nog" not in report
