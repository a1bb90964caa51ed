// What was read, from where; rows excluded and why; data completeness; warnings in plain words.
import {
  Badge,
  MessageBar,
  MessageBarBody,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { numberColumn } from "./number-column";
import { WideTable } from "../components/WideTable";
import { useTranslation } from "react-i18next";
import { formatNumber, type AppLocale } from "../../i18n";
import { HIDDEN_MARK, type ResultsDocument } from "../../indicators";
import type { ReadIssue, SheetSummary } from "../../indicators";
import { exclusionLines } from "./view";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalM },
  number: numberColumn,
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "grid", gap: tokens.spacingVerticalXS },
});

type T = (key: string, options?: Record<string, unknown>) => string;

const camel = (code: string) => code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function percentText(value: number | null, locale: AppLocale): string {
  return value === null
    ? "–"
    : `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`;
}

function rowsPhrase(t: T, count: number, locale: AppLocale): string {
  return t("indicators.issue.rows", { count, n: formatNumber(count, locale) });
}

/**
 * Plain words for an issue, in the tab's language: every code the workbook reader produces has its own
 * text (the test for this file checks them against src/workbook). Numbers are formatted for the locale.
 * A code without one (a newer reader) falls back to the reader's own English message.
 */
export function issueText(t: T, issue: ReadIssue, locale: AppLocale): string {
  const params = issue.params ?? {};
  const num = (key: string) => (typeof params[key] === "number" ? (params[key] as number) : null);
  const more = num("more");
  if (more !== null && issue.row === null) {
    // The reader's "and N more rows like this" line, for any row-level code over its cap.
    return t("indicators.issue.more", {
      rows: rowsPhrase(t, more, locale),
      shown: formatNumber((num("total") ?? more) - more, locale),
    });
  }
  const key = `indicators.issue.${camel(issue.code)}`;
  const count = num("count");
  const limit = num("limitBytes");
  const maxRows = num("maxRows");
  const text = t(key, {
    ...params,
    file: issue.file,
    sheet: issue.sheet ?? "",
    row: issue.row === null ? "" : formatNumber(issue.row, locale),
    column: issue.column ?? "",
    header: issue.header ?? "",
    ...(count !== null ? { rows: rowsPhrase(t, count, locale) } : {}),
    ...(limit !== null ? { limit: `${formatNumber(Math.round(limit / 1e6), locale)} MB` } : {}),
    ...(maxRows !== null ? { maxRows: formatNumber(maxRows, locale) } : {}),
  });
  return text === key ? issue.message : text;
}

/** Where an issue is: file, sheet, row, column (with its header when it has one). */
export function issueWhere(t: T, issue: ReadIssue, locale: AppLocale): string {
  const parts = [issue.file];
  if (issue.sheet) parts.push(t("indicators.report.sheetNamed", { sheet: issue.sheet }));
  if (issue.row !== null) parts.push(t("indicators.report.rowNumber", { row: formatNumber(issue.row, locale) }));
  if (issue.column)
    parts.push(
      issue.header
        ? t("indicators.report.columnNamed", { column: issue.column, header: issue.header })
        : t("indicators.report.columnLetter", { column: issue.column }),
    );
  return parts.join(", ");
}

/** "file, sheet "S", row 12, column C (Header): what is wrong", for banners that show one issue. */
export function issueLine(t: T, issue: ReadIssue, locale: AppLocale): string {
  return `${issueWhere(t, issue, locale)}: ${issueText(t, issue, locale)}`;
}

export function ValidationReport(props: {
  sheets: SheetSummary[];
  issues: ReadIssue[];
  results: ResultsDocument;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errors = props.issues.filter((i) => i.severity === "error");
  const warnings = props.issues.filter((i) => i.severity === "warning");
  const exclusions = exclusionLines(props.sheets);
  const inputs = Object.entries(props.results.dataQuality.inputs);
  const locale = props.locale;
  const n = (value: number) => formatNumber(value, locale);

  return (
    <section className={styles.section} aria-labelledby="wres-report-heading">
      <h2 id="wres-report-heading">{t("indicators.report.title")}</h2>
      {errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <ul className={styles.list}>
              {errors.map((issue, i) => (
                <li key={i}>
                  <strong>{issueWhere(t, issue, locale)}</strong>: {issueText(t, issue, locale)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <h3>{t("indicators.report.read")}</h3>
      <WideTable size="small" aria-label={t("indicators.report.read")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("indicators.report.file")}</TableHeaderCell>
            <TableHeaderCell>{t("indicators.report.sheet")}</TableHeaderCell>
            <TableHeaderCell>{t("indicators.report.kind")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.report.headerRow")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.report.rowsRead")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.report.rowsUsed")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.report.rowsExcluded")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.report.unknownPct")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.sheets.map((s, i) => (
            <TableRow key={i}>
              <TableCell>{s.file}</TableCell>
              <TableCell>{s.sheet ?? "–"}</TableCell>
              <TableCell>{s.kind ? t(`indicators.kind.${s.kind}`) : t("indicators.kind.unrecognised")}</TableCell>
              <TableCell className={styles.number}>{s.headerRow === null ? "–" : n(s.headerRow)}</TableCell>
              <TableCell className={styles.number}>{n(s.rowsRead)}</TableCell>
              <TableCell className={styles.number}>{n(s.rowsUsed)}</TableCell>
              <TableCell className={styles.number}>{n(s.rowsExcluded)}</TableCell>
              <TableCell className={styles.number}>{percentText(s.unknownEthnicityPct, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </WideTable>

      <h3>{t("indicators.report.exclusions")}</h3>
      {exclusions.length === 0 ? (
        <Text>{t("indicators.report.noExclusions")}</Text>
      ) : (
        <WideTable size="small" aria-label={t("indicators.report.exclusions")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("indicators.report.file")}</TableHeaderCell>
              <TableHeaderCell>{t("indicators.report.sheet")}</TableHeaderCell>
              <TableHeaderCell>{t("indicators.report.reason")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("indicators.report.rows")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {exclusions.map((line, i) => (
              <TableRow key={i}>
                <TableCell>{line.file}</TableCell>
                <TableCell>{line.sheet ?? "–"}</TableCell>
                <TableCell>{t(`indicators.exclusion.${camel(line.reason)}`, { defaultValue: line.reason })}</TableCell>
                <TableCell className={styles.number}>{n(line.rows)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      )}

      <h3>{t("indicators.report.completeness")}</h3>
      <WideTable size="small" aria-label={t("indicators.report.completeness")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("indicators.report.input")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.report.records")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("indicators.report.unknownPct")}</TableHeaderCell>
            <TableHeaderCell>{t("indicators.report.level")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {inputs.map(([name, q]) =>
            q ? (
              <TableRow key={name}>
                <TableCell>{t(`indicators.input.${name}`)}</TableCell>
                <TableCell className={styles.number}>{q.records === null ? HIDDEN_MARK : n(q.records)}</TableCell>
                <TableCell className={styles.number}>{percentText(q.unknownPct, locale)}</TableCell>
                <TableCell>
                  <Badge
                    appearance="tint"
                    color={q.level === "ok" ? "success" : q.level === "caution" ? "warning" : "danger"}
                  >
                    {t(`indicators.level.${q.level}`)}
                  </Badge>
                </TableCell>
              </TableRow>
            ) : null,
          )}
        </TableBody>
      </WideTable>

      <h3>{t("indicators.report.warnings")}</h3>
      {warnings.length === 0 ? (
        <Text>{t("indicators.report.noWarnings")}</Text>
      ) : (
        <ul className={styles.list}>
          {warnings.map((issue, i) => (
            <li key={i}>
              <strong>{issueWhere(t, issue, locale)}</strong>: {issueText(t, issue, locale)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
