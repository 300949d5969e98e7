#!/usr/bin/env python3
"""`gijiroku site` in a real browser: headless Chromium through chromium-driver and Selenium.

    python3 Tests/Browser/site_browser_test.py .build/debug/gijiroku [--screenshots DIR] [--with FOLDER]...

Indexes Corpus/ (and each --with FOLDER: the tests pass ../shared's real records when they
are there) and one hostile record written here (markup, an event handler and a
`javascript:` URL in its text), writes the site, opens every kind of page from file://
and checks what a user sees and does: searches (the set and order of elements found must
equal `gijiroku search --format json --limit 100000` on the same index, for the queries
and filters below), following a result to its anchor, the directive register's filters, the
plan pages, the meeting list, the keyboard, a phone-sized window, print style, and that
record text is shown as text. Any JavaScript console error fails the test. Screenshots of
each page kind are saved (the folder is printed at the end).
"""
import collections
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = None
SCREENSHOTS = None
# More folders to index beside Corpus/ (--with FOLDER): the real records in ../shared.
EXTRA = []

# At least 30 queries: words of one, two and more characters, phrases, OR, exclusions,
# word variants (子供/子ども/こども), character variants (髙/高), Latin words, prefixes.
QUERIES = [
    "市長", "区局連携", "保育士", "家賃補助", "市", "子供", "こども", "子ども", "髙橋", "高橋",
    "家賃補助 OR 保育士", "\"待機児童\"", "待機児童 -保育所", "予算", "検討", "防災", "計画", "施策",
    "議案", "承認", "意見", "住宅", "ICT", "AI", "DX化", "地域", "本部会議", "教育長", "子育て支援",
    "市長 指示", "取組", "取り組み", "令和", "年度末", "保育 OR 教育 -学校", "委員", "可決", "異議なし",
    "ＰＴ", "ｶﾞｲﾄﾞ", "alert", "都市", "局", "報告すること", "議長", "答弁", "教育委員会", "一般質問", "賛成 -反対",
]
# Queries with filters: (query, {filter: value}).
FILTERED = [
    ("保育", {"kind": "question"}),
    ("市長", {"since": "2020-01-01"}),
    ("予算", {"until": "2019-12-31"}),
    ("子供", {"meeting": "本部"}),
    ("議案", {"speaker": "議長"}),
    ("検討", {"kind": "answer", "since": "2018-04-01"}),
    ("市", {"kind": "speech", "until": "2024-12-31"}),
    ("", {"kind": "directive", "since": "2020-01-01"}),
    ("", {"speaker": "市長"}),
]

HOSTILE = """■第１回汐見川市テスト安全確認会議 議事概要

【日 時】 令和６年４月１日（月）  午前１０時～午前１１時

【場 所】 本庁舎３階 <b>会議室</b>

【出席者】 市長、総務局長

【議 事】（１）表示の安全について

＜ 議 題 説 明 ①＞

議題（１）表示の安全について、総務局から次のような説明があった。

・記録の本文に <script>alert(1)</script> と書かれていても文字として表示する。

・属性を閉じる "><img src=x onerror=alert(2)> も文字として表示する。

・javascript:alert(3) というリンク風の文字列も文字として表示する。

＜ 意 見 等 ＞

・<script>alert(4)</script> を検索しても安全か。

⇒ 文字として表示される。

（市長指示）

・表示の安全を "><svg onload=alert(5)> 来月までに確認すること。
"""


def gijiroku(*arguments, check=True):
    done = subprocess.run([BINARY, *arguments], capture_output=True, text=True, env={**os.environ, "GIJIROKU_LANG": "ja"})
    if check and done.returncode not in (0, 1):
        raise AssertionError(f"gijiroku {' '.join(arguments)} failed ({done.returncode}): {done.stderr}")
    return done


class SiteInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="gijiroku-site-test-"))
        hostile = cls.work / "hostile"
        hostile.mkdir()
        (hostile / "shiomigawa-anzen-2024.txt").write_text(HOSTILE, encoding="utf-8")
        cls.db = str(cls.work / "index.sqlite")
        gijiroku("index", str(ROOT / "Corpus"), str(hostile), *EXTRA, "--db", cls.db, "--quiet")
        cls.site = cls.work / "site"
        built = gijiroku("site", "--out", str(cls.site), "--db", cls.db, "--title", "汐見川市 会議録")
        assert built.returncode == 0, built.stderr
        options = Options()
        options.add_argument("--headless=new")
        options.add_argument("--no-sandbox")
        options.add_argument("--window-size=1200,900")
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
        cls.driver.set_script_timeout(60)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        if not os.environ.get("KEEP_SITE"):
            shutil.rmtree(cls.work, ignore_errors=True)

    # ---- helpers ----

    def url(self, page, **query):
        url = (self.site / page).as_uri()
        return url + ("?" + urllib.parse.urlencode(query) if query else "")

    def open(self, page, **query):
        self.driver.get(self.url(page, **query))
        self.assert_no_console_errors(page)

    def assert_no_console_errors(self, page):
        errors = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        self.assertEqual(errors, [], f"JavaScript console errors on {page}")

    def wait_searched(self):
        for _ in range(300):
            try:
                # The address has the query once the form's page has loaded.
                if "?" in self.driver.current_url and self.driver.execute_script("return document.body && document.body.getAttribute('data-searched')"):
                    return
            except WebDriverException:
                pass   # the page is being replaced
            time.sleep(0.05)
        self.fail("the search did not finish")

    def screenshot(self, name):
        self.driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))

    def cli(self, query, filters):
        arguments = ["search"] + ([query] if query else []) + ["--format", "json", "--limit", "100000", "--db", self.db]
        for name, value in filters.items():
            arguments += [f"--{name}", value]
        done = gijiroku(*arguments)
        if done.returncode == 1 and not done.stdout.strip():
            return []
        result = json.loads(done.stdout)
        return [f"{h['location']} {h['kind']}" for h in result["hits"]]

    def browser(self, query, filters):
        params = dict(filters, q=query)
        return self.driver.execute_async_script(
            "var done = arguments[1];"
            "Gijiroku.search(arguments[0]).then(function (r) { return Gijiroku.locations(r.ids); })"
            ".then(done, function (e) { done('error: ' + (e.code || e.message || e)); });", params)

    def page_of(self, name):
        """The site page of the record whose path ends with `name`."""
        for page in (self.site / "m").glob("*.html"):
            if name in page.read_text(encoding="utf-8"):
                return "m/" + page.name
        self.fail(f"no page holds {name}")

    # ---- search equals the CLI ----

    def test_search_finds_what_the_cli_finds(self):
        self.open("index.html")
        self.assertGreaterEqual(len(QUERIES) + len(FILTERED), 30)
        for query, filters in [(q, {}) for q in QUERIES] + FILTERED:
            with self.subTest(query=query, filters=filters):
                expected = self.cli(query, filters)
                found = self.browser(query, filters)
                self.assertIsInstance(found, list, found)
                self.assertEqual(collections.Counter(found), collections.Counter(expected), "the set of elements differs")
                self.assertEqual(found, expected, "the ranking differs")
        self.assert_no_console_errors("index.html (searches)")

    # ---- the search page ----

    def test_search_page_shows_ranked_hits_and_keeps_the_query_in_the_address(self):
        self.open("index.html")
        box = self.driver.find_element(By.ID, "q")
        self.assertEqual(self.driver.switch_to.active_element, box, "the search box has the focus")
        box.send_keys("家賃補助", Keys.ENTER)
        self.wait_searched()
        self.assertIn("q=%E5%AE%B6%E8%B3%83", self.driver.current_url, "the query is in the address")
        expected = self.cli("家賃補助", {})
        status = self.driver.find_element(By.ID, "status").text
        self.assertEqual(status, f"{len(expected)}件")
        hits = self.driver.find_elements(By.CSS_SELECTOR, "#results > li")
        self.assertEqual(len(hits), min(20, len(expected)))
        self.assertTrue(hits[0].find_elements(By.TAG_NAME, "mark"), "the match is highlighted")
        self.assertEqual(hits[0].find_element(By.TAG_NAME, "mark").text, "家賃補助")
        self.assertTrue(self.driver.find_element(By.ID, "chart").is_displayed(), "hits per year are charted")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#chart rect"))
        question = self.driver.find_elements(By.CSS_SELECTOR, "#results > li.k-question .answers p")
        self.assertTrue(question, "a question shows its answers")
        self.screenshot("search")
        # The bookmarked address gives the same page.
        self.driver.get(self.driver.current_url)
        self.wait_searched()
        self.assertEqual(self.driver.find_element(By.ID, "status").text, status)
        # A result leads to its element on the meeting page.
        hits = self.driver.find_elements(By.CSS_SELECTOR, "#results > li")
        link = hits[0].find_element(By.CSS_SELECTOR, ".meta a")
        anchor = link.get_attribute("href").split("#")[1]
        link.click()
        self.assertRegex(self.driver.current_url, r"/(m|p)/\d+\.html#e\d+$")
        target = self.driver.execute_script("return document.querySelector(':target') && document.querySelector(':target').id")
        self.assertEqual(target, anchor)
        self.assertIn("家賃補助", self.driver.find_element(By.ID, anchor).text)
        self.assert_no_console_errors("meeting page from a result")

    def test_a_hit_on_a_variant_spelling_says_so(self):
        self.open("index.html", q="子供")
        self.wait_searched()
        expected = json.loads(gijiroku("search", "子供", "--format", "json", "--limit", "20", "--db", self.db).stdout)
        notes = [h.find_elements(By.CSS_SELECTOR, ".variant") for h in self.driver.find_elements(By.CSS_SELECTOR, "#results > li")]
        for hit, note in zip(expected["hits"], notes):
            variants = hit.get("variants") or []
            self.assertEqual([n.text for n in note], [f"「{v['typed']}」を「{v['matched']}」の表記で含む" for v in variants], hit["location"])
        self.assertTrue(any(notes), "some hit holds a variant spelling")

    def test_filters_on_the_page(self):
        self.open("index.html", q="保育", kind="question", since="2018-01-01")
        self.wait_searched()
        self.assertEqual(Select(self.driver.find_element(By.ID, "kind")).first_selected_option.get_attribute("value"), "question")
        expected = self.cli("保育", {"kind": "question", "since": "2018-01-01"})
        self.assertEqual(self.driver.find_element(By.ID, "status").text, f"{len(expected)}件")
        for hit in self.driver.find_elements(By.CSS_SELECTOR, "#results > li"):
            self.assertIn("k-question", hit.get_attribute("class"))
        self.assert_no_console_errors("filtered search")

    def test_more_results_and_errors(self):
        self.open("index.html", q="市")
        self.wait_searched()
        more = self.driver.find_element(By.ID, "more")
        self.assertTrue(more.is_displayed())
        more.click()
        for _ in range(100):
            if len(self.driver.find_elements(By.CSS_SELECTOR, "#results > li")) == 40:
                break
            time.sleep(0.05)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "#results > li")), 40)
        self.open("index.html", q="-予算")
        self.wait_searched()
        self.assertIn("除外", self.driver.find_element(By.ID, "status").text)

    # ---- meeting pages ----

    def test_meeting_pages(self):
        page = self.page_of("shiomigawa-kosodate-01.txt")
        self.open(page)
        header = self.driver.find_element(By.CSS_SELECTOR, "table.header").text
        self.assertIn("2019-02-14", header)
        self.assertIn("本庁舎５階", header)
        self.assertIn("14:00", header)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".attendees li"), "attendees are listed")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "article.k-question .k-answer"), "answers under their question")
        directive = self.driver.find_element(By.CSS_SELECTOR, ".k-directive")
        self.assertIn("状況", directive.text)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "ul.links a"), "elements show their plan links")
        elements = self.driver.find_elements(By.CSS_SELECTOR, ".el")
        sources = self.driver.find_elements(By.CSS_SELECTOR, ".el > a.src")
        self.assertEqual(len(sources), len(elements), "every element shows path:line")
        self.assertRegex(sources[0].text, r"shiomigawa-kosodate-01\.txt:\d+")
        self.assertEqual(sources[0].get_attribute("href").split("#")[1], elements[0].get_attribute("id"), "path:line links to the element")
        self.screenshot("meeting")
        verbatim = self.page_of("shiomigawa-honkaigi-2023-06.html")
        self.open(verbatim)
        speeches = self.driver.find_elements(By.CSS_SELECTOR, ".k-speech")
        self.assertTrue(speeches, "a verbatim record shows its transcript")
        self.assertTrue(speeches[0].find_elements(By.CSS_SELECTOR, ".who b"), "each speech with its speaker")
        self.screenshot("verbatim")
        # Print style: no navigation.
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        display = self.driver.execute_script("return getComputedStyle(document.querySelector('header.site')).display")
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        self.assertEqual(display, "none")

    def test_phone_and_keyboard(self):
        # A phone's screen, as Chromium's device emulation gives it.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        try:
            pages = ["index.html", "directives.html", "meetings.html", "plans.html"]
            pages += ["m/" + p.name for p in sorted((self.site / "m").glob("*.html"))] + ["p/" + p.name for p in sorted((self.site / "p").glob("*.html"))]
            for page in pages:
                self.open(page)
                width = self.driver.execute_script("return document.documentElement.scrollWidth")
                self.assertLessEqual(width, 390, f"{page} scrolls sideways on a phone")
            self.open(self.page_of("shiomigawa-kosodate-01.txt"))
            self.screenshot("meeting-phone")
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.open("meetings.html")
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        skip = self.driver.switch_to.active_element
        self.assertEqual(skip.get_attribute("class"), "skip")
        skip.send_keys(Keys.ENTER)
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "main")

    # ---- register, plans, meeting list ----

    def test_directive_register(self):
        self.open("directives.html")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#register > li")
        register = json.loads(gijiroku("directives", "--format", "json", "--db", self.db).stdout)
        self.assertEqual(len(rows), len(register["directives"]))
        statuses = collections.Counter(d["status"] for d in register["directives"])
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "li.s-overdue") or not statuses["overdue"])
        self.screenshot("directives")
        for status, count in statuses.items():
            Select(self.driver.find_element(By.ID, "filter-status")).select_by_value(status)
            visible = [r for r in rows if r.is_displayed()]
            self.assertEqual(len(visible), count, status)
            self.assertTrue(all(r.get_attribute("data-status") == status for r in visible))
            self.assertEqual(self.driver.find_element(By.ID, "register-count").text, f"{count}件")
        Select(self.driver.find_element(By.ID, "filter-status")).select_by_value("")
        issuer = register["directives"][0]["issuer"]
        Select(self.driver.find_element(By.ID, "filter-issuer")).select_by_value(issuer)
        visible = [r for r in rows if r.is_displayed()]
        self.assertEqual(len(visible), sum(1 for d in register["directives"] if d["issuer"] == issuer))

    def test_plans(self):
        self.open("plans.html")
        plans = self.driver.find_elements(By.CSS_SELECTOR, "ul.plans a")
        self.assertTrue(plans)
        self.screenshot("plans")
        discussed = None
        for href in [a.get_attribute("href") for a in plans]:
            self.driver.get(href)
            self.assert_no_console_errors(href)
            items = self.driver.find_elements(By.CSS_SELECTOR, "section.item")
            self.assertTrue(items)
            self.assertTrue(all(i.get_attribute("id").startswith("i") for i in items))
            if self.driver.find_elements(By.CSS_SELECTOR, "ul.mentioned a") and self.driver.find_elements(By.CSS_SELECTOR, "section.never"):
                discussed = href
        self.assertIsNotNone(discussed, "a plan shows items discussed and items never discussed")
        self.driver.get(discussed)
        self.screenshot("plan")
        first = self.driver.find_element(By.CSS_SELECTOR, "ul.mentioned a")
        self.assertRegex(self.driver.find_element(By.CSS_SELECTOR, "p.mentions").text, r"\d{4}年: \d+件")
        first.click()
        self.assertTrue(self.driver.execute_script("return !!document.querySelector(':target')"))

    def test_meeting_list(self):
        self.open("meetings.html")
        meetings = json.loads(gijiroku("meetings", "--format", "json", "--db", self.db).stdout)
        rows = self.driver.find_elements(By.CSS_SELECTOR, "section[id^=b] tbody tr")
        self.assertEqual(len(rows), len(meetings["meetings"]))
        self.screenshot("meetings")

    # ---- safety ----

    def test_record_text_is_shown_as_text(self):
        page = self.page_of("shiomigawa-anzen-2024.txt")
        self.open(page)
        body = self.driver.find_element(By.TAG_NAME, "main").text
        for text in ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "javascript:alert(3)", "<b>会議室</b>"]:
            self.assertIn(text, body)
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "main img, main svg, main script"), "no markup from the record")
        self.assertNotIn("会議室", [b.text for b in self.driver.find_elements(By.CSS_SELECTOR, "main b")], "the record's <b> is text")
        with self.assertRaises(NoAlertPresentException):
            self.driver.switch_to.alert.text
        self.screenshot("hostile")
        self.open("index.html", q="alert")
        self.wait_searched()
        results = self.driver.find_element(By.ID, "results").text
        self.assertIn("<script>alert(", results)
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "#results img, #results script, #results svg"))
        with self.assertRaises(NoAlertPresentException):
            self.driver.switch_to.alert.text
        self.open("directives.html")
        self.assertIn("<svg onload=alert(5)>", self.driver.find_element(By.TAG_NAME, "main").text)

    def test_pages_forbid_inline_script(self):
        pages = list(self.site.glob("*.html")) + list(self.site.glob("m/*.html")) + list(self.site.glob("p/*.html"))
        self.assertGreater(len(pages), 40)
        for page in pages:
            html = page.read_text(encoding="utf-8")
            self.assertIn("Content-Security-Policy", html, page.name)
            self.assertIn("script-src 'self'", html, page.name)
            self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)", f"{page.name} has an inline script")
            self.assertNotRegex(html, r"<[^>]+\son[a-z]+=", f"{page.name} has an event handler attribute")
            self.assertNotIn("javascript:", re.sub(r">[^<]*<", "><", html), f"{page.name} has a javascript: URL")
            self.assertNotRegex(html, r"(src|href)=\"(https?:)?//", f"{page.name} loads something from elsewhere")
        for script in self.site.glob("assets/*.js"):
            source = script.read_text(encoding="utf-8")
            self.assertNotIn("innerHTML", source)
            self.assertNotIn("eval(", source)
            self.assertNotIn("new Function", source)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    rest = sys.argv[2:]
    if "--screenshots" in rest:
        SCREENSHOTS = pathlib.Path(rest[rest.index("--screenshots") + 1])
    else:
        SCREENSHOTS = pathlib.Path(tempfile.mkdtemp(prefix="gijiroku-site-screenshots-"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    EXTRA = [rest[i + 1] for i, a in enumerate(rest) if a == "--with"]
    program = unittest.main(argv=[sys.argv[0], "-v"], exit=False)
    print(f"screenshots: {SCREENSHOTS}")
    sys.exit(0 if program.result.wasSuccessful() else 1)
