"""Write the committed API schemas (`make openapi`); a test fails when they drift."""

from __future__ import annotations

import json
from pathlib import Path

from app.api.graphql.schema import build_schema
from app.config import Settings
from app.main import create_app

OUT = Path(__file__).resolve().parents[2] / "openapi"


def openapi_text() -> str:
    return json.dumps(create_app(Settings()).openapi(), indent=2, sort_keys=True) + "\n"


def graphql_text() -> str:
    return str(build_schema(Settings())) + "\n"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "openapi.json").write_text(openapi_text())
    (OUT / "schema.graphql").write_text(graphql_text())
    print(f"wrote {OUT}/openapi.json and schema.graphql")


if __name__ == "__main__":
    main()
