"""Interactive docs that work with no internet: Swagger UI at /docs and GraphiQL at /graphql,
both served from static files shipped inside the package (app/static)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parents[1] / "static"
# A tiny inline icon, so not even the favicon is fetched from elsewhere.
FAVICON = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>"


def install_docs(app: FastAPI) -> None:
    """Mount the static assets and the Swagger UI page (FastAPI's default uses a CDN)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title}: docs",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url=FAVICON,
        )

    # GraphiQL is a page, not an operation: it needs no token (it asks for one itself), so it
    # is served here rather than by the GraphQL router, whose context requires a caller.
    @app.get("/graphql", include_in_schema=False)
    async def graphiql() -> HTMLResponse:
        return HTMLResponse((STATIC / "graphiql" / "index.html").read_text())
