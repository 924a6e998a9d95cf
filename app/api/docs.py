"""Interactive docs that work with no internet: Swagger UI at /docs and GraphiQL at /graphql,
both served from static files shipped inside the package (app/static); and the OpenAPI
document they read, at /openapi.json."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.staticfiles import StaticFiles

from app.api.etags import if_none_match

STATIC = Path(__file__).resolve().parents[1] / "static"
OPENAPI_URL = "/openapi.json"  # FastAPI's own is off (`openapi_url=None`): see OpenAPIDocument
# A tiny inline icon, so not even the favicon is fetched from elsewhere.
FAVICON = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>"


def install_docs(app: FastAPI) -> None:
    """Mount the static assets, the Swagger UI page (FastAPI's default uses a CDN) and the
    OpenAPI document."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.openapi_document = document = OpenAPIDocument(app)
    app.add_route(OPENAPI_URL, document.serve, include_in_schema=False)

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=OPENAPI_URL,
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


class OpenAPIDocument:
    """`app.openapi()` as FastAPI's own route answers it, written to bytes once: the document
    never changes while the process runs, and writing its JSON on every request held the
    event loop. Its ETag lets a client that has it ask again for nothing (304)."""

    def __init__(self, app: FastAPI) -> None:
        self._app = app
        # Per root path (see `_document`): the server's setting, one or two in a process.
        self._written: dict[str, tuple[bytes, str]] = {}

    async def serve(self, request: Request) -> Response:
        root_path = request.scope.get("root_path", "").rstrip("/")
        body, etag = self.written(root_path)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        wanted = request.headers.get("if-none-match")
        if wanted is not None and if_none_match(wanted.encode(), etag.encode()):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)

    def written(self, root_path: str = "") -> tuple[bytes, str]:
        """The document's bytes and ETag, written when first asked for (or before serving)."""
        if (found := self._written.get(root_path)) is not None:
            return found
        body = bytes(JSONResponse(self._document(root_path)).body)
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        self._written[root_path] = (body, etag)
        return body, etag

    def _document(self, root_path: str) -> dict[str, object]:
        """As FastAPI serves it: behind a proxy's root path, that path is the first server."""
        schema = self._app.openapi()
        servers = schema.get("servers", [])
        if not root_path or not self._app.root_path_in_servers:
            return schema
        if root_path in {s.get("url") for s in servers}:
            return schema
        return {**schema, "servers": [{"url": root_path}, *servers]}
