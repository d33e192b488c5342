"""The demo's secret ballots: slips printed, simulated phones voting over real HTTP on loopback,
a few paper ballots typed in by the tellers, receipts shown and one of them checked.

The sample meeting's script marks where this happens: a line ``# demo: phones`` (while a poll
is open) and ``# demo: check a receipt`` (after it closed). Everything else is the one grammar.
"""

from __future__ import annotations

PHONES = "# demo: phones"
CHECK = "# demo: check a receipt"
MOTION_CHOICES = ("yes", "yes", "no", "yes", "abstain", "yes", "yes", "no", "yes", "yes", "yes", "no", "yes", "yes")
PROJECT_CHOICES = (("p1", "p3"), ("p1",), ("p3",), ("p1", "p3"), ("p2",), ("p1", "p2"), ("p3",), ("p1", "p3"),
                   ("p1",), ("p2", "p3"), ("p1", "p3"), ("p3",), ("p1",), ("p1", "p2"))
PAPER = 3            # ballots the tellers type in; one code is left unused


def run_with_phones(session, lines: list[str], source: str, echo: bool = False):
    """`run_lines`, with the demo's phones and receipt check where the script marks them
    (`echo`: each line shown before its result)."""
    from deliberate.cli.context import DONE
    from deliberate.cli.script import run_lines

    ran = failed = 0
    chunk: list[str] = []
    for line in [*lines, None]:
        marker = line.strip() if line is not None else None
        if line is not None and marker not in (PHONES, CHECK):
            chunk.append(line)
            continue
        code, more, bad = run_lines(session, chunk, source, echo=echo)
        ran, failed, chunk = ran + more, failed + bad, []
        if code != DONE:
            return code, ran, failed
        if marker == PHONES:
            phones(session)
        elif marker == CHECK and session.extras.get("receipts"):
            code, more, bad = run_lines(session, [f"receipt check {session.extras['receipts'][0]}"], "demo",
                                        echo=echo)
            ran, failed = ran + more, failed + bad
            if code != DONE:
                return code, ran, failed
    return DONE, ran, failed


def phones(session) -> None:
    """Codes for everyone present, phones over HTTP, a few paper ballots, one code unused."""
    import httpx

    from deliberate.ballots import box
    from deliberate.ballots.polls import open_poll
    from deliberate.cli import slips_page

    app = session.app()
    poll = open_poll(app.state)
    poll_id, codes = box.issue(app, poll.present, False, session.now())
    with serving(session.db_path, session.lang) as url:
        page = slips_page.render(app.state, app.state.ballots.polls[poll_id], codes, url, session.lang)
        (session.db_path.parent / f"slips-{poll_id}.html").write_text(page, encoding="utf-8")
        choices = MOTION_CHOICES if poll.kind == "motion" else PROJECT_CHOICES
        receipts = []
        phone_codes, paper_codes = codes[:-PAPER - 1], codes[-PAPER - 1:-1]
        with httpx.Client(base_url=url, timeout=10) as client:
            client.get("/", params={"code": phone_codes[0]}).raise_for_status()
            for code, choice in zip(phone_codes, choices):
                body = {"code": code, "choice": choice} if poll.kind == "motion" else {"code": code,
                                                                                      "projects": list(choice)}
                receipts.append(client.post("/api/ballot", json=body).raise_for_status().json()["receipt"])
            again = client.post("/api/ballot", json={"code": phone_codes[0], **(
                {"choice": "no"} if poll.kind == "motion" else {"projects": []})})
        for code, choice in zip(paper_codes, reversed(choices)):
            receipts.append(box.cast(app, code, *((choice, None) if poll.kind == "motion" else (None, list(choice)))))
    session.extras["receipts"] = receipts
    t = session.t
    session.echo(t("demo.phones", poll=poll_id, phones=len(phone_codes), paper=len(paper_codes),
                   unused=len(codes) - len(phone_codes) - len(paper_codes), status=again.status_code,
                   receipts=session.join(receipts[:3])))


class serving:
    """The ballot server in a thread on a free loopback port, for the length of a `with`."""

    def __init__(self, db_path, lang: str = "zh"):
        self.db_path, self.lang = db_path, lang

    def __enter__(self) -> str:
        import threading
        import time

        import uvicorn

        from deliberate.server.app import make_app

        config = uvicorn.Config(make_app(self.db_path, self.lang), host="127.0.0.1", port=0, log_level="error",
                                access_log=False, lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the ballot server did not start")
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
