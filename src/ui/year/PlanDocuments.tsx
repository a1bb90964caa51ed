// The plan's documents on the Plan year screen, for plan editors: the committee paper (Word, from the
// live plan and the saved results, with the details the editor fills in) and, once the committee has
// approved the plan, the public version (Word, and a page to print or save as PDF), with the choice of
// the plan with its protected figures or the plan alone, and of leads as role titles or names.
// Loader-agnostic: the host passes the approved copy (or none) and where the print view opens.
import {
  Button,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, PrintRegular } from "@fluentui/react-icons";
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApprovedCopy } from "../../plan/cycle";
import { EMPTY_DETAILS, type PaperDetails } from "../../reports/paper-details";
import {
  DEFAULT_PUBLIC_OPTIONS,
  publicPlanContent,
  approvalLine,
  type LeadsChoice,
  type PublicPlanOptions,
} from "../../reports/public-plan-content";
import { longDate } from "../../reports/text";
import { DateField } from "../components/DateInput";
import { ErrorMessage } from "../components/ErrorMessage";
import {
  buildCommitteePaper,
  buildPublicPlan,
  documentLocale,
  fileName,
  labelsFrom,
  type PaperData,
} from "./plan-documents";
import { DOCX_TYPE, saveBytes } from "../state/download";
import { useToolCardStyles } from "./card-styles";

const useStyles = makeStyles({
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  fields: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))",
  },
  wide: { gridColumn: "1 / -1" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  link: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minHeight: "32px" },
});

type Status = "idle" | "working" | { file: string } | { error: unknown };

/** Saves a document: the browser's download by default (tests pass their own). */
export type SaveDocument = (bytes: Uint8Array, fileName: string) => void;

function StatusLine(props: { status: Status }) {
  const { t } = useTranslation();
  const { status } = props;
  if (typeof status !== "object") return null;
  if ("file" in status) return <p role="status">{t("planDocuments.downloaded", { file: status.file })}</p>;
  return <ErrorMessage error={status.error} />;
}

export function PlanDocuments(props: {
  year: string;
  /** The live plan and the saved results, for the committee paper. */
  loadPaperData: () => Promise<PaperData>;
  /** The plan as the committee approved it; without one there is no public version yet. */
  approved?: ApprovedCopy | null;
  /** The address of the public version's print view with these choices; without it, no print link. */
  publicPrintHref?: (options: PublicPlanOptions) => string;
  save?: SaveDocument;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const tool = useToolCardStyles();
  const id = useId();
  const save = props.save ?? ((bytes: Uint8Array, name: string) => saveBytes(bytes, name, DOCX_TYPE));
  const [details, setDetails] = useState<PaperDetails>(EMPTY_DETAILS);
  const [paper, setPaper] = useState<Status>("idle");
  const [options, setOptions] = useState<PublicPlanOptions>(DEFAULT_PUBLIC_OPTIONS);
  const [publicStatus, setPublicStatus] = useState<Status>("idle");
  const set = useCallback(
    <K extends keyof PaperDetails>(key: K, value: PaperDetails[K]) => setDetails((d) => ({ ...d, [key]: value })),
    [],
  );
  const setMeetingDate = useCallback((iso: string) => set("meetingDate", iso || null), [set]);
  const setPublishBy = useCallback((iso: string) => set("publishBy", iso || null), [set]);

  async function downloadPaper() {
    setPaper("working");
    try {
      const bytes = await buildCommitteePaper(await props.loadPaperData(), props.year, details, t, i18n.language);
      const file = fileName(t("planDocuments.paperFile", { year: props.year }));
      save(bytes, file);
      setPaper({ file });
    } catch (error) {
      setPaper({ error });
    }
  }

  async function downloadPublic(copy: ApprovedCopy) {
    setPublicStatus("working");
    try {
      const bytes = await buildPublicPlan(copy, options, t, i18n.language);
      const file = fileName(t("planDocuments.publicFile", { year: copy.year }));
      save(bytes, file);
      setPublicStatus({ file });
    } catch (error) {
      setPublicStatus({ error });
    }
  }

  const approved = props.approved ?? null;
  const labels = labelsFrom(t);
  const locale = documentLocale(i18n.language);

  return (
    <section className={tool.card} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={tool.h2}>
        {t("planDocuments.title")}
      </h2>
      <p className={styles.muted}>{t("planDocuments.explain")}</p>
      <div className={styles.fields}>
        <Field label={t("planDocuments.committee")}>
          <Input value={details.committee} onChange={(_, d) => set("committee", d.value)} />
        </Field>
        <DateField label={t("planDocuments.meetingDate")} value={details.meetingDate ?? ""} onChange={setMeetingDate} />
        <Field label={t("planDocuments.author")}>
          <Input value={details.author} onChange={(_, d) => set("author", d.value)} />
        </Field>
        <Field label={t("planDocuments.lead")}>
          <Input value={details.lead} onChange={(_, d) => set("lead", d.value)} />
        </Field>
        <Field label={t("planDocuments.previouslyConsidered")}>
          <Input value={details.previouslyConsidered} onChange={(_, d) => set("previouslyConsidered", d.value)} />
        </Field>
        <DateField label={t("planDocuments.publishBy")} value={details.publishBy ?? ""} onChange={setPublishBy} />
        <Field className={styles.wide} label={t("planDocuments.engagement")} hint={t("planDocuments.engagementHint")}>
          <Textarea value={details.engagement} onChange={(_, d) => set("engagement", d.value)} resize="vertical" />
        </Field>
      </div>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabled={paper === "working"}
          onClick={() => void downloadPaper()}
        >
          {paper === "working" ? t("planDocuments.working") : t("planDocuments.downloadPaper")}
        </Button>
      </div>
      <StatusLine status={paper} />

      {approved ? (
        <section aria-labelledby={`${id}-public`} className={styles.fields}>
          <h3 id={`${id}-public`} className={`${styles.h3} ${styles.wide}`}>
            {t("planDocuments.publicTitle")}
          </h3>
          <p className={`${styles.muted} ${styles.wide}`}>
            {t("planDocuments.publicExplain", {
              approval: approvalLine(publicPlanContent(approved, options), labels.public, (iso) =>
                longDate(iso, locale),
              ),
            })}
          </p>
          <Field label={t("planDocuments.figuresChoice")}>
            <RadioGroup
              value={options.withFigures ? "with" : "alone"}
              onChange={(_, d) => setOptions((o) => ({ ...o, withFigures: d.value === "with" }))}
            >
              <Radio value="with" label={t("planDocuments.withFigures")} />
              <Radio value="alone" label={t("planDocuments.planAlone")} />
            </RadioGroup>
          </Field>
          <Field label={t("planDocuments.leadsChoice")}>
            <RadioGroup
              value={options.leads}
              onChange={(_, d) => setOptions((o) => ({ ...o, leads: d.value as LeadsChoice }))}
            >
              <Radio value="roles" label={t("planDocuments.leadsRoles")} />
              <Radio value="names" label={t("planDocuments.leadsNames")} />
            </RadioGroup>
          </Field>
          <div className={`${styles.row} ${styles.wide}`}>
            <Button
              icon={<ArrowDownloadRegular />}
              disabled={publicStatus === "working"}
              onClick={() => void downloadPublic(approved)}
            >
              {publicStatus === "working" ? t("planDocuments.working") : t("planDocuments.downloadPublic")}
            </Button>
            {props.publicPrintHref ? (
              <Link className={styles.link} href={props.publicPrintHref(options)} target="_blank">
                <PrintRegular aria-hidden /> {t("planDocuments.printPublic")}
              </Link>
            ) : null}
          </div>
          <div className={styles.wide}>
            <StatusLine status={publicStatus} />
          </div>
        </section>
      ) : null}
    </section>
  );
}
