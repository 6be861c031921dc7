// Pyodide from the built site: the wheels installed from the site's lock file, the example
// workbook read in the browser's Python (python-calamine built for WebAssembly), and validate,
// match, platforms, plan and overview giving exactly what CPython gives (the answers
// tests/test_web.py wrote); the report's Word file is written for it to compare.
// Run by tests/test_web.py with XLPLUGIN_SITE (the built site) and XLPLUGIN_TEST_DATA set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { startPython } from "../site/js/python.mjs";

const SITE = process.env.XLPLUGIN_SITE;
const DATA = process.env.XLPLUGIN_TEST_DATA;

test("Pyodide runs validate and match on the example as CPython does", { timeout: 300_000 }, async () => {
  assert.ok(SITE && DATA, "XLPLUGIN_SITE and XLPLUGIN_TEST_DATA must be set (tests/test_web.py sets them)");
  const started = performance.now();
  const python = await startPython(`${SITE}/pyodide/`);
  const ready = performance.now();
  const expected = JSON.parse(readFileSync(`${DATA}/expected.json`, "utf8"));
  python.py.FS.writeFile("/tmp/example.xlsx", readFileSync(`${DATA}/example.xlsx`));
  const snapshot = JSON.parse(
    python.py.runPython(
      "import json\nfrom xlplugin.gateway.snapshot_file import snapshot_of_file\njson.dumps(snapshot_of_file('/tmp/example.xlsx'))",
    ),
  );
  assert.deepEqual(snapshot, expected.snapshot);
  const times = { start_ms: Math.round(ready - started) };
  for (const action of ["validate", "match", "platforms", "plan", "overview"]) {
    const t0 = performance.now();
    const answer = python.press(action, snapshot, "da");
    times[`${action}_ms`] = Math.round(performance.now() - t0);
    assert.equal(answer.ok, true, answer.message);
    assert.deepEqual(answer, expected[action]);
  }
  const t0 = performance.now();
  const report = python.report(snapshot, "Eksempel.xlsx", "da");
  times.report_ms = Math.round(performance.now() - t0);
  assert.deepEqual(report.answer, expected.report);
  writeFileSync(`${DATA}/node-report.docx`, report.bytes);
  const refused = python.press("validate", { format: "xlplugin.snapshot", version: 9 }, "en");
  assert.equal(refused.ok, false);
  assert.match(refused.message, /different versions/);
  console.log(`timings ${JSON.stringify(times)}`);
});
