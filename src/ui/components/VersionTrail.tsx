// The action's audit trail: SharePoint's version history of the action item (who saved each
// version, when, and which fields it changed). Loaded only when asked for, so opening the panel
// costs no extra request.
import { useEffect, useState } from "react";
import { Button, Skeleton, SkeletonItem, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { auditTrail, type AuditEntry, type AuditField, type AuditValue, type Objective, type Rag } from "../../plan";
import { formatDate, formatDateTime } from "../../i18n";
import { usePlanContext } from "../state/PlanContext";
import { ErrorMessage } from "./ErrorMessage";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, justifyItems: "start" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  entry: {
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke2,
    paddingInlineStart: tokens.spacingHorizontalM,
    display: "grid",
    gap: tokens.spacingVerticalXXS,
  },
  meta: { color: tokens.colorNeutralForeground2 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  changes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "grid",
    gap: tokens.spacingVerticalXXS,
  },
  change: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

const FIELD_LABEL: Record<AuditField, string> = {
  title: "field.title",
  objectiveId: "field.objective",
  number: "field.number",
  leads: "field.leads",
  leadText: "field.leadText",
  dueDate: "field.dueDate",
  milestones: "field.milestones",
  progress: "field.progress",
  kpis: "field.kpis",
  outcomes: "field.outcomes",
  indicators: "field.indicators",
  rag: "field.rag",
};

export default function VersionTrail(props: { actionId: number; version: string; objectives: readonly Objective[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, locale } = usePlanContext();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<
    { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; entries: AuditEntry[] }
  >({ status: "loading" });

  useEffect(() => {
    if (!open) return;
    let live = true;
    setState({ status: "loading" });
    store.actionVersions(props.actionId).then(
      (versions) => live && setState({ status: "ready", entries: auditTrail(versions) }),
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [open, store, props.actionId, props.version, attempt]);

  function show(field: AuditField, value: AuditValue): string {
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return t("common.notSet");
    if (field === "dueDate" && typeof value === "string") return formatDate(value, locale);
    if (field === "rag" && typeof value === "string") return t(`rag.${value as Rag}`);
    if (field === "indicators" && Array.isArray(value)) return value.map((n) => t("indicator.short", { n })).join(", ");
    if (field === "objectiveId" && typeof value === "number") {
      const objective = props.objectives.find((o) => o.id === value);
      return objective ? t("objective.numbered", { number: objective.number, title: objective.title }) : `#${value}`;
    }
    return Array.isArray(value) ? value.join(", ") : String(value);
  }

  return (
    <div className={styles.root}>
      <Text as="p" size={200} className={styles.intro}>
        {t("versionTrail.intro")}
      </Text>
      <Button
        appearance="secondary"
        aria-expanded={open}
        aria-controls={`version-trail-${props.actionId}`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t("versionTrail.hide") : t("versionTrail.show")}
      </Button>
      {open ? (
        <div id={`version-trail-${props.actionId}`}>
          {state.status === "loading" ? (
            <Skeleton aria-label={t("versionTrail.loading")}>
              <SkeletonItem size={16} />
            </Skeleton>
          ) : state.status === "error" ? (
            <ErrorMessage error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
          ) : (
            <ol className={styles.list} aria-label={t("versionTrail.heading")}>
              {state.entries.map((entry) => (
                <li key={entry.label} className={styles.entry}>
                  <Text size={200} className={styles.meta}>
                    {t("versionTrail.entry", {
                      label: entry.label,
                      who: entry.editor?.title || t("versionTrail.someone"),
                      when: formatDateTime(entry.saved, locale),
                    })}
                  </Text>
                  {entry.created ? (
                    <Text>{t("versionTrail.created")}</Text>
                  ) : entry.changes.length === 0 ? (
                    <Text>{t("versionTrail.noChange")}</Text>
                  ) : (
                    <ul className={styles.changes}>
                      {entry.changes.map((c) => (
                        <li key={c.field} className={styles.change}>
                          {t("versionTrail.change", {
                            field: t(FIELD_LABEL[c.field]),
                            before: show(c.field, c.before),
                            after: show(c.field, c.after),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </div>
  );
}
