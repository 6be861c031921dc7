// The add-in's task pane in headless Chromium with a stand-in for office.js (office-stub.js):
// the ribbon's Validate reads the workbook (a snapshot of planted mistakes) through Excel.run,
// Python runs in the worker, the plan is applied through Excel.run; the pane shows the summary
// and the findings CPython gives, in Danish and in English; a workbook that is not a project
// workbook gives the message, never a traceback; New hands Excel.createWorkbook a workbook;
// Report offers the Word document as a download; a workbook of an older layout gets the message
// that sends the user to the web page's address (this site's index.html); Merge copies: the
// ribbon's button points at the pane, the pane's button asks for the copies (a file input), and
// the plan CPython gives (the merge log sheet added, its table, the tables' new rows) is applied.
// Run by tests/test_web.py (expected answers in XLPLUGIN_TEST_DATA/pane-expected.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATA, SITE, launch, serve } from "./browser.mjs";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

async function openPane(browser, origin, lang, snapshot) {
  const page = await browser.newPage();
  const stub = readFileSync(new URL("./office-stub.js", import.meta.url), "utf8");
  const foreign = [];
  // only office.js is answered by the test (the DevTools protocol's Fetch domain pauses just
  // that URL; page-wide interception would hold the worker's requests too)
  const cdp = await page.createCDPSession();
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: OFFICE_JS }] });
  cdp.on("Fetch.requestPaused", ({ requestId }) => cdp.send("Fetch.fulfillRequest", {
    requestId, responseCode: 200,
    responseHeaders: [{ name: "Content-Type", value: "text/javascript" }],
    body: Buffer.from(stub).toString("base64"),
  }));
  const consoleErrors = [];
  page.on("console", (message) => { if (message.type() === "error") consoleErrors.push(message.text()); });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.consoleErrors = consoleErrors;
  page.on("request", (request) => {
    const url = request.url();
    if (url !== OFFICE_JS && !url.startsWith(origin) && !url.startsWith("blob:")) foreign.push(url);  // blob: the report
  });
  await page.evaluateOnNewDocument((lang, snapshot) => { window.__OFFICE_LANG__ = lang; window.__SNAPSHOT__ = snapshot; }, lang, snapshot);
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector("body[data-ready='1']", { timeout: 240_000 });
  return { page, foreign };
}

async function ribbon(page, action) {
  await page.evaluate((action) => {
    window.__completed = false;
    window.__officeActions[action]({ completed() { window.__completed = true; } });
  }, action);
  await page.waitForFunction(() => window.__completed === true, { timeout: 240_000 });
}

test("the task pane runs the ribbon's actions through Excel.run with a stand-in office.js", { timeout: 900_000 }, async () => {
  const expected = JSON.parse(readFileSync(join(DATA, "pane-expected.json"), "utf8"));
  const server = await serve(SITE);
  const chromium = await launch();
  const out = {};
  try {
    // Danish Excel: the ribbon's Validate on planted mistakes
    const da = await openPane(chromium.browser, server.origin, "da-DK", expected.snapshot);
    assert.equal(await da.page.$eval("html", (h) => h.lang), "da");
    assert.equal(await da.page.$eval('[data-action="validate"] strong', (s) => s.textContent), expected.labels.da);
    assert.deepEqual(Object.keys(await da.page.evaluate(() => window.__officeActions)).sort(), ["match", "merge", "new", "overview", "plan", "platforms", "report", "validate"]);
    await ribbon(da.page, "validate");
    assert.equal(await da.page.$eval("#problem", (p) => p.hidden), true,
      `${await da.page.$eval("#problem", (p) => p.textContent)} ${da.page.consoleErrors.join(" | ")}`);
    const lines = await da.page.$$eval("#summary li", (items) => items.map((li) => li.textContent));
    assert.deepEqual(lines, expected.da.lines);
    const findings = await da.page.$$eval("#findings tbody tr", (rows) => rows.map((r) => [...r.children].map((td) => td.textContent)));
    assert.deepEqual(findings, expected.da.findings.map((f) => [f.severity, f.sheet, f.cell, f.message, f.advice]));
    out.log = await da.page.evaluate(() => window.__excelLog.map((entry) => entry.slice(0, 4)));
    assert.match(await da.page.$eval("#status", (s) => s.textContent), new RegExp(`^${expected.labels.da} er færdig \\(\\d+\\.\\d s\\)\\.$`));
    assert.ok(await da.page.evaluate(() => window.__shownAsTaskpane >= 1));

    // New: a workbook for Excel.createWorkbook
    await ribbon(da.page, "new");
    out.created = await da.page.evaluate(() => window.__created);
    assert.ok(out.created && out.created.length > 1000);

    // not a project workbook: the message, no traceback
    await da.page.evaluate((snapshot) => { window.__SNAPSHOT__ = snapshot; }, expected.foreign_snapshot);
    await ribbon(da.page, "validate");
    const message = await da.page.$eval("#problem", (p) => (p.hidden ? "" : p.textContent));
    assert.equal(message, expected.foreign_message);

    // Report: the Word document as a download (read back through its Blob URL)
    await da.page.evaluate((snapshot) => { window.__SNAPSHOT__ = snapshot; window.__WORKBOOK_NAME__ = "Planted.xlsx"; }, expected.snapshot);
    await ribbon(da.page, "report");
    assert.equal(await da.page.$eval("#problem", (p) => p.hidden), true, await da.page.$eval("#problem", (p) => p.textContent));
    assert.deepEqual(await da.page.$$eval("#summary li", (items) => items.map((li) => li.textContent)), expected.report.lines);
    assert.equal(await da.page.$eval("#download-report", (a) => (a.hidden ? "" : a.download)), expected.report.document);
    out.report = await da.page.evaluate(async () => {
      const bytes = new Uint8Array(await (await fetch(document.querySelector("#download-report").href)).arrayBuffer());
      let binary = "";
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });

    // an older layout: the message names the web page of this site
    await da.page.evaluate((snapshot) => { window.__SNAPSHOT__ = snapshot; }, expected.older_snapshot);
    await ribbon(da.page, "validate");
    assert.equal(await da.page.$eval("#problem", (p) => (p.hidden ? "" : p.textContent)),
      expected.older_message.replace("@PAGE@", `${server.origin}/index.html`));
    assert.deepEqual(await da.page.$$eval("#problem a", (links) => links.map((a) => [a.href, a.target])),
      [[`${server.origin}/index.html`, "_blank"]]);
    assert.equal(await da.page.$eval("#download-report", (a) => a.hidden), true);
    assert.deepEqual(da.foreign, []);

    // Merge copies: the ribbon shows the pane and says to pick the copies there; the pane's button
    // opens the file input; the copies are merged into the open workbook
    await da.page.evaluate((snapshot) => { window.__SNAPSHOT__ = snapshot; window.__excelLog.length = 0; }, expected.merge.snapshot);
    await ribbon(da.page, "merge");
    assert.equal(await da.page.$eval("#status", (s) => s.textContent), expected.merge.pick);
    const input = await da.page.$eval("#merge-copies", (i) => [i.type, i.multiple, i.accept]);
    assert.deepEqual(input, ["file", true, ".xlsx"]);
    const [chooser] = await Promise.all([da.page.waitForFileChooser(), da.page.click('[data-action="merge"]')]);
    await chooser.accept(expected.merge.copies);
    await da.page.waitForFunction(() => /\(\d+\.\d s\)/.test(document.querySelector("#status").textContent) || !document.querySelector("#problem").hidden,
      { timeout: 240_000 });
    assert.equal(await da.page.$eval("#problem", (p) => p.hidden), true, await da.page.$eval("#problem", (p) => p.textContent));
    assert.deepEqual(await da.page.$$eval("#summary li", (items) => items.map((li) => li.textContent)), expected.merge.lines);
    out.merge = await da.page.evaluate(() => window.__excelLog.map((entry) => {
      if (entry[0] === "add_sheet") return [entry[0], entry[1], entry[2].position, entry[2].visibility, entry[2].tabColor];
      if (entry[0] === "add_table") return [entry[0], entry[1], entry[2], entry[4].name, entry[4].style];
      return entry.slice(0, 4);
    }));
    assert.deepEqual(da.foreign, []);

    // English Excel
    const en = await openPane(chromium.browser, server.origin, "en-US", expected.snapshot);
    assert.equal(await en.page.$eval('[data-action="validate"] strong', (s) => s.textContent), expected.labels.en);
    await ribbon(en.page, "validate");
    assert.deepEqual(await en.page.$$eval("#summary li", (items) => items.map((li) => li.textContent)), expected.en.lines);
    assert.deepEqual(en.foreign, []);
  } finally {
    await chromium.close();
    await server.close().catch(() => {});
    writeFileSync(join(DATA, "pane.json"), JSON.stringify(out));
  }
});
