"""A bulk body read as it arrives: `{"employees": [...]}` yields its rows a chunk at a time.

A 100,000-row import is some 40 MB of JSON; decoded whole, it becomes several hundred MB of
Python objects held for the whole request. Read incrementally, only a chunk of rows is alive
at once, the decoding runs in a worker thread a piece at a time (the event loop keeps
serving), and the rows are checked while the rest of the body is still arriving.

The body's envelope (an object; the array member; any other member, which is refused) is
checked with the route's own pydantic model once the body is complete, with a placeholder
for each row, so its errors are exactly those FastAPI gives for a body it reads itself.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import re
from collections.abc import AsyncIterator, Callable, Sized
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

# Text decoded per worker-thread call: long enough to make a hop worth it, short enough
# that the rows of one piece are few.
PIECE_BYTES = 512 * 1024
# Text of the rows handed to a `block` reader at once: a few hundred rows, so one call (which
# holds the interpreter, even in a worker thread) stays short.
BLOCK_CHARS = 64 * 1024
_SPACE = re.compile(r"[ \t\n\r]*")
_AFTER_VALUE = frozenset(" \t\n\r,:]}")  # what may follow a whole value in JSON
_DECODER = json.JSONDecoder()


class Malformed(ValueError):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message, self.position = message, position


# Reads the text of a JSON array of whole rows ("[{...}, ...]") in one call: its chunk (any
# sized value, its length the number of rows), or None when the text is not such an array.
BlockReader = Callable[[str], Sized | None]


class EnvelopeReader:
    """Feeds on pieces of a JSON text; `feed` answers the elements of the top-level
    object's `member` array completed so far, in chunks. Other members are decoded whole
    and kept.

    Without `block`, each chunk is a list of decoded elements. With it, runs of objects are
    cut out of the text at a guessed boundary (a `}` followed by `,` or `]`) and handed to
    `block` whole, which decodes (and may check) them in one call instead of one call per
    row. A guess inside a string or a nested value leaves the text unbalanced, so it is no
    JSON array and `block` answers None: that stretch is then read element by element."""

    def __init__(
        self, member: str, block: BlockReader | None = None, block_chars: int = BLOCK_CHARS
    ) -> None:
        self.member, self.count, self.seen = member, 0, False
        self.members: dict[str, Any] = {}
        self._text, self._at, self._consumed = "", 0, 0
        self._state, self._key = "start", ""
        self._decoder: codecs.IncrementalDecoder | None = None
        self.whole: str | None = None  # the text of a body that is not an object
        self._block, self._block_chars, self._slow_until = block, block_chars, 0
        self._chunks: list[Any] = []

    def feed(self, data: bytes, final: bool) -> list[Any]:
        if self._decoder is None:
            encoding = json.detect_encoding(data[:4]) if data else "utf-8"
            self._decoder = codecs.getincrementaldecoder(encoding)("surrogatepass")
        self._text = self._text[self._at :] + self._decoder.decode(data, final)
        self._consumed += self._at
        self._at = 0
        found: list[Any] = []
        if self.whole is not None:
            self.whole += self._text
            self._text = ""
            return []
        self._chunks = []
        while self._step(found, final):
            pass
        chunks, self._chunks = self._chunks, []
        return [*chunks, found] if found else chunks

    def _read_block(self, i: int, found: list[Any], final: bool) -> bool | None:
        """Hand the objects from `i` to `block` in one piece: True when taken, False to wait
        for more text, None to read the next element on its own."""
        if self._block is None or self._consumed + i < self._slow_until:
            return None
        text = self._text
        limit = min(len(text), i + self._block_chars)
        if limit == len(text) and not final:
            return False
        cut = text.rfind("}", i, limit)
        while cut > i:
            after = _SPACE.match(text, cut + 1).end()  # type: ignore[union-attr]
            if after < len(text) and text[after] in ",]":
                break
            cut = text.rfind("}", i, cut)
        if cut <= i:
            return None
        chunk = self._block("[" + text[i : cut + 1] + "]")
        if chunk is None:  # not a whole run of elements: element by element up to `cut`
            self._slow_until = self._consumed + cut + 1
            return None
        if found:
            self._chunks.append(found[:])
            found.clear()
        self._chunks.append(chunk)
        self.count += len(chunk)
        return self._go(cut + 1, "element separator")

    def _step(self, found: list[Any], final: bool) -> bool:
        """Take one token or value; False when the text so far is used up."""
        i = _SPACE.match(self._text, self._at).end()  # type: ignore[union-attr]
        if i == len(self._text):
            self._at = i
            if final and self._state != "done":
                raise Malformed("Expecting value", self._consumed + i)
            return False
        char, state = self._text[i], self._state
        if state == "start":
            if char != "{":  # not an object: the envelope check reports it, whole
                self.whole, self._text, self._at = self._text[i:], "", 0
                return False
            return self._go(i + 1, "key or end")
        if state in ("key or end", "key") and char == '"':
            return self._value(i, final, lambda key: self._key_read(key))
        if state in ("key or end", "comma or end") and char == "}":
            return self._go(i + 1, "done")
        if state == "colon" and char == ":":
            return self._go(i + 1, "value")
        if state == "value" and char == "[" and self._key == self.member:
            if self._key in self.members or self.seen:
                raise Malformed(f"{self.member!r} given twice", self._consumed + i)
            self.seen = True
            return self._go(i + 1, "element or end")
        if state == "value":
            return self._value(i, final, lambda v: self._member_read(v))
        if state in ("element or end", "element") and not (state == "element" and char == "]"):
            if char == "]":
                return self._go(i + 1, "comma or end")
            if char == "{" and (taken := self._read_block(i, found, final)) is not None:
                return taken
            return self._value(i, final, lambda v: self._element_read(v, found))
        if state == "element separator" and char in ",]":
            return self._go(i + 1, "element" if char == "," else "comma or end")
        if state == "comma or end" and char == ",":
            return self._go(i + 1, "key")
        message = "Extra data" if state == "done" else "Unexpected character"
        raise Malformed(message, self._consumed + i)

    def _go(self, i: int, state: str) -> bool:
        self._at, self._state = i, state
        return True

    def _value(self, i: int, final: bool, then: Any) -> bool:
        try:
            value, end = _DECODER.raw_decode(self._text, i)
        except json.JSONDecodeError as error:
            if final:
                raise Malformed(error.msg, self._consumed + error.pos) from None
            self._at = i  # incomplete: wait for more of the body
            return False
        after = _SPACE.match(self._text, end).end()  # type: ignore[union-attr]
        if not final and (after == len(self._text) or self._text[end] not in _AFTER_VALUE):
            # A number may go on in the next piece ("-4." of "-4.5e3" decodes as -4, its
            # "." left over): decide when more text, or the end, has come.
            self._at = i
            return False
        self._at = end
        then(value)
        return True

    def _key_read(self, key: Any) -> None:
        self._key, self._state = key, "colon"

    def _member_read(self, value: Any) -> None:
        self.members[self._key], self._state = value, "comma or end"

    def _element_read(self, value: Any, found: list[Any]) -> None:
        found.append(value)
        self.count += 1
        self._state = "element separator"

    def envelope(self) -> Any:
        """The body as the route's model should see it, a placeholder for each row."""
        if self.whole is not None:
            return json.loads(self.whole)
        return {**self.members, self.member: [None] * self.count} if self.seen else self.members


async def streamed_rows(
    request: Request, model: type[BaseModel], member: str, block: BlockReader | None = None
) -> AsyncIterator[Any]:
    """The rows of `member` a chunk at a time (see EnvelopeReader for `block`); at the end,
    the envelope is checked against `model` and a bad one raises RequestValidationError (a
    malformed body too)."""
    if not _is_json(request.headers.get("content-type")):
        envelope: Any = await request.body()  # FastAPI validates such a body as bytes
        _check(model, envelope or None)
        return
    reader, pending, received = EnvelopeReader(member, block), bytearray(), 0
    try:
        async for data in request.stream():
            pending += data
            received += len(data)
            # A piece at a time, however the body arrives (a replayed body comes whole).
            while len(pending) >= PIECE_BYTES:
                for chunk in await asyncio.to_thread(
                    reader.feed, bytes(pending[:PIECE_BYTES]), False
                ):
                    yield chunk
                del pending[:PIECE_BYTES]
        if not received:
            _check(model, None)
        for chunk in await asyncio.to_thread(reader.feed, bytes(pending), True):
            yield chunk
        envelope = reader.envelope()
    except Malformed as error:
        raise _invalid(error.message, error.position) from None
    except json.JSONDecodeError as error:
        raise _invalid(error.msg, error.pos) from None
    _check(model, envelope)


def _is_json(content_type: str | None) -> bool:
    """As FastAPI decides: no content type, or application/json or application/*+json."""
    if not content_type:
        return True
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


def _check(model: type[BaseModel], envelope: Any) -> None:
    if envelope is None:
        missing = {"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}
        raise RequestValidationError([missing])
    try:
        model.model_validate(envelope)
    except ValidationError as refused:
        errors = refused.errors(include_url=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None


def _invalid(message: str, position: int) -> RequestValidationError:
    """A malformed body, reported as FastAPI reports one."""
    return RequestValidationError(
        [
            {
                "type": "json_invalid",
                "loc": ("body", position),
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": message},
            }
        ]
    )
