"""A program's policy: its sections, their codec, and the four handbooks' presets."""
