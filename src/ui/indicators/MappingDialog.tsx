// Map the columns of a sheet the reader did not recognise: choose what the sheet is, pick a column for
// each field (the sheet's first rows shown as a preview), and the mapping is remembered for next year.
import { useMemo, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { SheetKind } from "../../indicators";
import type { ColumnMapping } from "../../workbook";
import { fieldsOf, likelyKind, MAPPABLE_KINDS, missingRequired, suggestMapping } from "./mapping";
import type { UnrecognisedSheet } from "./protocol";

const useStyles = makeStyles({
  surface: { maxWidth: "min(960px, 95vw)" },
  content: { display: "grid", gap: tokens.spacingVerticalM },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))",
    gap: tokens.spacingVerticalS,
  },
  preview: { overflowX: "auto" },
});

export function MappingDialog(props: {
  sheet: UnrecognisedSheet;
  onSave(mapping: ColumnMapping): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headers = props.sheet.headers;
  const [kind, setKind] = useState<SheetKind>(() => likelyKind(headers));
  const [columns, setColumns] = useState<Record<string, string>>(() => suggestMapping(likelyKind(headers), headers));
  const fields = useMemo(() => fieldsOf(kind), [kind]);
  const missing = missingRequired(kind, columns);
  const choices = headers.map((h, i) => ({ header: h, index: i })).filter((c) => c.header.trim() !== "");

  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : props.onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t("indicators.mapping.title", { sheet: props.sheet.sheet ?? props.sheet.file })}</DialogTitle>
          <DialogContent className={styles.content}>
            <div>{t("indicators.mapping.intro", { file: props.sheet.file, row: props.sheet.headerRow })}</div>
            <Field label={t("indicators.mapping.kind")}>
              <Select
                value={kind}
                onChange={(_, d) => {
                  const next = d.value as SheetKind;
                  setKind(next);
                  setColumns(suggestMapping(next, headers));
                }}
              >
                {MAPPABLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`indicators.kind.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className={styles.fields}>
              {fields.map(({ field, required }) => (
                <Field
                  key={field}
                  label={`${t(`indicators.field.${field}`, { defaultValue: field })}${required ? ` (${t("indicators.mapping.needed")})` : ""}`}
                >
                  <Select
                    value={columns[field] ?? ""}
                    onChange={(_, d) => {
                      const next = { ...columns };
                      if (d.value) next[field] = d.value;
                      else delete next[field];
                      setColumns(next);
                    }}
                  >
                    <option value="">{t("indicators.mapping.none")}</option>
                    {choices.map((c) => (
                      <option key={c.index} value={c.header}>
                        {c.header}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
            {missing.length > 0 ? (
              <MessageBar intent="warning">
                <MessageBarBody>
                  {t("indicators.mapping.missing", {
                    fields: missing
                      .map((group) =>
                        group
                          .map((f) => t(`indicators.field.${f}`, { defaultValue: f }))
                          .join(` ${t("indicators.mapping.or")} `),
                      )
                      .join("; "),
                  })}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <div className={styles.preview}>
              <Table size="extra-small" aria-label={t("indicators.mapping.preview")}>
                <TableHeader>
                  <TableRow>
                    {headers.map((h, i) => (
                      <TableHeaderCell key={i}>{h}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {props.sheet.preview.map((row, r) => (
                    <TableRow key={r}>
                      {row.map((v, c) => (
                        <TableCell key={c}>{v}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={missing.length > 0} onClick={() => props.onSave({ kind, columns })}>
              {t("indicators.mapping.save")}
            </Button>
            <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
