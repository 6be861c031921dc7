// The web page: a project workbook in, validate / match / platforms / plan / overview / upgrade
// run on it by the same Python package as the desktop (in the browser, Pyodide), the changed
// workbook out as a download; the report comes out as a Word document to download. The file
// never leaves the PC; once loaded, the page works offline (sw.js).
import { DOCX_TYPE, applyTexts, format, loadTexts, offerFile, renderFindings, startEngine } from "./engine.mjs";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// the upgrade has no button on the ribbon, so no ribbon label
const labelKey = (action) => (action === "upgrade" ? "web.page.upgrade.label" : `ribbon.${action}.label`);

const $ = (selector) => document.querySelector(selector);
const state = { texts: null, lang: "da", name: null, bytes: null, ready: false, busy: false };
const engine = startEngine();

function t(key, values = {}) {
  return format(state.texts[state.lang][key] ?? key, values);
}

function status(text) {
  $("#status").textContent = text;
}

function setLanguage(lang) {
  state.lang = lang in state.texts ? lang : "da";
  document.documentElement.lang = state.lang;
  applyTexts(document, state.texts[state.lang]);
  $("#lang").lang = state.lang === "da" ? "en" : "da";
  try { localStorage.setItem("xlplugin.lang", state.lang); } catch { /* private mode */ }
  if (state.name) $("#chosen").textContent = t("web.page.chosen", { name: state.name, size: Math.ceil(state.bytes.length / 1024) });
  status(state.ready ? t("web.page.ready") : t("web.page.loading"));
}

function updateButtons() {
  for (const button of document.querySelectorAll("[data-action]")) {
    button.disabled = !(state.ready && state.bytes && !state.busy);
  }
}

async function choose(file) {
  if (!file) return;
  if (!/\.xlsx$/i.test(file.name)) {
    showProblem(t("web.page.not_xlsx"));
    return;
  }
  state.name = file.name;
  state.bytes = new Uint8Array(await file.arrayBuffer());
  $("#chosen").textContent = t("web.page.chosen", { name: state.name, size: Math.ceil(state.bytes.length / 1024) });
  $("#problem").hidden = true;
  $("#summary").replaceChildren();
  $("#download").hidden = true;
  $("#download-report").hidden = true;
  $("#findings").hidden = true;
  $("#no-findings").hidden = true;
  $("#result").hidden = true;
  updateButtons();
}

function showProblem(message) {
  $("#result").hidden = false;
  $("#problem").textContent = message;
  $("#problem").hidden = false;
}

async function run(action) {
  state.busy = true;
  updateButtons();
  const label = t(labelKey(action));
  status(t("web.page.running", { action: label }));
  $("#problem").hidden = true;
  const reply = await engine.file([action], state.bytes, state.name, state.lang);
  state.busy = false;
  updateButtons();
  if (!reply.ok) {
    status("");
    showProblem(t("web.page.failed", { action: label }));
    console.error(reply.error);
    return;
  }
  const answer = reply.answers[0];
  $("#result").hidden = false;
  if (!answer.ok) {
    status("");
    showProblem(answer.message);
    if (answer.detail) console.error(answer.detail); // the details stay in this browser's console
    return;
  }
  if (answer.saved) {
    state.bytes = new Uint8Array(reply.bytes);
    offerFile($("#download"), state.bytes, state.name, XLSX_TYPE);
  }
  for (const doc of reply.documents) offerFile($("#download-report"), doc.bytes, doc.name, DOCX_TYPE);
  const block = document.createElement("div");
  block.dataset.action = action;
  const heading = document.createElement("h3");
  heading.textContent = label;
  const list = document.createElement("ul");
  for (const line of answer.lines) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
  block.append(heading, list);
  $("#summary").prepend(block);
  if (action === "validate") {
    renderFindings($("#findings tbody"), answer.findings);
    $("#findings").hidden = answer.findings.length === 0;
    $("#no-findings").hidden = answer.findings.length !== 0;
  }
  status(t("web.page.done", { action: label, seconds: (reply.ms / 1000).toFixed(1) }));
  $("#result").focus?.();
}

async function main() {
  state.texts = await loadTexts();
  let lang = new URLSearchParams(location.search).get("lang");
  try { lang = lang || localStorage.getItem("xlplugin.lang"); } catch { /* private mode */ }
  setLanguage(lang || "da");
  $("#lang").addEventListener("click", () => setLanguage(state.lang === "da" ? "en" : "da"));
  $("#file").addEventListener("change", (event) => choose(event.target.files[0]));
  const drop = $("#drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    choose(event.dataTransfer.files[0]);
  });
  for (const button of document.querySelectorAll("[data-action]")) {
    button.addEventListener("click", () => run(button.dataset.action));
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch((error) => console.warn("offline copy not available:", error));
  }
  const started = await engine.start();
  if (!started.ok) {
    status("");
    showProblem(t("web.page.failed_start"));
    console.error(started.error);
    return;
  }
  state.ready = true;
  document.body.dataset.ready = "1";
  status(t("web.page.ready"));
  updateButtons();
}

main();
