// The results as an Excel workbook a committee paper can use: a summary of the nine indicators and
// one sheet per indicator table. Always the protected copy (for publication): small-number protection is
// applied here (unless the document is protected already), every text cell goes through safeCell, and the
// figures are the protected copy's, rounded as published (the cell's number format shows them as stored).
// One file (about 420 lines) on purpose: one short writer per sheet, all sharing the Sheet helper and the number formats.
import ExcelJS from "exceljs";
import {
  HIDDEN_MARK,
  suppressResults,
  type BoardResult,
  type ComparisonItem,
  type Counts,
  type Fraction,
  type NotCalculableReason,
  type RelativeLikelihoodResult,
  type RepresentationResult,
  type ResultsDocument,
  type SuppressionMark,
  type SurveyResult,
} from "../indicators/index";
import {
  cautionNote,
  EN_GB,
  englishNote,
  reasonNote,
  indicatorText as t,
  AFC_BANDS,
  MEDICAL_SUBGROUPS,
} from "../indicators";
import { safeCell, type ExportValue } from "./escape";
import { breakdownSheets } from "./breakdowns-xlsx";

export interface ResultsWorkbookOptions {
  /** Small-number threshold when the document is not suppressed yet (default 10). */
  threshold?: number;
}

const PCT = "0.0";
const RATIO = "0.00";
const POINTS = "+0.0;-0.0;0.0";
const COUNT = "#,##0";

/** A value for a cell, or the suppression mark when the figure is hidden. */
interface Shown {
  value: ExportValue;
  format?: string;
}

type Marks = Partial<Record<string, SuppressionMark>> | undefined;

class Sheet {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly threshold: number,
  ) {}

  /** The one mark of a hidden figure, whatever the reason it is hidden. */
  mark(): Shown {
    return { value: HIDDEN_MARK };
  }

  /** A figure, or the mark when hidden. `scale` turns a stored proportion into the percentage shown (rates are 0-1). */
  field(
    obj: Record<string, unknown> | null | undefined,
    field: string,
    format: string,
    marks?: Marks,
    scale = 1,
  ): Shown {
    const mark = marks?.[field] ?? (obj as { suppressed?: Marks } | null | undefined)?.suppressed?.[field];
    if (mark) return this.mark();
    const v = obj?.[field];
    return { value: typeof v === "number" ? v * scale : null, format };
  }

  row(cells: (Shown | ExportValue)[], options: { bold?: boolean } = {}): ExcelJS.Row {
    const row = this.ws.addRow(cells.map((c) => (isShown(c) ? safeCell(c.value) : safeCell(c))));
    cells.forEach((c, i) => {
      if (isShown(c) && c.format && typeof c.value === "number") row.getCell(i + 1).numFmt = c.format;
    });
    if (options.bold) row.font = { bold: true };
    return row;
  }

  header(cells: string[]): void {
    const row = this.row(cells, { bold: true });
    row.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      cell.border = { bottom: { style: "thin" } };
    });
  }

  title(text: string): void {
    const row = this.row([text]);
    row.font = { bold: true, size: 14 };
  }

  blank(): void {
    this.ws.addRow([]);
  }

  widths(widths: number[]): void {
    widths.forEach((w, i) => {
      this.ws.getColumn(i + 1).width = w;
    });
  }
}

function isShown(c: Shown | ExportValue): c is Shown {
  return typeof c === "object" && c !== null && !(c instanceof Date) && "value" in c;
}

/** A group code in English ("bme" -> "BME"). */
const groupName = (code: string) => EN_GB[`group.${code}`] ?? code;

/** Why a figure is not given, in the words the tab and the Markdown report use; `framed`: "Not calculable: …". */
function reasonText(reason: NotCalculableReason | null, group: string | null, framed: boolean): string {
  return englishNote(reasonNote(reason ?? "missing-input", group), groupName, framed);
}

const SHEET_TITLES: Record<string, string> = {
  "2": "2 Shortlisting",
  "3": "3 Disciplinary",
  "4": "4 Training and CPD",
};

/** The indicator's title from the indicator module's catalogue (keyed by standard and indicator). */
function indicatorTitle(id: string, standard = "nhs-england-wres"): string {
  return EN_GB[`${standard}.${id}`] ?? `Indicator ${id}`;
}

function comparisonFor(doc: ResultsDocument, id: string, measure: string): ComparisonItem | undefined {
  return doc.comparison?.items.find((i) => i.indicator === id && i.measure === measure);
}

function trendCells(doc: ResultsDocument, id: string, measure: string, format: string): (Shown | ExportValue)[] {
  const item = comparisonFor(doc, id, measure);
  if (!item) return [null, null, null];
  return [
    item.suppressed?.previous ? HIDDEN_MARK : { value: item.previous, format },
    item.suppressed ? HIDDEN_MARK : { value: item.change, format: format === RATIO ? "+0.00;-0.00;0.00" : POINTS },
    item.trend,
  ];
}

function assessment(rl: RelativeLikelihoodResult): string {
  const band = `${rl.adverseBand.low.toFixed(2)}-${rl.adverseBand.high.toFixed(2)}`;
  if (rl.value === null) return reasonText(rl.reason, rl.reasonGroup, true);
  const parts = [rl.adverse ? `Adverse (outside ${band})` : `Within the non-adverse range (${band})`];
  if (rl.significant) parts.push("95% interval excludes 1");
  for (const c of rl.cautions) parts.push(englishNote(cautionNote(c), groupName));
  return parts.join("; ");
}

function summarySheet(wb: ExcelJS.Workbook, doc: ResultsDocument, threshold: number): void {
  const s = new Sheet(wb.addWorksheet("Summary", { views: [{ state: "frozen", ySplit: 4 }] }), threshold);
  s.title(
    ["Workforce Race Equality Standard results", doc.organisation, doc.period]
      .filter((x): x is string => Boolean(x))
      .join(" - "),
  );
  s.row([
    [
      EN_GB["report.audience"],
      EN_GB["report.suppression"]!.replaceAll("{threshold}", String(threshold)),
      EN_GB["report.rounding"],
    ].join(" "),
  ]);
  s.blank();
  s.header(["Indicator", "Measure", "White", "BME", "Figure", "95% CI", "Assessment", "Previous", "Change", "Trend"]);
  for (const [id, result] of Object.entries(doc.indicators)) {
    if (!result) continue;
    const title = indicatorTitle(id, doc.standard);
    if (result.kind === "representation") {
      const senior = result.senior["8a-VSM"];
      const seniorPct = senior.suppressed?.bmePct ? s.mark().value : senior.bmePct;
      s.row([
        title,
        "Share of the workforce (%)",
        s.field(result.overall, "whitePct", PCT),
        s.field(result.overall, "bmePct", PCT),
        s.field(result.overall, "bmePct", PCT),
        null,
        `BME at 8a and above: ${typeof seniorPct === "number" ? `${seniorPct.toFixed(1)}%` : String(seniorPct ?? "n/a")}`,
        ...trendCells(doc, id, "overall.bmePct", PCT),
      ]);
    } else if (result.kind === "relative-likelihood") {
      s.row([
        title,
        "Relative likelihood (rates in %)",
        s.field(result.white as unknown as Record<string, unknown>, "rate", PCT, result.white.suppressed, 100),
        s.field(result.bme as unknown as Record<string, unknown>, "rate", PCT, result.bme.suppressed, 100),
        { value: result.value, format: RATIO },
        result.ci95 ? `${result.ci95[0].toFixed(2)} to ${result.ci95[1].toFixed(2)}` : null,
        assessment(result),
        ...trendCells(doc, id, "value", RATIO),
      ]);
    } else if (result.kind === "survey") {
      s.row([
        title,
        "Gap, BME minus White (percentage points)",
        s.field(result, "whitePct", PCT, result.suppressed),
        s.field(result, "bmePct", PCT, result.suppressed),
        s.field(result, "gap", POINTS, result.suppressed),
        null,
        result.direction === "lower" ? "Lower is better" : "Higher is better",
        ...trendCells(doc, id, "gap", PCT),
      ]);
    } else {
      for (const kind of ["voting", "executive"] as const) {
        const d = result[kind];
        s.row([
          title,
          `${kind === "voting" ? "Voting" : "Executive"} membership: BME % of board minus BME % of workforce`,
          null,
          s.field(d, "boardBmePct", PCT),
          s.field(d, "difference", POINTS),
          null,
          d.difference === null
            ? reasonText(d.reason, null, true)
            : d.difference < 0
              ? "The board under-represents BME staff"
              : "The board does not under-represent BME staff",
          ...trendCells(doc, id, `${kind}.difference`, PCT),
        ]);
      }
    }
  }
  s.blank();
  s.row(["Relative likelihoods are arranged so that above 1 means BME staff fare worse; 1.00 is parity."]);
  s.widths([48, 40, 10, 10, 10, 16, 52, 10, 10, 14]);
  s.ws.getColumn(1).alignment = { wrapText: true, vertical: "top" };
}

function countsRow(s: Sheet, label: (string | null)[], c: Counts | null | undefined): void {
  s.row([
    ...label,
    s.field(c, "white", COUNT),
    s.field(c, "bme", COUNT),
    s.field(c, "unknown", COUNT),
    s.field(c, "total", COUNT),
    s.field(c, "whitePct", PCT),
    s.field(c, "bmePct", PCT),
    s.field(c, "unknownPct", PCT),
  ]);
}

/** A band or medical grade in the indicator module's words ("Band 8a", "VSM", "Consultants"). */
function bandLabel(band: string): string {
  return band === "VSM" ? t("band.VSM") : t("band.n", { band });
}

/** The bank population's sheets: named and titled as the bank figures, never the substantive ones. */
interface Population {
  /** Sheet name prefix ("" or "Bank "). */
  prefix: string;
  standard: string;
  /** What the whole population is called in the first row. */
  whole: string;
}
const SUBSTANTIVE: Population = { prefix: "", standard: "nhs-england-wres", whole: "Whole workforce" };
const BANK: Population = { prefix: "Bank ", standard: "nhs-england-wres-bank", whole: "All bank workers" };

function representationSheet(
  wb: ExcelJS.Workbook,
  rep: RepresentationResult,
  threshold: number,
  population: Population = SUBSTANTIVE,
): void {
  const s = new Sheet(wb.addWorksheet(`${population.prefix}1 Workforce`), threshold);
  s.title(indicatorTitle("1", population.standard));
  if (population === BANK) s.row([EN_GB["bank.note"] ?? ""]);
  s.blank();
  s.header(["Cohort", "Band or grade", "White", "BME", "Unknown", "Total", "White %", "BME %", "Unknown %"]);
  countsRow(s, [population.whole, null], rep.overall);
  for (const cohort of ["non-clinical", "clinical"] as const) {
    const name = cohort === "clinical" ? "Clinical (AfC)" : "Non-clinical";
    for (const band of AFC_BANDS) {
      const c = rep.cohorts[cohort][band];
      if (c) countsRow(s, [name, bandLabel(band)], c);
    }
    const unbanded = rep.unbanded[cohort];
    if (unbanded) countsRow(s, [name, "Band not known"], unbanded);
  }
  for (const sub of MEDICAL_SUBGROUPS) {
    const c = rep.cohorts.medical[sub];
    if (c) countsRow(s, ["Medical and dental", t(`medical.${sub}`)], c);
  }
  if (rep.unbanded.medical) countsRow(s, ["Medical and dental", "Grade not known"], rep.unbanded.medical);
  if (rep.seniorMedicalManagers)
    countsRow(s, ["Medical and dental", "Senior medical managers (of consultants)"], rep.seniorMedicalManagers);
  s.blank();
  s.header(["All AfC staff", "Band", "White", "BME", "Unknown", "Total", "White %", "BME %", "Unknown %"]);
  for (const band of AFC_BANDS) {
    const c = rep.bands[band];
    if (c) countsRow(s, ["Clinical and non-clinical", bandLabel(band)], c);
  }
  countsRow(s, ["Senior", "8a and above"], rep.senior["8a-VSM"]);
  countsRow(s, ["Senior", "8c to VSM"], rep.senior["8c-VSM"]);
  s.widths([28, 40, 10, 10, 10, 10, 10, 10, 11]);
}

function fractionRow(s: Sheet, label: string, f: Fraction): void {
  s.row([
    label,
    s.field(f as unknown as Record<string, unknown>, "count", COUNT, f.suppressed),
    s.field(f as unknown as Record<string, unknown>, "of", COUNT, f.suppressed),
    s.field(f as unknown as Record<string, unknown>, "rate", "0.00", f.suppressed, 100),
  ]);
}

function likelihoodSheet(
  wb: ExcelJS.Workbook,
  id: string,
  rl: RelativeLikelihoodResult,
  threshold: number,
  population: Population = SUBSTANTIVE,
): void {
  const s = new Sheet(wb.addWorksheet(`${population.prefix}${SHEET_TITLES[id] ?? `Indicator ${id}`}`), threshold);
  s.title(indicatorTitle(id, population.standard));
  s.blank();
  s.header(["Group", "Count", "Of", "Rate %"]);
  fractionRow(s, "White", rl.white);
  fractionRow(s, "BME", rl.bme);
  s.blank();
  const facts: [string, Shown | ExportValue][] = [
    ["Relative likelihood", { value: rl.value, format: RATIO }],
    ["95% confidence interval, low", { value: rl.ci95?.[0] ?? null, format: RATIO }],
    ["95% confidence interval, high", { value: rl.ci95?.[1] ?? null, format: RATIO }],
    ["Interval excludes 1", rl.significant === null ? "n/a" : rl.significant ? "Yes" : "No"],
    ["Assessment", assessment(rl)],
    [
      "Basis",
      rl.basis === "two-year-pooled"
        ? `Two years pooled (${rl.years.join(", ")})`
        : `One year (${rl.years.join(", ")})`,
    ],
    ["Method", rl.method],
  ];
  for (const [k, v] of facts) {
    const row = s.row([k, v]);
    row.getCell(1).font = { bold: true };
  }
  s.widths([32, 14, 14, 12]);
  s.ws.getColumn(2).alignment = { wrapText: false };
}

function surveySheet(wb: ExcelJS.Workbook, results: [string, SurveyResult][], threshold: number): void {
  const s = new Sheet(wb.addWorksheet("5-8 Staff survey"), threshold);
  s.title("Indicators 5 to 8: NHS Staff Survey");
  s.blank();
  s.header([
    "Indicator",
    "Year",
    "White %",
    "BME %",
    "Gap (BME minus White, pp)",
    "White respondents",
    "BME respondents",
    "Better when",
  ]);
  for (const [id, r] of results) {
    s.row([
      indicatorTitle(id),
      r.year,
      s.field(r, "whitePct", PCT, r.suppressed),
      s.field(r, "bmePct", PCT, r.suppressed),
      s.field(r, "gap", POINTS, r.suppressed),
      s.field(r, "whiteRespondents", COUNT, r.suppressed),
      s.field(r, "bmeRespondents", COUNT, r.suppressed),
      r.direction === "lower" ? "lower" : "higher",
    ]);
  }
  s.widths([60, 8, 10, 10, 14, 12, 12, 12]);
  s.ws.getColumn(1).alignment = { wrapText: true, vertical: "top" };
}

function boardSheet(wb: ExcelJS.Workbook, board: BoardResult, threshold: number): void {
  const s = new Sheet(wb.addWorksheet("9 Board"), threshold);
  s.title(indicatorTitle("9"));
  s.blank();
  s.header(["Membership", "Board BME %", "Workforce BME %", "Difference (pp)", "White", "BME", "Unknown", "Total"]);
  for (const kind of ["voting", "executive"] as const) {
    const d = board[kind];
    s.row([
      kind === "voting" ? "Voting" : "Executive",
      s.field(d, "boardBmePct", PCT, d.suppressed),
      s.field(d, "workforceBmePct", PCT, d.suppressed),
      s.field(d, "difference", POINTS, d.suppressed),
      s.field(d.members, "white", COUNT),
      s.field(d.members, "bme", COUNT),
      s.field(d.members, "unknown", COUNT),
      s.field(d.members, "total", COUNT),
    ]);
  }
  if (board.voting.cautions?.includes("small-numbers") || board.executive.cautions?.includes("small-numbers")) {
    s.blank();
    s.row([
      "Some member counts are small and hidden; a board percentage (and its difference) is hidden where it would give a hidden count back.",
    ]);
  }
  s.widths([16, 14, 16, 16, 10, 10, 10, 10]);
}

function relatedSheets(wb: ExcelJS.Workbook, doc: ResultsDocument, threshold: number): void {
  const me = doc.related.modelEmployer;
  if (me) {
    const s = new Sheet(wb.addWorksheet("Model Employer"), threshold);
    s.title(`Related measure: Model Employer (BME representation from band 8a up, target ${me.targetYear})`);
    s.blank();
    s.header(["Band", "Headcount", "BME", "BME %", "Target %", "Gap (pp)", "BME staff needed", "Needed per year"]);
    for (const b of me.bands) {
      const rec = b as unknown as Record<string, unknown>;
      s.row([
        bandLabel(b.band),
        s.field(rec, "headcount", COUNT, b.suppressed),
        s.field(rec, "focus", COUNT, b.suppressed),
        s.field(rec, "focusPct", PCT, b.suppressed),
        s.field(rec, "targetPct", PCT, b.suppressed),
        s.field(rec, "gapPct", POINTS, b.suppressed),
        s.field(rec, "needed", COUNT, b.suppressed),
        s.field(rec, "neededPerYear", "0.0", b.suppressed),
      ]);
    }
    s.widths([12, 12, 10, 10, 10, 10, 16, 16]);
  }
  const rd = doc.related.raceDisparity;
  if (rd) {
    const s = new Sheet(wb.addWorksheet("Race disparity"), threshold);
    s.title("Related measure: race disparity ratios (derived from trust reports)");
    s.row([
      `Tiers: lower ${rd.tiers.lower.join(", ")}; middle ${rd.tiers.middle.join(", ")}; upper ${rd.tiers.upper.join(", ")}`,
    ]);
    s.blank();
    s.header(["From", "To", "Ratio", "Note"]);
    for (const r of rd.ratios) {
      s.row([
        r.from,
        r.to,
        { value: r.value, format: RATIO },
        r.value === null ? reasonText(r.reason, null, false) : null,
      ]);
    }
    s.widths([12, 12, 10, 48]);
  }
}

function dataQualitySheet(wb: ExcelJS.Workbook, doc: ResultsDocument, threshold: number): void {
  const q = doc.dataQuality;
  const s = new Sheet(wb.addWorksheet("Data quality"), threshold);
  s.title("Data quality: unknown ethnicity and excluded rows");
  s.row([`Caution above ${q.thresholds.caution}% unknown; unreliable above ${q.thresholds.unreliable}%.`]);
  s.blank();
  s.header(["Input", "Records", "Unknown ethnicity", "Unknown %", "Level"]);
  for (const [name, c] of Object.entries(q.inputs)) {
    if (!c) continue;
    const rec = c as unknown as Record<string, unknown>;
    s.row([
      name,
      s.field(rec, "records", COUNT, c.suppressed),
      s.field(rec, "unknown", COUNT, c.suppressed),
      s.field(rec, "unknownPct", PCT, c.suppressed),
      c.level,
    ]);
  }
  s.blank();
  s.header(["File", "Sheet", "Recognised as", "Rows read", "Rows used", "Rows excluded", "Unknown ethnicity %"]);
  for (const sh of q.sheets) {
    const rows = (n: number | null): Shown => (n === null ? s.mark() : { value: n, format: COUNT });
    s.row([
      sh.file,
      sh.sheet,
      sh.kind ?? "not recognised",
      rows(sh.rowsRead),
      rows(sh.rowsUsed),
      rows(sh.rowsExcluded),
      { value: sh.unknownEthnicityPct, format: PCT },
    ]);
  }
  if (Object.keys(q.exclusions).length) {
    s.blank();
    s.header(["Rows excluded because", "Rows"]);
    for (const [reason, n] of Object.entries(q.exclusions)) s.row([reason, n]);
  }
  s.widths([36, 24, 16, 12, 12, 14, 18]);
}

/** The results as .xlsx bytes. Suppression is applied unless the document is already a suppressed copy. */
export async function resultsWorkbook(doc: ResultsDocument, options: ResultsWorkbookOptions = {}): Promise<Uint8Array> {
  const published = doc.suppression ? doc : suppressResults(doc, options.threshold);
  const threshold = published.suppression?.threshold ?? options.threshold ?? 10;
  const wb = new ExcelJS.Workbook();
  wb.creator = "WRES Action Plans";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  summarySheet(wb, published, threshold);
  const surveys: [string, SurveyResult][] = [];
  let board: BoardResult | null = null;
  for (const [id, result] of Object.entries(published.indicators)) {
    if (!result) continue;
    if (result.kind === "representation") representationSheet(wb, result, threshold);
    else if (result.kind === "relative-likelihood") likelihoodSheet(wb, id, result, threshold);
    else if (result.kind === "survey") surveys.push([id, result]);
    else board = result;
  }
  // The four survey indicators share one sheet, after 1-4 and before the board.
  if (surveys.length) surveySheet(wb, surveys, threshold);
  if (board) boardSheet(wb, board, threshold);
  relatedSheets(wb, published, threshold);
  breakdownSheets(wb, published);
  dataQualitySheet(wb, published, threshold);
  // The bank-only workforce: sheets of their own, named "Bank ...", after the substantive ones.
  for (const [id, result] of Object.entries(published.bank?.indicators ?? {})) {
    if (result?.kind === "representation") representationSheet(wb, result, threshold, BANK);
    else if (result?.kind === "relative-likelihood") likelihoodSheet(wb, id, result, threshold, BANK);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
