"""The phone page in a real browser (headless Chromium): from the slip's QR address to the receipt."""

from __future__ import annotations

import re

from tests.ballots.conftest import project_poll


def test_a_phone_votes_on_projects_with_the_running_total_and_sees_its_receipt(tmp_path, serve, browser):
    council, codes = project_poll(tmp_path, options=["--knapsack"])
    server = serve(council.db)
    from deliberate.cli.slips_page import phone_url

    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(phone_url(server.url, codes[0]))                       # the address in the slip's QR code
    assert page.input_value("#code") == codes[0]
    assert "&lt;script&gt;" not in page.inner_text("body") and "<script>x</script>Lights" in page.inner_text("body")
    page.check("input[value=p1]")
    page.check("input[value=p3]")
    assert page.inner_text("#total") == "900 / 1000"                  # the live running total
    page.check("input[value=p2]")
    assert page.inner_text("#total") == "1200 / 1000" and "over" in page.get_attribute("#totalbox", "class")
    page.uncheck("input[value=p2]")
    page.click("#next")
    assert "Please confirm your ballot" in page.inner_text("body")
    page.click("#confirm")
    receipt = page.inner_text("#receipt")
    assert re.fullmatch(r"[0-9a-f]{16}", receipt) and "proves your vote" in page.inner_text("body")
    page.goto(phone_url(server.url, codes[0]))                       # the same code again
    page.check("input[value=p2]")
    page.click("#next")
    page.click("#confirm")
    assert "already been used" in page.inner_text("#refusal")
    page.goto(phone_url(server.url, codes[1]))
    page.click("#lang")                                              # switch language
    assert "无记名投票" in page.inner_text("h1") and page.input_value("#code") == codes[1]
    context.close()


def test_the_page_works_with_javascript_off(tmp_path, serve, browser):
    council, codes = project_poll(tmp_path)
    server = serve(council.db)
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{server.url}/?code={codes[2]}")
    assert "无记名投票" in page.inner_text("h1")
    page.check("input[value=p2]")
    page.click("#next")
    page.click("#confirm")
    assert re.fullmatch(r"[0-9a-f]{16}", page.inner_text("#receipt"))
    context.close()
    assert council.json("poll", "status")[1]["ballots"] == 1
