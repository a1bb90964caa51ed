import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approvingDecision, statusOf, type CycleEntry } from "../../../src/plan/cycle/log";
import {
  cycleRoleOf,
  mayFollow,
  movesFrom,
  refuseAnswer,
  refuseComment,
  refuseDecision,
  refuseMove,
  stateAfterDecision,
  whoMayDoWhat,
  type CycleRole,
  type DecisionDraft,
} from "../../../src/plan/cycle/rules";
import {
  DECISION_OUTCOMES,
  PLAN_YEAR_STATES,
  type Decision,
  type DecisionOutcome,
  type PlanYearState,
} from "../../../src/plan/cycle/types";
import type { Person } from "../../../src/plan/types";
import enGB from "../../../src/i18n/locales/en-GB.json";

/** The English text a message key stands for, as the cycle card shows it. */
function english(key: string): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], enGB);
  if (typeof found !== "string") throw new Error(`No English text for ${key}`);
  return found;
}

const editor: Person = { id: 2, title: "Jordan Ellis", email: "edi.lead@wres.test" };
const YEAR = "2025/26";

function decision(outcome: DecisionOutcome, extra: Partial<Decision> = {}): Decision {
  return {
    meeting: "People and Culture Committee",
    date: "2025-09-18",
    outcome,
    assurance: outcome === "returned" ? null : "partially-assured",
    minuteReference: "PCC/25/117",
    recordedBy: editor,
    recordedAt: "2025-09-19T09:00:00Z",
    ...extra,
  };
}

let id = 0;
function entry(state: PlanYearState, d: Decision | null = null, year = YEAR): CycleEntry {
  id += 1;
  return {
    id,
    year,
    state,
    decision: d,
    note: null,
    by: editor,
    at: `2025-09-${String(id).padStart(2, "0")}T09:00:00Z`,
  };
}

const draft: DecisionDraft = {
  meeting: "Trust Board",
  date: "2025-09-18",
  outcome: "approved",
  assurance: "assured",
  minuteReference: "TB/25/44",
};

describe("the plan year's states", () => {
  it("walks a year as boards run it: draft, consultation, submitted, returned, submitted again, approved, published", () => {
    const entries = [
      entry("consultation"),
      entry("submitted"),
      entry("returned", decision("returned")),
      entry("draft"),
      entry("submitted"),
      entry("approved", decision("approved-with-changes")),
      entry("published"),
    ];
    const status = statusOf(YEAR, entries);
    expect(status.state).toBe("published");
    expect(status.decisions.map((d) => d.outcome)).toEqual(["returned", "approved-with-changes"]);
    expect(status.setAside).toEqual([]);
    expect(approvingDecision(status)?.outcome).toBe("approved-with-changes");
  });

  it("a year with no record is a draft", () => {
    expect(statusOf(YEAR, []).state).toBe("draft");
    expect(approvingDecision(statusOf(YEAR, []))).toBeNull();
  });

  it("sets aside entries that do not follow (written around the tab) and entries of other years", () => {
    const entries = [
      entry("approved", decision("approved")),
      entry("published"),
      entry("consultation", null, "2024/25"),
      entry("submitted"),
      entry("approved"),
    ];
    const status = statusOf(YEAR, entries);
    // An approval with no submission, a publication of an unapproved plan, and an "approved" without a decision are set aside.
    expect(status.state).toBe("submitted");
    expect(status.setAside.map((e) => e.state)).toEqual(["approved", "published", "approved"]);
  });

  it("a decision's outcome fixes the state it leads to: approved with changes counts as approved", () => {
    expect(stateAfterDecision("approved")).toBe("approved");
    expect(stateAfterDecision("approved-with-changes")).toBe("approved");
    expect(stateAfterDecision("returned")).toBe("returned");
    const wrong = statusOf(YEAR, [entry("submitted"), entry("approved", decision("returned"))]);
    expect(wrong.state).toBe("submitted");
  });

  it("offers each state's moves; a submitted plan waits for the committee", () => {
    expect(movesFrom("draft")).toEqual(["consultation", "submitted"]);
    expect(movesFrom("consultation")).toEqual(["draft", "submitted"]);
    expect(movesFrom("submitted")).toEqual([]);
    expect(movesFrom("returned")).toEqual(["draft", "consultation", "submitted"]);
    expect(movesFrom("approved")).toEqual(["published"]);
    expect(movesFrom("published")).toEqual([]);
  });

  it("refuses each wrong move with its reason", () => {
    expect(refuseMove("draft", "consultation", "editor")).toBeNull();
    expect(refuseMove("draft", "consultation", "commenter")?.key).toBe("cycle.refusal.editorsOnly");
    expect(refuseMove("draft", "consultation", "reader")?.key).toBe("cycle.refusal.editorsOnly");
    expect(refuseMove("submitted", "draft", "editor")?.key).toBe("cycle.refusal.awaitingDecision");
    expect(refuseMove("draft", "approved", "editor")?.key).toBe("cycle.refusal.decisionOnly");
    expect(refuseMove("draft", "published", "editor")?.key).toBe("cycle.refusal.notNext");
    expect(refuseMove("published", "draft", "editor")?.key).toBe("cycle.refusal.published");
    expect(refuseMove("draft", "draft", "editor")?.key).toBe("cycle.refusal.alreadyIn");
  });

  it("who is who, from SharePoint's permissions", () => {
    expect(cycleRoleOf({ editPlan: true, comment: true })).toBe("editor");
    expect(cycleRoleOf({ editPlan: false, comment: true })).toBe("commenter");
    expect(cycleRoleOf({ editPlan: false, comment: false })).toBe("reader");
  });

  it("comments only during consultation, by those who may comment; answers by plan editors before the plan goes to committee", () => {
    expect(refuseComment("consultation", "commenter")).toBeNull();
    expect(refuseComment("consultation", "editor")).toBeNull();
    expect(refuseComment("consultation", "reader")?.key).toBe("cycle.refusal.cannotComment");
    expect(refuseComment("draft", "commenter")?.key).toBe("cycle.refusal.notInConsultation");
    expect(refuseComment("approved", "commenter")?.key).toBe("cycle.refusal.notInConsultation");
    expect(refuseAnswer("consultation", "editor")).toBeNull();
    expect(refuseAnswer("draft", "editor")).toBeNull();
    expect(refuseAnswer("consultation", "commenter")?.key).toBe("cycle.refusal.editorsOnly");
    expect(refuseAnswer("submitted", "editor")?.key).toBe("cycle.refusal.answersClosed");
  });

  it("a decision needs a submitted plan, a plan editor, the meeting, a real past date, the outcome and, to approve, the assurance level", () => {
    const today = "2025-09-20";
    expect(refuseDecision("submitted", "editor", draft, today)).toEqual([]);
    expect(refuseDecision("consultation", "editor", draft, today)[0]?.refusal.key).toBe("cycle.refusal.notSubmitted");
    expect(refuseDecision("submitted", "commenter", draft, today)[0]?.refusal.key).toBe("cycle.refusal.editorsOnly");
    const empty = refuseDecision(
      "submitted",
      "editor",
      { meeting: " ", date: "2025-02-30", outcome: null, assurance: null, minuteReference: null },
      today,
    );
    expect(empty.map((r) => [r.field, r.refusal.key])).toEqual([
      ["meeting", "cycle.refusal.meetingNeeded"],
      ["date", "cycle.refusal.dateNeeded"],
      ["outcome", "cycle.refusal.outcomeNeeded"],
    ]);
    expect(refuseDecision("submitted", "editor", { ...draft, date: "2025-09-21" }, today)[0]).toEqual({
      field: "date",
      refusal: { key: "cycle.refusal.dateInFuture" },
    });
    expect(refuseDecision("submitted", "editor", { ...draft, assurance: null }, today)[0]?.field).toBe("assurance");
    expect(refuseDecision("submitted", "editor", { ...draft, outcome: "returned", assurance: null }, today)).toEqual(
      [],
    );
  });

  it("says who may do what in every state, for each role", () => {
    for (const state of PLAN_YEAR_STATES) {
      const roles = whoMayDoWhat(state).map((w) => w.role);
      expect(roles).toEqual(["editor", "commenter", "reader"]);
    }
    expect(whoMayDoWhat("consultation")[1]?.key).toBe("cycle.who.commenter.consultation");
  });

  // These lists are also the choices of the plan cycle list's State and Decision columns.
  it("has six states, each named on the cycle card, and a committee decides one of three outcomes", () => {
    expect(PLAN_YEAR_STATES.map((s) => english(`cycle.state.${s}`))).toEqual([
      "Draft",
      "In consultation",
      "Submitted to committee",
      "Approved",
      "Returned by committee",
      "Published",
    ]);
    expect(DECISION_OUTCOMES.map((o) => english(`cycle.outcome.${o}`))).toEqual([
      "Approved",
      "Approved with changes",
      "Returned for more work",
    ]);
  });
});

describe("the plan year's states, case by case", () => {
  it("reads the record by id whatever order SharePoint gives it in, and ignores other years' entries", () => {
    const walked = [entry("consultation"), entry("submitted"), entry("approved", decision("approved"))];
    const status = statusOf(YEAR, [...walked].reverse());
    expect(status.state).toBe("approved");
    expect(status.history.map((e) => e.state)).toEqual(["consultation", "submitted", "approved"]);
    expect(status.setAside).toEqual([]);
    const otherYear = statusOf(YEAR, [entry("consultation", null, "2024/25")]);
    expect(otherYear).toMatchObject({ state: "draft", history: [], setAside: [] });
  });

  it("a returned plan has no approving decision; the approving one is the last approval of the record", () => {
    const returned = statusOf(YEAR, [entry("submitted"), entry("returned", decision("returned"))]);
    expect(returned.state).toBe("returned");
    expect(approvingDecision(returned)).toBeNull();
    const twice = {
      ...returned,
      decisions: [decision("approved", { meeting: "Trust Board" }), decision("approved-with-changes")],
    };
    expect(approvingDecision(twice)?.outcome).toBe("approved-with-changes");
  });

  it("only a decision follows a submitted plan, and nothing but a move follows any other state", () => {
    expect(mayFollow("submitted", "approved")).toBe(true);
    expect(mayFollow("submitted", "returned")).toBe(true);
    expect(mayFollow("submitted", "draft")).toBe(false);
    expect(mayFollow("draft", "consultation")).toBe(true);
    expect(mayFollow("draft", "approved")).toBe(false);
    expect(mayFollow("consultation", "returned")).toBe(false);
  });

  it("says which state and which step a refused move names", () => {
    expect(refuseMove("consultation", "consultation", "editor")).toEqual({
      key: "cycle.refusal.alreadyIn",
      values: { state: "consultation" },
    });
    expect(refuseMove("approved", "draft", "editor")).toEqual({
      key: "cycle.refusal.notNext",
      values: { from: "approved", to: "draft" },
    });
    expect(refuseMove("draft", "returned", "editor")?.key).toBe("cycle.refusal.decisionOnly");
    expect(refuseMove("returned", "submitted", "editor")).toBeNull();
  });

  it("a returned plan may still be answered by its editors", () => {
    expect(refuseAnswer("returned", "editor")).toBeNull();
    expect(refuseAnswer("approved", "editor")?.key).toBe("cycle.refusal.answersClosed");
    expect(refuseAnswer("published", "editor")?.key).toBe("cycle.refusal.answersClosed");
  });

  it("a decision may be dated today, not in a form other than yyyy-mm-dd, and an approval asks for the assurance level", () => {
    const today = "2025-09-20";
    expect(refuseDecision("submitted", "editor", { ...draft, date: today }, today)).toEqual([]);
    expect(refuseDecision("submitted", "editor", { ...draft, date: "18/09/2025" }, today)).toEqual([
      { field: "date", refusal: { key: "cycle.refusal.dateNeeded" } },
    ]);
    // JavaScript reads "+010000-01" as 1 January 10000 and writes it back the same: not a meeting date.
    expect(refuseDecision("submitted", "editor", { ...draft, date: "+010000-01" }, today)).toEqual([
      { field: "date", refusal: { key: "cycle.refusal.dateNeeded" } },
    ]);
    expect(refuseDecision("submitted", "editor", { ...draft, assurance: null }, today)).toEqual([
      { field: "assurance", refusal: { key: "cycle.refusal.assuranceNeeded" } },
    ]);
  });

  it("tells each role what it may do in each state, in words", () => {
    const editorLine = (state: PlanYearState) => english((whoMayDoWhat(state)[0] as { key: string }).key);
    expect(editorLine("draft")).toMatch(/open consultation or submit it to committee/);
    expect(editorLine("returned")).toMatch(/open consultation or submit it to committee/);
    expect(editorLine("consultation")).toMatch(/answer each comment, close consultation/);
    expect(editorLine("submitted")).toMatch(/record the committee's decision/);
    expect(editorLine("approved")).toMatch(/mark the plan as published/);
    expect(editorLine("published")).toMatch(/^keep the live plan up to date; the approved copy does not change$/);
    const commenterLine = (state: PlanYearState) => english((whoMayDoWhat(state)[1] as { key: string }).key);
    expect(commenterLine("consultation")).toMatch(/comment on each section/);
    expect(commenterLine("submitted")).toMatch(/^read the plan and its consultation$/);
    expect(english((whoMayDoWhat("draft")[2] as { key: string }).key)).toMatch(/^read the plan, its consultation/);
  });
});

// ---- properties

// Built when a test asks, not when the file loads: the states and outcomes are the code's own lists.
const states = () => fc.constantFrom(...PLAN_YEAR_STATES);
const outcomes = () => fc.constantFrom(...DECISION_OUTCOMES);
const roles = fc.constantFrom<CycleRole>("editor", "commenter", "reader");
/** A random entry: a state the year claims to have entered, sometimes with a decision. */
const anyEntry = () => fc.record({ state: states(), outcome: fc.option(outcomes(), { nil: null }) });

describe("the cycle's properties", () => {
  it("whatever was recorded, the state is reached only by allowed steps, published only after an approval, and every decision followed a submission", () => {
    fc.assert(
      fc.property(fc.array(anyEntry(), { maxLength: 30 }), (raw) => {
        const entries = raw.map((r, k) => ({
          id: k + 1,
          year: YEAR,
          state: r.state,
          decision: r.outcome ? decision(r.outcome) : null,
          note: null,
          by: editor,
          at: "2025-01-01T00:00:00Z",
        }));
        const status = statusOf(YEAR, entries);
        let previous: PlanYearState = "draft";
        for (const e of status.history) {
          expect(mayFollow(previous, e.state)).toBe(true);
          if (e.decision) expect(previous).toBe("submitted");
          previous = e.state;
        }
        expect(status.state).toBe(previous);
        expect(status.history.length + status.setAside.length).toBe(entries.length);
        if (status.state === "published") expect(status.decisions.some((d) => d.outcome !== "returned")).toBe(true);
      }),
    );
  });

  it("an editor's allowed move is exactly a step the record accepts; nobody else moves the year", () => {
    fc.assert(
      fc.property(states(), states(), roles, (from, to, role) => {
        const refusal = refuseMove(from, to, role);
        if (role !== "editor") expect(refusal?.key).toBe("cycle.refusal.editorsOnly");
        else if (refusal === null) expect(mayFollow(from, to) && from !== "submitted").toBe(true);
        else expect(movesFrom(from)).not.toContain(to);
      }),
    );
  });

  it("walking only allowed moves and decisions, the record always reads back as the state walked", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), outcomes()), { maxLength: 25 }), (steps) => {
        let state: PlanYearState = "draft";
        const entries: CycleEntry[] = [];
        steps.forEach(([pick, outcome], k) => {
          if (state === "submitted") {
            state = stateAfterDecision(outcome);
            entries.push({ id: k + 1, year: YEAR, state, decision: decision(outcome), note: null, by: editor, at: "" });
            return;
          }
          const moves = movesFrom(state);
          if (moves.length === 0) return;
          state = moves[pick % moves.length] as PlanYearState;
          entries.push({ id: k + 1, year: YEAR, state, decision: null, note: null, by: editor, at: "" });
        });
        const status = statusOf(YEAR, entries);
        expect(status.state).toBe(state);
        expect(status.setAside).toEqual([]);
      }),
    );
  });
});
