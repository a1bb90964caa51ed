// The workbooks in the organisation's "WRES Data" library: pick one or several for a run, upload new ones.
import { useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  ProgressBar,
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
import { ArrowUploadRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { DataFile } from "../../plan";
import { formatDateTime, type AppLocale } from "../../i18n";
import { formatBytes } from "./view";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  hidden: { display: "none" },
  number: numberColumn,
});

export function WorkbookPicker(props: {
  files: DataFile[];
  selected: Set<string>;
  onSelect(selected: Set<string>): void;
  canUpload: boolean;
  onUpload(file: File, onProgress: (fraction: number) => void): Promise<void>;
  locale: AppLocale;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ name: string; fraction: number } | null>(null);
  const allSelected = props.files.length > 0 && props.files.every((f) => props.selected.has(f.serverRelativeUrl));

  function toggle(url: string, on: boolean) {
    const next = new Set(props.selected);
    if (on) next.add(url);
    else next.delete(url);
    props.onSelect(next);
  }

  async function chosen(list: FileList | null) {
    for (const file of Array.from(list ?? [])) {
      setUpload({ name: file.name, fraction: 0 });
      try {
        await props.onUpload(file, (fraction) => setUpload({ name: file.name, fraction }));
      } finally {
        setUpload(null);
      }
    }
    if (input.current) input.current.value = "";
  }

  return (
    <section aria-labelledby="wres-workbooks-heading">
      <h2 id="wres-workbooks-heading">{t("indicators.workbooks.title")}</h2>
      <div className={styles.bar}>
        {props.canUpload ? (
          <>
            <input
              ref={input}
              className={styles.hidden}
              type="file"
              accept=".xlsx,.csv"
              multiple
              aria-label={t("indicators.workbooks.upload")}
              data-testid="wres-upload-input"
              onChange={(e) => void chosen(e.currentTarget.files)}
            />
            <Button
              icon={<ArrowUploadRegular />}
              disabled={props.disabled || upload !== null}
              onClick={() => input.current?.click()}
            >
              {t("indicators.workbooks.upload")}
            </Button>
          </>
        ) : null}
        {upload ? (
          <Field label={t("indicators.workbooks.uploading", { name: upload.name })} validationState="none">
            <ProgressBar value={upload.fraction} max={1} />
          </Field>
        ) : null}
      </div>
      {props.files.length === 0 ? (
        <Text>{t("indicators.workbooks.empty")}</Text>
      ) : (
        <WideTable aria-label={t("indicators.workbooks.title")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>
                <Checkbox
                  aria-label={t("indicators.workbooks.selectAll")}
                  checked={allSelected ? true : props.selected.size > 0 ? "mixed" : false}
                  disabled={props.disabled}
                  onChange={(_, d) =>
                    props.onSelect(
                      d.checked === true ? new Set(props.files.map((f) => f.serverRelativeUrl)) : new Set(),
                    )
                  }
                />
              </TableHeaderCell>
              <TableHeaderCell>{t("indicators.workbooks.name")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("indicators.workbooks.size")}</TableHeaderCell>
              <TableHeaderCell>{t("indicators.workbooks.modified")}</TableHeaderCell>
              <TableHeaderCell>{t("indicators.workbooks.modifiedBy")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.files.map((file) => (
              <TableRow key={file.serverRelativeUrl}>
                <TableCell>
                  <Checkbox
                    aria-label={t("indicators.workbooks.select", { name: file.name })}
                    checked={props.selected.has(file.serverRelativeUrl)}
                    disabled={props.disabled}
                    onChange={(_, d) => toggle(file.serverRelativeUrl, d.checked === true)}
                  />
                </TableCell>
                <TableCell>{file.name}</TableCell>
                <TableCell className={styles.number}>{formatBytes(file.size, props.locale)}</TableCell>
                <TableCell>{formatDateTime(file.modified, props.locale)}</TableCell>
                <TableCell>{file.modifiedBy ?? "–"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      )}
    </section>
  );
}
