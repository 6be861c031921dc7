// The Office.js add-in's task pane and shared runtime: every ribbon button (manifest.xml) runs
// here, so Pyodide loads once per Excel session (in a worker). A press reads the workbook in one
// Excel.run (snapshot.mjs), runs the action in Python, applies the plan in one Excel.run
// (plan.mjs) and shows progress, the summary and the findings; a failure is a message in the
// user's language, never a traceback (details go to the console only). "New" builds the
// workbook in Python and opens it with Excel.createWorkbook; "Report" reads the workbook the
// same way and offers the report (Word) as a download. "Merge copies" asks for the copies with a
// file input in the pane (a ribbon button cannot open one: the browser wants a click in the
// page), reads them and merges them into the open workbook; the plan adds the merge log sheet.
// What only the file can do (upgrade) is done on the web page of the same site: the messages
// name its address.
import { DOCX_TYPE, applyTexts, format, loadTexts, offerFile, renderFindings, startEngine } from "./engine.mjs";
import { applyPlan } from "./plan.mjs";
import { readSnapshot } from "./snapshot.mjs";

const $ = (selector) => document.querySelector(selector);
const ACTIONS = ["validate", "match", "platforms", "plan", "overview", "report", "merge"];
// the web page beside this pane (the same site): where the messages send the user to upgrade
const PAGE = new URL("index.html", location.href).href;
const state = { texts: null, lang: "da", engine: null, started: null, busy: false };

function t(key, values = {}) {
  return format(state.texts[state.lang][key] ?? key, values);
}

function status(text) {
  $("#status").textContent = text;
}

function problem(text) {
  // the web page's address, where a message names it, as a link (text nodes only: nothing from
  // the workbook becomes markup)
  const parts = String(text).split(PAGE);
  $("#problem").replaceChildren(...parts.flatMap((part, i) => {
    if (i === 0) return [part];
    const link = document.createElement("a");
    link.href = PAGE;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = PAGE;
    return [link, part];
  }));
  $("#problem").hidden = !text;
}

function ready() {
  state.started ??= state.engine.start();
  return state.started;
}

function showLines(action, lines) {
  const block = document.createElement("div");
  block.dataset.action = action;
  const heading = document.createElement("h2");
  heading.textContent = t(`ribbon.${action}.label`);
  const list = document.createElement("ul");
  for (const line of lines) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
  block.append(heading, list);
  $("#summary").replaceChildren(block);
}

/** The copies picked in the file input, as { name, bytes }. */
async function pickedCopies(input) {
  return Promise.all([...input.files].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

async function press(action, copies = null) {
  if (state.busy) return;
  state.busy = true;
  const label = t(`ribbon.${action}.label`);
  problem("");
  $("#findings").hidden = true;
  $("#download-report").hidden = true;
  const t0 = performance.now();
  try {
    status(t("web.page.loading"));
    const started = await ready();
    if (!started.ok) throw new Error(started.error);
    if (action === "new") {
      status(t("web.page.running", { action: label }));
      const reply = await state.engine.newWorkbook(state.lang);
      if (!reply.ok) throw new Error(reply.error);
      await Excel.createWorkbook(reply.base64);
      showLines(action, [t("web.pane.new_done")]);
    } else if (action === "report") {
      status(t("ribbon.progress.start", { action: label }));
      const [snapshot, book] = await Excel.run(async (context) => {
        context.workbook.load("name");
        const read = await readSnapshot(context);
        return [read, context.workbook.name];
      });
      status(t("web.page.running", { action: label }));
      const reply = await state.engine.report(snapshot, book, state.lang, PAGE);
      if (!reply.ok) throw new Error(reply.error);
      if (!reply.answer.ok) {
        status("");
        problem(reply.answer.message);
        if (reply.answer.detail) console.error(reply.answer.detail);
        return;
      }
      showLines(action, reply.answer.lines);
      offerFile($("#download-report"), reply.bytes, reply.answer.document, DOCX_TYPE);
    } else {
      status(t("ribbon.progress.start", { action: label }));
      const snapshot = await Excel.run((context) => readSnapshot(context));
      status(t("web.page.running", { action: label }));
      const reply = action === "merge"
        ? await state.engine.merge(snapshot, copies, state.lang, PAGE)
        : await state.engine.snapshot(action, snapshot, state.lang, PAGE);
      if (!reply.ok) throw new Error(reply.error);
      const answer = reply.answer;
      if (!answer.ok) {
        status("");
        problem(answer.message);
        if (answer.detail) console.error(answer.detail);
        return;
      }
      await Excel.run((context) => applyPlan(context, answer.plan));
      showLines(action, answer.lines);
      if (["validate", "merge"].includes(action) && answer.findings.length) {
        renderFindings($("#findings tbody"), answer.findings);
        $("#findings").hidden = false;
      }
    }
    status(t("web.page.done", { action: label, seconds: ((performance.now() - t0) / 1000).toFixed(1) }));
  } catch (error) {
    console.error(error);
    status("");
    problem(t("web.page.failed", { action: label }));
  } finally {
    state.busy = false;
  }
}

Office.onReady(async (info) => {
  state.texts = await loadTexts();
  const language = (Office.context && Office.context.displayLanguage) || "da-DK";
  state.lang = language.toLowerCase().startsWith("da") ? "da" : "en";
  document.documentElement.lang = state.lang;
  applyTexts(document, state.texts[state.lang]);
  if (info && info.host && !Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {
    problem(t("web.pane.unsupported"));
    return;
  }
  state.engine = startEngine();
  for (const action of [...ACTIONS, "new"]) {
    // the ribbon's buttons (ExecuteFunction in the shared runtime)
    Office.actions.associate(action, async (event) => {
      try { await Office.addin.showAsTaskpane(); } catch { /* older hosts: the pane may stay closed */ }
      if (action === "merge") {
        // the files are picked in the pane: say so and put the focus on its button
        problem("");
        status(t("web.pane.merge_pick"));
        $('[data-action="merge"]').focus();
      } else {
        await press(action);
      }
      event.completed();
    });
  }
  const copies = $("#merge-copies");
  for (const button of document.querySelectorAll("[data-action]")) {
    button.addEventListener("click", () => (button.dataset.action === "merge" ? copies.click() : press(button.dataset.action)));
  }
  copies.addEventListener("change", async () => {
    if (!copies.files.length) return;
    const picked = await pickedCopies(copies);
    copies.value = ""; // the same copies may be picked again
    await press("merge", picked);
  });
  status(t("web.page.loading"));
  const started = await ready();
  status(started.ok ? t("web.page.ready") : "");
  if (!started.ok) problem(t("web.page.failed_start"));
  document.body.dataset.ready = started.ok ? "1" : "0";
});
