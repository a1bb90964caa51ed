// The meeting stage, made for a room: large type, the RAG summary, each objective with its status
// and owner, what changed since the last meeting, and the indicators' headline figures with trend.
//
// Follow the presenter, or let each attendee browse? Each attendee browses. The view is shared with
// the Collaborative protocol, so every attendee runs their own copy of this page; keeping copies in
// step would need a real-time channel (Live Share / Fluid relay) that this tab does not have and that
// a SharePoint-only deployment cannot provide. So the stage is one page with no navigation to follow:
// everything the committee discusses is on it, in plan order, and the presenter's choice of "since"
// date travels in the shared address, so the whole room sees the same period. Scrolling is personal.
import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowRightRegular, ArrowUpRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { RAGS } from "../../plan/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { RagBadge } from "../components/RagBadge";
import { ChangesList } from "./ChangesList";
import type { Headline, MeetingState } from "./data";
import { formatDay, formatFigure } from "./format";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    padding: "32px 48px",
    display: "grid",
    gap: "28px",
    fontSize: "22px",
    lineHeight: 1.35,
    color: tokens.colorNeutralForeground1,
    // Status badges readable from the back of the room.
    "& .fui-Badge": { fontSize: "18px", lineHeight: "24px", height: "auto", padding: "4px 12px", gap: "6px" },
    "& .fui-Badge svg": { fontSize: "20px", width: "20px", height: "20px" },
  },
  header: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "baseline", gap: "16px" },
  h1: { margin: 0, fontSize: "40px", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold },
  period: { color: tokens.colorNeutralForeground2, fontSize: "24px" },
  h2: { margin: "0 0 12px", fontSize: "28px", fontWeight: tokens.fontWeightSemibold },
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: "16px", margin: 0, padding: 0, listStyle: "none" },
  tile: {
    display: "grid",
    gap: "8px",
    padding: "16px 20px",
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  big: { fontSize: "48px", lineHeight: 1, fontWeight: tokens.fontWeightBold },
  columns: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)",
    gap: "32px",
    alignItems: "start",
    "@media (max-width: 1000px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  table: { width: "100%", borderCollapse: "collapse" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: "8px 12px", borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2 },
  td: { padding: "10px 12px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: "top" },
  trend: { display: "flex", alignItems: "center", gap: "8px", fontSize: "20px" },
  improved: { color: tokens.colorPaletteGreenForeground1 },
  worsened: { color: tokens.colorPaletteRedForeground1 },
  flat: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
  panel: { padding: "20px 24px", borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

function TrendArrow(props: { headline: Headline }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { value, previous, trend } = props.headline;
  const Icon = value === null || previous === null || value === previous ? ArrowRightRegular : value > previous ? ArrowUpRegular : ArrowDownRegular;
  const tone = trend === "improved" ? styles.improved : trend === "worsened" ? styles.worsened : styles.flat;
  return (
    <span className={`${styles.trend} ${tone}`} data-trend={trend}>
      {trend === "not-comparable" ? null : <Icon aria-hidden fontSize={28} />}
      <span>{t(`meeting.trend.${trend}`)}</span>
    </span>
  );
}

export function Stage(props: { state: MeetingState; since: string; onRetry(): void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { state } = props;
  if (state.status === "loading") return <Spinner size="huge" label={t("meeting.loading")} style={{ marginTop: "20vh" }} />;
  if (state.status === "error") return <ErrorMessage title={t("load.failed")} error={state.error} onRetry={props.onRetry} />;
  if (state.status === "empty") return <p className={styles.root}>{t("load.noPlan")}</p>;
  const { data } = state;
  const locale = i18n.language;
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.h1}>{t("meeting.stageTitle", { year: data.year })}</h1>
        <span className={styles.period}>{t("meeting.changesSince", { date: formatDay(props.since, locale) })}</span>
      </header>

      <section aria-labelledby="stage-rag">
        <h2 id="stage-rag" className={styles.h2}>
          {t("meeting.actionsByRag")}
        </h2>
        <ul className={styles.tiles}>
          {RAGS.map((rag) => (
            <li key={rag} className={styles.tile} data-testid={`stage-count-${rag}`}>
              <span className={styles.big}>{data.summary.actionsByRag[rag]}</span>
              <RagBadge rag={rag} size="large" />
            </li>
          ))}
          <li className={styles.tile}>
            <span className={styles.big}>{data.summary.overdue}</span>
            <span>{t("meeting.overdue")}</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="stage-indicators">
        <h2 id="stage-indicators" className={styles.h2}>
          {t("meeting.headlines")}
        </h2>
        {data.headlines.length === 0 ? (
          <p className={styles.muted}>{t("meeting.noFigures")}</p>
        ) : (
          <ul className={styles.tiles} data-testid="headlines">
            {data.headlines.map((h) => (
              <li key={h.indicator} className={styles.tile} data-testid={`headline-${h.indicator}`}>
                <span>
                  {t("indicator.short", { n: h.indicator })}: {t(`meeting.indicatorName.${h.indicator}`)}
                </span>
                <span className={styles.big}>{formatFigure(h.value, h, locale) ?? t("meeting.hidden")}</span>
                <span className={styles.muted}>
                  {h.previousYear
                    ? t("meeting.fromPrevious", { year: h.year, previous: formatFigure(h.previous, h, locale) ?? t("meeting.hidden"), previousYear: h.previousYear })
                    : h.year}
                </span>
                <TrendArrow headline={h} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className={styles.columns}>
        <section aria-labelledby="stage-objectives" className={styles.panel}>
          <h2 id="stage-objectives" className={styles.h2}>
            {t("meeting.objectives")}
          </h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.th} scope="col">
                  {t("meeting.objective")}
                </th>
                <th className={styles.th} scope="col">
                  {t("meeting.status")}
                </th>
                <th className={styles.th} scope="col">
                  {t("meeting.owner")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.summary.objectives.map(({ objective, rollUp, progress }) => (
                <tr key={objective.id}>
                  <td className={styles.td}>
                    {objective.number}. {objective.title}
                    <div className={styles.muted}>{t("meeting.completeOf", { done: progress.complete, total: progress.total })}</div>
                  </td>
                  <td className={styles.td}>
                    <RagBadge rag={rollUp.rag} size="large" />
                  </td>
                  <td className={styles.td}>{objective.owner?.title ?? t("common.notSet")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="stage-changes" className={styles.panel}>
          <h2 id="stage-changes" className={styles.h2}>
            {t("meeting.sinceLastMeeting")}
          </h2>
          <ChangesList changes={data.changes} actions={data.snapshot.actions} since={props.since} maxItems={4} maxNotes={2} />
        </section>
      </div>

    </main>
  );
}
