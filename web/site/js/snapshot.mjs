// Reads what the actions need from the open workbook in one Excel.run: the snapshot (format
// "xlplugin.snapshot" version 1, documented in xlplugin/gateway/snapshot.py). Each sheet from A1
// to the last cell holding a value (values, formulas, number formats), the Excel tables, the
// custom document properties and the threaded comments (ExcelApi 1.10; notes are not read).

export const SNAPSHOT_FORMAT = "xlplugin.snapshot";
export const SNAPSHOT_VERSION = 2;

/** "A5:I12" from "'1 Afklaring'!A5:I12"; [sheet, address] when asked for both. */
export function splitAddress(address) {
  const at = address.lastIndexOf("!");
  if (at < 0) return ["", address];
  let sheet = address.slice(0, at);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return [sheet, address.slice(at + 1)];
}

export function columnName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetOf(range) {
  const formulas = [];
  const numberFormats = [];
  range.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = range.formulas[r][c];
      const at = `${columnName(c)}${r + 1}`;
      // Excel gives a constant as its own formula: a cell holds a formula when its formula is not what it shows
      if (typeof formula === "string" && formula.startsWith("=") && formula !== value) formulas.push([at, formula]);
      const format = range.numberFormat[r][c];
      if (typeof value === "number" && format && format !== "General") numberFormats.push([at, format]);
    }),
  );
  return { values: range.values, formulas, number_formats: numberFormats, merged: [] };
}

export async function readSnapshot(context) {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  const tables = workbook.tables;
  const custom = workbook.properties.custom;
  const comments = workbook.comments;
  const names = workbook.names; // workbook scope (a sheet's own names are in worksheet.names)
  sheets.load("items");
  names.load("items");
  tables.load("items");
  custom.load("items");
  comments.load("items");
  await context.sync();
  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return range;
  });
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address");
    return range;
  });
  const places = comments.items.map((comment) => {
    const place = comment.getLocation();
    place.load("address");
    return place;
  });
  await context.sync();
  const grids = sheets.items.map((sheet, i) => {
    const u = used[i];
    if (u.isNullObject) return null;
    const range = sheet.getRangeByIndexes(0, 0, u.rowIndex + u.rowCount, u.columnIndex + u.columnCount);
    range.load("values,formulas,numberFormat");
    return range;
  });
  await context.sync();
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    properties: Object.fromEntries(custom.items.map((p) => [p.key, String(p.value)])),
    names: Object.fromEntries(names.items.map((n) => [n.name, String(n.formula).replace(/^=/, "")])),
    sheets: sheets.items.map((sheet, i) => ({
      name: sheet.name,
      visible: sheet.visibility === "Visible",
      ...(grids[i] ? sheetOf(grids[i]) : { values: [], formulas: [], number_formats: [], merged: [] }),
    })),
    tables: tables.items.map((table, i) => {
      const [sheet, range] = splitAddress(tableRanges[i].address);
      return { name: table.name, sheet, range };
    }),
    comments: comments.items.map((comment, i) => {
      const [sheet, cell] = splitAddress(places[i].address);
      return { sheet, cell, text: comment.content };
    }),
  };
}
