"""The README's pictures: a minutes page and a printed notice (公告) of the demo site.

Run from the repository root: `python tools/screenshots.py`. It builds the demo (`deliberate demo
--dir TMP`) into a temporary folder, opens its site from file:// in headless Chromium (Debian's
`chromium`, through playwright, as the browser tests do; a Chinese font such as
fonts-wqy-microhei must be installed, the site itself ships no font) and writes docs/img/minutes.png (the
top of meeting 1's minutes, on screen) and docs/img/notice.png (the notice of q1 as it prints:
print media, A4 width). Each stays under 150 KB: a 900 px viewport, clipped to what matters.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
LIMIT = 150 * 1024


def build_demo(folder: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "deliberate", "--lang", "zh", "demo", "--dir", str(folder)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return folder / "site"


def shoot(page, url: str, target: Path, *, print_media: bool, height: int, selector: str = "body") -> None:
    """A picture of the page's top, `height` px at most, down to the end of `selector`."""
    page.goto(url)
    if print_media:
        page.emulate_media(media="print")
    page.wait_for_load_state("load")
    box = page.locator(selector).first.bounding_box()
    bottom = int(box["y"] + box["height"]) + 24
    page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 900, "height": min(height, bottom)})


def has_chinese_font() -> bool:
    try:
        found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    except OSError:
        return True   # no fontconfig to ask: let Chromium try
    return bool(found.strip())


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not has_chinese_font():
        raise SystemExit("no Chinese font: the pictures would show boxes (apt-get install fonts-wqy-microhei)")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_demo(Path(tmp) / "demo")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM,
                                        args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 900, "height": 1000}, device_scale_factor=1)
            shoot(page, (site / "meeting-1.html").as_uri(), OUT / "minutes.png", print_media=False, height=1100)
            # The notice as printed (print media: no navigation, the QR code and fingerprint below).
            shoot(page, (site / "notice-q1.html").as_uri(), OUT / "notice.png", print_media=True, height=1000,
                  selector="article.notice")
            browser.close()
    for name in ("minutes.png", "notice.png"):
        size = (OUT / name).stat().st_size
        print(f"{OUT / name}: {size // 1024} KB")
        if size > LIMIT:
            raise SystemExit(f"{name} is {size // 1024} KB, over {LIMIT // 1024} KB")


if __name__ == "__main__":
    main()
