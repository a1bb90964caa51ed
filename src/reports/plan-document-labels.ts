// The words of the plan's documents (committee paper, public version), gathered from the tab's
// catalogue: the documents' own section (planDocuments.word) plus the indicator titles, directions of
// good and RAG words the tab already has. `lookup` is i18next's t with returnObjects in the tab, or a
// path into the catalogue JSON in tests and on the command line. {name} marks stay for the modules.
import type { AssuranceLevel } from "../plan/cycle";
import type { Rag } from "../plan";
import type { FigureLabels } from "./word";

export interface PaperLabels {
  title: string;
  meeting: string;
  meetingDate: string;
  paperTitle: string;
  author: string;
  lead: string;
  purpose: string;
  purposeValue: string;
  previouslyConsidered: string;
  notGiven: string;
  purposeHeading: string;
  purposeText: string;
  purposeTextBy: string;
  summaryHeading: string;
  summaryPlan: string;
  summaryRag: string;
  summaryData: string;
  summaryNoData: string;
  summaryHidden: string;
  dataHeading: string;
  dataIntro: string;
  planHeading: string;
  objective: string;
  owner: string;
  number: string;
  action: string;
  leads: string;
  dueDate: string;
  kpis: string;
  rag: string;
  notStarted: string;
  noActions: string;
  noPlan: string;
  engagementHeading: string;
  decisionHeading: string;
  decisionIntro: string;
  decisionPlan: string;
  decisionData: string;
  decisionDataBy: string;
  decisionAssurance: string;
  assuranceHeading: string;
  assuranceIntro: string;
  level: string;
  meaning: string;
  assurance: Record<AssuranceLevel, { name: string; meaning: string }>;
  ragWords: Record<Rag, string>;
}

export interface PublicLabels {
  title: string;
  titleOrganisation: string;
  approved: string;
  approvedWithChanges: string;
  intro: string;
  figuresHeading: string;
  figuresIntro: string;
  planHeading: string;
  objective: string;
  number: string;
  action: string;
  lead: string;
  dueDate: string;
  kpis: string;
  noActions: string;
  notGiven: string;
}

export interface DocumentLabels {
  figures: FigureLabels;
  paper: PaperLabels;
  public: PublicLabels;
}

const INDICATORS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

function record(value: unknown, key: string): Record<string, unknown> {
  if (!value || typeof value !== "object") throw new Error(`The catalogue has no ${key}.`);
  return value as Record<string, unknown>;
}

/** The documents' words from a catalogue lookup (a missing section is an error, not a blank document). */
export function documentLabels(lookup: (key: string) => unknown): DocumentLabels {
  const word = record(lookup("planDocuments.word"), "planDocuments.word");
  const direction = record(lookup("indicators.direction"), "indicators.direction");
  const trend = record(lookup("indicators.trend"), "indicators.trend");
  const titles = record(lookup("indicators.title"), "indicators.title");
  const rag = record(lookup("planYear.xlsx.rag"), "planYear.xlsx.rag");
  const figures = record(word.figures, "planDocuments.word.figures");
  return {
    figures: {
      ...(figures as unknown as FigureLabels),
      indicators: Object.fromEntries(INDICATORS.map((n) => [n, String(titles[`i${n}`] ?? n)])),
      direction: {
        higher: String(direction.higher),
        lower: String(direction.lower),
        "towards-one": String(direction.towardsOne),
        "towards-zero": String(direction.towardsZero),
      },
      trend: {
        improved: String(trend.improved),
        worsened: String(trend.worsened),
        unchanged: String(trend.unchanged),
        "not-comparable": String(figures.notComparable),
      },
    },
    paper: {
      ...(record(word.paper, "planDocuments.word.paper") as unknown as PaperLabels),
      ragWords: rag as Record<Rag, string>,
    },
    public: record(word.public, "planDocuments.word.public") as unknown as PublicLabels,
  };
}

/** A lookup over a catalogue object by dotted path (tests, the command line). */
export function catalogueLookup(catalogue: unknown): (key: string) => unknown {
  return (key) =>
    key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
        catalogue,
      );
}
