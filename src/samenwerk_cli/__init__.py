"""samenwerk: reflecteren op samenwerken, in the terminal."""

__version__ = "0.1.0"
