// The web page in headless Chromium (run by tests/test_web.py): the built site served on
// localhost, the example dropped on the page, validate and match pressed, the result
// downloaded (tests/test_web.py compares it with the command line's); a workbook of an older
// layout: the message sends the user to the page's Upgrade, then upgrade, overview (which adds
// its sheet) and the report, both downloaded; the page in English; a
// damaged file refused with a message; then the server stopped and the page reloaded: it works
// offline (the service worker's copy). No request leaves the site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATA, SITE, dropFile, launch, serve } from "./browser.mjs";

const READY_MS = 240_000;

async function waitForResult(page, action, count) {
  await page.waitForFunction(
    (action, count) => document.querySelectorAll(`#summary [data-action="${action}"]`).length >= count
      || !document.querySelector("#problem").hidden,
    { timeout: 240_000 }, action, count,
  );
  const problem = await page.$eval("#problem", (p) => (p.hidden ? "" : p.textContent));
  assert.equal(problem, "", `${action}: ${problem}`);
  return page.$eval(`#summary [data-action="${action}"] ul`, (ul) => [...ul.children].map((li) => li.textContent));
}

async function press(page, action, count = 1) {
  await page.waitForFunction((a) => !document.querySelector(`[data-action="${a}"]`).disabled, { timeout: 60_000 }, action);
  await page.click(`button[data-action="${action}"]`);
  return waitForResult(page, action, count);
}

async function download(page, folder, link = "#download") {
  mkdirSync(folder, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: folder });
  await page.click(link);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const done = readdirSync(folder).filter((f) => !f.endsWith(".crdownload"));
    if (done.length) return join(folder, done[0]);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no download");
}

test("the web page validates, matches and gives the workbook back, also offline", { timeout: 900_000 }, async () => {
  assert.ok(SITE && DATA, "XLPLUGIN_SITE and XLPLUGIN_TEST_DATA must be set (tests/test_web.py sets them)");
  const server = await serve(SITE);
  const chromium = await launch();
  const out = { timings: {} };
  try {
    const page = await chromium.browser.newPage();
    const foreign = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(server.origin) && !url.startsWith("blob:") && !url.startsWith("data:")) foreign.push(url);
    });
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));

    let t0 = Date.now();
    await page.goto(`${server.origin}/index.html`);
    assert.equal(await page.$eval("h1", (h) => h.textContent), "Social innovation – projektmappen i browseren");
    assert.equal(await page.$eval("html", (h) => h.lang), "da");
    await page.waitForSelector("body[data-ready='1']", { timeout: READY_MS });
    out.timings.cold_start_ms = Date.now() - t0;
    assert.equal(await page.$eval("#status", (s) => s.textContent), "Klar.");

    // a damaged workbook: a message in Danish, no traceback, nothing to download
    await dropFile(page, "#drop", "Ødelagt.xlsx", Buffer.from("PK\u0003\u0004 not really a workbook"));
    await page.click('button[data-action="validate"]');
    await page.waitForFunction(() => !document.querySelector("#problem").hidden, { timeout: 120_000 });
    out.refused = await page.$eval("#problem", (p) => p.textContent);
    assert.doesNotMatch(out.refused, /Traceback|File "|Error:/);
    assert.equal(await page.$eval("#download", (a) => a.hidden), true);

    // the example: validate, then match, then download
    await dropFile(page, "#drop", "Eksempel.xlsx", readFileSync(join(DATA, "example.xlsx")));
    assert.match(await page.$eval("#chosen", (p) => p.textContent), /^Valgt: Eksempel\.xlsx \(\d+ kB\)$/);
    t0 = Date.now();
    out.validate = await press(page, "validate");
    out.timings.validate_ms = Date.now() - t0;
    t0 = Date.now();
    out.match = await press(page, "match");
    out.timings.match_ms = Date.now() - t0;
    out.findings_shown = await page.$eval("#no-findings", (p) => !p.hidden);
    const file = await download(page, join(DATA, "download"));
    assert.match(file, /Eksempel\.xlsx$/);
    out.result = file;

    // a workbook of the older layout: the message names this page's Upgrade; then upgrade,
    // overview and the report, and both files downloaded
    await dropFile(page, "#drop", "Gammel.xlsx", readFileSync(join(DATA, "layout-1.xlsx")));
    await page.click('button[data-action="validate"]');
    await page.waitForFunction(() => !document.querySelector("#problem").hidden, { timeout: 120_000 });
    out.older_refused = await page.$eval("#problem", (p) => p.textContent);
    assert.equal(await page.$eval("#download", (a) => a.hidden), true);
    out.upgrade = await press(page, "upgrade");
    out.overview = await press(page, "overview");
    assert.equal(await page.$eval("#download-report", (a) => a.hidden), true);
    t0 = Date.now();
    out.report = await press(page, "report");
    out.timings.report_ms = Date.now() - t0;
    out.upgraded = await download(page, join(DATA, "upgraded"));
    assert.match(out.upgraded, /Gammel\.xlsx$/);
    out.report_file = await download(page, join(DATA, "report"), "#download-report");
    assert.match(out.report_file, /Gammel - rapport\.docx$/);

    // mistakes: the findings table, in English
    await page.click("#lang");
    assert.equal(await page.$eval("h1", (h) => h.textContent), "Social innovation – the project workbook in your browser");
    assert.equal(await page.$eval("html", (h) => h.lang), "en");
    await dropFile(page, "#drop", "Planted.xlsx", readFileSync(join(DATA, "planted.xlsx")));
    out.planted_validate = await press(page, "validate");
    out.planted_findings = await page.$$eval("#findings tbody tr", (rows) => rows.map((r) => [...r.children].map((td) => td.textContent)));
    assert.equal(await page.$eval("#findings", (t) => t.hidden), false);
    assert.ok(out.planted_findings.length > 0);
    const headers = await page.$$eval("#findings th", (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(headers, ["Severity", "Sheet", "Cell", "What is wrong", "What you can do"]);
    await page.click("#lang");

    // offline: the server is gone; the page, Python and the wheels come from the browser's copy
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready, { timeout: 60_000 });
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const served = server.requests.length;
    await server.close();
    t0 = Date.now();
    await page.reload();
    await page.waitForSelector("body[data-ready='1']", { timeout: READY_MS });
    out.timings.warm_start_offline_ms = Date.now() - t0;
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);
    await dropFile(page, "#drop", "Eksempel.xlsx", readFileSync(join(DATA, "example.xlsx")));
    out.offline_validate = await press(page, "validate");
    assert.equal(server.requests.length, served);

    assert.deepEqual(foreign, [], "requests outside the site");
    assert.deepEqual(errors, [], "errors on the page");
  } finally {
    await chromium.close();
    await server.close().catch(() => {});
    writeFileSync(join(DATA, "page.json"), JSON.stringify(out, null, 1));
  }
});
