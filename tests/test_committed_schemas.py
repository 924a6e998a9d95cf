"""The committed API schemas are the reviewed contract: code that changes the API without
`make openapi` fails here, so every API change shows up as a diff."""

from __future__ import annotations

from pathlib import Path

from app.api.export import graphql_text, openapi_text

OPENAPI = Path(__file__).resolve().parents[1] / "openapi"


def test_openapi_json_matches_the_code():
    assert (OPENAPI / "openapi.json").read_text() == openapi_text(), "run `make openapi`"


def test_schema_graphql_matches_the_code():
    assert (OPENAPI / "schema.graphql").read_text() == graphql_text(), "run `make openapi`"
