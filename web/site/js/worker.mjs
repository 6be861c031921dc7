// Python's own thread: the page and the task pane stay responsive while Pyodide loads and an
// action runs. Messages in: { id, kind: "start" | "file" | "snapshot" | "report" | "merge" | "new", ... };
// out: { id, ... }.
// Pyodide loads once per worker; the site's files come from the same folder as this script.
import { startPython } from "./python.mjs";

const BASE = new URL("../pyodide/", import.meta.url).href;
let python = null;
let startedIn = null;

async function ready() {
  if (!python) {
    const t0 = performance.now();
    python = startPython(BASE);
    await python;
    startedIn = Math.round(performance.now() - t0);
  }
  return python;
}

self.onmessage = async (event) => {
  const { id, kind } = event.data;
  try {
    const py = await ready();
    const t0 = performance.now();
    if (kind === "start") {
      self.postMessage({ id, ok: true, startMs: startedIn });
    } else if (kind === "file") {
      const { actions, bytes, name, lang } = event.data;
      const result = py.pressFile(actions, new Uint8Array(bytes), name, lang);
      const out = result.bytes.slice().buffer;
      const documents = result.documents.map((d) => ({ name: d.name, bytes: d.bytes.slice().buffer }));
      self.postMessage({ id, ok: true, answers: result.answers, bytes: out, documents, ms: Math.round(performance.now() - t0) },
        [out, ...documents.map((d) => d.bytes)]);
    } else if (kind === "snapshot") {
      const { action, snapshot, lang, page } = event.data;
      self.postMessage({ id, ok: true, answer: py.press(action, snapshot, lang, page), ms: Math.round(performance.now() - t0) });
    } else if (kind === "merge") {
      const { snapshot, copies, lang, page } = event.data;
      const files = copies.map((c) => ({ name: c.name, bytes: new Uint8Array(c.bytes) }));
      self.postMessage({ id, ok: true, answer: py.merge(snapshot, files, lang, page), ms: Math.round(performance.now() - t0) });
    } else if (kind === "report") {
      const { snapshot, book, lang, page } = event.data;
      const result = py.report(snapshot, book, lang, page);
      const out = result.bytes ? result.bytes.slice().buffer : null;
      self.postMessage({ id, ok: true, answer: result.answer, bytes: out, ms: Math.round(performance.now() - t0) }, out ? [out] : []);
    } else if (kind === "new") {
      const bytes = py.newWorkbook(event.data.lang, event.data.example);
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      self.postMessage({ id, ok: true, base64: btoa(binary), ms: Math.round(performance.now() - t0) });
    } else {
      self.postMessage({ id, ok: false, error: "unknown message" });
    }
  } catch (error) {
    // Python itself failed to load or crashed: the page says so in the user's words
    self.postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
};
