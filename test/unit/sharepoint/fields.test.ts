import { describe, expect, it } from "vitest";
import type { Action, IndicatorResultRow, Objective } from "../../../src/plan/types";
import { ACTION_COLUMNS } from "../../../src/sharepoint/fields/actions";
import { RESULT_COLUMNS } from "../../../src/sharepoint/fields/indicator-results";
import { OBJECTIVE_COLUMNS } from "../../../src/sharepoint/fields/objectives";
import { UPDATE_COLUMNS } from "../../../src/sharepoint/fields/progress-updates";
import { CONSULTATION_COLUMNS, PLAN_CYCLE_COLUMNS } from "../../../src/sharepoint/fields/cycle";
import {
  actionFields,
  indicatorResultFields,
  objectiveFields,
  OBJECTIVE_SELECT,
  toAction,
  toActionVersion,
  toIndicatorResult,
  toObjective,
  progressUpdateFields,
  toProgressUpdate,
} from "../../../src/sharepoint/mapping";
import { DISPLAY_NAMES, SCHEMA } from "../../../src/sharepoint/schema";
import { FIGURE_COLUMNS } from "../../../src/sharepoint/fields/indicator-figures";
import { siteTimeZoneFrom } from "../../../src/sharepoint/time-zone";

const TABLES = [
  { list: "objectives", columns: OBJECTIVE_COLUMNS },
  { list: "actions", columns: ACTION_COLUMNS },
  { list: "indicatorResults", columns: RESULT_COLUMNS },
  { list: "progressUpdates", columns: UPDATE_COLUMNS },
  { list: "planCycle", columns: PLAN_CYCLE_COLUMNS },
  { list: "consultation", columns: CONSULTATION_COLUMNS },
  { list: "indicatorFigures", columns: FIGURE_COLUMNS },
] as const;

const objective: Omit<Objective, "id" | "etag" | "modified" | "modifiedBy"> = {
  title: "Fair recruitment",
  planYear: "2025/26",
  number: "3",
  description: "Shortlists reflect the applicants",
  owner: { id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" },
  sponsor: { id: 9, title: "Dev Patel", email: null },
  indicators: [2, 5],
  highImpactActions: ["HIA 1", "HIA 3"],
  ragOverride: "Amber",
  ragOverrideReason: "Waiting for the panel data",
  readOnly: true,
};

/** What SharePoint sends back for the fields a write set: people expanded under their own names. */
function echoed(written: Record<string, unknown>): Record<string, unknown> {
  const item: Record<string, unknown> = { ...written };
  for (const [name, person] of [
    ["ObjectiveOwner", objective.owner],
    ["ExecutiveSponsor", objective.sponsor],
  ] as const) {
    delete item[`${name}Id`];
    item[name] = person ? { Id: person.id, Title: person.title, EMail: person.email } : null;
  }
  return item;
}

describe("field tables", () => {
  it("give set-up exactly their fields, in their order (SharePoint's own Title left out)", () => {
    for (const { list, columns } of TABLES) {
      const spec = SCHEMA.find((l) => l.key === list)!;
      expect(spec.fields.map((f) => f.name)).toEqual(columns.filter((c) => !c.builtIn).map((c) => c.field.name));
    }
  });

  it("cover every list that has fields of its own", () => {
    for (const list of SCHEMA)
      if (list.fields.length > 0)
        expect(
          TABLES.map((t) => t.list),
          list.key,
        ).toContain(list.key);
  });

  it("give each column the title SharePoint shows, the same wherever an internal name recurs", () => {
    for (const { columns } of TABLES)
      for (const c of columns) if (!c.builtIn) expect(DISPLAY_NAMES[c.field.name], c.field.name).toBe(c.display);
  });

  it("read back every property an objective writes", () => {
    const read = toObjective({
      Id: 4,
      "odata.etag": '"2"',
      Modified: "2025-06-01T10:00:00Z",
      ...echoed(objectiveFields(objective)),
    });
    expect(read).toEqual({ ...objective, id: 4, etag: '"2"', modified: "2025-06-01T10:00:00Z", modifiedBy: null });
    // The approved copy of a year is this object as JSON: its keys keep the order they always had.
    expect(Object.keys(read)).toEqual([
      "id",
      "etag",
      "title",
      "planYear",
      "number",
      "description",
      "owner",
      "sponsor",
      "indicators",
      "highImpactActions",
      "ragOverride",
      "ragOverrideReason",
      "modified",
      "modifiedBy",
      "readOnly",
    ]);
  });

  it("read every objective column the $select asks for", () => {
    for (const c of OBJECTIVE_COLUMNS) {
      const selected = c.field.type === "person" ? `${c.field.name}/Id` : c.field.name;
      expect(OBJECTIVE_SELECT, c.key).toContain(selected);
    }
  });

  it("clear optional text and an empty list of labels, and write a person as its id", () => {
    expect(
      objectiveFields({
        description: "",
        highImpactActions: [],
        owner: null,
        sponsor: objective.sponsor,
        readOnly: false,
      }),
    ).toEqual({
      ObjectiveDescription: null,
      HighImpactActions: null,
      ObjectiveOwnerId: null,
      ExecutiveSponsorId: 9,
      ReadOnly: false,
    });
  });

  it("read back every property an action writes, the due date in the site's zone, and its versions alike", () => {
    const action: Omit<Action, "id" | "etag" | "modified" | "modifiedBy"> = {
      title: "Reverse mentoring",
      objectiveId: 3,
      number: "2.10",
      leads: [{ id: 7, title: "Amara Okafor", email: "amara.okafor@wres.test" }],
      leadText: "Head of EDI",
      dueDate: "2025-03-31",
      milestones: "Pairs matched",
      progress: "Six pairs",
      kpis: "Retention",
      outcomes: "Board hears staff",
      indicators: [1, 5],
      rag: "Amber",
      carriedFromId: 41,
    };
    const pacific = siteTimeZoneFrom({
      Id: 13,
      Description: "(UTC-08:00) Pacific Time (US and Canada)",
      Information: { Bias: 480, DaylightBias: -60, StandardBias: 0 },
    });
    const written = actionFields(action, pacific);
    expect(written["LeadsId"]).toEqual([7]);
    expect(written["ObjectiveId"]).toBe(3);
    expect(written["DueDate"]).toBe("2025-03-31T07:00:00Z");
    const item: Record<string, unknown> = {
      ...written,
      Leads: [{ Id: 7, Title: "Amara Okafor", EMail: "amara.okafor@wres.test" }],
      Id: 12,
      "odata.etag": '"1"',
      Modified: "m",
    };
    delete item["LeadsId"];
    expect(toAction(item, pacific)).toEqual({ ...action, id: 12, etag: '"1"', modified: "m", modifiedBy: null });
    expect(Object.keys(toAction(item, pacific)).slice(-4)).toEqual(["rag", "modified", "modifiedBy", "carriedFromId"]);
    const version = toActionVersion(
      {
        ...item,
        Objective: { LookupId: 3 },
        Leads: [{ LookupId: 7, LookupValue: "Amara Okafor", Email: "amara.okafor@wres.test" }],
        VersionLabel: "2.0",
      },
      pacific,
    );
    const { carriedFromId: _carried, ...recorded } = action;
    expect(version.fields).toEqual(recorded);
  });

  it("read back every property an indicator result writes, and give it a Title people can read", () => {
    const row: Omit<IndicatorResultRow, "id" | "etag" | "modified"> = {
      year: "2024/25",
      standard: "nhs-england-wres",
      indicator: 9,
      value: -0.5,
      detail: "{}",
      origin: "entered",
    };
    const written = indicatorResultFields(row);
    expect(written["Title"]).toBe("2024/25 nhs-england-wres indicator 9");
    expect(toIndicatorResult({ ...written, Id: 5, Modified: "m" })).toEqual({
      ...row,
      id: 5,
      etag: "*",
      modified: "m",
    });
  });

  it("write a history row's fields, its author and action as ids, its kind as the choice SharePoint keeps", () => {
    const written = progressUpdateFields({
      actionId: 12,
      planYear: "2025/26",
      date: "2025-06-01T10:00:00.000Z",
      authorId: 7,
      rag: "Red",
      previousRag: "Amber",
      note: "Funding paused",
      progress: null,
      kind: "update",
    });
    expect(written).toEqual({
      Title: "RAG Red",
      ActionId: 12,
      PlanYear: "2025/26",
      UpdateDate: "2025-06-01T10:00:00.000Z",
      UpdateAuthorId: 7,
      Rag: "Red",
      PreviousRag: "Amber",
      Note: "Funding paused",
      Progress: null,
      Kind: "Update",
    });
    const comment = progressUpdateFields({
      actionId: 12,
      planYear: "2025/26",
      date: "d",
      authorId: null,
      rag: null,
      previousRag: null,
      note: "Thanks",
      progress: null,
      kind: "import",
    });
    expect([comment["Title"], comment["Kind"]]).toEqual(["Import", "Import"]);
    expect(toProgressUpdate({ Id: 1, ...comment, Kind: "IMPORT" }).kind).toBe("import");
  });
});
