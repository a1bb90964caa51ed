// The plan year's cycle on the Plan year screen: the state and who may do what in it, the moves the
// signed-in person may make, the committee's decision (form and record), the approved copy, and the
// consultation: comments section by section (each objective, and the plan as a whole) with the plan
// editors' answers. SharePoint enforces who may write what (docs/plan-cycle.md); these are the rules'
// offers and refusals in words.
// One file because the decision form, the consultation and its answer box are used only here and share the
// card's styles and its one busy state.
import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ConsultationComment,
  commentsOn,
  cycleRoleOf,
  movesFrom,
  refuseAnswer,
  refuseComment,
  refuseDecision,
  whoMayDoWhat,
  type DecisionDraft,
  compareWithApproved,
  ASSURANCE_LEVELS,
  DECISION_OUTCOMES,
  type AssuranceLevel,
  type DecisionOutcome,
  type PlanYearState,
} from "../../plan/cycle";
import type { Capabilities, Objective } from "../../plan";
import type { PlanSnapshot, PlanStore } from "../../sharepoint";
import { DateField } from "../components/DateInput";
import { ErrorMessage } from "../components/ErrorMessage";
import { useBusy } from "../state/useBusy";
import { formatDay } from "../meeting/format";
import { CycleStateLine } from "./CycleStateLine";
import { SinceApprovalView } from "./SinceApprovalView";
import { loadCycle, refusalText, type CycleView } from "./status";
import { useToolCardStyles } from "../year/card-styles";

const useStyles = makeStyles({
  // The card may shrink inside the page's grid: its tables scroll rather than widen the page.
  shrink: { minWidth: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  who: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: tokens.spacingVerticalXXS },
  mine: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: "grid", gap: tokens.spacingVerticalS, maxWidth: "560px" },
  table: { width: "100%", borderCollapse: "collapse" },
  th: {
    textAlign: "left",
    padding: "4px 8px",
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  td: {
    padding: "4px 8px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  section: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  comments: { margin: 0, padding: 0, listStyle: "none", display: "grid", gap: tokens.spacingVerticalS },
  comment: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    overflowWrap: "anywhere",
  },
  answer: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    marginLeft: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
    overflowWrap: "anywhere",
  },
  byline: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  refusal: { color: tokens.colorPaletteRedForeground1 },
});

const MOVE_APPEARANCE: Partial<Record<PlanYearState, "primary" | "secondary">> = {
  submitted: "primary",
  published: "primary",
  consultation: "primary",
};

export function CycleCard(props: {
  store: PlanStore;
  year: string;
  capabilities: Capabilities;
  today: string;
  /** After a move or a decision is saved. */ onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const tool = useToolCardStyles();
  const role = cycleRoleOf(props.capabilities);
  const [view, setView] = useState<
    { cycle: CycleView; plan: PlanSnapshot; comments: ConsultationComment[] } | { error: unknown } | null
  >(null);
  const { busy, error: failure, run } = useBusy();
  const [announce, setAnnounce] = useState("");

  const load = useCallback(async () => {
    try {
      const [cycle, plan, comments] = await Promise.all([
        loadCycle(props.store, props.year),
        props.store.loadPlan(props.year),
        props.store.consultationComments(props.year).catch(() => []),
      ]);
      setView({ cycle, plan, comments });
    } catch (error) {
      setView({ error });
    }
  }, [props.store, props.year]);
  useEffect(() => void load(), [load]);

  function act(work: () => Promise<unknown>, done: string): Promise<boolean> {
    return run(async () => {
      await work();
      await load();
      props.onChanged?.();
      setAnnounce(done);
    });
  }

  if (!view) return <Spinner size="small" label={t("cycle.loading")} />;
  if ("error" in view) return <ErrorMessage title={t("load.failed")} error={view.error} onRetry={() => void load()} />;
  const status = view.cycle.status;
  if (!status) return <p className={styles.muted}>{t("cycle.unavailable")}</p>;
  const state = status.state;
  const moves = role === "editor" ? movesFrom(state) : [];
  const refused = failure ? refusalText(failure, t) : null;

  return (
    <section className={mergeClasses(tool.card, styles.shrink)} aria-labelledby="cycle-title" data-testid="cycle-card">
      <h2 id="cycle-title" className={tool.h2}>
        {t("cycle.title", { year: props.year })}
      </h2>
      <CycleStateLine status={status} />
      <div>
        <h3 className={styles.h3}>{t("cycle.who.title")}</h3>
        <ul className={styles.who}>
          {whoMayDoWhat(state).map((w) => (
            <li key={w.role} className={w.role === role ? styles.mine : undefined}>
              {t(`cycle.role.${w.role}`)}: {t(w.key)}
              {w.role === role ? ` ${t("cycle.who.you")}` : ""}
            </li>
          ))}
        </ul>
      </div>
      {moves.length > 0 ? (
        <div className={styles.row} role="group" aria-label={t("cycle.moves")}>
          {moves.map((to) => (
            <Button
              key={to}
              appearance={MOVE_APPEARANCE[to] ?? "secondary"}
              disabled={busy}
              onClick={() =>
                void act(
                  () => props.store.moveYear(props.year, to),
                  t("cycle.moved", { state: t(`cycle.state.${to}`) }),
                )
              }
            >
              {t(`cycle.move.${to}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {refused ? (
        <p role="alert" className={styles.refusal}>
          {refused}
        </p>
      ) : failure ? (
        <ErrorMessage error={failure} />
      ) : null}
      <p role="status" aria-live="polite" className={styles.muted}>
        {announce}
      </p>

      {state === "submitted" && role === "editor" ? (
        <DecisionForm
          today={props.today}
          busy={busy}
          onRecord={(draft) => act(() => props.store.recordDecision(props.year, draft), t("cycle.decision.recorded"))}
        />
      ) : null}

      {status.decisions.length > 0 ? (
        <div>
          <h3 className={styles.h3} id="cycle-decisions">
            {t("cycle.decision.record")}
          </h3>
          <table className={styles.table} aria-labelledby="cycle-decisions">
            <thead>
              <tr>
                {["meeting", "date", "outcome", "assurance", "minute", "recordedBy"].map((k) => (
                  <th key={k} scope="col" className={styles.th}>
                    {t(`cycle.decision.col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.decisions.map((d) => (
                <tr key={d.recordedAt}>
                  <td className={styles.td}>{d.meeting}</td>
                  <td className={styles.td}>{formatDay(d.date, i18n.language)}</td>
                  <td className={styles.td}>{t(`cycle.outcome.${d.outcome}`)}</td>
                  <td className={styles.td}>
                    {d.assurance ? t(`cycle.assurance.${d.assurance}`) : t("cycle.assurance.none")}
                  </td>
                  <td className={styles.td}>{d.minuteReference ?? "—"}</td>
                  <td className={styles.td}>
                    {t("cycle.decision.by", {
                      name: d.recordedBy?.title ?? "—",
                      date: formatDay(d.recordedAt, i18n.language),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {view.cycle.approved ? (
        <div className={styles.section}>
          <h3 className={styles.h3} id="cycle-since">
            {t("cycle.copy.title")}
          </h3>
          <p className={styles.muted}>
            {t("cycle.copy.explain", {
              date: formatDay(view.cycle.approved.approvedAt, i18n.language),
              objectives: view.cycle.approved.objectives.length,
              actions: view.cycle.approved.actions.length,
              results: view.cycle.approved.results.length,
            })}
          </p>
          <SinceApprovalView
            since={compareWithApproved(view.cycle.approved, view.plan)}
            layout="table"
            headingId="cycle-since"
          />
        </div>
      ) : null}

      <Consultation
        year={props.year}
        state={state}
        role={role}
        objectives={view.plan.objectives}
        comments={view.comments}
        busy={busy}
        onComment={(objectiveId, text) =>
          act(
            () => props.store.addConsultationComment(props.year, objectiveId, text),
            t("cycle.consultation.commented"),
          )
        }
        onAnswer={(commentId, text) =>
          act(
            () => props.store.answerConsultationComment(props.year, commentId, text),
            t("cycle.consultation.answered"),
          )
        }
      />
    </section>
  );
}

function DecisionForm(props: { today: string; busy: boolean; onRecord(draft: DecisionDraft): Promise<boolean> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [draft, setDraft] = useState<DecisionDraft>({
    meeting: "",
    date: props.today,
    outcome: null,
    assurance: null,
    minuteReference: null,
  });
  const [shown, setShown] = useState<Partial<Record<keyof DecisionDraft, string>>>({});
  const onDate = useCallback((iso: string) => setDraft((d) => ({ ...d, date: iso })), []);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const refusals = refuseDecision("submitted", "editor", draft, props.today);
    const next: Partial<Record<keyof DecisionDraft, string>> = {};
    for (const r of refusals) if (r.field) next[r.field] = t(r.refusal.key);
    setShown(next);
    if (refusals.length > 0) return;
    if (await props.onRecord(draft))
      setDraft({ meeting: "", date: props.today, outcome: null, assurance: null, minuteReference: null });
  }
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="cycle-decision-title" noValidate>
      <h3 id="cycle-decision-title" className={styles.h3}>
        {t("cycle.decision.title")}
      </h3>
      <Field
        label={t("cycle.decision.meeting")}
        hint={t("cycle.decision.meetingHint")}
        required
        validationMessage={shown.meeting}
      >
        <Input
          value={draft.meeting}
          onChange={(_, d) => setDraft((x) => ({ ...x, meeting: d.value }))}
          maxLength={255}
        />
      </Field>
      <DateField label={t("cycle.decision.date")} value={draft.date} onChange={onDate} />
      {shown.date ? <span className={styles.refusal}>{shown.date}</span> : null}
      <Field label={t("cycle.decision.outcome")} required validationMessage={shown.outcome}>
        <RadioGroup
          value={draft.outcome ?? ""}
          onChange={(_, d) => setDraft((x) => ({ ...x, outcome: d.value as DecisionOutcome }))}
        >
          {DECISION_OUTCOMES.map((o) => (
            <Radio key={o} value={o} label={t(`cycle.outcome.${o}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t("cycle.decision.assurance")}
        hint={t("cycle.decision.assuranceHint")}
        validationMessage={shown.assurance}
      >
        <RadioGroup
          value={draft.assurance ?? ""}
          onChange={(_, d) => setDraft((x) => ({ ...x, assurance: d.value as AssuranceLevel }))}
        >
          {ASSURANCE_LEVELS.map((a) => (
            <Radio key={a} value={a} label={t(`cycle.assurance.${a}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t("cycle.decision.minute")} hint={t("cycle.decision.minuteHint")}>
        <Input
          value={draft.minuteReference ?? ""}
          onChange={(_, d) => setDraft((x) => ({ ...x, minuteReference: d.value || null }))}
          maxLength={100}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {t("cycle.decision.submit")}
        </Button>
      </div>
    </form>
  );
}

function Consultation(props: {
  year: string;
  state: PlanYearState;
  role: ReturnType<typeof cycleRoleOf>;
  objectives: Objective[];
  comments: ConsultationComment[];
  busy: boolean;
  onComment(objectiveId: number | null, text: string): Promise<boolean>;
  onAnswer(commentId: number, text: string): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const mayComment = refuseComment(props.state, props.role) === null;
  const mayAnswer = refuseAnswer(props.state, props.role) === null;
  const sections: { id: number | null; title: string }[] = [
    ...props.objectives.map((o) => ({
      id: o.id,
      title: t("cycle.consultation.section", { number: o.number, title: o.title }),
    })),
    { id: null, title: t("cycle.consultation.whole") },
  ];
  if (!mayComment && props.comments.length === 0) return null;
  return (
    <div className={styles.section}>
      <h3 className={styles.h3}>{t("cycle.consultation.title")}</h3>
      <p className={styles.muted}>{mayComment ? t("cycle.consultation.open") : t("cycle.consultation.closed")}</p>
      {sections.map((section) => {
        const here = commentsOn(props.comments, section.id);
        if (!mayComment && here.length === 0) return null;
        const headingId = `consult-${section.id ?? "plan"}`;
        return (
          <section key={headingId} className={styles.section} aria-labelledby={headingId}>
            <h4 id={headingId} className={styles.h4}>
              {section.title}
            </h4>
            {here.length > 0 ? (
              <ul className={styles.comments}>
                {here.map((c) => (
                  <li key={c.id} className={styles.comment}>
                    <span>{c.text}</span>
                    <span className={styles.byline}>{t("cycle.consultation.by", { name: c.by?.title ?? "—" })}</span>
                    {c.answers.map((a) => (
                      <div key={a.id} className={styles.answer}>
                        <span>{a.text}</span>
                        <span className={styles.byline}>
                          {t("cycle.consultation.answerBy", { name: a.by?.title ?? "—" })}
                        </span>
                      </div>
                    ))}
                    {c.answers.length === 0 ? (
                      <span className={styles.byline}>{t("cycle.consultation.unanswered")}</span>
                    ) : null}
                    {mayAnswer ? (
                      <TextBox
                        label={t("cycle.consultation.answerLabel", { name: c.by?.title ?? "—" })}
                        button={t("cycle.consultation.answer")}
                        busy={props.busy}
                        onSend={(text) => props.onAnswer(c.id, text)}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className={styles.muted}>{t("cycle.consultation.none")}</p>
            )}
            {mayComment ? (
              <TextBox
                label={t("cycle.consultation.commentLabel", { section: section.title })}
                button={t("cycle.consultation.comment")}
                busy={props.busy}
                onSend={(text) => props.onComment(section.id, text)}
              />
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function TextBox(props: { label: string; button: string; busy: boolean; onSend(text: string): Promise<boolean> }) {
  const styles = useStyles();
  const [text, setText] = useState("");
  return (
    <div className={styles.row}>
      <Field label={props.label} style={{ flex: "1 1 240px" }}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
      </Field>
      <Button
        disabled={props.busy || text.trim() === ""}
        onClick={() => void props.onSend(text).then((ok) => ok && setText(""))}
      >
        {props.button}
      </Button>
    </div>
  );
}
