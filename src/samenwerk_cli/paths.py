"""File and folder names made from what users typed: ASCII slugs, and never overwrite a file."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path


def slug(text: str) -> str:
    """``"Hogeschool Één & Co."`` -> ``"hogeschool-een-co"``: safe on every file system."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def free_path(folder: Path, stem: str, suffix: str = "") -> Path:
    """``folder/stem+suffix``, or with -2, -3... when that name is taken."""
    candidate, n = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate
