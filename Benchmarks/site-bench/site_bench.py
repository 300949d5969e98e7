#!/usr/bin/env python3
"""The static site's benchmark (never a test): `gijiroku site` on the search benchmark's
archive, then searches in headless Chromium.

    swift run -c release gijiroku-search-bench --keep /tmp/sb      # the 20 000-document archive and its index
    python3 Benchmarks/site-bench/site_bench.py .build/release/gijiroku /tmp/sb/gijiroku.sqlite /tmp/sb/site

Measures, in one run:
- the site's build time, first and again with nothing changed, against `gijiroku index`'s
  own figure for the archive (printed by the search benchmark);
- the site's size against the index database's (the target: under 3×);
- for each query, on a freshly loaded page: the time from asking to having the ranked
  hits and the records of the first 20 (what the page shows), and the bytes of the files
  it loaded (targets for two-character words: under 150 ms and 2 MB), against the named
  baseline `gijiroku search QUERY --limit 20` run as a process (median of 5).
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

TWO = ["予算", "検討", "市長", "保育", "地域", "整備", "事業", "計画", "子育", "防災"]
OTHER = ["市", "家賃補助", "\"待機児童\"", "保育 予算 検討", "予算 OR 保育"]


def size_of(folder):
    seen, total = set(), 0
    for root, _, files in os.walk(folder):
        for f in files:
            st = os.stat(os.path.join(root, f))
            if st.st_ino not in seen:
                seen.add(st.st_ino)
                total += st.st_size
    return total


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, db, out = sys.argv[1:]
    out = pathlib.Path(out)
    if out.exists():
        shutil.rmtree(out)
    t = time.perf_counter()
    first = subprocess.run([binary, "site", "--out", str(out), "--db", db], capture_output=True, text=True, check=True)
    build = time.perf_counter() - t
    t = time.perf_counter()
    again = subprocess.run([binary, "site", "--out", str(out), "--db", db], capture_output=True, text=True, check=True)
    rebuild = time.perf_counter() - t
    site, database = size_of(out), os.path.getsize(db)
    files = sum(len(f) for _, _, f in os.walk(out))
    print(f"site build: {build:.2f} s; again, nothing changed: {rebuild:.2f} s")
    print("  " + first.stdout.splitlines()[0])
    print("  " + again.stdout.splitlines()[0])
    print(f"site size: {site / 1e6:.1f} MB in {files} files; index database {database / 1e6:.1f} MB; ratio {site / database:.2f}× (target < 3×)")

    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver.set_script_timeout(120)
    index = (out / "index.html").as_uri()

    def loaded_bytes(keys):
        """The size of the data files `data/KEY.js` the page received."""
        return sum((out / "data" / (key + ".js")).stat().st_size for key in keys)

    driver.get(index)
    driver.execute_async_script("var done = arguments[0]; Gijiroku.ready().then(function () { done(1); });")
    page = driver.execute_script("return Gijiroku.loaded()")
    assets = sum(f.stat().st_size for f in (out / "assets").iterdir()) + (out / "index.html").stat().st_size
    print(f"page load: {len(page)} data files ({', '.join(page)}), {loaded_bytes(page) / 1e6:.2f} MB, "
          f"and the page, script and style sheet, {assets / 1e6:.2f} MB")
    print()
    print(f"{'query':<16} {'hits':>7} {'browser ms':>11} {'loaded MB':>10} {'files':>6} {'CLI ms':>8} {'ratio':>6}")
    rows = []
    for query in TWO + OTHER:
        times, sizes, counts = [], [], []
        for _ in range(3):
            driver.get(index)
            driver.execute_async_script("var done = arguments[0]; Gijiroku.ready().then(function () { done(1); });")
            before = set(driver.execute_script("return Gijiroku.loaded()"))
            result = driver.execute_async_script(
                "var done = arguments[1], t = performance.now(), total = 0;"
                "Gijiroku.search({q: arguments[0]}).then(function (r) { total = r.total; return Gijiroku.locations(r.ids.slice(0, 20)); })"
                ".then(function () { done([performance.now() - t, total]); }, function (e) { done(['error ' + e, 0]); });", query)
            names = [k for k in driver.execute_script("return Gijiroku.loaded()") if k not in before]
            times.append(result[0]); sizes.append(loaded_bytes(names)); counts.append(len(names))
            hits = result[1]
        cli = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run([binary, "search", query, "--limit", "20", "--format", "json", "--db", db], capture_output=True, check=False)
            cli.append((time.perf_counter() - t) * 1000)
        ms, mb, c = statistics.median(times), statistics.median(sizes) / 1e6, statistics.median(counts)
        baseline = statistics.median(cli)
        rows.append((query, ms, mb))
        print(f"{query:<16} {hits:>7} {ms:>11.1f} {mb:>10.2f} {c:>6.0f} {baseline:>8.1f} {ms / baseline:>5.2f}×")
    driver.quit()
    two = [r for r in rows if r[0] in TWO]
    worst_ms, worst_mb = max(r[1] for r in two), max(r[2] for r in two)
    print()
    print(f"two-character words: slowest {worst_ms:.1f} ms (target < 150), most loaded {worst_mb:.2f} MB (target < 2)")
    print()
    # One meeting added to a copy of the index: what the next run writes.
    work = out.parent / (out.name + "-incremental")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    copy = work / "index.sqlite"
    shutil.copy(db, copy)
    meeting = work / "minutes-new.txt"
    meeting.write_text("■第１回汐見川市防災・減災本部会議 議事概要\n【日 時】 2026年4月1日  午後２時～午後３時\n【場 所】 本庁舎４階 庁議室\n"
                       "【出席者】 大森副市長、総務局長\n【議 事】⑴ 事業の進捗について\n＜議題説明(1)＞\n・避難所の備蓄を点検した。\n"
                       "＜意見等＞\n・備蓄の更新計画はあるか。\n⇒来年度に策定する。\n", encoding="utf-8")
    subprocess.run([binary, "index", str(meeting), "--db", str(copy), "--quiet"], check=True)
    t = time.perf_counter()
    added = subprocess.run([binary, "site", "--out", str(out), "--db", str(copy)], capture_output=True, text=True, check=True)
    print(f"one meeting added, site again: {time.perf_counter() - t:.2f} s")
    print("  " + added.stdout.splitlines()[0])
    shutil.rmtree(work, ignore_errors=True)



if __name__ == "__main__":
    main()
