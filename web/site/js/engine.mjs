// The page's and the task pane's side of the worker: one worker, requests answered in order.
export function startEngine(url = new URL("./worker.mjs", import.meta.url)) {
  const worker = new Worker(url, { type: "module" });
  const waiting = new Map();
  let next = 1;
  worker.onmessage = (event) => {
    const done = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    if (done) done(event.data);
  };
  worker.onerror = (event) => {
    for (const done of waiting.values()) done({ ok: false, error: event.message || "worker failed" });
    waiting.clear();
  };
  function ask(message, transfer = []) {
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ id, ...message }, transfer);
    });
  }
  return {
    start: () => ask({ kind: "start" }),
    file: (actions, bytes, name, lang) => {
      const copy = bytes.slice().buffer;
      return ask({ kind: "file", actions, bytes: copy, name, lang }, [copy]);
    },
    snapshot: (action, snapshot, lang, page = "") => ask({ kind: "snapshot", action, snapshot, lang, page }),
    report: (snapshot, book, lang, page = "") => ask({ kind: "report", snapshot, book, lang, page }),
    merge: (snapshot, copies, lang, page = "") => {
      const sent = copies.map((c) => ({ name: c.name, bytes: c.bytes.slice().buffer }));
      return ask({ kind: "merge", snapshot, copies: sent, lang, page }, sent.map((c) => c.bytes));
    },
    newWorkbook: (lang, example = false) => ask({ kind: "new", lang, example }),
  };
}

/** The site's texts (texts.json, written by `xlplugin web build` from xlplugin/layout/texts). */
export async function loadTexts(url = new URL("../texts.json", import.meta.url)) {
  const response = await fetch(url);
  return response.json();
}

/** Fill every element with data-t="key" (and data-t-title, data-t-aria) in language `lang`. */
export function applyTexts(root, table) {
  for (const element of root.querySelectorAll("[data-t]")) {
    const text = table[element.dataset.t];
    if (text !== undefined) element.textContent = text;
  }
  for (const element of root.querySelectorAll("[data-t-title]")) {
    const text = table[element.dataset.tTitle];
    if (text !== undefined) element.title = text;
  }
  for (const element of root.querySelectorAll("[data-t-aria]")) {
    const text = table[element.dataset.tAria];
    if (text !== undefined) element.setAttribute("aria-label", text);
  }
}

export function format(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (_, key) => (key in values ? String(values[key]) : `{${key}}`));
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Offer `bytes` as a download through the link `link` (a Blob URL; the previous one is freed). */
export function offerFile(link, bytes, name, type) {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([bytes], { type }));
  link.download = name;
  link.hidden = false;
}

/** The findings as table rows (text only: nothing from the workbook becomes markup). */
export function renderFindings(tbody, findings) {
  tbody.replaceChildren();
  for (const finding of findings) {
    const row = document.createElement("tr");
    row.className = `level-${finding.level}`;
    for (const value of [finding.severity, finding.sheet, finding.cell, finding.message, finding.advice]) {
      const cell = document.createElement("td");
      cell.textContent = value;
      row.append(cell);
    }
    tbody.append(row);
  }
}
