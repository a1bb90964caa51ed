// The results workbook's breakdown sheets (docs/wres-method.md#breakdowns): one sheet per dimension a protected
// copy carries ("By gender", "By directorate"...), a block per indicator. Figures as the protected copy has them
// (a hidden one is the one mark); no figure is worked out here, so the sheets publish nothing the copy does not.
import type ExcelJS from "exceljs";
import {
  COLUMN_LABEL,
  DIMENSION_LABEL,
  DIMENSIONS,
  EN_GB,
  HIDDEN_MARK,
  ROW_LABEL,
  breakdownView,
  tableOf,
  type ResultsDocument,
} from "../indicators/index";
import { safeCell, type ExportValue } from "./escape";

type Figure = { value: number | null; hidden: boolean };

const COUNT = "#,##0";

/** Adds one sheet per dimension the copy's indicators are broken down by (none when it carries no breakdowns). */
export function breakdownSheets(wb: ExcelJS.Workbook, doc: ResultsDocument): void {
  for (const dimension of DIMENSIONS) {
    const results = Object.entries(doc.indicators).flatMap(([id, r]) => {
      const table = tableOf(r, dimension);
      return table ? [[id, breakdownView(table)] as const] : [];
    });
    if (results.length === 0) continue;
    const ws = wb.addWorksheet(`By ${DIMENSION_LABEL[dimension]}`.slice(0, 31));
    const add = (cells: ExportValue[], formats: (string | null)[] = []) => {
      const row = ws.addRow(cells.map(safeCell));
      formats.forEach((f, i) => {
        if (f && typeof cells[i] === "number") row.getCell(i + 1).numFmt = f;
      });
      return row;
    };
    const shown = (f: Figure | null): ExportValue => (f === null ? null : f.hidden ? HIDDEN_MARK : f.value);
    add([`Breakdown by ${DIMENSION_LABEL[dimension]}`]).font = { bold: true, size: 14 };
    add([`${HIDDEN_MARK} hidden to protect small numbers; breakdown cells are hidden so that no headline figure is.`]);
    for (const [id, v] of results) {
      ws.addRow([]);
      add([EN_GB[`nhs-england-wres.${id}`] ?? `Indicator ${id}`]).font = { bold: true };
      const label = (c: string) =>
        dimension === "ethnic-category" && c !== "unknown"
          ? `${c} (${COLUMN_LABEL[v.parents?.[c] ?? ""] ?? ""})`
          : (COLUMN_LABEL[c] ?? c);
      const rowName = (r: string) => ROW_LABEL[r] ?? r;
      if (v.kind === "headcount") {
        add([DIMENSION_LABEL[dimension], ...v.columns.map(label), "Total"]).font = { bold: true };
        for (const r of v.rows) {
          const cells = [rowName(r.row), ...[...r.cells, ...(r.total ? [r.total] : [])].map((c) => shown(c.count))];
          add(
            cells,
            cells.map((_, i) => (i === 0 ? null : COUNT)),
          );
        }
      } else {
        // Each group: count, denominator, rate (0-1, as the copy has it) and the likelihood against White; then
        // everyone in the row (count, denominator and rate), as the report and the tab show it.
        const totals = v.rows.some((r) => r.total !== null);
        const head = [DIMENSION_LABEL[dimension]];
        for (const c of v.columns)
          head.push(`${label(c)} count`, `${label(c)} of`, `${label(c)} rate`, `${label(c)} RL`);
        if (totals) head.push("Total count", "Total of", "Total rate");
        add(head).font = { bold: true };
        for (const r of v.rows) {
          const cells: ExportValue[] = [rowName(r.row)];
          const formats: (string | null)[] = [null];
          for (const c of r.cells) {
            cells.push(shown(c.count), shown(c.of), shown(c.share), shown(c.likelihood));
            formats.push(COUNT, COUNT, "0.000", "0.00");
          }
          if (r.total) {
            cells.push(shown(r.total.count), shown(r.total.of), shown(r.total.share));
            formats.push(COUNT, COUNT, "0.000");
          }
          add(cells, formats);
        }
      }
    }
    ws.getColumn(1).width = 28;
  }
}
