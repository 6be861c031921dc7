// The snapshot reader against office-addin-mock: what it reads from Excel (and loads first),
// and the JSON it makes of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import mock from "office-addin-mock";
import { columnName, readSnapshot, splitAddress } from "../site/js/snapshot.mjs";

const { OfficeMockObject } = mock;

function fakeWorkbook() {
  const made = [];
  const proxy = (data) => {
    const object = new OfficeMockObject(data);
    made.push(object);
    return object;
  };
  const grids = {
    "1 Afklaring": {
      // A1:C3 of a sheet whose used range is B2:C3
      values: [["", "", ""], ["", "Beboergruppe", "Andel i %"], ["", "Familier", 0.55], ["", "", ""]].slice(0, 3),
      formulas: [["", "", ""], ["", "Beboergruppe", "Andel i %"], ["", "Familier", "=0.5+0.05"]],
      numberFormat: [["General", "General", "General"], ["General", "General", "General"], ["General", "@", "0%"]],
    },
    "5 Vedligehold": {
      values: [["Opfølgning", "Tekst"], [46539, "=ikke en formel"]],
      formulas: [["Opfølgning", "Tekst"], [46539, "=ikke en formel"]],
      numberFormat: [["General", "General"], ["dd-mm-yyyy", "@"]],
    },
  };
  const used = { "1 Afklaring": [1, 1, 2, 2], "5 Vedligehold": [0, 0, 2, 2], Lister: null };
  const sheets = Object.keys(used).map((name) => ({
    name,
    visibility: name === "Lister" ? "Hidden" : "Visible",
    getUsedRangeOrNullObject: (valuesOnly) => {
      assert.equal(valuesOnly, true);
      const u = used[name] ?? [0, 0, 0, 0];
      const range = proxy({ rowIndex: u[0], columnIndex: u[1], rowCount: u[2], columnCount: u[3] });
      range.isNullObject = used[name] === null; // Office.js: readable after a sync, nothing to load
      return range;
    },
    getRangeByIndexes: (row, col, rows, cols) => {
      assert.deepEqual([row, col], [0, 0]);
      const g = grids[name];
      assert.equal(g.values.length, rows);
      assert.equal(g.values[0].length, cols);
      return proxy(g);
    },
  }));
  const context = new OfficeMockObject({
    workbook: {
      worksheets: { items: sheets },
      tables: { items: [{ name: "Beboergrupper", getRange: () => proxy({ address: "'1 Afklaring'!B2:C3" }) }] },
      properties: { custom: { items: [{ key: "xlplugin.layout", value: "1" }, { key: "xlplugin.lang", value: "da" }] } },
      names: { items: [{ name: "lst_yesno", formula: "=Lister!$A$2:$A$3" }] },
      comments: { items: [{ content: "Ring 12 34 56 78", getLocation: () => proxy({ address: "'5 Vedligehold'!B2" }) }] },
    },
  });
  const sync = context.sync.bind(context);
  context.sync = async () => {
    await sync();
    for (const object of made) await object.sync();
  };
  return context;
}

test("addresses and column names as Excel writes them", () => {
  assert.deepEqual(splitAddress("'1 Afklaring'!B2:C3"), ["1 Afklaring", "B2:C3"]);
  assert.deepEqual(splitAddress("Start!A1"), ["Start", "A1"]);
  assert.deepEqual(splitAddress("'Bob''s'!A1"), ["Bob's", "A1"]);
  assert.deepEqual([0, 25, 26, 27, 701, 702].map(columnName), ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
});

test("the snapshot holds each sheet from A1, its formulas and number formats, the tables, properties and comments", async () => {
  const snapshot = await readSnapshot(fakeWorkbook());
  assert.deepEqual(snapshot, {
    format: "xlplugin.snapshot",
    version: 2,
    properties: { "xlplugin.layout": "1", "xlplugin.lang": "da" },
    names: { lst_yesno: "Lister!$A$2:$A$3" },
    sheets: [
      {
        name: "1 Afklaring",
        visible: true,
        values: [["", "", ""], ["", "Beboergruppe", "Andel i %"], ["", "Familier", 0.55]],
        formulas: [["C3", "=0.5+0.05"]],
        number_formats: [["C3", "0%"]],
        merged: [],
      },
      {
        name: "5 Vedligehold",
        visible: true,
        values: [["Opfølgning", "Tekst"], [46539, "=ikke en formel"]],
        formulas: [],
        number_formats: [["A2", "dd-mm-yyyy"]],
        merged: [],
      },
      { name: "Lister", visible: false, values: [], formulas: [], number_formats: [], merged: [] },
    ],
    tables: [{ name: "Beboergrupper", sheet: "1 Afklaring", range: "B2:C3" }],
    comments: [{ sheet: "5 Vedligehold", cell: "B2", text: "Ring 12 34 56 78" }],
  });
});
