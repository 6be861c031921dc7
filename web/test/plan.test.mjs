// The plan applier against office-addin-mock: each operation becomes the Office.js calls
// Microsoft documents, properties are loaded before they are read, the previous run's marks go.
import { test } from "node:test";
import assert from "node:assert/strict";
import mock from "office-addin-mock";
import { applyPlan, cellFormula, serial, widthPoints } from "../site/js/plan.mjs";

const { OfficeMockObject } = mock;
const MARK = 'N("xlplugin:mark")=0';

function fakeExcel({ rules = {} } = {}) {
  const log = [];
  const added = [];
  // Office.js syncs every proxy object made in the context: so does this one (office-addin-mock
  // syncs only the tree it was built from)
  const made = [];
  const proxy = (data) => {
    const object = new OfficeMockObject(data);
    made.push(object);
    return object;
  };
  function range(sheet, address) {
    return {
      insert: (direction) => log.push(["insert", sheet, address, direction]),
      clear: (what) => log.push(["clear", sheet, address, what]),
      getResizedRange: (rows, cols) => range(sheet, `${address}+${rows}x${cols}`),
      getCell: (i, j) => ({
        set hyperlink(value) {
          log.push(["hyperlink", sheet, address, i, j, value]);
        },
      }),
      set formulas(value) {
        log.push(["formulas", sheet, address, value]);
      },
    };
  }
  function sheet(name) {
    const own = (rules[name] || []).map((formula, i) => ({
      type: formula === null ? "DataBar" : "Custom",
      custom: formula === null ? null : proxy({ rule: { formula } }),
      delete: () => log.push(["delete rule", name, i]),
    }));
    return {
      name,
      getRange: (address) =>
        address === undefined ? { conditionalFormats: proxy({ items: own }) } : range(name, address),
      getRanges: (address) => ({
        conditionalFormats: {
          add(type) {
            const borders = {};
            const format = {
              type,
              custom: { rule: {}, format: { fill: {}, borders: { getItem: (edge) => (borders[edge] ??= {}) } } },
            };
            added.push({ sheet: name, address, format, borders });
            return format;
          },
        },
      }),
    };
  }
  const sheets = Object.fromEntries(["Start", "Valideringsfund", "1 Afklaring"].map((n) => [n, sheet(n)]));
  const excel = new OfficeMockObject({
    workbook: {
      worksheets: { items: Object.values(sheets), getItem: (name) => sheets[name] },
      tables: { getItem: (name) => ({ resize: (address) => log.push(["resize", name, address]) }) },
    },
  });
  const sync = excel.sync.bind(excel); // the mock's own sync resolves the loads
  excel.sync = async () => {
    log.push(["sync"]);
    await sync();
    for (const object of made) await object.sync();
  };
  return { context: excel, log, added };
}

const plan = (ops) => ({ format: "xlplugin.plan", version: 2, lang: "da", ops });

test("text stays text, formulas and dates become what Excel stores", () => {
  assert.equal(cellFormula("=1+1"), "'=1+1");
  assert.equal(cellFormula("007"), "'007");
  assert.equal(cellFormula(""), "");
  assert.equal(cellFormula(null), "");
  assert.equal(cellFormula(3.5), 3.5);
  assert.equal(cellFormula(true), true);
  assert.equal(cellFormula({ formula: "=SUM(A1:A3)" }), "=SUM(A1:A3)");
  assert.equal(cellFormula({ text: "B7", link: "'1 Afklaring'!B7" }), "'B7");
  assert.equal(serial("2027-06-01"), 46539);
  assert.equal(serial("1900-03-01"), 61);
  assert.equal(serial("2027-06-01T12:00:00"), 46539.5);
  assert.throws(() => cellFormula({ what: 1 }));
});

test("each operation becomes its Office.js call, in order, with one sync", async () => {
  const { context, log } = fakeExcel();
  await applyPlan(context, plan([
    { op: "insert_rows", sheet: "1 Afklaring", row: 14, count: 3 },
    { op: "resize_table", table: "Fund", sheet: "Valideringsfund", range: "A7:E9" },
    { op: "clear_links", sheet: "Valideringsfund", range: "A7:E9" },
    { op: "write", sheet: "Valideringsfund", cell: "A7", values: [["Alvor", "Ark"], ["Fejl", { text: "B7", link: "'1 Afklaring'!B7" }]] },
    { op: "clear", sheet: "Valideringsfund", range: "A10:E12" },
  ]));
  assert.deepEqual(log, [
    ["insert", "1 Afklaring", "14:16", "Down"],
    ["resize", "Fund", "A7:E9"],
    ["clear", "Valideringsfund", "A7:E9", "Hyperlinks"],
    ["formulas", "Valideringsfund", "A7+1x1", [["'Alvor", "'Ark"], ["'Fejl", "'B7"]]],
    ["hyperlink", "Valideringsfund", "A7+1x1", 1, 1, { documentReference: "'1 Afklaring'!B7", textToDisplay: "B7" }],
    ["clear", "Valideringsfund", "A10:E12", "Contents"],
    ["sync"],
  ]);
});

test("marks: the previous run's rules go, the user's stay, the new ones get fill and border", async () => {
  const { context, log, added } = fakeExcel({ rules: { Start: [`=${MARK}`, "=A1>5", null], "1 Afklaring": [`=${MARK}`] } });
  await applyPlan(context, plan([
    { op: "marks", formula: MARK, fill: "#FFC7CE", border: "#C00000", sheets: { "1 Afklaring": ["B7:B9,D12", "F3"] } },
  ]));
  assert.deepEqual(log.filter((e) => e[0] === "delete rule"), [["delete rule", "Start", 0], ["delete rule", "1 Afklaring", 0]]);
  assert.deepEqual(added.map((a) => [a.sheet, a.address, a.format.type]), [["1 Afklaring", "B7:B9,D12", "Custom"], ["1 Afklaring", "F3", "Custom"]]);
  for (const a of added) {
    assert.equal(a.format.custom.rule.formula, `=${MARK}`);
    assert.equal(a.format.custom.format.fill.color, "#FFC7CE");
    assert.deepEqual(Object.keys(a.borders).sort(), ["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop"]);
    assert.ok(Object.values(a.borders).every((b) => b.color === "#C00000"));
  }
});

test("a plan of another format or version is refused before anything is done", async () => {
  const { context, log } = fakeExcel();
  await assert.rejects(applyPlan(context, { format: "xlplugin.plan", version: 1, ops: [{ op: "clear", sheet: "Start", range: "A1" }] }));
  await assert.rejects(applyPlan(context, plan([{ op: "explode" }])));
  assert.deepEqual(log, []);
});

// A workbook with a stale lists name and a damaged lists sheet: what adding sheets calls.
function sheetsExcel() {
  const log = [];
  const existing = { Start: true, Lister: true };
  const sheetObject = (name) => ({
    delete: () => { log.push(["delete sheet", name]); delete existing[name]; },
    set position(value) { log.push(["position", name, value]); },
    set visibility(value) { log.push(["visibility", name, value]); },
    set tabColor(value) { log.push(["tabColor", name, value]); },
    tables: {
      add: (address, headers) => {
        log.push(["add table", name, address, headers]);
        return { set name(value) { log.push(["table name", value]); }, set style(value) { log.push(["table style", value]); } };
      },
    },
    getRange: (address) => ({
      format: { set columnWidth(value) { log.push(["width", name, address, value]); } },
      merge: (across) => log.push(["merge", name, address, across]),
      getResizedRange: () => ({ set formulas(value) { log.push(["formulas", name, address, value]); }, getCell: () => ({}) }),
      clear: (what) => log.push(["clear", name, address, what]),
    }),
  });
  const names = { lst_yesno: "=#REF!" };
  const context = {
    workbook: {
      worksheets: {
        getItem: (name) => {
          if (!existing[name]) throw new Error(`no sheet ${name}`);
          return sheetObject(name);
        },
        add: (name) => {
          assert.ok(!existing[name], "a sheet of that name is there");
          existing[name] = true;
          log.push(["add sheet", name]);
          return sheetObject(name);
        },
      },
      names: {
        getItemOrNullObject: (name) => (name in names
          ? { isNullObject: false, delete: () => { log.push(["delete name", name]); delete names[name]; } }
          : { isNullObject: true }),
        add: (name, reference) => {
          assert.ok(!(name in names), "a name of that scope is there");
          names[name] = reference;
          log.push(["add name", name, reference]);
        },
      },
    },
    sync: async () => log.push(["sync"]),
  };
  return { context, log, names };
}

test("a sheet is added at its place, hidden or with its tab colour, its table, widths and names", async () => {
  const { context, log, names } = sheetsExcel();
  await applyPlan(context, plan([
    { op: "add_sheet", sheet: "Lister", position: 14, visible: false, tab_color: null, replace: true },
    { op: "write", sheet: "Lister", cell: "A1", values: [["Ja/nej"], ["Ja"]] },
    { op: "names", names: { lst_yesno: "'Lister'!$A$2:$A$3", lst_step: "'Lister'!$R$2:$R$6" } },
    { op: "add_sheet", sheet: "Kontrol", position: 13, visible: true, tab_color: "#C00000", replace: false },
    { op: "widths", sheet: "Kontrol", widths: { A: 12, D: 60 } },
    { op: "merge", sheet: "Kontrol", ranges: ["A2:E2"] },
    { op: "add_table", table: "Fund", sheet: "Kontrol", range: "A7:E8", style: "TableStyleMedium2" },
  ]));
  assert.deepEqual(log, [
    ["delete sheet", "Lister"], ["add sheet", "Lister"], ["position", "Lister", 14], ["visibility", "Lister", "Hidden"],
    ["formulas", "Lister", "A1", [["'Ja/nej"], ["'Ja"]]],
    ["sync"], ["delete name", "lst_yesno"],
    ["add name", "lst_yesno", "='Lister'!$A$2:$A$3"], ["add name", "lst_step", "='Lister'!$R$2:$R$6"],
    ["add sheet", "Kontrol"], ["position", "Kontrol", 13], ["visibility", "Kontrol", "Visible"], ["tabColor", "Kontrol", "#C00000"],
    ["width", "Kontrol", "A:A", widthPoints(12)], ["width", "Kontrol", "D:D", widthPoints(60)],
    ["merge", "Kontrol", "A2:E2", false],
    ["add table", "Kontrol", "A7:E8", true], ["table name", "Fund"], ["table style", "TableStyleMedium2"],
    ["sync"],
  ]);
  assert.equal(names.lst_yesno, "='Lister'!$A$2:$A$3");
  assert.equal(widthPoints(8.43), 48); // Excel's default column: 64 px
});
