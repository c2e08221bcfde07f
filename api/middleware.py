"""ASGI middleware around the whole app: the access log, the allowed Host names, the request
body limit, and methods (OPTIONS, 405) answered with every method a path has.

Pure ASGI rather than Starlette's BaseHTTPMiddleware, so that responses stream through
untouched and each request costs a few function calls.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.routing import BaseRoute, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import problem

access_log = logging.getLogger("stancegraph.access")


class AccessLog:
    """One line per request: client, method, path and query, status, bytes sent, time taken."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status, sent = 0, 0

        async def counting(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            client = scope.get("client") or ("-", 0)
            query = scope.get("query_string", b"").decode("latin-1")
            target = scope["path"] + (f"?{query[:200]}" if query else "")
            access_log.info('%s "%s %s" %d %d %.1f ms', client[0], scope["method"], target,
                            status or 500, sent, (time.perf_counter() - started) * 1000)


class AllowedHosts:
    """400 for a request whose Host is not one of `hosts` ("*.example.org" allows its
    subdomains); every Host when `hosts` is empty."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str]) -> None:
        self.app = app
        self.hosts = [h.lower() for h in hosts]

    def allowed(self, host: str) -> bool:
        name = host.lower().rsplit(":", 1)[0] if not host.endswith("]") else host.lower()
        for pattern in self.hosts:
            if pattern == "*" or name == pattern:
                return True
            if pattern.startswith("*.") and name.endswith(pattern[1:]):
                return True
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.hosts:
            host = Headers(scope=scope).get("host", "")
            if not self.allowed(host):
                await problem(400, "unknown Host header: this server answers only for its "
                                   "configured names")(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """413 for a request body larger than `max_bytes`: refused from its Content-Length before
    a byte is read, or as soon as a body without one grows past the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def bounded() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, bounded, watched)
        except _TooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Connection: close, so that the client stops sending the rest of the body.
        response = problem(413, f"the request body is larger than the {self.max_bytes:,} "
                                "bytes this server accepts", {"Connection": "close"})
        await response(scope, receive, send)


class Methods:
    """OPTIONS answered (204) and 405 sent with every method the path has in `Allow`.

    Starlette answers 405 from the first route whose path matches, so a path served by several
    routes (GET and POST apart) would list only that route's methods."""

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app = app
        self.router = router

    def allowed(self, scope: Scope) -> tuple[bool, list[str]]:
        """Whether a route takes the request's method, and the methods of its path."""
        methods: list[str] = []
        for route in _leaves(self.router.routes):
            regex = getattr(route, "path_regex", None)
            if regex is not None and regex.match(scope["path"]):
                methods += sorted(getattr(route, "methods", None) or ())
        methods = sorted(set(methods))
        return scope["method"] in methods, methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        full, methods = self.allowed(scope)
        if methods and scope["method"] == "OPTIONS":
            allow = ", ".join([*methods, "OPTIONS"])
            await send({"type": "http.response.start", "status": 204,
                        "headers": [(b"allow", allow.encode())]})
            await send({"type": "http.response.body", "body": b""})
            return
        if methods and not full:
            allow = ", ".join([*methods, "OPTIONS"])
            response = problem(405, f"{scope['method']} is not allowed here; use {allow}",
                               {"Allow": allow})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _leaves(routes: Sequence[BaseRoute]) -> list[BaseRoute]:
    """The routes of a router, those of the routers it includes (without a prefix) too."""
    found = []
    for route in routes:
        included = getattr(route, "original_router", None)
        found += _leaves(included.routes) if included is not None else [route]
    return found
