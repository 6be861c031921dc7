// Benchmark of the browser build (issue 17), driven by benchmarks/bench_browser.py: Pyodide's
// start and each action's time, in Node and in headless Chromium (Debian's, puppeteer-core),
// for each workbook given. Prints one JSON object.
//   node benchmarks/bench_browser.mjs SITE WORKBOOK...
// Node: cold start = the first Pyodide of the process, warm = a second one (files cached by the
// OS). Chromium: cold = a fresh profile's first visit until the page says it is ready, warm = a
// reload (the service worker's copy). Actions: the web page's way (the file edited in place,
// validate, match, platforms, plan, overview one after the other on the same file, then the
// report as Word) and the add-in's way (a snapshot in, a plan or the report out; the snapshot
// read in Python from the same file).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { startPython } from "../web/site/js/python.mjs";
import { launch, serve } from "../web/test/browser.mjs";

const [site, ...workbooks] = process.argv.slice(2);
const ACTIONS = ["validate", "match", "platforms", "plan", "overview", "report"];
const ms = (t0) => Math.round(performance.now() - t0);

async function inNode() {
  let t0 = performance.now();
  const python = await startPython(`${site}/pyodide/`);
  const cold = ms(t0);
  t0 = performance.now();
  await startPython(`${site}/pyodide/`);
  const warm = ms(t0);
  const files = {};
  for (const path of workbooks) {
    let bytes = readFileSync(path);
    const times = {};
    for (const action of ACTIONS) {
      t0 = performance.now();
      const result = python.pressFile([action], bytes, basename(path), "da");
      times[`file_${action}_ms`] = ms(t0);
      if (!result.answers[0].ok) throw new Error(`${action}: ${result.answers[0].message}`);
      bytes = result.bytes;
    }
    python.py.FS.writeFile("/tmp/bench.xlsx", bytes);
    t0 = performance.now();
    const snapshot = JSON.parse(python.py.runPython(
      "import json\nfrom xlplugin.gateway.snapshot_file import snapshot_of_file\njson.dumps(snapshot_of_file('/tmp/bench.xlsx'))"));
    times.snapshot_read_ms = ms(t0);
    for (const action of ACTIONS) {
      t0 = performance.now();
      const answer = action === "report" ? python.report(snapshot, basename(path), "da").answer : python.press(action, snapshot, "da");
      times[`snapshot_${action}_ms`] = ms(t0);
      if (!answer.ok) throw new Error(`${action}: ${answer.message}`);
    }
    files[basename(path)] = times;
  }
  return { cold_start_ms: cold, warm_start_ms: warm, files };
}

async function inChromium() {
  const server = await serve(site);
  const chromium = await launch();
  try {
    const page = await chromium.browser.newPage();
    let t0 = performance.now();
    await page.goto(`${server.origin}/index.html`);
    await page.waitForSelector("body[data-ready='1']", { timeout: 600_000 });
    const cold = ms(t0);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    t0 = performance.now();
    await page.reload();
    await page.waitForSelector("body[data-ready='1']", { timeout: 600_000 });
    const warm = ms(t0);
    const files = {};
    for (const path of workbooks) {
      // the page's own worker, as the buttons use it (engine.mjs), timed inside the page
      files[basename(path)] = await page.evaluate(async (base64, name, actions) => {
        const { startEngine } = await import("./js/engine.mjs");
        const engine = startEngine();
        await engine.start();
        let bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const times = {};
        for (const action of actions) {
          const t0 = performance.now();
          const reply = await engine.file([action], bytes, name, "da");
          times[`file_${action}_ms`] = Math.round(performance.now() - t0);
          if (!reply.ok || !reply.answers[0].ok) throw new Error(`${action}: ${reply.error || reply.answers[0].message}`);
          bytes = new Uint8Array(reply.bytes);
        }
        return times;
      }, readFileSync(path).toString("base64"), basename(path), ACTIONS);
    }
    return { cold_start_ms: cold, warm_start_ms: warm, files };
  } finally {
    await chromium.close();
    await server.close();
  }
}

const node = await inNode();
const chromium = await inChromium();
console.log(JSON.stringify({ node, chromium }));
