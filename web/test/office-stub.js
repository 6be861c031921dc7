// A stand-in for Microsoft's office.js in the Chromium test of the task pane (never shipped):
// Office.onReady, the ribbon's Office.actions, and Excel.run over a workbook made from the
// snapshot the test puts in window.__SNAPSHOT__ (read side), recording what the plan applier
// does (window.__excelLog: sheets, tables and names added too) and the workbook
// Excel.createWorkbook gets (window.__created).
(() => {
  const log = (window.__excelLog = []);
  window.__officeActions = {};
  const sheetAddress = (sheet, range) => `'${sheet.replace(/'/g, "''")}'!${range}`;
  const cellIndex = (at) => {
    const m = /^([A-Z]+)(\d+)$/.exec(at);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, col - 1];
  };

  function sheetObject(snapshotSheet, name) {
    const values = snapshotSheet ? snapshotSheet.values : [];
    // the used range: every value, formula and formatted cell (as Excel's covers them)
    const places = snapshotSheet ? [...snapshotSheet.formulas, ...snapshotSheet.number_formats].map(([at]) => cellIndex(at)) : [];
    const height = Math.max(values.length, ...places.map(([r]) => r + 1));
    const width = Math.max(0, ...values.map((row) => row.length), ...places.map(([, c]) => c + 1));
    const recorder = (address) => ({
      format: { set columnWidth(points) { log.push(["width", name, address, points]); } },
      merge: (across) => log.push(["merge", name, address, across]),
      insert: (direction) => log.push(["insert", name, address, direction]),
      clear: (what) => log.push(["clear", name, address, what]),
      conditionalFormats: { load() {}, items: [] },
      getResizedRange(rows, cols) {
        const range = { getCell: (i, j) => ({ set hyperlink(link) { log.push(["link", name, address, i, j, link.documentReference]); } }) };
        Object.defineProperty(range, "formulas", { set(grid) { log.push(["write", name, address, rows + 1, cols + 1, grid]); } });
        return range;
      },
    });
    return {
      name,
      delete: () => log.push(["delete_sheet", name]),
      tables: {
        add(address, headers) {
          const table = { name: "", style: "" };
          log.push(["add_table", name, address, headers, table]);
          return table;
        },
      },
      visibility: snapshotSheet && !snapshotSheet.visible ? "Hidden" : "Visible",
      getUsedRangeOrNullObject: () => ({ load() {}, isNullObject: height === 0, rowIndex: 0, columnIndex: 0, rowCount: height, columnCount: width }),
      getRangeByIndexes(row, col, rows, cols) {
        const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (values[r] && values[r][c] !== undefined && values[r][c] !== null ? values[r][c] : "")));
        const formulas = grid.map((row) => row.slice());
        const formats = grid.map((row) => row.map(() => "General"));
        for (const [at, formula] of snapshotSheet.formulas) { const [r, c] = cellIndex(at); formulas[r][c] = formula; }
        for (const [at, fmt] of snapshotSheet.number_formats) { const [r, c] = cellIndex(at); formats[r][c] = fmt; }
        return { load() {}, values: grid, formulas, numberFormat: formats };
      },
      getRange: (address = "") => recorder(address),
      getRanges: (chunk) => ({
        conditionalFormats: {
          add(type) {
            const format = { custom: { rule: {}, format: { fill: {}, borders: { getItem: () => ({}) } } } };
            log.push(["marks", name, chunk, type, format.custom]);
            return format;
          },
        },
      }),
    };
  }

  function context() {
    const snapshot = window.__SNAPSHOT__;
    const byName = new Map(snapshot.sheets.map((s) => [s.name, sheetObject(s, s.name)]));
    return {
      sync: async () => {},
      workbook: {
        load() {},
        name: window.__WORKBOOK_NAME__ || "Projekt.xlsx",
        worksheets: {
          load() {},
          items: [...byName.values()],
          getItem: (name) => byName.get(name) || sheetObject(null, name),
          add(name) {
            const sheet = sheetObject(null, name);
            log.push(["add_sheet", name, sheet]);
            return sheet;
          },
        },
        tables: {
          load() {},
          items: snapshot.tables.map((t) => ({ name: t.name, getRange: () => ({ load() {}, address: sheetAddress(t.sheet, t.range) }) })),
          getItem: (name) => ({ resize: (range) => log.push(["resize", name, range]) }),
        },
        names: {
          load() {},
          items: Object.entries(snapshot.names || {}).map(([name, ref]) => ({ name, formula: `=${ref}` })),
          getItemOrNullObject: (name) => ({ isNullObject: !(name in (snapshot.names || {})), delete: () => log.push(["delete_name", name]) }),
          add: (name, reference) => log.push(["add_name", name, reference]),
        },
        properties: { custom: { load() {}, items: Object.entries(snapshot.properties).map(([key, value]) => ({ key, value })) } },
        comments: { load() {}, items: snapshot.comments.map((c) => ({ content: c.text, getLocation: () => ({ load() {}, address: sheetAddress(c.sheet, c.cell) }) })) },
      },
    };
  }

  window.Office = {
    context: {
      displayLanguage: window.__OFFICE_LANG__ || "da-DK",
      requirements: { isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= 1.13 },
    },
    actions: { associate: (id, fn) => { window.__officeActions[id] = fn; } },
    addin: { showAsTaskpane: async () => { window.__shownAsTaskpane = (window.__shownAsTaskpane || 0) + 1; } },
    onReady(callback) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      return new Promise((resolve) => {
        const go = () => { if (callback) callback(info); resolve(info); };
        if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go); else setTimeout(go, 0);
      });
    },
  };
  window.Excel = {
    run: async (batch) => batch(context()),
    createWorkbook: async (base64) => { window.__created = base64; },
  };
})();
