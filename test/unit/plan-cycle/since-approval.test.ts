import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedSinceApproval, compareWithApproved } from "../../../src/plan/cycle/since-approval";
import { commentsOn, threadComments, type ConsultationEntry } from "../../../src/plan/cycle/consultation";
import { RAGS, type Action, type Objective, type Person, type Rag } from "../../../src/plan/types";

const tom: Person = { id: 12, title: "Tom Hughes", email: "tom.hughes@wres.test" };
const amara: Person = { id: 11, title: "Amara Okafor", email: "amara.okafor@wres.test" };
const editor: Person = { id: 2, title: "Jordan Ellis", email: "edi.lead@wres.test" };
const chair: Person = { id: 15, title: "Samuel Adeyemi", email: "network.chair@wres.test" };

function objective(id: number, title: string): Objective {
  return {
    id,
    etag: '"1"',
    title,
    planYear: "2025/26",
    number: String(id),
    description: null,
    owner: null,
    sponsor: null,
    indicators: [],
    highImpactActions: [],
    ragOverride: null,
    ragOverrideReason: null,
    modified: "2025-01-01T00:00:00Z",
  };
}

function action(id: number, number: string, extra: Partial<Action> = {}): Action {
  return {
    id,
    etag: '"1"',
    objectiveId: 1,
    number,
    title: `Action ${number}`,
    leads: [tom],
    leadText: null,
    dueDate: "2026-03-31",
    milestones: "Q2 pilot",
    progress: null,
    kpis: "50% of panels diverse",
    outcomes: null,
    indicators: [],
    rag: "Green",
    modified: "2025-01-01T00:00:00Z",
    ...extra,
  };
}

const approved = {
  approvedAt: "2025-09-19T09:00:00Z",
  objectives: [objective(1, "Recruitment"), objective(2, "Discipline")],
  actions: [
    action(10, "1.1"),
    action(11, "1.2"),
    action(12, "2.1", { objectiveId: 2, rag: "Amber" }),
    action(13, "2.2", { objectiveId: 2 }),
  ],
};

describe("changes since approval", () => {
  it("names actions added, removed, re-dated, re-scoped and with a new lead, and the RAG then and now", () => {
    const today = {
      objectives: [objective(1, "Recruitment"), objective(3, "Career progression")],
      actions: [
        action(10, "1.1", { dueDate: "2026-06-30", rag: "Amber" }),
        action(11, "1.2", { kpis: "60% of panels diverse", title: "Diverse panels for band 7 and above" }),
        action(12, "2.1", { objectiveId: 2, rag: "Red", leads: [amara], leadText: "Head of HR" }),
        action(20, "3.1", { objectiveId: 3, rag: "Red" }),
      ],
    };
    const since = compareWithApproved(approved, today);
    expect(since).toMatchObject({ added: 1, removed: 1, redated: 1, rescoped: 1, leadChanged: 1, ragMoved: 2 });
    const byId = new Map(since.actions.map((r) => [r.action.id, r]));
    expect(byId.get(10)).toMatchObject({
      status: "kept",
      redated: { from: "2026-03-31", to: "2026-06-30" },
      ragThen: "Green",
      ragNow: "Amber",
    });
    expect(byId.get(11)?.rescoped).toEqual(["title", "kpis"]);
    expect(byId.get(12)?.leads).toEqual({ from: ["Tom Hughes"], to: ["Amara Okafor", "Head of HR"] });
    expect(byId.get(13)).toMatchObject({ status: "removed", ragThen: "Green", ragNow: null });
    expect(byId.get(20)).toMatchObject({ status: "added", ragThen: null, ragNow: "Red" });
    expect(since.objectivesAdded.map((o) => o.title)).toEqual(["Career progression"]);
    expect(since.objectivesRemoved.map((o) => o.title)).toEqual(["Discipline"]);
    expect(since.actions.map((r) => r.action.number)).toEqual(["1.1", "1.2", "2.1", "2.2", "3.1"]);
  });

  it("renumbering alone, or whitespace, is not a change of scope", () => {
    const since = compareWithApproved(approved, {
      objectives: approved.objectives,
      actions: approved.actions.map((a) => ({ ...a, number: `9.${a.id}`, kpis: `${a.kpis ?? ""}  ` })),
    });
    expect(since.actions.filter(changedSinceApproval)).toEqual([]);
  });

  it("property: comparing the approved plan with itself finds nothing; every kept action's RAG then is the approved one", () => {
    const rag = fc.constantFrom<Rag>(...RAGS);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ rag, due: fc.option(fc.constantFrom("2026-01-31", "2026-03-31"), { nil: null }), newRag: rag }),
          { maxLength: 12 },
        ),
        (rows) => {
          const actions = rows.map((r, k) => action(100 + k, `1.${k + 1}`, { rag: r.rag, dueDate: r.due }));
          const copy = { approvedAt: "x", objectives: approved.objectives, actions };
          expect(
            compareWithApproved(copy, { objectives: approved.objectives, actions }).actions.filter(
              changedSinceApproval,
            ),
          ).toEqual([]);
          const moved = actions.map((a, k) => ({ ...a, rag: (rows[k] as { newRag: Rag }).newRag }));
          const since = compareWithApproved(copy, { objectives: approved.objectives, actions: moved });
          expect(since.ragMoved).toBe(rows.filter((r) => r.rag !== r.newRag).length);
          for (const row of since.actions) expect(row.ragThen).toBe(actions.find((a) => a.id === row.action.id)?.rag);
        },
      ),
    );
  });
});

describe("changes since approval, one at a time", () => {
  const keptAsApproved = (id: number) => approved.actions.find((a) => a.id === id) as Action;

  it("a lead swapped for another is a change of lead, even with as many leads as before", () => {
    const today = { objectives: approved.objectives, actions: [{ ...keptAsApproved(10), leads: [amara] }] };
    const row = compareWithApproved({ ...approved, actions: [keptAsApproved(10)] }, today).actions[0];
    expect(row?.leads).toEqual({ from: ["Tom Hughes"], to: ["Amara Okafor"] });
    const reordered = compareWithApproved(
      { ...approved, actions: [{ ...keptAsApproved(10), leads: [tom, amara] }] },
      { objectives: approved.objectives, actions: [{ ...keptAsApproved(10), leads: [amara, tom] }] },
    );
    expect(reordered.leadChanged).toBe(0);
  });

  it("a field emptied to nothing from one never filled in is not a change of scope", () => {
    const since = compareWithApproved(
      { ...approved, actions: [{ ...keptAsApproved(10), outcomes: null }] },
      { objectives: approved.objectives, actions: [{ ...keptAsApproved(10), outcomes: "  " }] },
    );
    expect(since.actions[0]?.rescoped).toEqual([]);
    expect(since.rescoped).toBe(0);
  });

  it("counts each kind of change on its own as worth a line in the report", () => {
    const alone = (change: Partial<Action>) =>
      compareWithApproved(
        { ...approved, actions: [keptAsApproved(10)] },
        { objectives: approved.objectives, actions: [{ ...keptAsApproved(10), ...change }] },
      ).actions[0] as Parameters<typeof changedSinceApproval>[0];
    expect(changedSinceApproval(alone({}))).toBe(false);
    expect(changedSinceApproval(alone({ dueDate: "2026-06-30" }))).toBe(true);
    expect(changedSinceApproval(alone({ milestones: "Q3 pilot" }))).toBe(true);
    expect(changedSinceApproval(alone({ leadText: "Head of HR" }))).toBe(true);
    expect(changedSinceApproval(alone({ rag: "Red" }))).toBe(true);
    const addedAndRemoved = compareWithApproved(
      { ...approved, actions: [keptAsApproved(10)] },
      { objectives: approved.objectives, actions: [action(30, "1.3")] },
    );
    expect(addedAndRemoved.actions.map((r) => [r.status, changedSinceApproval(r)])).toEqual([
      ["removed", true],
      ["added", true],
    ]);
  });

  it("lists actions in number order (1.9 before 1.10), and a removed action before a new one that took its number", () => {
    const since = compareWithApproved(
      { ...approved, actions: [action(40, "1.10"), action(41, "1.9"), action(42, "1.2")] },
      { objectives: approved.objectives, actions: [action(40, "1.10"), action(43, "1.2"), action(41, "1.9")] },
    );
    expect(since.actions.map((r) => [r.action.number, r.action.id, r.status])).toEqual([
      ["1.2", 42, "removed"],
      ["1.2", 43, "added"],
      ["1.9", 41, "kept"],
      ["1.10", 40, "kept"],
    ]);
  });
});

describe("consultation threads", () => {
  const entries: ConsultationEntry[] = [
    {
      id: 1,
      year: "2025/26",
      objectiveId: 1,
      text: "Panels need network members trained first",
      answerTo: null,
      by: chair,
      at: "2025-07-01T09:00:00Z",
    },
    {
      id: 2,
      year: "2025/26",
      objectiveId: null,
      text: "The plan should say how staff were involved",
      answerTo: null,
      by: chair,
      at: "2025-07-01T09:05:00Z",
    },
    {
      id: 3,
      year: "2025/26",
      objectiveId: null,
      text: "Added to action 1.2: training before panels",
      answerTo: 1,
      by: editor,
      at: "2025-07-02T09:00:00Z",
    },
    {
      id: 4,
      year: "2025/26",
      objectiveId: null,
      text: "I answer for the editors",
      answerTo: 2,
      by: chair,
      at: "2025-07-02T10:00:00Z",
    },
  ];

  it("hangs each plan editor's answer under its comment; an 'answer' by anyone else stands as a comment of its own", () => {
    const threads = threadComments(entries, new Set([editor.id]));
    expect(threads.map((c) => [c.id, c.answers.map((a) => a.text)])).toEqual([
      [1, ["Added to action 1.2: training before panels"]],
      [2, []],
      [4, []],
    ]);
    expect(commentsOn(threads, 1).map((c) => c.id)).toEqual([1]);
    expect(commentsOn(threads, null).map((c) => c.id)).toEqual([2, 4]);
  });
});

describe("consultation threads, as SharePoint returns them", () => {
  it("hangs an answer under its comment whatever order the entries come in", () => {
    const entries: ConsultationEntry[] = [5, 4, 3, 2, 1].map((id) => ({
      id,
      year: "2025/26",
      objectiveId: null,
      text: `entry ${id}`,
      answerTo: id === 1 ? null : 1,
      by: id === 1 ? chair : editor,
      at: `2025-07-0${id}T09:00:00Z`,
    }));
    const threads = threadComments(entries, new Set([editor.id]));
    expect(threads.map((c) => [c.id, c.answers.map((a) => a.id)])).toEqual([[1, [2, 3, 4, 5]]]);
  });
});
