// Targets and comparison figures as a list everyone can read (each with its source), and for plan
// editors the buttons that add, change and remove them (a dialog; removing asks first). Readers see
// no editing control. A change refused because someone changed the figure first is said, and the list
// shows the figures as they are now.
import { useMemo, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
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
import { AddRegular, DeleteRegular, EditRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { IndicatorFigure, IndicatorFigureDraft, IndicatorNumber, IndicatorResultRow } from "../../plan";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { WideTable } from "../components/WideTable";
import { blankFigureInput, figureInputOf, type FigureInput } from "./figure-form";
import { comparatorLabel, figureName } from "./figure-labels";
import { directionKey, FigureDialog } from "./FigureDialog";
import { formatHeadline, STANDARD_ID } from "./headline";
import type { FiguresState } from "./useIndicatorFigures";

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  number: { ...numberColumn, whiteSpace: "nowrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  // Wide enough to read in a narrow tab (the table scrolls sideways there rather than growing tall).
  details: { minWidth: "16em" },
  nowrap: { whiteSpace: "nowrap" },
});

export function FiguresEditor(props: { state: FiguresState; canEdit: boolean; saved: readonly IndicatorResultRow[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { state } = props;
  const [dialog, setDialog] = useState<{ open: boolean; input: FigureInput; editing: IndicatorFigure | null }>({
    open: false,
    input: blankFigureInput("target"),
    editing: null,
  });
  const [removing, setRemoving] = useState<IndicatorFigure | null>(null);
  const [busy, setBusy] = useState(false);
  const savedYears = useMemo(() => {
    const years = new Map<IndicatorNumber, string[]>();
    for (const row of props.saved) {
      if (row.standard !== STANDARD_ID || row.value === null) continue;
      years.set(row.indicator, [...(years.get(row.indicator) ?? []), row.year].sort());
    }
    return years;
  }, [props.saved]);

  async function save(draft: IndicatorFigureDraft) {
    setBusy(true);
    const outcome = await state.save(dialog.editing, draft);
    setBusy(false);
    // A conflict closes the form too: the list now shows their version, to change again if still needed.
    // Any other failure keeps the form and what was typed, with the message in it.
    if (outcome !== "failed") setDialog((d) => ({ ...d, open: false }));
  }

  async function remove(figure: IndicatorFigure) {
    setBusy(true);
    const outcome = await state.remove(figure);
    setBusy(false);
    if (outcome !== "failed") setRemoving(null);
  }

  const details = (f: IndicatorFigure) =>
    f.kind === "target"
      ? t("targets.details.target", {
          baseline: f.baselineYear ?? t("targets.details.earliest"),
          direction: t(directionKey(f.direction ?? "higher")),
        })
      : t("targets.details.comparison", { label: comparatorLabel(t, f), source: f.source ?? "" });

  return (
    <section aria-labelledby="wres-figures-heading" data-testid="wres-figures">
      <h3 id="wres-figures-heading">{t("targets.title")}</h3>
      <Text size={200}>{t("targets.intro")}</Text>
      {state.conflict ? (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>{t("targets.conflict")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.failure && !dialog.open && removing === null ? <ErrorMessage error={state.failure} /> : null}
      {!state.loaded ? (
        <Spinner size="small" label={t("targets.loading")} />
      ) : state.figures.length === 0 ? (
        <Text as="p">{t("targets.none")}</Text>
      ) : (
        <WideTable size="small" aria-label={t("targets.title")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("targets.table.indicator")}</TableHeaderCell>
              <TableHeaderCell>{t("targets.table.kind")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("targets.table.value")}</TableHeaderCell>
              <TableHeaderCell>{t("targets.table.year")}</TableHeaderCell>
              <TableHeaderCell>{t("targets.table.details")}</TableHeaderCell>
              {props.canEdit ? <TableHeaderCell>{t("targets.table.actions")}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.figures.map((f) => (
              <TableRow key={f.id} data-figure={f.kind}>
                <TableCell className={styles.nowrap}>{t(`indicators.short.i${f.indicator}`)}</TableCell>
                <TableCell>{t(`targets.kind.${f.kind}`)}</TableCell>
                <TableCell className={styles.number}>{formatHeadline(f.indicator, f.value)}</TableCell>
                <TableCell className={styles.nowrap}>{f.year}</TableCell>
                <TableCell className={styles.details}>{details(f)}</TableCell>
                {props.canEdit ? (
                  <TableCell>
                    <span className={styles.actions}>
                      <Button
                        size="small"
                        icon={<EditRegular />}
                        aria-label={t("targets.editLabel", { what: figureName(t, f) })}
                        onClick={() => setDialog({ open: true, input: figureInputOf(f), editing: f })}
                      />
                      <Button
                        size="small"
                        icon={<DeleteRegular />}
                        aria-label={t("targets.removeLabel", { what: figureName(t, f) })}
                        onClick={() => setRemoving(f)}
                      />
                    </span>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </WideTable>
      )}
      {props.canEdit ? (
        <>
          <div className={styles.bar}>
            <Button
              icon={<AddRegular />}
              onClick={() => setDialog({ open: true, input: blankFigureInput("target"), editing: null })}
            >
              {t("targets.addTarget")}
            </Button>
            <Button
              icon={<AddRegular />}
              onClick={() => setDialog({ open: true, input: blankFigureInput("comparison"), editing: null })}
            >
              {t("targets.addComparison")}
            </Button>
          </div>
          <FigureDialog
            open={dialog.open}
            initial={dialog.input}
            editing={dialog.editing !== null}
            busy={busy}
            error={dialog.open ? state.failure : null}
            savedYears={savedYears}
            onSave={(draft) => void save(draft)}
            onCancel={() => setDialog((d) => ({ ...d, open: false }))}
          />
          <ConfirmDialog
            open={removing !== null}
            title={t("targets.removeTitle")}
            body={removing ? t("targets.removeBody", { what: figureName(t, removing) }) : ""}
            confirm={t("targets.remove")}
            busy={busy}
            error={removing ? state.failure : null}
            onConfirm={() => removing && void remove(removing)}
            onCancel={() => setRemoving(null)}
          />
        </>
      ) : null}
    </section>
  );
}
