"""How deeply a JSON text nests, measured on its bytes before anything parses it.

Parsers and validators recurse: a body nested thousands deep (a REST body, a `policy`,
GraphQL variables) would otherwise end as a RecursionError, a 500, or a dropped connection.
No document this API accepts nests anywhere near MAX_JSON_DEPTH.
"""

from __future__ import annotations

from itertools import accumulate

MAX_JSON_DEPTH = 64

_KEEP = b'"[]{}'
_NOT_KEPT = bytes(b for b in range(256) if b not in _KEEP)
# Quotes and brackets split at a time: a split makes an object per string, and an import's
# body split whole made millions of them at once.
_SPLIT_BYTES = 64 * 1024
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def nests_deeper_than(text: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when some value in `text` lies more than `limit` arrays or objects deep.
    Brackets inside strings do not count; malformed text is left to the parser."""
    if text.count(b"[") + text.count(b"{") <= limit:
        return False  # the common case, and the cheap one: too few brackets to nest so deep
    # Escapes first, so the quotes left are exactly the strings' delimiters: an escaped
    # backslash, then an escaped quote (no other escape involves either character).
    if b"\\" in text:
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Between the quotes that are left, every second run is inside a string.
    brackets = outside_strings(text.translate(None, _NOT_KEPT))
    if len(brackets) <= limit:
        return False
    return max(accumulate(_STEP[b] for b in brackets)) > limit


def outside_strings(kept: bytes, piece: int = _SPLIT_BYTES) -> bytes:
    """The brackets of `kept` (quotes and brackets only) that are not inside a string."""
    parts, inside = [], False
    for start in range(0, len(kept), piece):
        runs = kept[start : start + piece].split(b'"')
        parts.append(b"".join(runs[1 if inside else 0 :: 2]))
        inside ^= len(runs) % 2 == 0  # an odd number of quotes: the next piece flips side
    return b"".join(parts)
