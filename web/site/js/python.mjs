// Python in the browser (and in Node, for the tests): Pyodide from the site's own folder, the
// wheels its lock file names (checked against their hashes), nothing from any package index.
// `press(action, snapshot, lang)` runs one action of xlplugin (xlplugin/browser.py) on a
// snapshot of the workbook and gives back { ok, plan, lines, findings } or { ok: false, message }.

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
  return {
    py,
    press(action, snapshot, lang) {
      return JSON.parse(browser.press(action, JSON.stringify(snapshot), lang));
    },
  };
}
