// The meeting side panel (280-320 px): the date of the committee's last meeting (chosen, and
// remembered per meeting), each objective with its status (what a committee reviews), what changed
// since, the overdue actions (those new since the date marked, not listed twice), and "Share to
// stage" when the host says this person may share. Every objective and action in it opens in the tab.
import { Badge, Button, Link, makeStyles, Radio, RadioGroup, Spinner, tokens } from "@fluentui/react-components";
import { CycleStateLine } from "../cycle/CycleStateLine";
import { SinceApprovalView } from "../cycle/SinceApprovalView";
import { DateField } from "../components/DateInput";
import { ShareScreenStartRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { RAGS } from "../../plan";
import { ErrorMessage } from "../components/ErrorMessage";
import { RagBadge } from "../components/RagBadge";
import { useBusy } from "../state/useBusy";
import { ActionMention, ChangesList, type MeetingLinks } from "./ChangesList";
import type { MeetingState } from "./data";
import { formatDay } from "./format";
import { isIsoDay } from "./route";
import type { StageSharing } from "./share";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    maxWidth: "320px",
    boxSizing: "border-box",
    fontSize: tokens.fontSizeBase300,
  },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  section: { display: "grid", gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyle: "none", display: "grid", gap: tokens.spacingVerticalS },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  shareStatus: { fontSize: tokens.fontSizeBase200 },
  objective: { display: "grid", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  status: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

export function SidePanel(props: {
  state: MeetingState;
  since: string;
  onSinceChange(since: string): void;
  /** Changes since the date, or against the approved plan (offered when the year has an approved copy). */
  compare?: "date" | "approval";
  onCompareChange?(compare: "date" | "approval"): void;
  sharing: StageSharing;
  stageUrl: string;
  onRetry(): void;
  links?: MeetingLinks;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [canShare, setCanShare] = useState(false);
  const sharingToStage = useBusy();
  const [shared, setShared] = useState(false);
  const [draft, setDraft] = useState(props.since);
  useEffect(() => setDraft(props.since), [props.since]);
  useEffect(() => {
    let live = true;
    props.sharing.canShare().then(
      (yes) => live && setCanShare(yes),
      () => live && setCanShare(false),
    );
    return () => {
      live = false;
    };
  }, [props.sharing]);

  async function share() {
    setShared(false);
    await sharingToStage.run(async () => {
      await props.sharing.share(props.stageUrl);
      setShared(true);
    });
  }

  const { state } = props;
  const data = state.status === "ready" ? state.data : null;
  const overdue = data ? data.summary.objectives.flatMap((o) => o.overdue) : [];
  const newlyOverdue = new Set(data ? data.changes.newlyOverdue.map((a) => a.id) : []);
  return (
    <main className={styles.root} aria-busy={state.status === "loading"}>
      <h1 className={styles.h1}>{data ? t("meeting.panelTitleYear", { year: data.year }) : t("meeting.panelTitle")}</h1>
      {data && data.cycle.status && data.cycle.status.history.length > 0 ? (
        <CycleStateLine status={data.cycle.status} />
      ) : null}
      {data?.sinceApproval && props.onCompareChange ? (
        <RadioGroup
          aria-label={t("cycle.since.choiceLabel")}
          layout="horizontal"
          value={props.compare ?? "date"}
          onChange={(_, d) => props.onCompareChange?.(d.value === "approval" ? "approval" : "date")}
        >
          <Radio value="date" label={t("cycle.since.choiceDate")} />
          <Radio value="approval" label={t("cycle.since.choiceApproval")} />
        </RadioGroup>
      ) : null}
      <DateField
        label={t("meeting.lastMeeting")}
        hint={t("meeting.lastMeetingHint")}
        value={draft}
        onChange={(iso) => {
          setDraft(iso);
          if (isIsoDay(iso)) props.onSinceChange(iso);
        }}
      />
      {canShare ? (
        <div className={styles.section}>
          <Button
            appearance="primary"
            icon={<ShareScreenStartRegular />}
            onClick={() => void share()}
            disabled={sharingToStage.busy}
          >
            {t("meeting.shareToStage")}
          </Button>
          {shared ? (
            <span role="status" className={styles.shareStatus}>
              {t("meeting.shared")}
            </span>
          ) : null}
          {sharingToStage.error ? <ErrorMessage title={t("meeting.shareFailed")} error={sharingToStage.error} /> : null}
        </div>
      ) : null}
      {state.status === "loading" ? <Spinner size="small" label={t("meeting.loading")} /> : null}
      {state.status === "error" ? (
        <ErrorMessage title={t("load.failed")} error={state.error} onRetry={props.onRetry} />
      ) : null}
      {state.status === "empty" ? <p>{t("load.noPlan")}</p> : null}
      {data ? (
        <>
          <section className={styles.section} aria-labelledby="panel-objectives">
            <h2 id="panel-objectives" className={styles.h2}>
              {t("meeting.objectives")}
            </h2>
            <ul className={styles.list} data-testid="panel-objectives">
              {data.summary.objectives.map(({ objective, rollUp, progress }) => (
                <li key={objective.id} className={styles.objective} data-testid="panel-objective">
                  {props.links ? (
                    <Link href={props.links.objective(objective.id)} target="_blank" rel="noopener" inline>
                      {objective.number}. {objective.title}
                    </Link>
                  ) : (
                    <span>
                      {objective.number}. {objective.title}
                    </span>
                  )}
                  <span className={styles.status}>
                    <RagBadge rag={rollUp.rag} />
                    <span className={styles.meta}>
                      {t("meeting.completeOf", { done: progress.complete, total: progress.total })}
                    </span>
                  </span>
                  {objective.owner ? <span className={styles.meta}>{objective.owner.title}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section className={styles.section} aria-labelledby="panel-counts">
            <h2 id="panel-counts" className={styles.h2}>
              {t("meeting.actionsByRag")}
            </h2>
            <ul className={styles.counts}>
              {RAGS.map((rag) => (
                <li key={rag} data-testid={`count-${rag}`}>
                  <RagBadge rag={rag} />
                  <span> {data.summary.actionsByRag[rag]}</span>
                </li>
              ))}
            </ul>
          </section>
          {props.compare === "approval" && data.sinceApproval ? (
            <section className={styles.section} aria-labelledby="panel-since-approval">
              <h2 id="panel-since-approval" className={styles.h2}>
                {t("cycle.since.title")}
              </h2>
              <SinceApprovalView
                since={data.sinceApproval}
                layout="list"
                actionHref={props.links?.action}
                headingId="panel-since-approval"
              />
            </section>
          ) : (
            <section className={styles.section}>
              <h2 className={styles.h2}>
                {t("meeting.changesSince", { date: formatDay(props.since, i18n.language) })}
              </h2>
              <ChangesList
                changes={data.changes}
                actions={data.snapshot.actions}
                since={props.since}
                maxItems={10}
                maxNotes={6}
                links={props.links}
                showNewlyOverdue={false}
              />
            </section>
          )}
          <section className={styles.section}>
            <h2 className={styles.h2}>{t("meeting.overdueCount", { n: overdue.length })}</h2>
            {overdue.length === 0 ? (
              <p className={styles.meta}>{t("meeting.noneOverdue")}</p>
            ) : (
              <ul className={styles.list} data-testid="overdue-list">
                {overdue.map((action) => (
                  <li key={action.id} className={styles.objective}>
                    <ActionMention action={action} fallback="" links={props.links} />
                    {newlyOverdue.has(action.id) ? (
                      <span>
                        <Badge appearance="outline" color="danger" size="small">
                          {t("sidePanel.newSince", { date: formatDay(props.since, i18n.language) })}
                        </Badge>
                      </span>
                    ) : null}
                    <div className={styles.meta}>
                      {action.dueDate ? t("meeting.wasDue", { date: formatDay(action.dueDate, i18n.language) }) : null}
                      {action.leads.length > 0
                        ? ` · ${action.leads.map((p) => p.title).join(", ")}`
                        : action.leadText
                          ? ` · ${action.leadText}`
                          : ""}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </main>
  );
}
