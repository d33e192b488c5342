"""The ballot server over real HTTP: the fixed interface, its statuses, bad input, a kill mid-poll."""

from __future__ import annotations

import httpx

from tests.ballots.conftest import project_poll


def test_the_interface_answers_each_case_with_its_status(tmp_path, serve):
    council, codes = project_poll(tmp_path)
    server = serve(council.db)
    with httpx.Client(base_url=server.url, timeout=10) as http:
        poll = http.get("/api/poll").json()
        assert poll["poll"] == "v1" and poll["kind"] == "projects" and poll["open"] and poll["budget"] == 1000
        assert poll["max"] == 2 and poll["projects"][0]["name_en"] == "<script>x</script>Lights"  # JSON: as typed
        page = http.get("/", params={"code": codes[0], "lang": "en"}).text
        assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;Lights" in page
        assert codes[0] in page and " src=" not in page and "href='http" not in page   # no external asset
        ok = http.post("/api/ballot", json={"code": codes[0], "projects": ["p1", "p3"]})
        assert ok.status_code == 200 and ok.json()["ok"] and len(ok.json()["receipt"]) == 16
        cases = [
            (409, {"json": {"code": codes[0], "projects": ["p2"]}}),
            (422, {"json": {"code": codes[1], "projects": ["p1", "p2", "p3"]}}),      # overvote
            (422, {"json": {"code": codes[1], "projects": ["p9"]}}),                  # unknown project
            (422, {"json": {"code": codes[1], "choice": "yes"}}),                     # not a motion poll
            (400, {"content": b"{not json"}),
            (400, {"json": ["a list"]}),
            (400, {"json": {"code": codes[1], "projects": "p1"}}),
            (400, {"content": b"\xff\xfe", "headers": {"content-type": "application/json"}}),
            (413, {"content": b"{" + b" " * 17000 + b"}"}),
        ]
        for status, request in cases:
            answer = http.post("/api/ballot", **request)
            assert answer.status_code == status, (status, request, answer.text)
            body = answer.json()
            assert body["ok"] is False and body["message"] and "Traceback" not in answer.text
        assert http.post("/ballot", content=b"code=" + b"A" * 17000,
                         headers={"content-type": "application/x-www-form-urlencoded"}).status_code == 413
        form = http.post("/ballot", data={"code": codes[1], "projects": ["p2"], "lang": "en", "confirm": "1"})
        assert form.status_code == 200 and "Your ballot is in" in form.text
        assert http.request("DELETE", "/api/ballot").status_code == 405
        assert http.request("PATCH", "/").status_code == 405
        for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/../deliberate.db", "/api/receipt/"):
            answer = http.get(path)
            assert answer.status_code == 404 and "root:" not in answer.text
        assert http.get("/api/receipt/" + ok.json()["receipt"]).status_code == 404   # not before close
        # the host closes the poll in the console: the server answers 410 and serves receipts
        assert council("poll", "close").exit_code == 0
        assert http.post("/api/ballot", json={"code": codes[2], "projects": ["p2"]}).status_code == 410
        proof = http.get("/api/receipt/" + ok.json()["receipt"]).json()
        assert proof["ok"] and proof["ballot"]["projects"] == ["p1", "p3"] and proof["checkpoint"]
        from deliberate.ledger import merkle
        from deliberate.record import canonical_json, record_bytes

        event = next(e for e in council.events() if e.seq == proof["leaf_index"] + 1)
        leaf = merkle.leaf_hash(record_bytes(event.seq, event.type, event.at, canonical_json(event.payload),
                                             event.prev_hash))
        assert merkle.verify_inclusion(leaf, proof["leaf_index"], proof["tree_size"],
                                       [bytes.fromhex(h) for h in proof["proof"]], bytes.fromhex(proof["root"]))
        # guessing codes is throttled per client
        statuses = [http.post("/api/ballot", json={"code": f"{n:04d}-0000-0000-0000-0", "projects": []}).status_code
                    for n in range(25)]
        assert 410 in statuses  # the poll is closed: guesses are answered 410, not counted as wrong codes


def test_guessing_codes_is_throttled_and_logged_without_the_codes(tmp_path, serve):
    council, codes = project_poll(tmp_path)
    server = serve(council.db)
    from deliberate.ballots.box import draw_codes

    guesses = draw_codes(25)
    with httpx.Client(base_url=server.url, timeout=10) as http:
        statuses = [http.post("/api/ballot", json={"code": g, "projects": []}).status_code for g in guesses]
        assert statuses[:20] == [403] * 20 and set(statuses[20:]) == {429}
        assert http.post("/api/ballot", json={"code": codes[0], "projects": []}).status_code == 429
    server.stop()
    logged = server.process.stderr.read().decode()
    assert logged.count("ballot refused from 127.0.0.1") == 20
    assert not any(g in logged or g.replace("-", "") in logged for g in guesses)


def test_a_server_killed_mid_poll_loses_no_ballot_and_accepts_no_used_code(tmp_path, serve):
    council, codes = project_poll(tmp_path)
    server = serve(council.db)
    with httpx.Client(base_url=server.url, timeout=10) as http:
        receipts = [http.post("/api/ballot", json={"code": c, "projects": p}).json()["receipt"]
                    for c, p in zip(codes[:3], (["p1"], ["p2", "p3"], []))]
    server.kill()
    again = serve(council.db)
    with httpx.Client(base_url=again.url, timeout=10) as http:
        assert [http.post("/api/ballot", json={"code": c, "projects": ["p1"]}).status_code
                for c in codes[:3]] == [409, 409, 409]
        assert http.post("/api/ballot", json={"code": codes[3], "projects": ["p1"]}).status_code == 200
    code, closed = council.json("poll", "close")
    assert code == 0 and closed["ballots"] == 4
    recorded = {e.payload["receipt"] for e in council.events() if e.type == "ballot_cast"}
    assert set(receipts) <= recorded and len(recorded) == 4
