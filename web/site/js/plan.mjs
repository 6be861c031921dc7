// Applies a plan of Excel operations (format "xlplugin.plan" version 1, documented in
// xlplugin/gateway/snapshot.py) to the open workbook, in order, within one Excel.run.
// Requirement set: ExcelApi 1.13 (Table.resize); hyperlinks and Range.clear("Hyperlinks") 1.7,
// multi-area conditional formats (Worksheet.getRanges) 1.9.

export const PLAN_FORMAT = "xlplugin.plan";
export const PLAN_VERSION = 1;
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

/** Apply ``plan`` in ``context`` (an Excel.RequestContext); one sync at the end (and the few the
 * marks need to find the previous run's rules). */
export async function applyPlan(context, plan) {
  if (plan.format !== PLAN_FORMAT || plan.version !== PLAN_VERSION) {
    throw new Error(`plan format ${plan.format} ${plan.version} is not ${PLAN_FORMAT} ${PLAN_VERSION}`);
  }
  const workbook = context.workbook;
  for (const op of plan.ops) {
    const sheet = op.sheet ? workbook.worksheets.getItem(op.sheet) : null;
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
      case "marks":
        await replaceMarks(context, op);
        break;
      default:
        throw new Error(`unknown operation ${op.op}`);
    }
  }
  await context.sync();
}
