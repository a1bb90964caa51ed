// The plan-wide Actions view's rules: search, filters, sort, grouping, the board's columns, and the
// view's round trip through the address (a shared link opens exactly the view that was copied).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { INDICATOR_NUMBERS, RAGS, type Action, type Person } from "../../../src/plan/types";
import {
  activeFilterCount,
  boardColumns,
  clearFilters,
  DEFAULT_VIEW,
  GROUPS,
  groupActions,
  LAYOUTS,
  matchesView,
  SORTS,
  viewActions,
  type ActionsView,
} from "../../../src/ui/state/actionsView";
import {
  actionsSearchFromSubPage,
  actionsSubPageId,
  actionsViewHref,
  actionsViewSearch,
  isActionsTab,
  readActionsView,
  withoutActionsView,
} from "../../../src/ui/state/actionsAddress";
import { action, objective, update } from "../../support/plan-fixtures";

const TOM: Person = { id: 3, title: "Tom Hughes", email: "tom.hughes@wres.test" };
const AMARA: Person = { id: 2, title: "Amara Okafor", email: "amara.okafor@wres.test" };
const CO_CHAIRS: Person = { id: 1_000_010, title: "BAME Network Co-Chairs", email: null, isGroup: true };
const TODAY = "2025-03-14";

const objectives = [
  objective({ id: 1, number: "1", title: "Representation" }),
  objective({ id: 2, number: "2", title: "Recruitment" }),
  objective({ id: 10, number: "10", title: "Board" }),
];
const actions: Action[] = [
  action({
    id: 1,
    objectiveId: 1,
    number: "1.4",
    title: "Diverse interview panels",
    leads: [TOM],
    leadText: "Head of Resourcing",
    indicators: [1, 2],
    rag: "Red",
    dueDate: "2024-12-29",
    kpis: "95% of panels",
    modified: "2025-01-28T10:00:00Z",
  }),
  action({
    id: 2,
    objectiveId: 2,
    number: "2.1",
    title: "Relative likelihood by division",
    leads: [TOM],
    leadText: null,
    indicators: [2],
    rag: "Blue",
    dueDate: "2025-02-22",
    modified: "2025-02-01T10:00:00Z",
  }),
  action({
    id: 3,
    objectiveId: 2,
    number: "2.2",
    title: "Name-blind shortlisting",
    leads: [TOM, AMARA],
    leadText: "Head of Resourcing; Head of EDI",
    indicators: [2],
    rag: "Green",
    dueDate: "2025-04-13",
    progress: "Pilot in Surgery",
    modified: "2025-03-01T10:00:00Z",
  }),
  action({
    id: 4,
    objectiveId: 1,
    number: "1.10",
    title: "Reverse mentoring",
    leads: [CO_CHAIRS],
    leadText: null,
    indicators: [1, 9],
    rag: "Amber",
    dueDate: null,
    modified: "2024-11-01T10:00:00Z",
  }),
  action({
    id: 5,
    objectiveId: 10,
    number: "10.1",
    title: "Cwrs hyfforddiant ŵyr",
    leads: [],
    leadText: "Head of EDI",
    indicators: [],
    rag: "Red",
    dueDate: "2025-03-31",
    modified: "2025-03-10T10:00:00Z",
  }),
  action({
    id: 6,
    objectiveId: 1,
    number: "1.2",
    title: "Band 8a representation targets",
    leads: [AMARA],
    leadText: null,
    indicators: [1],
    rag: "Red",
    dueDate: "2025-01-31",
    modified: "2024-12-01T10:00:00Z",
  }),
];
const snapshot = { actions, lastUpdates: { 4: update(4, "2025-03-12T09:00:00Z", "Green", "Amber") } };
const view = (over: Partial<ActionsView>): ActionsView => ({ ...DEFAULT_VIEW, ...over });
const numbers = (over: Partial<ActionsView>) => viewActions(snapshot, view(over), TODAY).map((a) => a.number);

describe("filters", () => {
  it("Red, led by Tom, indicator 2 is exactly the Red actions Tom leads for indicator 2", () => {
    expect(numbers({ rags: ["Red"], leads: ["person:3"], indicators: [2] })).toEqual(["1.4"]);
  });

  it("choices within one filter widen it (OR); filters narrow each other (AND)", () => {
    expect(numbers({ rags: ["Red", "Blue"] })).toEqual(["1.2", "1.4", "2.1", "10.1"]);
    expect(numbers({ rags: ["Red", "Blue"], leads: ["person:3"] })).toEqual(["1.4", "2.1"]);
    expect(numbers({ indicators: [9, 2] })).toEqual(["1.4", "1.10", "2.1", "2.2"]);
  });

  it("a lead may be a person, a SharePoint group or a role named in the lead text (any case)", () => {
    expect(numbers({ leads: ["person:1000010"] })).toEqual(["1.10"]);
    expect(numbers({ leads: ["role:head of edi"] })).toEqual(["2.2", "10.1"]);
  });

  it("overdue means past due and not complete; due by keeps actions due on or before the day and leaves undated ones out", () => {
    expect(numbers({ overdue: true })).toEqual(["1.2", "1.4"]);
    expect(numbers({ dueBy: "2025-02-22" })).toEqual(["1.2", "1.4", "2.1"]);
    expect(numbers({ objectives: [2, 10] })).toEqual(["2.1", "2.2", "10.1"]);
  });

  it("search finds every word in number, title, progress, KPIs and lead names, whatever the case and accents", () => {
    expect(numbers({ query: "surgery" })).toEqual(["2.2"]);
    expect(numbers({ query: "95%" })).toEqual(["1.4"]);
    expect(numbers({ query: "amara band" })).toEqual(["1.2"]);
    expect(numbers({ query: "co-chairs" })).toEqual(["1.10"]);
    expect(numbers({ query: "WYR" })).toEqual(["10.1"]);
    expect(numbers({ query: "10.1" })).toEqual(["10.1"]);
    expect(numbers({ query: "  " })).toHaveLength(actions.length);
    expect(numbers({ query: "nothing like this" })).toEqual([]);
  });

  it("clearing filters keeps the sort, grouping and layout; the count counts the search too", () => {
    const busy = view({
      query: "x",
      rags: ["Red"],
      overdue: true,
      dueBy: "2025-01-01",
      sort: "due",
      group: "lead",
      layout: "board",
    });
    expect(activeFilterCount(busy)).toBe(4);
    expect(clearFilters(busy)).toEqual(view({ sort: "due", group: "lead", layout: "board" }));
    expect(activeFilterCount(clearFilters(busy))).toBe(0);
  });
});

describe("sort", () => {
  it("by number follows the plan's numbering (1.10 after 1.4, 10.1 last)", () => {
    expect(numbers({})).toEqual(["1.2", "1.4", "1.10", "2.1", "2.2", "10.1"]);
  });
  it("by due date: soonest first, undated last", () => {
    expect(numbers({ sort: "due" })).toEqual(["1.4", "1.2", "2.1", "10.1", "2.2", "1.10"]);
  });
  it("by RAG: worst first, complete last, by number within", () => {
    expect(numbers({ sort: "rag" })).toEqual(["1.2", "1.4", "10.1", "1.10", "2.2", "2.1"]);
  });
  it("by last change: newest first, counting the newest update", () => {
    expect(numbers({ sort: "changed" })).toEqual(["1.10", "10.1", "2.2", "2.1", "1.4", "1.2"]);
  });
});

describe("grouping", () => {
  it("by objective, in the objectives' numbering", () => {
    const groups = groupActions(viewActions(snapshot, DEFAULT_VIEW, TODAY), "objective", objectives);
    expect(
      groups.map((g) => [
        g.label.kind === "objective" ? g.label.objective?.number : null,
        g.actions.map((a) => a.number),
      ]),
    ).toEqual([
      ["1", ["1.2", "1.4", "1.10"]],
      ["2", ["2.1", "2.2"]],
      ["10", ["10.1"]],
    ]);
  });
  it("by RAG, worst first", () => {
    const groups = groupActions(viewActions(snapshot, DEFAULT_VIEW, TODAY), "rag", objectives);
    expect(groups.map((g) => g.key)).toEqual(["rag:Red", "rag:Amber", "rag:Green", "rag:Blue"]);
  });
  it("by lead: an action with two leads under each, roles too, by name", () => {
    const groups = groupActions(viewActions(snapshot, DEFAULT_VIEW, TODAY), "lead", objectives);
    const names = groups.map((g) => (g.label.kind === "lead" ? g.label.name : g.label.kind));
    expect(names).toEqual([
      "Amara Okafor",
      "BAME Network Co-Chairs",
      "Head of EDI",
      "Head of Resourcing",
      "Tom Hughes",
    ]);
    expect(groups.find((g) => g.key === "person:3")?.actions.map((a) => a.number)).toEqual(["1.4", "2.1", "2.2"]);
    expect(groups.find((g) => g.key === "person:2")?.actions.map((a) => a.number)).toEqual(["1.2", "2.2"]);
  });
  it("by indicator, with a last group for actions linked to none", () => {
    const groups = groupActions(viewActions(snapshot, DEFAULT_VIEW, TODAY), "indicator", objectives);
    expect(groups.map((g) => g.key)).toEqual(["indicator:1", "indicator:2", "indicator:9", "indicator:none"]);
  });
  it("an action with no lead at all goes to a no-lead group; no actions, no groups", () => {
    const loose = action({ id: 99, leads: [], leadText: null });
    expect(groupActions([loose], "lead", objectives).map((g) => g.label)).toEqual([{ kind: "noLead" }]);
    expect(groupActions([], "none", objectives)).toEqual([]);
  });
});

describe("board", () => {
  it("has the four RAG columns in order, each in the view's order", () => {
    const columns = boardColumns(viewActions(snapshot, view({ sort: "due" }), TODAY));
    expect(columns.map((c) => [c.rag, c.actions.map((a) => a.number)])).toEqual([
      ["Red", ["1.4", "1.2", "10.1"]],
      ["Amber", ["1.10"]],
      ["Green", ["2.2"]],
      ["Blue", ["2.1"]],
    ]);
  });
});

describe("the address", () => {
  it("writes the shared example readably and reads it back", () => {
    const shared = view({ rags: ["Red"], leads: ["person:3"], indicators: [2] });
    expect(actionsViewSearch(shared)).toBe("tab=actions&rag=Red&lead=person%3A3&indicator=2");
    const href = actionsViewHref("http://127.0.0.1:5173/?as=tom.hughes%40wres.test&theme=dark&q=old", shared);
    expect(href).toBe(
      "http://127.0.0.1:5173/?as=tom.hughes%40wres.test&theme=dark&tab=actions&rag=Red&lead=person%3A3&indicator=2",
    );
    expect(isActionsTab(new URL(href).search)).toBe(true);
    expect(readActionsView(new URL(href).search)).toEqual(shared);
    expect(withoutActionsView(href)).toBe("http://127.0.0.1:5173/?as=tom.hughes%40wres.test&theme=dark");
  });

  it("ignores what an address cannot mean rather than failing", () => {
    const read = readActionsView(
      "?rag=Purple&rag=Red&rag=Red&lead=person:0&lead=admin&indicator=12&indicator=x&obj=-1&obj=7&due=2025-02-30&sort=best&group=colour&layout=grid&overdue=yes",
    );
    expect(read).toEqual(view({ rags: ["Red"], objectives: [7] }));
    expect(readActionsView(`?q=${"a".repeat(5000)}`).query).toHaveLength(200);
  });

  it("carries a view through a Teams deep link's sub-page id", () => {
    const shared = view({ rags: ["Red"], leads: ["role:head of edi, nursing"], layout: "board" });
    const search = actionsSearchFromSubPage(actionsSubPageId(shared));
    expect(search).not.toBeNull();
    expect(readActionsView(search!)).toEqual(shared);
    expect(actionsSearchFromSubPage("action-12")).toBeNull();
    expect(actionsSearchFromSubPage(null)).toBeNull();
  });

  const anyView: fc.Arbitrary<ActionsView> = fc.record({
    query: fc.string({ maxLength: 40 }),
    rags: fc.uniqueArray(fc.constantFrom(...RAGS)).map((r) => [...r].sort((a, b) => RAGS.indexOf(a) - RAGS.indexOf(b))),
    leads: fc.uniqueArray(
      fc.oneof(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((id) => `person:${id}`),
        fc.string({ minLength: 1, maxLength: 30 }).map((r) => `role:${r}`),
      ),
      { maxLength: 5 },
    ),
    indicators: fc.uniqueArray(fc.constantFrom(...INDICATOR_NUMBERS)).map((n) => [...n].sort((a, b) => a - b)),
    objectives: fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { maxLength: 5 }),
    overdue: fc.boolean(),
    dueBy: fc.option(
      fc
        .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    sort: fc.constantFrom(...SORTS),
    group: fc.constantFrom(...GROUPS),
    layout: fc.constantFrom(...LAYOUTS),
  });

  it("any view survives the round trip through the address and through a Teams sub-page id", () => {
    fc.assert(
      fc.property(anyView, (v) => {
        const href = actionsViewHref("https://tab.example/?as=a%40b.test&action=4", v);
        expect(readActionsView(new URL(href).search)).toEqual(v);
        expect(new URL(href).searchParams.get("action")).toBe("4");
        expect(readActionsView(actionsSearchFromSubPage(actionsSubPageId(v))!)).toEqual(v);
      }),
    );
  });

  it("any address whatever reads as a view whose actions all pass it", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("q", "rag", "lead", "indicator", "obj", "overdue", "due", "sort", "group", "layout", "tab"),
            fc.string({ maxLength: 12 }),
          ),
          { maxLength: 12 },
        ),
        (pairs) => {
          const read = readActionsView(new URLSearchParams(pairs).toString());
          const shown = viewActions(snapshot, read, TODAY);
          expect(shown.every((a) => matchesView(a, read, TODAY))).toBe(true);
          expect(actions.filter((a) => matchesView(a, read, TODAY))).toHaveLength(shown.length);
        },
      ),
    );
  });
});
