// Python in the browser (and in Node, for the tests): Pyodide from the site's own folder, the
// wheels its lock file names (checked against their hashes), nothing from any package index.
// `press(action, snapshot, lang)` runs one action of xlplugin (xlplugin/browser.py) on a
// snapshot of the workbook (the add-in) and gives back { ok, plan, lines, findings } or
// { ok: false, message }; `report(snapshot, book, lang, page)` gives { answer, bytes }: the
// report as a Word document (the add-in); `pressFile(actions, bytes, name, lang)` runs actions
// one after the other on the workbook file itself (the web page), edited in place in the
// browser's memory, and gives back { answers, bytes, documents }: the answer of each action run,
// the file as it is now and the documents the actions wrote (the report: { name, bytes });
// `merge(snapshot, copies, lang, page)` merges the copies the user picked ([{ name, bytes }],
// read only) into the open workbook (its snapshot) and answers as `press` does.

const FOLDER = "/projekt"; // the workbook's folder in Pyodide's file system (memory only)

/** A file name Pyodide's file system can hold: no folders, always ending in .xlsx. */
export function safeName(name) {
  const base = String(name || "").split(/[\\/]/).pop().replace(/[\u0000-\u001f]/g, "").trim();
  return base && base !== "." && base !== ".." ? base : "Projekt.xlsx";
}

export async function startPython(base) {
  const { loadPyodide } = await import(base + "pyodide.mjs");
  const quiet = () => {};
  const py = await loadPyodide({
    indexURL: base,
    lockFileURL: base + "pyodide-lock.json",
    packageBaseUrl: base,
    stdout: quiet,
    stderr: quiet,
  });
  await py.loadPackage(["xlplugin"], { messageCallback: quiet, errorCallback: quiet });
  const browser = py.pyimport("xlplugin.browser");

  function clearFolder() {
    py.FS.mkdirTree(FOLDER);
    for (const entry of py.FS.readdir(FOLDER)) {
      if (entry !== "." && entry !== "..") py.FS.unlink(`${FOLDER}/${entry}`);
    }
  }

  return {
    py,
    press(action, snapshot, lang, page = "") {
      return JSON.parse(browser.press(action, JSON.stringify(snapshot), lang, page));
    },
    report(snapshot, book, lang, page = "") {
      clearFolder();
      try {
        const out = `${FOLDER}/report.docx`;
        const answer = JSON.parse(browser.press_report(JSON.stringify(snapshot), out, safeName(book), lang, page));
        return { answer, bytes: answer.ok ? py.FS.readFile(out) : null };
      } finally {
        clearFolder();
      }
    },
    merge(snapshot, copies, lang, page = "") {
      clearFolder();
      try {
        const paths = [];
        for (const copy of copies) {
          // two copies of one name: the second gets a number (the summary names each)
          let name = safeName(copy.name);
          for (let n = 2; paths.includes(`${FOLDER}/${name}`); n++) name = safeName(copy.name).replace(/(\.xlsx)?$/i, ` (${n})$1`);
          py.FS.writeFile(`${FOLDER}/${name}`, copy.bytes);
          paths.push(`${FOLDER}/${name}`);
        }
        return JSON.parse(browser.press_merge(JSON.stringify(snapshot), JSON.stringify(paths), lang, page));
      } finally {
        clearFolder();
      }
    },
    newWorkbook(lang, example = false) {
      clearFolder();
      try {
        browser.new_file(`${FOLDER}/new.xlsx`, lang, example);
        return py.FS.readFile(`${FOLDER}/new.xlsx`);
      } finally {
        clearFolder();
      }
    },
    pressFile(actions, bytes, name, lang) {
      const file = safeName(name);
      clearFolder();
      py.FS.writeFile(`${FOLDER}/${file}`, bytes);
      py.FS.chdir(FOLDER); // messages name the file, not a folder the user never saw
      const answers = [];
      const documents = [];
      try {
        for (const action of actions) {
          const answer = JSON.parse(browser.press_file(action, file, lang));
          answers.push({ action, ...answer });
          if (!answer.ok) break;
          if (answer.document) documents.push({ name: answer.document, bytes: py.FS.readFile(`${FOLDER}/${answer.document}`) });
        }
        return { answers, bytes: py.FS.readFile(`${FOLDER}/${file}`), documents };
      } finally {
        clearFolder();
      }
    },
  };
}
