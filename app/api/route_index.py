"""Find a request's route among the few that could match its path, not all ninety.

The router tries its routes in order, a regular expression each: a meeting's POST was the
53rd, tried after 52 others (~7% of that request). Here each route's path is known by its
shape: how many segments, and which of them are literal. A request is then routed by a
router holding only the routes whose shape admits its path (a superset of those that can
match, in the same order), so the route chosen, its 405 for another method, and every
other answer are those of the full router. A path that no candidate matches (a 404, a
trailing slash to redirect) is answered by the full router itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, FastAPI
from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

# Where routing looks in a path: its first two segments and its last.
_PLACES = (1, 2, -1)
# A path's segment count, then its segment at each place: kept when some route has that
# text literally there, else None (so there are few keys, whatever clients send).
Key = tuple[int, str | None, str | None, str | None]

_MAX_KEYS = 1024  # bounded all the same; a miss only costs the time to narrow again


@dataclass(frozen=True, slots=True)
class Shape:
    """A route's path, segment by segment: the literal text, or None for a parameter. A
    mount's is a prefix of the paths it serves (`/scim/...`)."""

    segments: tuple[str | None, ...]
    prefix: bool

    def admits(self, key: Key) -> bool:
        """Whether a path of this key may match (it may still not: the regex decides)."""
        count, size = key[0], len(self.segments)
        if count < size + self.prefix or (count != size and not self.prefix):
            return False
        for place, segment in zip(_PLACES, key[1:], strict=True):
            at = _at(place, count)
            if at < size and self.segments[at] is not None and self.segments[at] != segment:
                return False
        return True


def index_routes(app: FastAPI) -> None:
    """Route `app`'s requests through the index (its lifespan and websockets as before)."""
    app.router.middleware_stack = RouteIndex(app.router)


class RouteIndex:
    def __init__(self, router: APIRouter) -> None:
        self._router = router
        self._full: ASGIApp = router.middleware_stack  # the router's own routing
        self._indexed = -1  # how many routes the index was made for
        self._by_key: dict[Key, ASGIApp] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self._full(scope, receive, send)
        scope.setdefault("router", self._router)  # as the full router would: url_for etc.
        await self._narrowed(get_route_path(scope))(scope, receive, send)

    def _narrowed(self, path: str) -> ASGIApp:
        if len(self._router.routes) != self._indexed:  # routes are added as the app is built
            self._index()
        segments = path.split("/")
        first, second, last = (self._known(place, segments) for place in _PLACES)
        key: Key = (len(segments), first, second, last)
        found = self._by_key.get(key)
        if found is None:
            if len(self._by_key) >= _MAX_KEYS:
                self._by_key.clear()
            found = self._by_key[key] = self._router_for(key)
        return found

    def _index(self) -> None:
        routes = self._router.routes
        self._shapes = [_shape(route) for route in routes]
        shaped = [s for s in self._shapes if s is not None]
        self._literals = {
            1: {s.segments[1] for s in shaped if len(s.segments) > 1},
            2: {s.segments[2] for s in shaped if len(s.segments) > 2},
            -1: {s.segments[-1] for s in shaped if not s.prefix},
        }
        self._indexed, self._by_key = len(routes), {}

    def _known(self, place: int, segments: list[str]) -> str | None:
        at = _at(place, len(segments))
        if not 0 < at < len(segments):
            return None
        return segments[at] if segments[at] in self._literals[place] else None

    def _router_for(self, key: Key) -> ASGIApp:
        candidates = [
            route
            for route, shape in zip(self._router.routes, self._shapes, strict=True)
            if shape is None or shape.admits(key)
        ]
        narrowed = APIRouter(routes=candidates, redirect_slashes=False)
        narrowed.form_limits = self._router.form_limits
        narrowed.default = self._full  # nothing matched here: the full router answers
        return narrowed.middleware_stack


def _at(place: int, count: int) -> int:
    return place if place >= 0 else count + place


def _shape(route: BaseRoute) -> Shape | None:
    """None: a kind of route not understood here, tried for every path."""
    if isinstance(route, Mount):
        return Shape(_segments(route.path), prefix=True)
    if isinstance(route, Route) and ":path}" not in route.path:
        return Shape(_segments(route.path), prefix=False)
    return None


def _segments(path: str) -> tuple[str | None, ...]:
    return tuple(None if "{" in s else s for s in path.split("/"))
