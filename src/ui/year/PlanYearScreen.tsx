// Plan year tools for plan editors: import a plan from Excel, the committee report (Excel and a
// print view), and rolling the plan over to next year.
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { DateField } from "../components/DateInput";
import { ArrowDownloadRegular, PrintRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Capabilities } from "../../plan";
import type { PlanStore } from "../../sharepoint";
import { ErrorMessage } from "../components/ErrorMessage";
import { isIsoDay, viewUrl } from "../meeting/route";
import { defaultSince } from "../meeting/since";
import { ImportPanel } from "./ImportPanel";
import { committeeLabels, downloadCommitteeWorkbook, loadReport } from "./report";
import { RolloverPanel } from "./RolloverPanel";
import { PlanDocuments } from "./PlanDocuments";
import { loadPaperData } from "./plan-documents";
import { publicViewUrl } from "./public-route";
import type { ApprovedCopy } from "../../plan/cycle";
import { CycleCard } from "../cycle/CycleCard";
import { useToolCardStyles } from "./card-styles";

const useStyles = makeStyles({
  page: {
    maxWidth: "1100px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: "grid",
    gap: tokens.spacingVerticalL,
  },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function PlanYearScreen(props: {
  store: PlanStore;
  year: string;
  capabilities: Capabilities;
  today: string;
  href: string;
  onYearChanged?: (year: string) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const tool = useToolCardStyles();
  const [since, setSince] = useState(defaultSince(props.today));
  const [report, setReport] = useState<"idle" | "working" | { file: string } | { error: unknown }>("idle");
  const editor = props.capabilities.editPlan;
  // The year's approved copy: with one, the documents card offers the public version. Read again
  // whenever the cycle card saves a move or a decision (an approval freezes a new copy).
  const [approved, setApproved] = useState<ApprovedCopy | null>(null);
  const [cycleChanges, setCycleChanges] = useState(0);
  useEffect(() => {
    let live = true;
    props.store.approvedCopy(props.year).then(
      (copy) => live && setApproved(copy),
      // Without a copy the card offers the committee paper alone; the cycle card reports load failures.
      () => live && setApproved(null),
    );
    return () => {
      live = false;
    };
  }, [props.store, props.year, cycleChanges]);

  async function download() {
    setReport("working");
    try {
      const data = await loadReport(props.store, props.year, since, props.today);
      setReport({ file: await downloadCommitteeWorkbook(data, props.year, committeeLabels(t)) });
    } catch (error) {
      setReport({ error });
    }
  }

  return (
    <main className={styles.page}>
      <h1 className={styles.h1}>{t("planYear.title", { year: props.year })}</h1>

      <CycleCard
        store={props.store}
        year={props.year}
        capabilities={props.capabilities}
        today={props.today}
        onChanged={() => setCycleChanges((n) => n + 1)}
      />

      <section className={tool.card} aria-labelledby="year-report">
        <h2 id="year-report" className={tool.h2}>
          {t("planYear.report.title")}
        </h2>
        <p className={styles.muted}>{t("planYear.report.explain")}</p>
        <div className={styles.row}>
          <DateField
            label={t("planYear.report.since")}
            value={since}
            onChange={(iso) => isIsoDay(iso) && setSince(iso)}
          />
          <Button
            appearance="primary"
            icon={<ArrowDownloadRegular />}
            disabled={report === "working"}
            onClick={() => void download()}
          >
            {report === "working" ? t("planYear.report.working") : t("planYear.report.download")}
          </Button>
          <Link href={viewUrl(props.href, "report", since)} target="_blank">
            <PrintRegular aria-hidden /> {t("planYear.report.printView")}
          </Link>
        </div>
        {typeof report === "object" && "file" in report ? (
          <p role="status">{t("planYear.report.downloaded", { file: report.file })}</p>
        ) : null}
        {typeof report === "object" && "error" in report ? <ErrorMessage error={report.error} /> : null}
      </section>

      {editor ? (
        <>
          <PlanDocuments
            year={props.year}
            loadPaperData={() => loadPaperData(props.store, props.year)}
            approved={approved}
            publicPrintHref={(options) => publicViewUrl(props.href, props.year, options)}
          />
          <section className={tool.card} aria-labelledby="year-import">
            <h2 id="year-import" className={tool.h2}>
              {t("planYear.import.title")}
            </h2>
            <p className={styles.muted}>{t("planYear.import.explain")}</p>
            <ImportPanel store={props.store} year={props.year} />
          </section>
          <section className={tool.card} aria-labelledby="year-rollover">
            <h2 id="year-rollover" className={tool.h2}>
              {t("planYear.rollover.title")}
            </h2>
            <RolloverPanel store={props.store} year={props.year} onDone={props.onYearChanged} />
          </section>
        </>
      ) : (
        <p className={styles.muted}>{t("planYear.editorsOnly")}</p>
      )}
    </main>
  );
}
