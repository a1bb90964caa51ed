import { describe, expect, it, vi, afterEach } from "vitest";
import { demoPlan, PEOPLE, ROLES, TODAY } from "../support/fake-store";
import { filterActions, leadOptions, myActions, canUpdate, NO_FILTER } from "../../src/ui/state/planView";
import { conflictRows, keepMinePatch, mergedPatch, type ConflictField } from "../../src/ui/state/conflict";
import { createActivityTracker, trackStore } from "../../src/ui/state/activity";
import { errorKind } from "../../src/ui/state/errors";
import { planYearHref, readParams, standaloneActionLink } from "../../src/ui/state/params";
import { previousPlanYear } from "../../src/plan/rollover";
import { currentPlanYear } from "../../src/ui/screens/ConfigPage";
import { ConflictError, OfflineError, PermissionError, ThrottledError } from "../../src/sharepoint/errors";
import { canComment, capabilitiesWithin, isYearClosed, renumberObjectives, type Action } from "../../src/plan";
import type { PlanStore } from "../../src/sharepoint/types";

const { actions } = demoPlan();

describe("objective table filters", () => {
  it("filters by lead, RAG, indicator and overdue, together", () => {
    expect(
      filterActions(actions, { ...NO_FILTER, lead: `person:${PEOPLE.tom.id}` }, TODAY).map((a) => a.number),
    ).toEqual(["1.2", "2.2"]);
    expect(filterActions(actions, { ...NO_FILTER, lead: "role:head of hr" }, TODAY).map((a) => a.number)).toEqual([
      "2.2",
    ]);
    expect(filterActions(actions, { ...NO_FILTER, rag: "Red" }, TODAY).map((a) => a.number)).toEqual(["2.2"]);
    expect(filterActions(actions, { ...NO_FILTER, indicator: 5 }, TODAY).map((a) => a.number)).toEqual(["2.1"]);
    expect(filterActions(actions, { ...NO_FILTER, overdueOnly: true }, TODAY).map((a) => a.number)).toEqual(["1.1"]);
    expect(
      filterActions(
        actions,
        { lead: `person:${PEOPLE.tom.id}`, rag: "Amber", indicator: null, overdueOnly: false },
        TODAY,
      ),
    ).toEqual([]);
  });

  it("offers each lead once, by name: people and the roles named in the lead text", () => {
    expect(leadOptions(actions).map((l) => l.label)).toEqual(["Amara Okafor", "Head of HR", "Tom Hughes"]);
    const roles = [
      { ...actions[0]!, leads: [], leadText: "Head of EDI; Trust Chair" },
      { ...actions[1]!, leads: [], leadText: "head of EDI\nDirector of Nursing, Midwifery and AHPs" },
    ];
    expect(leadOptions(roles).map((l) => l.label)).toEqual([
      "Director of Nursing, Midwifery and AHPs",
      "Head of EDI",
      "Trust Chair",
    ]);
    expect(
      filterActions(roles, { ...NO_FILTER, lead: leadOptions(roles)[1]!.key }, TODAY).map((a) => a.number),
    ).toEqual(["1.1", "1.2"]);
  });
});

describe("my actions", () => {
  it("lists the person's actions overdue first, then by due date", () => {
    expect(myActions({ actions }, PEOPLE.amara, TODAY).map((a) => a.number)).toEqual(["1.1", "2.1", "2.2"]);
  });

  it("matches the signed-in person by e-mail when the site user id differs", () => {
    expect(
      myActions({ actions }, { ...PEOPLE.tom, id: 999, email: "TOM.HUGHES@wres.test" }, TODAY).map((a) => a.number),
    ).toEqual(["1.2", "2.2"]);
  });

  it("lets plan editors update any action and owners only their own", () => {
    const theirs = actions.find((a) => a.number === "1.2")!;
    expect(canUpdate(theirs, PEOPLE.amara, ROLES.owner!)).toBe(false);
    expect(canUpdate(theirs, PEOPLE.tom, ROLES.owner!)).toBe(true);
    expect(canUpdate(theirs, PEOPLE.lead, ROLES.editor!)).toBe(true);
    expect(canUpdate(theirs, PEOPLE.tom, ROLES.reader!)).toBe(false);
  });

  it("lets nobody update, edit or comment in a closed objective, and closes the year only when every objective is", () => {
    const theirs = actions.find((a) => a.number === "1.2")!;
    const closed = { readOnly: true };
    expect(canUpdate(theirs, PEOPLE.lead, ROLES.editor!, closed)).toBe(false);
    expect(canUpdate(theirs, PEOPLE.tom, ROLES.owner!, closed)).toBe(false);
    expect(canUpdate(theirs, PEOPLE.tom, ROLES.owner!, { readOnly: false })).toBe(true);
    expect(canComment(theirs, PEOPLE.chair, ROLES.chair!, closed)).toBe(false);
    expect(capabilitiesWithin(closed, ROLES.editor!)).toEqual({
      editPlan: false,
      editItems: false,
      manageLists: true,
      comment: false,
    });
    expect(isYearClosed([closed, { readOnly: false }])).toBe(false);
    expect(isYearClosed([closed, closed])).toBe(true);
    expect(isYearClosed([])).toBe(false);
  });
});

describe("renumbering objectives", () => {
  const o = (id: number, number: string) => ({ id, number });
  const a = (objectiveId: number, number: string) => ({ objectiveId, number });
  const numbers = (
    plan: ReturnType<
      typeof renumberObjectives<{ id: number; number: string }, { objectiveId: number; number: string }>
    >,
  ) => ({
    objectives: plan.objectives.map((c) => `${c.item.number}>${c.number}`),
    actions: plan.actions.map((c) => `${c.item.number}>${c.number}`),
  });

  it("closes gaps in number order and moves the actions numbered after each objective, keeping their own part", () => {
    const objectives = [o(1, "5"), o(2, "1"), o(3, "2a"), o(4, "2")];
    const actions = [a(1, "5.1"), a(1, "5.3"), a(1, "5.3.1"), a(1, "Board item"), a(4, "2.1"), a(3, "2a.1")];
    expect(numbers(renumberObjectives(objectives, actions))).toEqual({
      objectives: ["2a>3", "5>4"],
      actions: ["2a.1>3.1", "5.1>4.1", "5.3>4.3", "5.3.1>4.3.1"],
    });
  });

  it("changes nothing when the objectives are 1..n already, and a rerun after a part-written renumbering finishes it", () => {
    expect(numbers(renumberObjectives([o(1, "1"), o(2, "2")], [a(2, "2.1")]))).toEqual({ objectives: [], actions: [] });
    // Objective 3's actions were moved to 2.x, then the write of the objective itself failed.
    expect(numbers(renumberObjectives([o(1, "1"), o(2, "3")], [a(2, "2.1"), a(2, "2.2")]))).toEqual({
      objectives: ["3>2"],
      actions: [],
    });
    expect(
      numbers(renumberObjectives([o(1, "1"), o(2, "3"), o(3, "5")], [a(2, "3.1"), a(3, "5.2"), a(3, "5.10")])),
    ).toEqual({
      objectives: ["3>2", "5>3"],
      actions: ["3.1>2.1", "5.2>3.2", "5.10>3.10"],
    });
  });
});

describe("conflict rows and merges", () => {
  const base = actions[0]!;
  const fields: ConflictField<Action>[] = [
    { key: "progress", label: "field.progress", show: (v) => String(v ?? "") },
    { key: "rag", label: "field.rag", show: (v) => String(v) },
    { key: "title", label: "field.title", show: (v) => String(v) },
  ];
  const mine: Action = { ...base, progress: "Ten pairs running", rag: "Green" };
  const theirs: Action = { ...base, etag: '"2"', rag: "Red", title: "Reverse mentoring for the board" };

  it("marks the fields that differ and suggests the user's value only where they changed it", () => {
    const rows = conflictRows(fields, mine, theirs, base);
    expect(rows.map((r) => [r.key, r.differs, r.suggested])).toEqual([
      ["progress", true, "mine"],
      ["rag", true, "mine"],
      ["title", true, "theirs"],
    ]);
  });

  it("merges field by field as chosen, and keep-mine takes every field of the user's", () => {
    expect(mergedPatch(mine, theirs, base, { rag: "theirs" })).toEqual({ progress: "Ten pairs running" });
    expect(keepMinePatch(mine, theirs)).toEqual({ progress: "Ten pairs running", rag: "Green", title: base.title });
  });

  it("offers and saves only the fields the save can write (a progress update: RAG and progress)", () => {
    const rows = conflictRows(fields, mine, theirs, base, ["rag", "progress"]);
    expect(rows.map((r) => [r.key, r.choosable, r.suggested])).toEqual([
      ["progress", true, "mine"],
      ["rag", true, "mine"],
      ["title", false, "theirs"],
    ]);
    expect(keepMinePatch(mine, theirs, ["rag", "progress"])).toEqual({ progress: "Ten pairs running", rag: "Green" });
    expect(mergedPatch(mine, theirs, base, { title: "mine" }, ["rag", "progress"])).toEqual({
      progress: "Ten pairs running",
      rag: "Green",
    });
  });
});

describe("still working", () => {
  afterEach(() => vi.useRealTimers());

  it("turns slow after three seconds of a pending request, or at once on a retry", async () => {
    vi.useFakeTimers();
    const tracker = createActivityTracker();
    let release = () => {};
    const store = trackStore(
      { loadPlan: () => new Promise<void>((r) => (release = r)) } as unknown as PlanStore,
      tracker,
    );
    const pending = store.loadPlan("2025/26");
    expect(tracker.get()).toMatchObject({ pending: 1, slow: false });
    vi.advanceTimersByTime(2999);
    expect(tracker.get().slow).toBe(false);
    vi.advanceTimersByTime(1);
    expect(tracker.get().slow).toBe(true);
    release();
    await pending;
    expect(tracker.get()).toMatchObject({ pending: 0, slow: false, retrying: false });
    const done = tracker.start();
    tracker.retried();
    expect(tracker.get()).toMatchObject({ slow: true, retrying: true });
    done();
    expect(tracker.get().slow).toBe(false);
  });
});

describe("errors in the user's words", () => {
  it("knows the data layer's typed errors by their code", () => {
    expect(errorKind(new ConflictError<object>({}, null))).toBe("conflict");
    expect(errorKind(new PermissionError())).toBe("forbidden");
    expect(errorKind(new ThrottledError(429, 1000))).toBe("throttled");
    expect(errorKind(new OfflineError())).toBe("offline");
    expect(errorKind(new TypeError("Failed to fetch"))).toBe("offline");
    expect(errorKind(new Error("boom"))).toBe("unexpected");
  });
});

describe("page address", () => {
  it("links to another plan year at one of its actions, and knows the year before a plan year", () => {
    const href = planYearHref("https://tab.example/?as=edi.lead%40wres.test&theme=dark&action=11", "2024/25", 50);
    expect(Object.fromEntries(new URL(href).searchParams)).toEqual({
      as: "edi.lead@wres.test",
      theme: "dark",
      action: "50",
      year: "2024/25",
    });
    expect(new URL(planYearHref(href, "2026/27", null)).searchParams.has("action")).toBe(false);
    expect(["2025/26", "2000/01", "2024-2025", "2024", "Year one"].map(previousPlanYear)).toEqual([
      "2024/25",
      "1999/00",
      "2023-2024",
      "2023",
      null,
    ]);
  });

  it("reads theme, language, identity, view and a deep-linked action", () => {
    expect(readParams("?as=amara.okafor%40wres.test&theme=contrast&lang=cy&action=14&view=config")).toMatchObject({
      as: "amara.okafor@wres.test",
      theme: "contrast",
      lang: "cy",
      actionId: 14,
      view: "config",
    });
    expect(readParams("")).toMatchObject({ as: "edi.lead@wres.test", theme: null, actionId: null, view: null });
    expect(standaloneActionLink("http://127.0.0.1:5173/?as=x&theme=dark", 12)).toBe(
      "http://127.0.0.1:5173/?as=x&theme=dark&action=12",
    );
  });

  it("ignores address values that are not in the shape they can have (anyone can write an address)", () => {
    for (const action of [
      "1e3",
      "-4",
      "0",
      "12abc",
      "99999999999",
      "<script>alert(1)</script>",
      "1 or 1 eq 1",
      "9".repeat(5000),
    ]) {
      expect(readParams(`?action=${encodeURIComponent(action)}`).actionId, action).toBeNull();
    }
    expect(readParams("?action=2147483647").actionId).toBe(2147483647);
    for (const year of ["' or 1 eq 1", "2024/25'", "<img src=x>", "2".repeat(5000)]) {
      expect(readParams(`?year=${encodeURIComponent(year)}`).year, year).toBeNull();
    }
    expect(["2024/25", "2024-2025", "2024"].map((y) => readParams(`?year=${encodeURIComponent(y)}`).year)).toEqual([
      "2024/25",
      "2024-2025",
      "2024",
    ]);
    expect(readParams(`?as=${"a".repeat(5000)}`).as).toBe("edi.lead@wres.test");
  });

  it("names the NHS plan year (April to March) for a date", () => {
    expect(currentPlanYear("2025-11-23")).toBe("2025/26");
    expect(currentPlanYear("2026-03-31")).toBe("2025/26");
    expect(currentPlanYear("2026-04-01")).toBe("2026/27");
  });
});
