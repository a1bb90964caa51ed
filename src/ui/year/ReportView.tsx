// The committee report as a page that prints cleanly to PDF (?view=report&since=yyyy-mm-dd): the
// summary, each objective with its actions, and the changes since the chosen date.
import { Button, Spinner } from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { sortByNumber, RAGS, type Rag } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { ErrorMessage } from "../components/ErrorMessage";
import { formatDay } from "../meeting/format";
import { itemHref } from "../meeting/route";
import { loadReport, type ReportData } from "./report";
import { CycleStateLine } from "../cycle/CycleStateLine";
import { SinceApprovalView } from "../cycle/SinceApprovalView";
import "./report.css";

function RagText(props: { rag: Rag | null }) {
  const { t } = useTranslation();
  return (
    <span className={`wres-rag wres-rag-${props.rag ?? "none"}`}>
      {props.rag ? t(`rag.${props.rag}`) : t("rag.none")}
    </span>
  );
}

export function ReportView(props: { store: PlanStore; year: string; since: string; today: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<{ data: ReportData } | { error: unknown } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    loadReport(props.store, props.year, props.since, props.today).then(
      (data) => live && setState({ data }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [props.store, props.year, props.since, props.today, tick]);

  if (!state) return <Spinner label={t("meeting.loading")} />;
  if ("error" in state)
    return <ErrorMessage title={t("load.failed")} error={state.error} onRetry={() => setTick((n) => n + 1)} />;
  const { data } = state;
  const locale = i18n.language;
  const day = (iso: string | null) => (iso ? formatDay(iso, locale) : "");
  const { changes, summary, snapshot } = data;
  const actionsOf = (id: number) => sortByNumber(snapshot.actions.filter((a) => a.objectiveId === id));
  // Every mention of an action or objective opens it in the tab (the report is read on screen too).
  const actionLink = (a: { id: number }, text: string) => (
    <a className="wres-item-link" href={itemHref(location.href, { action: a.id })}>
      {text}
    </a>
  );
  const label = (id: number) => {
    const a = snapshot.actions.find((x) => x.id === id);
    return a ? actionLink(a, `${a.number} ${a.title}`) : t("meeting.removedAction");
  };
  return (
    <main className="wres-report">
      <div className="wres-toolbar wres-no-print">
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
          {t("planYear.report.print")}
        </Button>
        <span>{t("planYear.report.printHint")}</span>
      </div>
      <h1>{t("planYear.report.heading", { year: props.year })}</h1>
      <p className="wres-muted">{t("planYear.report.period", { since: day(props.since), today: day(props.today) })}</p>
      {data.cycle?.status && data.cycle.status.history.length > 0 ? (
        <p>
          <CycleStateLine status={data.cycle.status} />
        </p>
      ) : null}

      <h2>{t("meeting.actionsByRag")}</h2>
      <table>
        <thead>
          <tr>
            {RAGS.map((rag) => (
              <th key={rag} scope="col">
                <RagText rag={rag} />
              </th>
            ))}
            <th scope="col">{t("planYear.report.total")}</th>
            <th scope="col">{t("meeting.overdue")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {RAGS.map((rag) => (
              <td key={rag} className="wres-num">
                {summary.actionsByRag[rag]}
              </td>
            ))}
            <td className="wres-num">{summary.totalActions}</td>
            <td className="wres-num">{summary.overdue}</td>
          </tr>
        </tbody>
      </table>

      <h2>{t("meeting.objectives")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("planYear.import.col.number")}</th>
            <th scope="col">{t("meeting.objective")}</th>
            <th scope="col">{t("meeting.owner")}</th>
            <th scope="col">{t("meeting.status")}</th>
            <th scope="col">{t("planYear.report.complete")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.objectives.map(({ objective, rollUp, progress }) => (
            <tr key={objective.id}>
              <td>{objective.number}</td>
              <td>{objective.title}</td>
              <td>{objective.owner?.title ?? ""}</td>
              <td>
                <RagText rag={rollUp.rag} />
              </td>
              <td>{t("meeting.completeOf", { done: progress.complete, total: progress.total })}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("meeting.changesSince", { date: day(props.since) })}</h2>
      {changes.imports.length > 0 ? (
        <>
          <h3>{t("planYear.report.imports", { n: changes.imports.length })}</h3>
          <ul>
            {changes.imports.map((record) => (
              <li key={`${record.fileName}-${record.date}`} data-testid="report-import">
                {t("planYear.report.importedFrom", {
                  file: record.fileName,
                  n: record.actions,
                  date: day(record.date),
                  who: record.author?.title ?? t("history.someone"),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("meeting.ragMovesCount", { n: changes.ragMoves.length })}</h3>
      {changes.ragMoves.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("planYear.import.col.action")}</th>
              <th scope="col">{t("planYear.report.from")}</th>
              <th scope="col">{t("planYear.report.to")}</th>
              <th scope="col">{t("planYear.report.date")}</th>
              <th scope="col">{t("planYear.report.by")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.ragMoves.map((m) => (
              <tr key={m.actionId} data-testid="report-move">
                <td>{label(m.actionId)}</td>
                <td>
                  <RagText rag={m.from} />
                </td>
                <td>
                  <RagText rag={m.to} />
                </td>
                <td>{day(m.date)}</td>
                <td>{m.author?.title ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3>{t("meeting.completedCount", { n: changes.completed.length })}</h3>
      {changes.completed.length > 0 ? (
        <ul>
          {changes.completed.map((m) => (
            <li key={m.actionId}>{label(m.actionId)}</li>
          ))}
        </ul>
      ) : null}
      <h3>{t("meeting.newlyOverdueCount", { n: changes.newlyOverdue.length })}</h3>
      {changes.newlyOverdue.length > 0 ? (
        <ul>
          {changes.newlyOverdue.map((a) => (
            <li key={a.id}>
              {actionLink(a, `${a.number} ${a.title}`)} ({t("meeting.wasDue", { date: day(a.dueDate) })})
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t("meeting.notesCount", { n: changes.notes.length })}</h3>
      {changes.notes.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("planYear.import.col.action")}</th>
              <th scope="col">{t("planYear.report.note")}</th>
              <th scope="col">{t("planYear.report.by")}</th>
              <th scope="col">{t("planYear.report.date")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.notes.map((n) => (
              <tr key={n.id}>
                <td>{label(n.actionId)}</td>
                <td style={{ whiteSpace: "pre-line" }}>{n.note}</td>
                <td>{n.author?.title ?? ""}</td>
                <td>{day(n.date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {data.sinceApproval ? (
        <section aria-labelledby="report-since-approval">
          <h2 id="report-since-approval">{t("cycle.since.title")}</h2>
          <SinceApprovalView
            since={data.sinceApproval}
            layout="table"
            actionHref={(id) => itemHref(location.href, { action: id })}
            headingId="report-since-approval"
          />
        </section>
      ) : null}

      {summary.objectives.map(({ objective, rollUp }) => (
        <section key={objective.id} className="wres-objective">
          <h2>
            <a className="wres-item-link" href={itemHref(location.href, { objective: objective.id })}>
              {objective.number}. {objective.title}
            </a>{" "}
            <RagText rag={rollUp.rag} />
          </h2>
          {rollUp.source === "override" && objective.ragOverrideReason ? (
            <p>{t("planYear.report.override", { reason: objective.ragOverrideReason })}</p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th scope="col" className="wres-nowrap">
                  {t("planYear.import.col.number")}
                </th>
                <th scope="col">{t("planYear.import.col.action")}</th>
                <th scope="col">{t("planYear.import.col.lead")}</th>
                <th scope="col">{t("planYear.import.col.due")}</th>
                <th scope="col">{t("planYear.import.col.rag")}</th>
                <th scope="col">{t("planYear.report.progress")}</th>
                <th scope="col" className="wres-nowrap">
                  {t("planYear.report.lastUpdate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {actionsOf(objective.id).map((a) => (
                <tr key={a.id}>
                  <td className="wres-nowrap">{a.number}</td>
                  <td>{actionLink(a, a.title)}</td>
                  <td>{[...a.leads.map((p) => p.title), ...(a.leadText ? [a.leadText] : [])].join("; ")}</td>
                  <td className="wres-nowrap">{day(a.dueDate)}</td>
                  <td>
                    <RagText rag={a.rag} />
                  </td>
                  <td style={{ whiteSpace: "pre-line" }}>{a.progress ?? ""}</td>
                  <td className="wres-nowrap">{day(snapshot.lastUpdates[a.id]?.date ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(() => {
            const ids = new Set(actionsOf(objective.id).map((a) => a.id));
            const files = data.evidence.filter((f) => ids.has(f.actionId));
            return files.length > 0 ? (
              <>
                <h3>{t("evidence.reportHeading")}</h3>
                <ul data-testid="report-evidence">
                  {files.map((f) => (
                    <li key={`${f.rowId}/${f.name}`}>
                      {label(f.actionId)}: {f.name}
                      {f.description ? ` (${f.description})` : ""}, {f.author?.title ?? t("history.someone")},{" "}
                      {day(f.date)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null;
          })()}
        </section>
      ))}
    </main>
  );
}
