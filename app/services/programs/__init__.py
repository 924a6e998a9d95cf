"""Programs, their records and ports, and the facts the domain's rules read from them."""
