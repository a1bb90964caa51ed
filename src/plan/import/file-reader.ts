// State shared by the sheets of one file: the objectives read so far (they can continue across
// sheets), the rows' roles, the tables found and the issues, finished into the import's result.
import { normaliseNumber } from "./keys";
import { highImpactActionsInText, indicatorsInText, unionIndicators } from "./references";
import { comparable, orNull } from "./text";
import {
  DOUBTFUL_CODES,
  type ImportedObjective,
  type ImportIssue,
  type ImportIssueCode,
  type ImportRow,
  type PlanImport,
  type PlanTable,
} from "./types";

export interface ObjectiveBuilder {
  objective: ImportedObjective;
  headingText: string;
  descriptions: string[];
  /** Normalised action numbers so far, to spot a number used twice. */
  numbers: Set<string>;
}

/** State shared by the sheets of one file: objectives can continue across sheets. */
export class FileReader {
  constructor(readonly fileName: string) {}

  readonly issues: ImportIssue[] = [];
  readonly rows: ImportRow[] = [];
  readonly headers: PlanTable[] = [];
  /** Sheets where a plan table (a header row) was found. */
  tables = 0;
  tooLarge = false;
  /** Whether headings so far name themselves ("Objective 1", "2. ..."). */
  namedHeadings = false;
  /** Whether rows with sub-actions a, b, c are read as objectives (a plan laid out that way). */
  subActionObjectives = false;
  private readonly builders: ObjectiveBuilder[] = [];

  objectiveByKey(key: string): ObjectiveBuilder | undefined {
    return this.builders.find((b) => b.objective.key === key);
  }

  objectiveByNumber(number: string): ObjectiveBuilder | undefined {
    const wanted = normaliseNumber(number);
    return this.builders.find((b) => normaliseNumber(b.objective.fields.number) === wanted);
  }

  objectiveByHeading(text: string): ObjectiveBuilder | undefined {
    const wanted = comparable(text);
    return this.builders.find((b) => comparable(b.headingText) === wanted);
  }

  addObjective(builder: ObjectiveBuilder): ObjectiveBuilder {
    this.builders.push(builder);
    return builder;
  }

  /** For a heading without a number: one more than the highest whole number so far. */
  nextObjectiveNumber(): string {
    let max = 0;
    for (const b of this.builders) {
      const n = Number(b.objective.fields.number);
      if (Number.isInteger(n) && n > max) max = n;
    }
    return String(max + 1);
  }

  result(): Omit<PlanImport, "year" | "yearSource"> {
    if (this.tooLarge) {
      return {
        objectives: [],
        issues: this.issues.filter((i) => i.code === "tooManyRows"),
        rows: [],
        doubtful: false,
        tables: [],
      };
    }
    const kept = this.builders;
    kept.forEach((b, i) => {
      if (b.objective.actions.length === 0)
        this.warn(b, "objectiveWithoutActions", b.objective.source.row, b.objective.fields.title);
      const before = kept[i - 1]?.objective.actions.at(-1)?.fields.number;
      const first = b.objective.actions[0]?.fields.number;
      // The part before the first dot of "1.2" or "A1.2"; none for "a" or "3".
      const major = (n: string | undefined) => (n && /\d\./.test(n) ? n.split(".")[0] : null);
      if (
        before &&
        first &&
        major(before) !== null &&
        major(before) === major(first) &&
        normaliseNumber(b.objective.fields.number) !== major(first)
      ) {
        this.warn(b, "headingAmongActions", b.objective.source.row, b.headingText);
      }
    });
    const objectives = kept.map((b) => this.finish(b));
    if (this.tables === 0) {
      this.issues.unshift({
        severity: "error",
        code: "noPlanTable",
        file: this.fileName,
        sheet: null,
        row: null,
        column: null,
        cell: null,
        value: null,
      });
    }
    const doubtful = this.issues.some((i) => DOUBTFUL_CODES.includes(i.code));
    return { objectives, issues: this.issues, rows: this.rows, doubtful, tables: this.headers };
  }

  private warn(b: ObjectiveBuilder, code: ImportIssueCode, row: number, value: string): void {
    this.issues.push({
      severity: "warning",
      code,
      file: this.fileName,
      sheet: b.objective.source.sheet,
      row,
      column: null,
      cell: null,
      value,
    });
  }

  private finish(builder: ObjectiveBuilder): ImportedObjective {
    const { objective } = builder;
    const description = builder.descriptions.join("\n\n");
    const ownText = [objective.fields.title, description].join("\n");
    const actionText = objective.actions
      .map((a) => [a.fields.title, a.fields.kpis, a.fields.outcomes].join("\n"))
      .join("\n");
    return {
      ...objective,
      fields: {
        ...objective.fields,
        description: orNull(description),
        indicators: unionIndicators(indicatorsInText(ownText), ...objective.actions.map((a) => a.fields.indicators)),
        highImpactActions: [
          ...new Set([...highImpactActionsInText(ownText), ...highImpactActionsInText(actionText)]),
        ].sort(),
      },
    };
  }
}
