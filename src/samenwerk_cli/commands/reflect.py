"""samenwerk reflect (in progress)."""


def reflect() -> None:
    """Nog niet beschikbaar."""
