"""Evaluation forms as data: items, kinds, scales with the handbook's labels and direction."""
