"""Shared pytest fixtures. The test bank and every helper live in ``tests/testbank.py`` (read its
docstring: the bank's items, ``write_bank``, ``BANK``, ``bank_with``, ``mini_answers``, ``answer_file``,
``team``, ``Script``, ``run_flow``); import them from there, not from here.

Fixtures:
- ``mini_bank``: the test bank written to ``tmp_path / "vragen"`` (a folder for ``--questions``).
- ``runner``: a ``CliRunner`` with stable output (no colour, 120 columns, no ``$SAMENWERK_VRAGEN``).

The bank cache (``$SAMENWERK_CACHE``) points to a folder of this test run, set before any test
module loads a bank: the tests use the cache as a user's runs do, and never write to ~/.cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

_CACHE = tempfile.mkdtemp(prefix="samenwerk-cache-")
os.environ["SAMENWERK_CACHE"] = _CACHE  # here, at import: before tests/testbank.py loads BANK

from tests.testbank import write_bank  # noqa: E402


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


@pytest.fixture
def mini_bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "vragen")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": "1", "COLUMNS": "120", "SAMENWERK_VRAGEN": None})
