"""The ballot server's HTTP interface (fixed: scripts and outside testers drive it).

    GET  /                  the phone page (?code=CODE fills the code; ?lang=en|zh or Accept-Language)
    GET  /api/poll          the open poll's terms (never a running tally)
    POST /api/ballot        JSON {"code", "choice"} or {"code", "projects"} -> {"ok": true, "receipt"}
    POST /ballot            the same as a form post (a confirmation step first), answering HTML
    GET  /api/receipt/R     after close: the ballot and its inclusion proof against a signed checkpoint

Refusals are the ballot box's, translated once into statuses: 400 malformed, 403 unknown
code, 409 code used, 410 poll not open, 413 body over 16 KB, 422 ballot not valid,
429 throttled. The App comes from `open_app` (it signs like the CLI) and reads the log on
every request (`catch_up`), so `poll close` typed in the host's console closes the poll here
too. Handlers run one at a time on the event loop: SQLite work is short and serial.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections import defaultdict, deque
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from deliberate.i18n import t
from deliberate.errors import BadInput, Refused
from deliberate.refusal import Refusal
from deliberate.server import page

LIMIT = 16 * 1024
STATUS = {"poll.not_open": 410, "poll.code": 403, "poll.code_used": 409, "poll.ballot": 422,
          "receipt.unknown": 404, "receipt.unsigned": 404}
GUESSES = 20            # refused codes a client may try ...
WINDOW = 60.0           # ... in this many seconds
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                      "script-src 'unsafe-inline'; form-action 'self'; img-src 'self'",
           "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
log = logging.getLogger("deliberate.server")


class Malformed(Exception):
    def __init__(self, why: str, status: int = 400):
        super().__init__(why)
        self.why, self.status = why, status


class Throttle:
    """Refused codes per client in a sliding window; over the limit, a client waits."""

    def __init__(self, limit: int = GUESSES, window: float = WINDOW, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.seen: dict[str, deque] = defaultdict(deque)

    def blocked(self, client: str) -> bool:
        times = self.seen.get(client)
        if not times:
            return False
        now = self.clock()
        while times and now - times[0] > self.window:
            times.popleft()
        return len(times) >= self.limit

    def failed(self, client: str) -> None:
        self.seen[client].append(self.clock())


class BallotServer:
    def __init__(self, db_path: Path | str, lang: str = "zh"):
        self.db_path = Path(db_path)
        self.lang = lang  # the host's, for the lines logged on the host's screen
        self._app = None
        self.throttle = Throttle()

    @property
    def app(self):
        if self._app is None:
            from deliberate.app import open_app

            self._app = open_app(self.db_path)
        return self._app

    # -- the poll as the page and the API show it -----------------------------------------------
    def poll(self) -> dict | None:
        from deliberate.ballots.polls import latest_poll, open_poll

        app = self.app
        app.catch_up()
        state = app.state
        poll = open_poll(state) or latest_poll(state)
        if poll is None:
            return None
        projects = [{"id": pid, "name": state.ballots.projects[pid].name,
                     "name_en": state.ballots.projects[pid].name_en, "cost": state.ballots.projects[pid].cost}
                    for pid in poll.projects]
        motion = state.motions.items.get(poll.question) if poll.question and state.motions is not None else None
        return {"poll": poll.id, "kind": poll.kind, "open": poll.open, "question": poll.question,
                "question_text": motion.text if motion else None, "projects": projects, "budget": poll.budget,
                "max": poll.max, "min_spend": poll.min_spend, "knapsack": poll.knapsack}

    # -- casting -------------------------------------------------------------------------------------
    def cast(self, client: str, code, choice, projects) -> str:
        """The receipt, or Refused; refused codes count against the client and are logged (no code)."""
        from deliberate.ballots import box

        if self.throttle.blocked(client):
            raise Refused(Refusal("poll.throttled", "poll.throttled"))
        try:
            return box.cast(self.app, code, choice, projects)
        except Refused as refused:
            rule = refused.refusal.rule
            if rule in ("poll.code", "poll.code_used"):
                self.throttle.failed(client)
                log.warning(t("server.log.refused", self.lang, client=client, why=refused.refusal.message(self.lang)))
            raise

    # -- the routes ----------------------------------------------------------------------------------
    async def index(self, request: Request) -> Response:
        lang = page.lang_of(request.query_params.get("lang"), request.headers.get("accept-language"))
        code = request.query_params.get("code", "")[:40]
        return _html(page.ballot_page(self.poll(), lang, code))

    async def api_poll(self, request: Request) -> Response:
        poll = self.poll()
        if poll is None:
            return _json({"poll": None, "kind": None, "open": False, "question": None, "projects": [],
                          "budget": None, "max": None, "min_spend": None})
        data = {k: poll[k] for k in ("poll", "kind", "open", "question", "projects", "budget", "max", "min_spend")}
        data["question"] = poll["question_text"] if poll["kind"] == "motion" else None
        return _json(data)

    async def api_ballot(self, request: Request) -> Response:
        lang = page.lang_of(request.query_params.get("lang"), request.headers.get("accept-language"))
        try:
            body = await _body(request)
            try:
                data = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise Malformed("JSON") from None
            code, choice, projects = _ballot_fields(data)
            receipt = self.cast(_client(request), code, choice, projects)
        except Malformed as bad:
            return _json_error(lang, bad.status, "poll.too_large" if bad.status == 413 else "poll.malformed",
                               t("poll.too_large" if bad.status == 413 else "poll.malformed", lang, why=bad.why), "")
        except Refused as refused:
            r = refused.refusal
            return _json_error(lang, _status(r.rule), r.rule, r.message(lang), r.hint(lang))
        except BadInput as bad:
            return _json_error(lang, 503, bad.key, t(bad.key, lang, **bad.params), "")
        return _json({"ok": True, "receipt": receipt})

    async def form_ballot(self, request: Request) -> Response:
        lang = page.lang_of(None, request.headers.get("accept-language"))
        code = ""
        try:
            body = await _body(request)
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=200, strict_parsing=False)
            except (UnicodeDecodeError, ValueError):
                raise Malformed("form") from None
            lang = page.lang_of((form.get("lang") or [None])[0], request.headers.get("accept-language"))
            code = (form.get("code") or [""])[0][:40]
            choice = (form.get("choice") or [None])[0]
            projects = form.get("projects", [])
            poll = self.poll()
            if poll is None or not poll["open"]:
                raise Refused(Refusal("poll.not_open", "poll.not_open", hint_key="poll.not_open.hint"))
            if poll["kind"] == "motion" and choice is None:
                raise Refused(Refusal("poll.ballot", "poll.bad_choice", {"choice": "-"},
                                      hint_key="poll.bad_choice.hint"))
            if poll["kind"] == "projects":
                choice = None
            else:
                projects = None
            if (form.get("confirm") or [""])[0] != "1":
                return _html(page.confirm_page(poll, lang, code, choice, projects or []))
            receipt = self.cast(_client(request), code, choice, projects)
        except Malformed as bad:
            key = "poll.too_large" if bad.status == 413 else "poll.malformed"
            return _html(page.refusal_page(lang, t(key, lang, why=bad.why), ""), bad.status)
        except Refused as refused:
            r = refused.refusal
            return _html(page.refusal_page(lang, r.message(lang), r.hint(lang), code), _status(r.rule))
        except BadInput as bad:
            return _html(page.refusal_page(lang, t(bad.key, lang, **bad.params), ""), 503)
        return _html(page.receipt_page(lang, receipt))

    async def api_receipt(self, request: Request) -> Response:
        from deliberate.ballots import box

        lang = page.lang_of(request.query_params.get("lang"), request.headers.get("accept-language"))
        app = self.app
        app.catch_up()
        try:
            proof = box.receipt_proof(app.store, app.state, request.path_params["receipt"][:64])
        except Refused as refused:
            r = refused.refusal
            return _json_error(lang, _status(r.rule), r.rule, r.message(lang), r.hint(lang))
        return _json({"ok": True, "ballot": proof["ballot"], "leaf_index": proof["leaf_index"],
                      "tree_size": proof["tree_size"], "proof": proof["proof"], "root": proof["root"],
                      "checkpoint": proof["checkpoint"]})

    def close(self) -> None:
        if self._app is not None:
            self._app.close()
            self._app = None


def _status(rule: str) -> int:
    if rule == "poll.throttled":
        return 429
    return STATUS.get(rule, 422)


def _client(request: Request) -> str:
    return request.client.host if request.client else "-"


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise Malformed("Content-Length")
        if int(declared) > LIMIT:
            raise Malformed("size", 413)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > LIMIT:
            raise Malformed("size", 413)
        chunks.append(chunk)
    return b"".join(chunks)


def _ballot_fields(data) -> tuple[str, str | None, list[str] | None]:
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        raise Malformed("code")
    has_choice, has_projects = "choice" in data, "projects" in data
    if has_choice == has_projects:
        raise Malformed("choice | projects")
    if has_choice:
        if not isinstance(data["choice"], str):
            raise Malformed("choice")
        return data["code"], data["choice"], None
    projects = data["projects"]
    if not isinstance(projects, list) or not all(isinstance(p, str) for p in projects) or len(projects) > 500:
        raise Malformed("projects")
    return data["code"], None, projects


def _json(data: dict, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status, media_type="application/json", headers=HEADERS)


def _json_error(lang: str, status: int, rule: str, message: str, hint: str) -> Response:
    return _json({"ok": False, "rule": rule, "message": message, "hint": hint}, status)


def _html(text: str, status: int = 200) -> Response:
    return HTMLResponse(text, status, headers=HEADERS)


async def _not_found(request: Request, exc) -> Response:
    status = getattr(exc, "status_code", 404)
    lang = page.lang_of(None, request.headers.get("accept-language"))
    key = "poll.not_found" if status in (404, 405) else "poll.malformed"
    return _json({"ok": False, "rule": f"http.{status}", "message": t(key, lang, why=status), "hint": ""}, status)


async def _failed(request: Request, exc) -> Response:
    log.exception("request failed")
    lang = page.lang_of(None, request.headers.get("accept-language"))
    return _json({"ok": False, "rule": "server.error", "message": t("poll.server_error", lang), "hint": ""}, 500)


def make_app(db_path: Path | str, lang: str = "zh") -> Starlette:
    server = BallotServer(db_path, lang)
    routes = [
        Route("/", server.index, methods=["GET", "HEAD"]),
        Route("/api/poll", server.api_poll, methods=["GET", "HEAD"]),
        Route("/api/ballot", server.api_ballot, methods=["POST"]),
        Route("/ballot", server.form_ballot, methods=["POST"]),
        Route("/api/receipt/{receipt}", server.api_receipt, methods=["GET", "HEAD"]),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        server.close()

    app = Starlette(routes=routes, exception_handlers={404: _not_found, 405: _not_found, Exception: _failed},
                    lifespan=lifespan)
    app.state.ballots = server
    return app
