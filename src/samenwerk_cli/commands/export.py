"""samenwerk export (in progress)."""


def export() -> None:
    """Nog niet beschikbaar."""
