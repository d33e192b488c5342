"""The demo site in a real browser (headless Chromium from file://): every link works, the language
switch keeps the page, no console errors, pages print to A4 PDF, a resident's receipt is found with
its inclusion proof checked in the page, and axe-core finds no serious or critical accessibility
violation."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.site.conftest import copy_site

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
KINDS = ("index", "meeting-1", "motion-q1", "notice-q1", "projects", "receipts", "verify")


def _local(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def test_every_link_of_every_page_leads_to_a_file_of_the_site(demo_dir, page):
    site = demo_dir / "site"
    seen, todo = set(), [site / "index.html"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        page.goto(path.as_uri(), wait_until="domcontentloaded")
        for href in page.eval_on_selector_all("a[href], link[href], script[src]",
                                              "els => els.map(e => e.href || e.src)"):
            target = _local(href.split("#")[0])
            assert href.startswith("file://"), (path.name, href)       # nothing from the network
            assert target.is_file(), (path.name, href)
            assert site in target.parents or target.parent == site
            if target.suffix == ".html":
                todo.append(target)
    assert len(seen) >= 30
    assert page.console_errors == []


def test_the_language_switch_keeps_you_on_the_same_page(demo_dir, page):
    site = demo_dir / "site"
    for kind in KINDS:
        page.goto((site / f"{kind}.html").as_uri())
        assert page.get_attribute("html", "lang") == "zh-CN"
        page.click("a.lang")
        assert page.url.endswith(f"/{kind}.en.html") and page.get_attribute("html", "lang") == "en"
        page.click("a.lang")
        assert page.url.endswith(f"/{kind}.html")
    assert page.console_errors == []


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def test_a_notice_prints_on_one_a4_page_and_the_minutes_print_whole(demo_dir, page):
    site = demo_dir / "site"
    page.goto((site / "notice-q1.html").as_uri())
    page.emulate_media(media="print")
    assert "在水贝公园增设临时公厕，并在一个月内完成" in page.inner_text("main")
    assert page.is_visible(".qr svg") and not page.is_visible("header.top")
    notice = page.pdf(format="A4")
    assert notice.startswith(b"%PDF") and _pdf_pages(notice) == 1
    page.goto((site / "meeting-1.html").as_uri())
    page.emulate_media(media="print")
    assert "表决结果" in page.inner_text("main")
    minutes = page.pdf(format="A4")
    assert _pdf_pages(minutes) >= 2


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core is installed by make test into .cache/npm")
def test_no_serious_or_critical_accessibility_violation_on_any_page_kind(demo_dir, page):
    site = demo_dir / "site"
    problems = []
    for kind in KINDS:
        for name in (f"{kind}.html",) + ((f"{kind}.en.html",) if kind in ("index", "meeting-1") else ()):
            page.goto((site / name).as_uri())
            page.add_script_tag(path=str(AXE))
            found = page.evaluate("async () => (await axe.run(document)).violations"
                                  ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
            problems += [(name, v) for v in found if v["impact"] in ("serious", "critical")]
    assert problems == []


def _receipts(demo_dir) -> list[str]:
    """The receipts of the demo's secret ballots, read from its log (not from the site)."""
    with sqlite3.connect(demo_dir / "deliberate.db") as conn:
        rows = conn.execute("SELECT payload FROM events WHERE type = 'ballot_cast' ORDER BY seq").fetchall()
    return [json.loads(payload)["receipt"] for (payload,) in rows]


def _flip(hex_text: str, at: int = 5) -> str:
    return hex_text[:at] + ("0" if hex_text[at] != "0" else "1") + hex_text[at + 1:]


def _check(page, receipt: str):
    page.fill("#receipt-input", receipt)
    page.click("#receipt-form button[type=submit]")
    return page.locator("#receipt-result")      # expect() below waits for what the script writes there


def test_a_receipt_is_found_and_its_inclusion_proof_checked_against_the_signed_root(demo_dir, page, tmp_path):
    from playwright.sync_api import expect

    site = demo_dir / "site"
    receipts = _receipts(demo_dir)
    motion_vote, poll_ballot = receipts[0], receipts[-1]          # a secret motion vote, a project poll
    assert len(receipts) >= 20
    root = (site / "checkpoint.txt").read_text(encoding="utf-8").splitlines()[2]   # the signed note's root
    root_hex = base64.b64decode(root).hex()
    for name, found, missing in (("receipts.html", "找到了", "没有这个回执"), ("receipts.en.html", "Found: event", "No such receipt")):
        page.goto((site / name).as_uri())
        shown = page.locator("#checkpoint-root")
        assert shown.get_attribute("data-root") == root_hex and root_hex in shown.inner_text()
        for receipt in (motion_vote, poll_ballot.upper()):   # typed as a resident might
            result = _check(page, receipt)
            expect(result).to_have_class("good")
            expect(result).to_contain_text(found)
            assert "broken" not in result.inner_text() and "不一致" not in result.inner_text()
            assert receipt.lower() in page.inner_text("table")   # and the page lists it with its content
        result = _check(page, _flip(motion_vote, len(motion_vote) - 1))
        expect(result).to_have_class("bad")
        expect(result).to_contain_text(missing)
    assert page.console_errors == []

    # the same page with one proof hash altered, then with the root altered: found, but the check fails
    copy = copy_site(site, tmp_path / "site")
    html = (copy / "receipts.en.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="receipt-data" type="application/json">(.*?)</script>', html).group(1))
    hash_ = data["items"][motion_vote]["proof"][2]
    assert html.count(hash_) >= 1
    for tampered in (html.replace(hash_, _flip(hash_)), html.replace(root_hex, _flip(root_hex))):
        assert tampered != html
        (copy / "receipts.en.html").write_text(tampered, encoding="utf-8")
        page.goto((copy / "receipts.en.html").as_uri())
        result = _check(page, motion_vote)
        expect(result).to_have_class("bad")
        expect(result).to_contain_text("does not lead to the checkpoint's root")
    assert page.console_errors == []
