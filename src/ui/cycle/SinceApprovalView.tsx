// Progress against the approved plan: what changed in each action since the committee approved the
// plan, and its RAG then and now. A table in the report and on the stage; a list in the side panel.
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { changedSinceApproval, type ActionSinceApproval, type SinceApproval } from "../../plan/cycle";
import { RagBadge } from "../components/RagBadge";
import { formatDay } from "../meeting/format";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS },
  summary: { margin: 0 },
  table: { width: "100%", borderCollapse: "collapse" },
  th: {
    textAlign: "left",
    padding: "4px 8px",
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    padding: "4px 8px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  list: { margin: 0, padding: 0, listStyle: "none", display: "grid", gap: tokens.spacingVerticalS },
  item: { display: "grid", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  rag: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

function useWhatChanged() {
  const { t, i18n } = useTranslation();
  return (row: ActionSinceApproval): string[] => {
    if (row.status === "added") return [t("cycle.since.added")];
    if (row.status === "removed") return [t("cycle.since.removed")];
    const out: string[] = [];
    if (row.redated) {
      const day = (d: string | null) => (d ? formatDay(d, i18n.language) : t("cycle.since.noDate"));
      out.push(t("cycle.since.redated", { from: day(row.redated.from), to: day(row.redated.to) }));
    }
    if (row.rescoped.length > 0)
      out.push(t("cycle.since.rescoped", { fields: row.rescoped.map((f) => t(`cycle.since.field.${f}`)).join(", ") }));
    if (row.leads)
      out.push(t("cycle.since.leads", { from: row.leads.from.join(", ") || "—", to: row.leads.to.join(", ") || "—" }));
    if (out.length === 0 && row.ragThen !== row.ragNow) out.push(t("cycle.since.ragOnly"));
    return out;
  };
}

function RagThenNow(props: { row: ActionSinceApproval }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <span className={styles.rag}>
      {props.row.ragThen ? (
        <RagBadge rag={props.row.ragThen} />
      ) : (
        <span className={styles.muted}>{t("cycle.since.notThen")}</span>
      )}
      <span aria-label={t("cycle.since.thenNow")}>→</span>
      {props.row.ragNow ? (
        <RagBadge rag={props.row.ragNow} />
      ) : (
        <span className={styles.muted}>{t("cycle.since.notNow")}</span>
      )}
    </span>
  );
}

export function SinceApprovalView(props: {
  since: SinceApproval;
  layout: "table" | "list";
  actionHref?: (id: number) => string;
  headingId?: string;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const whatChanged = useWhatChanged();
  const rows = props.since.actions.filter(changedSinceApproval);
  const s = props.since;
  const title = (row: ActionSinceApproval) => {
    const label = `${row.action.number} ${row.action.title}`;
    return props.actionHref && row.status !== "removed" ? (
      <Link href={props.actionHref(row.action.id)} target="_blank">
        {label}
      </Link>
    ) : (
      label
    );
  };
  return (
    <div className={styles.root} data-testid="since-approval">
      <p className={styles.summary}>
        {t("cycle.since.summary", {
          date: formatDay(s.approvedAt, i18n.language),
          added: s.added,
          removed: s.removed,
          redated: s.redated,
          rescoped: s.rescoped,
          leads: s.leadChanged,
          rag: s.ragMoved,
        })}
      </p>
      {rows.length === 0 ? <p className={styles.muted}>{t("cycle.since.none")}</p> : null}
      {rows.length > 0 && props.layout === "table" ? (
        <table className={styles.table} aria-labelledby={props.headingId}>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {t("cycle.since.action")}
              </th>
              <th scope="col" className={styles.th}>
                {t("cycle.since.what")}
              </th>
              <th scope="col" className={styles.th}>
                {t("cycle.since.thenNow")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.action.id}>
                <td className={styles.td}>{title(row)}</td>
                <td className={styles.td}>{whatChanged(row).join("; ")}</td>
                <td className={styles.td}>
                  <RagThenNow row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.length > 0 && props.layout === "list" ? (
        <ul className={styles.list} aria-labelledby={props.headingId}>
          {rows.map((row) => (
            <li key={row.action.id} className={styles.item}>
              <span>{title(row)}</span>
              <span className={styles.muted}>{whatChanged(row).join("; ")}</span>
              <RagThenNow row={row} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
