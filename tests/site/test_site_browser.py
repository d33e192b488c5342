"""The demo site in a real browser (headless Chromium from file://): every link works, the language
switch keeps the page, no console errors, pages print to A4 PDF, and axe-core finds no serious or
critical accessibility violation."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
KINDS = ("index", "meeting-1", "motion-q1", "notice-q1", "projects", "verify")


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
