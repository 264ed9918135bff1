"""samenwerk: reflecteren op samenwerken, in the terminal."""
