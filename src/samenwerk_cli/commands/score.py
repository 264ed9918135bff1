"""samenwerk score (in progress)."""


def score() -> None:
    """Nog niet beschikbaar."""
