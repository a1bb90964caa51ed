// Someone else saved the item since it was opened: both versions side by side, field by field.
// The user keeps theirs, takes the other, or picks per field; nothing is overwritten silently.
import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import {
  conflictRows,
  keepMinePatch,
  mergedPatch,
  type Choice,
  type ConflictField,
  type ConflictRow,
} from "../state/conflict";
import { useNarrow } from "../state/useNarrow";
import { formatDateTime } from "../../i18n";

const useStyles = makeStyles({
  surface: { maxWidth: "min(960px, 100vw - 16px)", width: "100%" },
  same: { color: tokens.colorNeutralForeground3 },
  changed: { fontWeight: tokens.fontWeightSemibold },
  value: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  scroll: { overflowX: "auto" },
  actions: { flexWrap: "wrap" },
  stack: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fieldName: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  versionLabel: { color: tokens.colorNeutralForeground2 },
  kept: { color: tokens.colorNeutralForeground2 },
});

export interface ConflictViewProps<T> {
  /** What was changed, for the title and the explanation. Default: an action. */
  subject?: "action" | "objective";
  fields: ConflictField<T>[];
  mine: T;
  theirs: T;
  /** The version the user started from, to pre-select "mine" only where they changed something. */
  base?: T;
  /** Who saved the current version and when (SharePoint's Modified By and Modified), to name them. */
  lastSaved?: { by: string | null; at: string | null };
  /** The fields this save can write (a progress update: RAG and progress); others are kept as current. Default: all. */
  savable?: readonly (keyof T & string)[];
  saving?: boolean;
  onKeepMine(values: Partial<T>): void;
  onTakeTheirs(): void;
  onMerge(values: Partial<T>): void;
  onCancel(): void;
}

/** "Amara Okafor saved this action at 4 Dec 2026, 15:02, after you opened it", or as much of it as is known. */
function savedFirst(
  subject: "action" | "objective",
  lastSaved: ConflictViewProps<unknown>["lastSaved"],
  locale: string,
  t: (key: string, params?: Record<string, string>) => string,
): string | null {
  const by = lastSaved?.by?.trim() || null;
  const at = lastSaved?.at ? formatDateTime(lastSaved.at, locale) : null;
  if (!by && !at) return null;
  const key = by && at ? "byAt" : by ? "by" : "at";
  return t(`conflictBy.${subject}_${key}`, { name: by ?? "", when: at ?? "" });
}

export function ConflictView<T extends object>(props: ConflictViewProps<T>) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  // Fields that differ first: they are the ones to decide.
  const rows = conflictRows(props.fields, props.mine, props.theirs, props.base, props.savable).sort(
    (a, b) => Number(b.differs) - Number(a.differs),
  );
  // Choices start from the suggestions of this conflict; callers key the view per conflict so a
  // second conflict never inherits the first one's choices.
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(rows.filter((r) => r.differs && r.choosable).map((r) => [r.key, r.suggested])),
  );
  const differing = rows.filter((r) => r.differs);
  const narrow = useNarrow();
  const subject = props.subject ?? "action";
  const saved = savedFirst(subject, props.lastSaved, i18n.language, t);
  const savedBy = props.lastSaved?.by?.trim() || null;
  const choiceFor = (row: ConflictRow) =>
    row.choosable ? (
      <RadioGroup
        aria-label={t("conflict.choiceFor", { field: t(row.label) })}
        value={choices[row.key]}
        onChange={(_, data) => setChoices({ ...choices, [row.key]: data.value as Choice })}
      >
        <Radio value="mine" label={row.mineChanged ? t("conflict.useMine") : t("conflictBy.useOpened")} />
        <Radio value="theirs" label={t("conflict.useTheirs")} />
      </RadioGroup>
    ) : (
      // This save cannot write the field: say the other person's value stays, rather than offer a choice it would ignore.
      <Text className={styles.kept}>{t("conflict.keptCurrent")}</Text>
    );
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : props.onCancel())}>
      <DialogSurface className={styles.surface} aria-describedby="conflict-intro">
        <DialogBody>
          <DialogTitle>
            {savedBy
              ? t(`conflictBy.title_${subject}`, { name: savedBy })
              : subject === "objective"
                ? t("conflict.titleObjective")
                : t("conflict.title")}
          </DialogTitle>
          <DialogContent>
            <Text id="conflict-intro" as="p">
              {saved ? (
                <>
                  <strong data-testid="conflict-saved-by">{saved}</strong>{" "}
                </>
              ) : null}
              {t(props.subject === "objective" ? "conflict.introObjective" : "conflict.intro", { n: differing.length })}
            </Text>
            {narrow ? (
              // The side panel has no room for four columns: one block per field that differs.
              <>
                <ul className={styles.stack} aria-label={t("conflict.tableLabel")}>
                  {differing.map((row) => (
                    <li key={row.key} className={styles.card} data-field={row.key}>
                      <h3 className={styles.fieldName}>{t(row.label)}</h3>
                      <Text size={200} className={styles.versionLabel}>
                        {row.mineChanged ? t("conflict.mine") : t("conflictBy.asOpened")}
                      </Text>
                      <Text className={styles.value}>{row.mineText || t("common.empty")}</Text>
                      <Text size={200} className={styles.versionLabel}>
                        {t("conflict.theirs")}
                      </Text>
                      <Text className={styles.value}>{row.theirsText || t("common.empty")}</Text>
                      {choiceFor(row)}
                    </li>
                  ))}
                </ul>
                <Text size={200} className={styles.same}>
                  {t("conflict.sameFields", {
                    fields: rows
                      .filter((r) => !r.differs)
                      .map((r) => t(r.label))
                      .join(", "),
                  })}
                </Text>
              </>
            ) : (
              <div className={styles.scroll}>
                <Table aria-label={t("conflict.tableLabel")} size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t("conflict.field")}</TableHeaderCell>
                      <TableHeaderCell>{t("conflictBy.mineColumn")}</TableHeaderCell>
                      <TableHeaderCell>{t("conflict.theirs")}</TableHeaderCell>
                      <TableHeaderCell>{t("conflict.choice")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {rows.map((row) => (
                      <TableRow key={row.key} data-field={row.key}>
                        <TableCell className={row.differs ? styles.changed : styles.same}>{t(row.label)}</TableCell>
                        <TableCell className={styles.value}>
                          {row.differs ? (
                            // Only a field the user changed is "Your version"; the others are as they opened them.
                            <Text size={200} block className={styles.versionLabel}>
                              {row.mineChanged ? t("conflict.mine") : t("conflictBy.asOpened")}
                            </Text>
                          ) : null}
                          {row.mineText || t("common.empty")}
                        </TableCell>
                        <TableCell className={styles.value}>{row.theirsText || t("common.empty")}</TableCell>
                        <TableCell>
                          {row.differs ? choiceFor(row) : <Text className={styles.same}>{t("conflict.same")}</Text>}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button
              appearance="primary"
              disabled={props.saving}
              onClick={() => props.onMerge(mergedPatch(props.mine, props.theirs, props.base, choices, props.savable))}
            >
              {t("conflict.merge")}
            </Button>
            <Button
              disabled={props.saving}
              onClick={() => props.onKeepMine(keepMinePatch(props.mine, props.theirs, props.savable))}
            >
              {t("conflict.keepMine")}
            </Button>
            <Button disabled={props.saving} onClick={props.onTakeTheirs}>
              {t("conflict.takeTheirs")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
