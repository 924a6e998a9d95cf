"""jsonb values come back as they were stored, whatever their numbers (orjson alone would turn
integers beyond 64 bits into floats)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.adapters.db import json_codec
from app.adapters.db.stored_json import StoredJson

documents = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**200), max_value=2**200)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def exactly(value):
    """Text that tells 2**70 from 2.0**70, which `==` does not."""
    return json.dumps(value, sort_keys=True)


@given(documents)
def test_decoding_agrees_with_the_standard_library(document):
    text = json.dumps(document)
    assert exactly(json_codec.loads(text)) == exactly(json.loads(text))


@given(documents)
def test_encoding_round_trips(document):
    assert exactly(json_codec.loads(json_codec.dumps(document))) == exactly(document)


def test_an_integer_just_beyond_64_bits_keeps_every_digit():
    text = '{"a": [1, {"b": 18446744073709551617}], "c": 0.5}'
    assert json_codec.loads(text)["a"][1]["b"] == 2**64 + 1


objects = st.dictionaries(st.text(max_size=8), documents, max_size=4)


@given(objects)
def test_a_stored_document_reads_as_the_object_it_holds(document):
    stored = StoredJson(json.dumps(document), json_codec.loads)
    assert exactly(dict(stored)) == exactly(document)
    assert len(stored) == len(document)
    assert stored == json_codec.loads(json.dumps(document))


@given(objects)
def test_a_stored_document_is_written_again_as_the_same_object(document):
    # A rematch stores its successor under the old pair's snapshot, as read: not as a string.
    stored = StoredJson(json.dumps(document), json_codec.loads)
    nested = {"policy": stored, "kept": [stored]}
    again = json_codec.loads(json_codec.dumps(nested))
    assert exactly(again) == exactly({"policy": document, "kept": [document]})


def test_a_stored_document_that_is_not_an_object_is_refused_when_read():
    stored = StoredJson("[1, 2]", json_codec.loads)
    with pytest.raises(TypeError, match="not an object"):
        stored["a"]
