// An action's history of updates and comments, newest first (lazy-loaded with the panel's history).
import { useEffect, useState } from "react";
import { Skeleton, SkeletonItem, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ProgressUpdate } from "../../plan";
import { formatDateTime } from "../../i18n";
import { usePlanContext } from "../state/PlanContext";
import { ErrorMessage } from "./ErrorMessage";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  entry: { borderLeftWidth: tokens.strokeWidthThick, borderLeftStyle: "solid", borderLeftColor: tokens.colorNeutralStroke1, paddingInlineStart: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground2 },
  move: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  note: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

export default function History(props: { actionId: number; version: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { store, locale } = usePlanContext();
  const [state, setState] = useState<{ status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; updates: ProgressUpdate[] }>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    store.history(props.actionId).then(
      (updates) => live && setState({ status: "ready", updates: [...updates].sort((a, b) => b.date.localeCompare(a.date)) }),
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [store, props.actionId, props.version, attempt]);

  if (state.status === "loading")
    return (
      <Skeleton aria-label={t("history.loading")}>
        <SkeletonItem size={16} />
        <SkeletonItem size={16} style={{ width: "70%" }} />
      </Skeleton>
    );
  if (state.status === "error") return <ErrorMessage error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (state.updates.length === 0) return <Text>{t("history.empty")}</Text>;
  return (
    <ol className={styles.list} aria-label={t("history.heading")}>
      {state.updates.map((u) => (
        <li key={u.id} className={styles.entry}>
          <Text size={200} className={styles.meta}>
            {t(u.kind === "comment" ? "history.commentBy" : u.kind === "import" ? "history.importBy" : "history.updateBy", { who: u.author?.title ?? t("history.someone"), when: formatDateTime(u.date, locale) })}
          </Text>
          {u.kind === "import" ? <Text data-testid="history-import">{t("history.importedFrom", { file: u.note ?? "" })}</Text> : null}
          {u.kind !== "comment" && u.rag ? (
            <span className={styles.move}>
              {u.previousRag && u.previousRag !== u.rag ? (
                <>
                  <RagBadge rag={u.previousRag} />
                  <span aria-hidden>→</span>
                  <span className="visually-hidden">{t("history.to")}</span>
                </>
              ) : null}
              <RagBadge rag={u.rag} />
            </span>
          ) : null}
          {u.note && u.kind !== "import" ? <Text className={styles.note}>{u.note}</Text> : null}
          {u.kind === "update" && u.progress ? (
            <Text size={200} className={styles.note}>
              {t("history.progressWas", { progress: u.progress })}
            </Text>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
