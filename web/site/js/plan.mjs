// Applies a plan of Excel operations (format "xlplugin.plan" version 2, documented in
// xlplugin/gateway/snapshot.py) to the open workbook, in order, within one Excel.run.
// Requirement set: ExcelApi 1.13 (Table.resize); hyperlinks and Range.clear("Hyperlinks") 1.7,
// multi-area conditional formats (Worksheet.getRanges) 1.9; a new sheet: WorksheetCollection.add,
// Worksheet.position and .visibility 1.1, .tabColor 1.7; TableCollection.add, NamedItemCollection
// .add and .getItemOrNullObject, Range.merge 1.2; Range.format.columnWidth 1.2 (in points).

export const PLAN_FORMAT = "xlplugin.plan";
export const PLAN_VERSION = 2;
// A column width in characters (as in the file) in points: Calibri 11's digit is 7 px wide, a
// column has 5 px of padding, whole pixels, a pixel is 0.75 pt (an estimate: Excel's own depends
// on the workbook's font)
export const widthPoints = (chars) => Math.round(chars * 7 + 5) * 0.75;
const EPOCH = Date.UTC(1899, 11, 30); // Excel's day 0 (the 1900 date system, after 1 March 1900)
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

/** An ISO date ("2027-06-01" or "2027-06-01T08:30:00") as Excel's serial number. */
export function serial(iso) {
  const [day, time] = iso.split("T");
  const [y, m, d] = day.split("-").map(Number);
  let value = (Date.UTC(y, m - 1, d) - EPOCH) / 86400000;
  if (time) {
    const [hh, mm, ss] = time.split(":").map(Number);
    value += (hh * 3600 + mm * 60 + (ss || 0)) / 86400;
  }
  return value;
}

/** What one cell of a "write" becomes in Range.formulas: text always stays text (Excel's own
 * apostrophe), a formula is a formula, a date its serial number (the column's format shows it). */
export function cellFormula(value) {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "string") return "'" + value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if ("formula" in value) return value.formula;
  if ("link" in value) return value.text === "" ? "" : "'" + value.text;
  if ("date" in value) return serial(value.date);
  throw new Error("a cell the plan format does not know");
}

async function replaceMarks(context, op) {
  const sheets = context.workbook.worksheets;
  sheets.load("items");
  await context.sync();
  const collections = sheets.items.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load("items");
    return formats;
  });
  await context.sync();
  const custom = [];
  for (const formats of collections) {
    for (const format of formats.items) {
      if (format.type === "Custom") {
        const rule = format.custom.rule;
        rule.load("formula");
        custom.push([format, rule]);
      }
    }
  }
  await context.sync();
  for (const [format, rule] of custom) {
    if ((rule.formula || "").includes(op.formula)) format.delete();
  }
  for (const [name, chunks] of Object.entries(op.sheets)) {
    const sheet = sheets.getItem(name);
    for (const chunk of chunks) {
      const format = sheet.getRanges(chunk).conditionalFormats.add("Custom");
      format.custom.rule.formula = "=" + op.formula;
      format.custom.format.fill.color = op.fill;
      for (const edge of EDGES) format.custom.format.borders.getItem(edge).color = op.border;
    }
  }
}

function addSheet(workbook, op) {
  if (op.replace) workbook.worksheets.getItem(op.sheet).delete();
  const sheet = workbook.worksheets.add(op.sheet);
  sheet.position = op.position;
  sheet.visibility = op.visible ? "Visible" : "Hidden";
  if (op.tab_color) sheet.tabColor = op.tab_color;
}

async function setNames(context, op) {
  // set anew: a name of that scope may already exist (pointing at a sheet that was deleted)
  const entries = Object.entries(op.names);
  const there = entries.map(([name]) => context.workbook.names.getItemOrNullObject(name));
  await context.sync();
  there.forEach((item) => { if (!item.isNullObject) item.delete(); });
  for (const [name, reference] of entries) context.workbook.names.add(name, "=" + reference);
}

/** Apply ``plan`` in ``context`` (an Excel.RequestContext); one sync at the end (and the few the
 * marks and the names need to find what is there). */
export async function applyPlan(context, plan) {
  if (plan.format !== PLAN_FORMAT || plan.version !== PLAN_VERSION) {
    throw new Error(`plan format ${plan.format} ${plan.version} is not ${PLAN_FORMAT} ${PLAN_VERSION}`);
  }
  const workbook = context.workbook;
  for (const op of plan.ops) {
    const sheet = op.sheet && op.op !== "add_sheet" ? workbook.worksheets.getItem(op.sheet) : null;
    switch (op.op) {
      case "insert_rows":
        sheet.getRange(`${op.row}:${op.row + op.count - 1}`).insert("Down");
        break;
      case "resize_table":
        workbook.tables.getItem(op.table).resize(op.range);
        break;
      case "clear_links":
        sheet.getRange(op.range).clear("Hyperlinks");
        break;
      case "clear":
        sheet.getRange(op.range).clear("Contents");
        break;
      case "write": {
        const rows = op.values.length;
        const cols = op.values[0].length;
        const range = sheet.getRange(op.cell).getResizedRange(rows - 1, cols - 1);
        range.formulas = op.values.map((row) => row.map(cellFormula));
        op.values.forEach((row, i) =>
          row.forEach((value, j) => {
            if (value && typeof value === "object" && "link" in value) {
              range.getCell(i, j).hyperlink = { documentReference: value.link, textToDisplay: value.text };
            }
          }),
        );
        break;
      }
      case "add_sheet":
        addSheet(workbook, op);
        break;
      case "add_table": {
        const table = sheet.tables.add(op.range, true);
        table.name = op.table;
        if (op.style) table.style = op.style;
        break;
      }
      case "names":
        await setNames(context, op);
        break;
      case "widths":
        for (const [column, chars] of Object.entries(op.widths)) {
          sheet.getRange(`${column}:${column}`).format.columnWidth = widthPoints(chars);
        }
        break;
      case "merge":
        for (const address of op.ranges) sheet.getRange(address).merge(false);
        break;
      case "marks":
        await replaceMarks(context, op);
        break;
      default:
        throw new Error(`unknown operation ${op.op}`);
    }
  }
  await context.sync();
}
