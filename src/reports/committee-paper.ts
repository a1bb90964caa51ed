// The committee paper: a Word document in the shape NHS committee and board papers take, for the
// secretary to drop into the committee's pack. A title block (meeting, date, paper title, author,
// executive lead, purpose: for approval, previously considered by), then numbered sections: purpose,
// executive summary, summary of the data (the nine indicators' headline figures this year and last,
// protected: hidden figures stay hidden), the action plan (objectives and actions with lead, due date,
// KPIs and RAG), engagement with the staff network (when the editor writes it), the decision asked for
// and the assurance options. Generated from the live plan and the saved indicator results; pure, so it
// runs in the tab and in Node. docs/plan-documents.md says where each part comes from.
import type { Paragraph, Table } from "docx";
import {
  sortByNumber,
  type Action,
  type IndicatorFigure,
  type IndicatorResultRow,
  type Objective,
  type Rag,
} from "../plan";
import { ASSURANCE_LEVELS } from "../plan/cycle";
import { anyHidden, planFigures, type PlanFigures } from "./plan-figures";
import type { DocumentLabels } from "./plan-document-labels";
import { leadsText } from "./public-plan-content";
import type { PaperDetails } from "./paper-details";

export { EMPTY_DETAILS, type PaperDetails } from "./paper-details";
import {
  bullet,
  documentBytes,
  fieldTable,
  figureNotes,
  figuresTable,
  fill,
  heading,
  longDate,
  para,
  ragCell,
  table,
  title,
  type DocumentLocale,
} from "./word";

export interface CommitteePaperInput {
  year: string;
  objectives: readonly Objective[];
  actions: readonly Action[];
  /** The saved indicator results (every year saved: last year's figures come from them too). */
  results: readonly IndicatorResultRow[];
  /** The Targets and Comparisons list's items: each indicator's target is given beside its figures. */
  targets?: readonly IndicatorFigure[];
  details: PaperDetails;
  labels: DocumentLabels;
  locale: DocumentLocale;
}

/** The paper's sections, numbered as papers number them. */
class Sections {
  private n = 0;
  readonly children: (Paragraph | Table)[] = [];
  section(text: string): void {
    this.n += 1;
    this.children.push(heading(`${this.n}. ${text}`, 1));
  }
  add(...items: (Paragraph | Table)[]): void {
    this.children.push(...items);
  }
}

function ragCounts(actions: readonly Action[]): Record<Rag, number> {
  const counts: Record<Rag, number> = { Red: 0, Amber: 0, Green: 0, Blue: 0 };
  for (const a of actions) counts[a.rag] += 1;
  return counts;
}

function dataSummary(figures: PlanFigures, labels: DocumentLabels): string[] {
  const count = (trend: string) => figures.rows.filter((r) => r.trend === trend).length;
  const lines = [
    fill(labels.paper.summaryData, {
      year: figures.year,
      previous: figures.previousYear,
      improved: count("improved"),
      worsened: count("worsened"),
      unchanged: count("unchanged"),
      notComparable: count("not-comparable"),
    }),
  ];
  if (anyHidden(figures)) lines.push(labels.paper.summaryHidden);
  return lines;
}

/** The committee paper as .docx bytes. */
export async function committeePaper(input: CommitteePaperInput): Promise<Uint8Array> {
  const { labels, details, locale } = input;
  const p = labels.paper;
  const given = (text: string) => text.trim() || p.notGiven;
  const date = (iso: string | null) => (iso ? longDate(iso, locale) : p.notGiven);
  const committee = details.committee.trim() || p.notGiven;
  const paperTitle = fill(p.title, { year: input.year });
  const figures = planFigures(input.results, undefined, input.targets);
  const objectives = sortByNumber(input.objectives);
  const actions = input.actions.filter((a) => objectives.some((o) => o.id === a.objectiveId));

  const s = new Sections();
  s.add(
    title(paperTitle),
    fieldTable([
      [p.meeting, committee],
      [p.meetingDate, date(details.meetingDate)],
      [p.paperTitle, paperTitle],
      [p.author, given(details.author)],
      [p.lead, given(details.lead)],
      [p.purpose, p.purposeValue],
      [p.previouslyConsidered, given(details.previouslyConsidered)],
    ]),
  );

  s.section(p.purposeHeading);
  s.add(
    para(
      details.publishBy
        ? fill(p.purposeTextBy, { committee, year: input.year, date: date(details.publishBy) })
        : fill(p.purposeText, { committee, year: input.year }),
    ),
  );

  s.section(p.summaryHeading);
  const rags = ragCounts(actions);
  s.add(para(fill(p.summaryPlan, { objectives: objectives.length, actions: actions.length })));
  if (actions.length > 0)
    s.add(para(fill(p.summaryRag, { red: rags.Red, amber: rags.Amber, green: rags.Green, blue: rags.Blue })));
  for (const line of figures ? dataSummary(figures, labels) : [p.summaryNoData]) s.add(para(line));

  s.section(p.dataHeading);
  if (figures) {
    s.add(
      para(fill(p.dataIntro, { year: figures.year, previous: figures.previousYear })),
      figuresTable(figures, labels.figures),
      ...figureNotes(figures, labels.figures, anyHidden(figures)),
    );
  } else s.add(para(p.summaryNoData));

  s.section(p.planHeading);
  if (objectives.length === 0) s.add(para(p.noPlan));
  for (const objective of objectives) {
    s.add(heading(fill(p.objective, { number: objective.number, title: objective.title }), 2));
    if (objective.description) s.add(para(objective.description));
    if (objective.owner) s.add(para(fill(p.owner, { name: objective.owner.title })));
    const own = sortByNumber(actions.filter((a) => a.objectiveId === objective.id));
    if (own.length === 0) {
      s.add(para(p.noActions));
      continue;
    }
    s.add(
      table(
        [p.number, p.action, p.leads, p.dueDate, p.kpis, p.rag],
        own.map((a) => [
          a.number,
          a.title,
          leadsText(a.leads, a.leadText),
          a.dueDate ? longDate(a.dueDate, locale) : "",
          a.kpis ?? "",
          ragCell(a.rag, p.ragWords, p.notStarted),
        ]),
        [7, 33, 17, 13, 20, 10],
      ),
    );
  }

  if (details.engagement.trim()) {
    s.section(p.engagementHeading);
    for (const block of details.engagement.trim().split(/\n\s*\n/)) s.add(para(block));
  }

  s.section(p.decisionHeading);
  s.add(
    para(fill(p.decisionIntro, { committee })),
    bullet(fill(p.decisionPlan, { year: input.year })),
    ...(figures
      ? [
          bullet(
            details.publishBy
              ? fill(p.decisionDataBy, { year: figures.year, date: date(details.publishBy) })
              : fill(p.decisionData, { year: figures.year }),
          ),
        ]
      : []),
    bullet(p.decisionAssurance),
  );

  s.section(p.assuranceHeading);
  s.add(
    para(p.assuranceIntro),
    table(
      [p.level, p.meaning],
      ASSURANCE_LEVELS.map((level) => [`☐ ${p.assurance[level].name}`, p.assurance[level].meaning]),
      [28, 72],
    ),
  );

  return documentBytes({ title: paperTitle, locale, creator: "WRES Action Plans", children: s.children });
}
