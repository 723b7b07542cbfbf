"""The real page in headless Chromium, used as a person would: ask, read the highlight, upload, ask it.

Starts ``app.py`` on a free port in a subprocess (its index in a temporary copy), drives Debian's
Chromium with Playwright, and saves ``docs/screenshot.png`` (1280x900) and a phone-width
screenshot in ``tests/artifacts/``.  Every wait has a timeout; the server is stopped in teardown.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
START_TIMEOUT = 300        # seconds for the app to load its models and answer HTTP
STEP = 90_000              # milliseconds for any one thing to appear in the page
ALPHA = ("ALPHA FUND\n\nSupplement dated March 3, 2024\n\n"
         "The custodian of the Alpha Fund is State Street Bank and Trust Company. The transfer agent\n"
         "of the Alpha Fund is DST Systems, Inc. The Fund's investment adviser is Alpha Capital LLC.\n\n"
         "The Fund pays a management fee of 0.45% of average daily net assets.\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the app exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"the app did not answer within {START_TIMEOUT}s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("app")
    env = dict(os.environ, QA_INDEX_DIR=str(tmp / "index"), GRADIO_ANALYTICS_ENABLED="False")
    if (REPO / "index").is_dir():
        shutil.copytree(REPO / "index", tmp / "index")
    port, log = _free_port(), tmp / "app.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=REPO, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_until_up(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (or `make browser`)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=STEP)
        try:
            yield chromium
        finally:
            chromium.close()


def _open(browser, url: str, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(STEP)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("#qa-question textarea")
    return context, page


def _ask(page, question: str):
    """Type the question, press Enter, and wait for the answer card to that question."""
    box = page.locator("#qa-question textarea")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(
        "q => [...document.querySelectorAll('#qa-answer-view .qa-card')].some(c => c.dataset.question === q)",
        arg=question, timeout=STEP)
    return page.locator("#qa-answer-view")


def _assert_found(view) -> None:
    card = view.locator(".qa-card")
    assert "qa-found" in (card.get_attribute("class") or ""), \
        f"the reader abstained or failed; the answer card says: {card.inner_text()!r}"


@pytest.fixture
def page(browser, app_url):
    context, page = _open(browser, app_url)
    try:
        yield page
    finally:
        context.close()


def test_the_answer_is_highlighted_where_it_stands(page):
    view = _ask(page, "Who is the new adviser?")
    _assert_found(view)
    assert any("ClearBridge" in text for text in view.locator("mark.qa-hit").all_inner_texts())
    assert "ClearBridge" in page.locator("#qa-document mark#qa-doc-hit").inner_text()


def test_a_table_answer_shows_its_table_and_the_document_jumps_to_it(page):
    view = _ask(page, "What did the Russell 3000 Growth Index return over 5 years?")
    _assert_found(view)
    assert view.locator("td.qa-cell-hit mark").inner_text() == view.locator(".qa-answer").inner_text()
    assert "Russell 3000 Growth Index" in view.locator(".qa-labels").inner_text()
    page.wait_for_function("() => document.querySelector('#qa-document pre.qa-doc').scrollTop > 0")
    assert page.evaluate("""() => {
        const box = document.querySelector('#qa-document pre.qa-doc').getBoundingClientRect();
        const hit = document.getElementById('qa-doc-hit').getBoundingClientRect();
        return hit.top >= box.top && hit.bottom <= box.bottom && hit.left >= box.left && hit.right <= box.right;
    }"""), "the document view did not scroll the answer into sight"
    page.screenshot(path=str(REPO / "docs" / "screenshot.png"))


def test_an_uploaded_filing_can_be_chosen_and_asked(page, tmp_path):
    filing = tmp_path / "alpha-fund.txt"
    filing.write_text(ALPHA)
    page.get_by_text("Add your own filings").click()
    page.locator("#qa-upload input[type=file]").set_input_files(str(filing))
    page.wait_for_selector("#qa-upload-status :text('alpha-fund.txt')")
    page.locator("#qa-doc-choice input").click()
    page.get_by_role("option", name="alpha-fund.txt").click()
    assert page.locator("#qa-doc-choice input").input_value() == "alpha-fund.txt"
    view = _ask(page, "Who is the custodian?")
    assert "alpha-fund.txt" in page.locator("#qa-document .qa-docbar").inner_text()
    _assert_found(view)
    assert "State Street" in view.locator(".qa-answer").inner_text()


def test_examples_and_history_ask_again_with_one_click(page):
    page.locator("#qa-examples").get_by_text("When did the Board approve the new agreement?").click()
    page.wait_for_selector("#qa-answer-view .qa-card[data-question^='When did the Board']")
    _ask(page, "Who is the custodian?")
    history = page.locator("#qa-history")
    assert history.get_by_text("Who is the custodian?").is_visible()
    history.get_by_text("When did the Board approve the new agreement?").click()
    page.wait_for_selector("#qa-answer-view .qa-card[data-question^='When did the Board']")


def test_an_empty_question_is_a_message_not_a_crash(page):
    page.locator("#qa-ask").click()
    toast = page.get_by_test_id("toast-body")
    toast.wait_for()
    assert "question is empty" in toast.inner_text()
    assert "Traceback" not in page.content()


def test_the_page_fits_a_phone(browser, app_url):
    context, page = _open(browser, app_url, width=390, height=844)
    try:
        _ask(page, "What 12b-1 fee do Class B shares pay?")
        assert page.evaluate("document.documentElement.scrollWidth") <= 391, "the page scrolls sideways"
        (REPO / "tests" / "artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(REPO / "tests" / "artifacts" / "phone.png"), full_page=True)
    finally:
        context.close()
