// Formula-injection escaping for exported spreadsheets (OWASP "CSV injection"): text that a
// spreadsheet would read as a formula or command (=, +, -, @, tab, carriage return at the start)
// gets a leading apostrophe so it stays text wherever the export is opened or re-saved.
// Numbers, booleans and dates are left as they are: they cannot carry a formula.

export type ExportValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The value to write into a cell: dangerous text prefixed with an apostrophe, non-finite numbers blank. */
export function safeCell(value: ExportValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return FORMULA_START.test(value) ? `'${value}` : value;
  return value;
}

/** True when a string would be taken as a formula start by a spreadsheet application. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
