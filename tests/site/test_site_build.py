"""The built site: sealed and verified, private fields never published, escaped, deterministic and
incremental, one site for a district."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tests.conftest import run_cli


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def test_demo_writes_a_site_that_verify_accepts_and_a_flipped_byte_in_any_page_fails(demo_dir, tmp_path):
    site = demo_dir / "site"
    assert (site / "index.html").is_file() and (site / "meeting-1.en.html").is_file()
    for kind in ("index", "meeting-1", "motion-q1", "notice-q1", "projects", "verify"):
        assert (site / f"{kind}.html").is_file() and (site / f"{kind}.en.html").is_file()
    ok = run_cli("--db", str(demo_dir / "deliberate.db"), "verify", str(site))
    assert ok.returncode == 0, ok.stderr
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    for name in ("index.html", "meeting-1.en.html", "notice-q6.html", "style.css"):
        target = copy / name
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 1
        target.write_bytes(bytes(data))
        assert run_cli("verify", str(copy)).returncode == 3, name
        data[len(data) // 2] ^= 1
        target.write_bytes(bytes(data))
    assert run_cli("verify", str(copy)).returncode == 0


def test_no_phone_id_number_or_unit_of_the_roster_appears_anywhere_in_the_site(demo_dir):
    from deliberate.cli.demo import DEMO_DATA

    rows = list(csv.reader(io.StringIO((DEMO_DATA / "residents.csv").read_bytes().decode("gb18030"))))
    header, rows = rows[0], rows[1:]
    private = [row[i] for row in rows for i, name in enumerate(header) if name in ("单元", "手机", "身份证号")]
    assert len(private) == 3 * len(rows) and all(private)
    text = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in pages(demo_dir / "site"))
    found = [value for value in private if value in text]
    assert found == []


def test_html_and_scripts_typed_in_a_motion_are_shown_as_text(story_db, tmp_path):
    site = tmp_path / "site"
    assert run_cli("--db", str(story_db), "publish", "--out", str(site)).returncode == 0
    for path in pages(site):
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            assert "<script>alert" not in html and "<img" not in html and "<i>会议" not in html, path.name
    motion = (site / "motion-q1.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in motion and "<strong>车棚</strong>" in motion and "𠮷田" in motion
    assert "http://" not in motion.replace("http://www.w3.org/2000/svg", "")


def test_same_logs_same_bytes_and_only_changed_pages_are_rewritten(story_db, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    db = tmp_path / "s.db"
    shutil.copy(story_db, db)
    shutil.copy(str(story_db) + ".key", str(db) + ".key")
    for site in (one, two):
        assert run_cli("--db", str(db), "publish", "--out", str(site)).returncode == 0
    assert [p.relative_to(one) for p in pages(one)] == [p.relative_to(two) for p in pages(two)]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(pages(one), pages(two)))
    before = {p: p.stat().st_mtime_ns for p in pages(one)}
    again = run_cli("--db", str(db), "--json", "publish", "--out", str(one))
    assert '"written": 0' in again.stdout
    assert run_cli("--db", str(db), "--at", "2026-04-01T19:00:00+08:00", "meeting", "open", "第4次", "--chair", "李明").returncode == 0
    assert run_cli("--db", str(db), "--at", "2026-04-01T19:10:00+08:00", "meeting", "close").returncode == 0
    run_cli("--db", str(db), "publish", "--out", str(one))
    rewritten = {p.name for p in pages(one) if before.get(p) != p.stat().st_mtime_ns}
    assert {"meeting-4.html", "meeting-4.en.html", "index.html", "index.en.html"} <= rewritten
    assert not {"meeting-1.html", "motion-q1.html", "notice-q1.en.html", "style.css"} & rewritten
    assert run_cli("--db", str(db), "verify", str(one)).returncode == 0


def test_a_district_builds_one_site_each_community_sealed_with_its_own_key(demo_dir, story_db, tmp_path):
    site = tmp_path / "district"
    result = run_cli("publish", "--out", str(site), "--db", str(demo_dir / "deliberate.db"), "--db", str(story_db))
    assert result.returncode == 0, result.stderr
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "文华社区居民议事会" in index and "测试社区" in index and "2026-01" in index
    assert run_cli("verify", str(site)).returncode == 0
    assert run_cli("--db", str(story_db), "verify", str(site / "c" / "s")).returncode == 0
    assert not list(site.rglob("*.key"))
