// The meeting stage, made for a room: large type; first every objective with its status and owner
// (a plan of up to eight objectives fits a 1280x720 stage unscrolled) and the action counts, then
// the indicators' headline figures with trend, then what changed since the last meeting, whose
// "and N more" opens the full report.
//
// Follow the presenter, or let each attendee browse? Each attendee browses. The view is shared with
// the Collaborative protocol, so every attendee runs their own copy of this page; keeping copies in
// step would need a real-time channel (Live Share / Fluid relay) that this tab does not have and that
// a SharePoint-only deployment cannot provide. So the stage is one page with no navigation to follow:
// everything the committee discusses is on it, in plan order, and the presenter's choice of "since"
// date travels in the shared address, so the whole room sees the same period. Scrolling is personal.
import { Link, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { RAGS } from "../../plan";
import { ErrorMessage } from "../components/ErrorMessage";
import { RagBadge } from "../components/RagBadge";
import { TrendMark } from "../indicators/TrendMark";
import { newSeriesText } from "../indicators/NewSeriesNote";
import { ChangesList, type MeetingLinks } from "./ChangesList";
import { CycleStateLine } from "../cycle/CycleStateLine";
import { SinceApprovalView } from "../cycle/SinceApprovalView";
import type { Headline, MeetingState } from "./data";
import { formatDay, formatFigure } from "./format";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    padding: "20px 32px 32px",
    display: "grid",
    gap: "16px",
    fontSize: "20px",
    lineHeight: 1.35,
    color: tokens.colorNeutralForeground1,
    // Status badges readable from the back of the room.
    "& .fui-Badge": { fontSize: "18px", lineHeight: "24px", height: "auto", padding: "4px 12px", gap: "6px" },
    "& .fui-Badge svg": { fontSize: "20px", width: "20px", height: "20px" },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "baseline",
    columnGap: "24px",
    rowGap: "4px",
  },
  h1: { margin: 0, fontSize: "32px", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold },
  period: { color: tokens.colorNeutralForeground2, fontSize: "20px" },
  h2: { margin: "0 0 8px", fontSize: "24px", lineHeight: 1.25, fontWeight: tokens.fontWeightSemibold },
  // The action counts as one wrapping row: each badge sits at its own width, never clipped by a tile.
  counts: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "8px 24px",
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  count: { display: "flex", alignItems: "center", gap: "8px", whiteSpace: "nowrap" },
  countLabel: { fontWeight: tokens.fontWeightSemibold },
  number: { fontSize: "28px", fontWeight: tokens.fontWeightBold, lineHeight: 1 },
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))",
    gap: "12px",
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  tile: {
    display: "grid",
    alignContent: "start",
    gap: "6px",
    padding: "12px 16px",
    minWidth: 0,
    overflowWrap: "anywhere",
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  big: { fontSize: "40px", lineHeight: 1, fontWeight: tokens.fontWeightBold },
  table: { width: "100%", borderCollapse: "collapse" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "4px 12px",
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
  },
  td: {
    padding: "6px 12px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "middle",
    whiteSpace: "nowrap",
  },
  // One line per objective so that eight fit on a 720 px stage; the full title is the link's tooltip.
  titleCell: {
    width: "100%",
    maxWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: "6px 12px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  ownerCell: { maxWidth: "260px", overflow: "hidden", textOverflow: "ellipsis" },
  trend: { display: "flex", alignItems: "center", gap: "8px", fontSize: "20px" },
  flat: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
  link: { fontSize: "inherit" },
  panel: {
    padding: "16px 20px",
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

function TrendArrow(props: { headline: Headline }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { value, previous, trend, places, newSeries } = props.headline;
  if (trend === "not-comparable" || value === null || previous === null) {
    return (
      <span
        className={`${styles.trend} ${styles.flat}`}
        data-trend={trend}
        data-new-series={newSeries ? "" : undefined}
      >
        {newSeries ? newSeriesText(t, newSeries) : t("meeting.trend.not-comparable")}
      </span>
    );
  }
  return (
    <TrendMark value={value} previous={previous} places={places} trend={trend} iconSize={28} className={styles.trend} />
  );
}

export function Stage(props: {
  state: MeetingState;
  since: string;
  compare?: "date" | "approval";
  onRetry(): void;
  links?: MeetingLinks;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { state, links } = props;
  if (state.status === "loading")
    return <Spinner size="huge" label={t("meeting.loading")} style={{ marginTop: "20vh" }} />;
  if (state.status === "error")
    return <ErrorMessage title={t("load.failed")} error={state.error} onRetry={props.onRetry} />;
  if (state.status === "empty") return <p className={styles.root}>{t("load.noPlan")}</p>;
  const { data } = state;
  const locale = i18n.language;
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.h1}>{t("meeting.stageTitle", { year: data.year })}</h1>
        <span className={styles.period}>{t("meeting.changesSince", { date: formatDay(props.since, locale) })}</span>
        {data.cycle.status && data.cycle.status.history.length > 0 ? (
          <CycleStateLine status={data.cycle.status} className={styles.period} />
        ) : null}
      </header>

      {/* The plan's status at a glance, first: every objective on one line each, then the action counts. */}
      <section aria-labelledby="stage-objectives">
        <h2 id="stage-objectives" className={styles.h2}>
          {t("meeting.objectives")}
        </h2>
        <table className={styles.table} data-testid="stage-objectives">
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
              <th className={styles.th} scope="col">
                {t("stage.complete")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.summary.objectives.map(({ objective, rollUp, progress }) => {
              const name = `${objective.number}. ${objective.title}`;
              return (
                <tr key={objective.id} data-testid="stage-objective">
                  <td className={styles.titleCell} title={name}>
                    {links ? (
                      <Link
                        href={links.objective(objective.id)}
                        target="_blank"
                        rel="noopener"
                        inline
                        className={styles.link}
                      >
                        {name}
                      </Link>
                    ) : (
                      name
                    )}
                  </td>
                  <td className={styles.td}>
                    <RagBadge rag={rollUp.rag} size="large" />
                  </td>
                  <td className={`${styles.td} ${styles.ownerCell}`}>{objective.owner?.title ?? t("common.notSet")}</td>
                  <td className={styles.td}>
                    {t("meeting.completeOf", { done: progress.complete, total: progress.total })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="stage-rag">
        <ul className={styles.counts} aria-labelledby="stage-rag">
          <li className={styles.count}>
            <span id="stage-rag" className={styles.countLabel}>
              {t("meeting.actionsByRag")}:
            </span>
          </li>
          {RAGS.map((rag) => (
            <li key={rag} className={styles.count} data-testid={`stage-count-${rag}`}>
              <RagBadge rag={rag} size="large" />
              <span className={styles.number}>{data.summary.actionsByRag[rag]}</span>
            </li>
          ))}
          <li className={styles.count} data-testid="stage-count-overdue">
            <span>{t("meeting.overdue")}</span>
            <span className={styles.number}>{data.summary.overdue}</span>
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
                    ? t("meeting.fromPrevious", {
                        year: h.year,
                        previous: formatFigure(h.previous, h, locale) ?? t("meeting.hidden"),
                        previousYear: h.previousYear,
                      })
                    : h.year}
                </span>
                <TrendArrow headline={h} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="stage-changes" className={styles.panel}>
        <h2 id="stage-changes" className={styles.h2}>
          {t("meeting.sinceLastMeeting")}
        </h2>
        <ChangesList
          changes={data.changes}
          actions={data.snapshot.actions}
          since={props.since}
          maxItems={4}
          maxNotes={2}
          links={links}
        />
      </section>
      {props.compare === "approval" && data.sinceApproval ? (
        <section aria-labelledby="stage-since-approval" className={styles.panel}>
          <h2 id="stage-since-approval" className={styles.h2}>
            {t("cycle.since.title")}
          </h2>
          <SinceApprovalView
            since={data.sinceApproval}
            layout="table"
            actionHref={links?.action}
            headingId="stage-since-approval"
          />
        </section>
      ) : null}
    </main>
  );
}
