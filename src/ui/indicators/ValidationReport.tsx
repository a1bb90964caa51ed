// What was read, from where; rows excluded and why; data completeness; warnings in plain words.
import { Badge, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ResultsDocument } from "../../indicators";
import type { ReadIssue, SheetSummary } from "../../workbook";
import { exclusionLines } from "./view";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalM },
  number: { textAlign: "end", "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" } },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "grid", gap: tokens.spacingVerticalXS },
});

/** Plain words for an issue: the translated code when we have one, else the reader's own (English) message. */
export function issueText(t: (key: string, options?: Record<string, unknown>) => string, issue: ReadIssue): string {
  const key = `indicators.issue.${issue.code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`;
  const text = t(key, { ...issue.params, file: issue.file, sheet: issue.sheet ?? "", row: issue.row ?? "", column: issue.column ?? "", header: issue.header ?? "" });
  return text === key ? issue.message : text;
}

function where(t: (key: string, options?: Record<string, unknown>) => string, issue: ReadIssue): string {
  const parts = [issue.file];
  if (issue.sheet) parts.push(t("indicators.report.sheetNamed", { sheet: issue.sheet }));
  if (issue.row !== null) parts.push(t("indicators.report.rowNumber", { row: issue.row }));
  if (issue.column) parts.push(t("indicators.report.columnNamed", { column: issue.column, header: issue.header ?? "" }));
  return parts.join(", ");
}

export function ValidationReport(props: { sheets: SheetSummary[]; issues: ReadIssue[]; results: ResultsDocument }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errors = props.issues.filter((i) => i.severity === "error");
  const warnings = props.issues.filter((i) => i.severity === "warning");
  const exclusions = exclusionLines(props.sheets);
  const inputs = Object.entries(props.results.dataQuality.inputs);

  return (
    <section className={styles.section} aria-labelledby="wres-report-heading">
      <h2 id="wres-report-heading">{t("indicators.report.title")}</h2>
      {errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <ul className={styles.list}>
              {errors.map((issue, i) => (
                <li key={i}>
                  <strong>{where(t, issue)}</strong>: {issueText(t, issue)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <h3>{t("indicators.report.read")}</h3>
      <Table size="small" aria-label={t("indicators.report.read")}>
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
              <TableCell className={styles.number}>{s.headerRow ?? "–"}</TableCell>
              <TableCell className={styles.number}>{s.rowsRead.toLocaleString()}</TableCell>
              <TableCell className={styles.number}>{s.rowsUsed.toLocaleString()}</TableCell>
              <TableCell className={styles.number}>{s.rowsExcluded.toLocaleString()}</TableCell>
              <TableCell className={styles.number}>{s.unknownEthnicityPct === null ? "–" : `${s.unknownEthnicityPct.toFixed(1)}%`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <h3>{t("indicators.report.exclusions")}</h3>
      {exclusions.length === 0 ? (
        <Text>{t("indicators.report.noExclusions")}</Text>
      ) : (
        <Table size="small" aria-label={t("indicators.report.exclusions")}>
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
                <TableCell>{t(`indicators.exclusion.${line.reason.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`, { defaultValue: line.reason })}</TableCell>
                <TableCell className={styles.number}>{line.rows.toLocaleString()}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <h3>{t("indicators.report.completeness")}</h3>
      <Table size="small" aria-label={t("indicators.report.completeness")}>
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
                <TableCell className={styles.number}>{q.records.toLocaleString()}</TableCell>
                <TableCell className={styles.number}>{q.unknownPct === null ? "–" : `${q.unknownPct.toFixed(1)}%`}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={q.level === "ok" ? "success" : q.level === "caution" ? "warning" : "danger"}>
                    {t(`indicators.level.${q.level}`)}
                  </Badge>
                </TableCell>
              </TableRow>
            ) : null,
          )}
        </TableBody>
      </Table>

      <h3>{t("indicators.report.warnings")}</h3>
      {warnings.length === 0 ? (
        <Text>{t("indicators.report.noWarnings")}</Text>
      ) : (
        <ul className={styles.list}>
          {warnings.map((issue, i) => (
            <li key={i}>
              <strong>{where(t, issue)}</strong>: {issueText(t, issue)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
