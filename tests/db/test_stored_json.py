"""A document that a list chose not to read cannot pass for an empty one."""

from __future__ import annotations

import orjson
import pytest

from app.adapters.db.stored_json import NotRead, orjson_default


@pytest.mark.parametrize("use", [lambda d: d["duration_months"], dict, len, list])
def test_a_document_not_read_refuses_every_use(use) -> None:
    with pytest.raises(LookupError, match="policy was not read"):
        use(NotRead("policy"))


def test_a_document_not_read_is_never_written_out() -> None:
    with pytest.raises(TypeError):
        orjson.dumps({"policy": NotRead("policy")}, default=orjson_default)
