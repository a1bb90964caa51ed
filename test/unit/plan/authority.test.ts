import { describe, expect, it } from "vitest";
import {
  classifyUpdate,
  leadPeriods,
  leadsAt,
  mayUpdate,
  mayUpdateAt,
  withLatestUpdate,
  type UpdateAuthority,
} from "../../../src/plan/authority";
import type { Action, Person, ProgressUpdate } from "../../../src/plan/types";
import { action as anAction, update as anUpdate } from "../../support/plan-fixtures";

const amara: Person = { id: 11, title: "Amara Okafor", email: "amara.okafor@wres.test" };
const tom: Person = { id: 12, title: "Tom Hughes", email: "tom.hughes@wres.test" };
const chair: Person = { id: 15, title: "Samuel Adeyemi", email: "network.chair@wres.test" };
const editor: Person = { id: 2, title: "Jordan Ellis", email: "edi.lead@wres.test" };
const authority = { editorIds: new Set([editor.id]) };

function action(leads: Person[], extra: Partial<Action> = {}): Action {
  return anAction({
    id: 7,
    objectiveId: 1,
    title: "Diverse panels",
    leads,
    leadText: null,
    progress: "Scoping",
    ...extra,
  });
}

function update(author: Person, date: string, extra: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return anUpdate(7, date, "Green", "Amber", { id: Date.parse(date) / 1000, author, progress: "Slipped", ...extra });
}

describe("whose progress updates count", () => {
  it("an action's leads and plan editors may update it; nobody else", () => {
    expect(mayUpdate(action([amara]), amara, authority)).toBe(true);
    expect(mayUpdate(action([amara]), editor, authority)).toBe(true);
    expect(mayUpdate(action([amara]), tom, authority)).toBe(false);
    expect(mayUpdate(action([amara]), null, authority)).toBe(false);
    // Leads that are only a job title: plan editors until a person is assigned.
    expect(mayUpdate(action([], { leadText: "Head of EDI" }), amara, authority)).toBe(false);
    expect(mayUpdate(action([], { leadText: "Head of EDI" }), editor, authority)).toBe(true);
  });

  it("shows an update by someone who may not update the action as a comment, keeping what they wrote", () => {
    const forged = classifyUpdate(
      update(tom, "2025-02-01T10:00:00Z", { rag: "Blue", progress: "Done" }),
      action([amara]),
      authority,
    );
    expect(forged).toMatchObject({
      kind: "comment",
      rag: null,
      previousRag: null,
      progress: null,
      note: "RAG Blue: Done",
      author: tom,
    });
    const own = update(amara, "2025-02-01T10:00:00Z");
    expect(classifyUpdate(own, action([amara]), authority)).toBe(own);
    const comment = update(chair, "2025-02-01T10:00:00Z", { kind: "comment", rag: null, note: "We can help" });
    expect(classifyUpdate(comment, action([amara]), authority)).toBe(comment);
  });

  it("takes the RAG and progress from the newest counting record, ignoring others' rows", () => {
    const updates = [
      update(amara, "2025-02-01T10:00:00Z", { rag: "Amber", progress: "Slipped" }),
      update(chair, "2025-03-01T10:00:00Z", { rag: "Blue", progress: "Complete (says the chair)" }),
      update(amara, "2025-01-15T10:00:00Z", { rag: "Red", progress: "Older" }),
    ];
    expect(withLatestUpdate(action([amara]), updates, authority)).toMatchObject({
      rag: "Amber",
      progress: "Slipped",
      modified: "2025-02-01T10:00:00Z",
      dueDate: "2025-03-31",
    });
    // An action nobody has updated keeps the item's own values.
    expect(withLatestUpdate(action([tom]), updates, authority)).toMatchObject({ rag: "Green", progress: "Scoping" });
  });
});

/** Action 7's authority from its item's versions (in any order), with the plan editor. */
function fromVersions(versions: Parameters<typeof leadPeriods>[0]): UpdateAuthority {
  return { editorIds: new Set([editor.id]), leadHistory: new Map([[7, leadPeriods(versions)]]) };
}

describe("whose updates count at the time they were written", () => {
  // Amara led action 7 from its creation; on 1 March a plan editor made Tom its lead instead. Built
  // inside each test, so that mutation testing's per-test coverage sees the periods being folded.
  const amaraThenTom = () =>
    fromVersions([
      { saved: "2025-03-01T12:00:00Z", leadIds: [tom.id] },
      { saved: "2025-01-01T09:00:00Z", leadIds: [amara.id] },
      // A later edit of the due date: the leads did not change.
      { saved: "2025-03-10T08:00:00Z", leadIds: [tom.id] },
    ]);
  const now = action([tom]);

  it("folds an item's versions into periods of leads, oldest first", () => {
    const history = amaraThenTom();
    expect(history.leadHistory?.get(7)).toEqual([
      { from: "2025-01-01T09:00:00Z", leadIds: [amara.id] },
      { from: "2025-03-01T12:00:00Z", leadIds: [tom.id] },
    ]);
    expect(leadsAt(now, "2025-02-01T00:00:00Z", history)).toEqual([amara.id]);
    expect(leadsAt(now, "2025-03-01T12:00:00Z", history)).toEqual([tom.id]);
    // Before the first version (a history migrated with its dates): the leads it was created with.
    expect(leadsAt(now, "2024-06-01T00:00:00Z", history)).toEqual([amara.id]);
    // An action with no recorded change of leads: its current leads, always.
    expect(leadsAt(action([amara], { id: 8 }), "2020-01-01T00:00:00Z", history)).toEqual([amara.id]);
  });

  it("a former lead's update written while she led still counts; one written after she was replaced does not", () => {
    const history = amaraThenTom();
    expect(mayUpdateAt(now, amara, "2025-02-15T10:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(now, amara, "2025-03-02T10:00:00Z", history)).toBe(false);
    // She may not update it now, whatever she could do before.
    expect(mayUpdate(now, amara, history)).toBe(false);
    const whileLead = update(amara, "2025-02-15T10:00:00Z", { rag: "Red", progress: "Stalled" });
    const afterwards = update(amara, "2025-03-05T10:00:00Z", { rag: "Blue", progress: "Done (not hers to say)" });
    expect(classifyUpdate(whileLead, now, history)).toBe(whileLead);
    expect(classifyUpdate(afterwards, now, history)).toMatchObject({
      kind: "comment",
      rag: null,
      note: "RAG Blue: Done (not hers to say)",
    });
    expect(withLatestUpdate(now, [whileLead, afterwards], history)).toMatchObject({ rag: "Red", progress: "Stalled" });
  });

  it("the new lead's update counts only from the day they were made lead; plan editors' at any time", () => {
    const history = amaraThenTom();
    const before = update(tom, "2025-02-20T10:00:00Z", { rag: "Blue", progress: "Written before he led it" });
    const after = update(tom, "2025-03-04T10:00:00Z", { rag: "Amber", progress: "Taking over" });
    expect(classifyUpdate(before, now, history).kind).toBe("comment");
    expect(classifyUpdate(after, now, history)).toBe(after);
    expect(withLatestUpdate(now, [before], history)).toMatchObject({ rag: "Green", progress: "Scoping" });
    expect(mayUpdateAt(now, editor, "2024-01-01T00:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(now, chair, "2025-03-04T10:00:00Z", history)).toBe(false);
  });

  it("nobody signed in may update an action, at any time", () => {
    const history = amaraThenTom();
    expect(mayUpdateAt(now, null, "2025-02-15T10:00:00Z", history)).toBe(false);
    expect(mayUpdateAt(now, null, "2025-03-04T10:00:00Z", history)).toBe(false);
  });

  it("a lead added beside another, or one of two co-leads replaced, changes who may update from that version on", () => {
    const history = fromVersions([
      { saved: "2025-01-01T09:00:00Z", leadIds: [amara.id] },
      { saved: "2025-02-01T09:00:00Z", leadIds: [amara.id, tom.id] },
      { saved: "2025-03-01T09:00:00Z", leadIds: [amara.id, chair.id] },
    ]);
    const led = action([amara, chair]);
    expect(mayUpdateAt(led, tom, "2025-01-15T10:00:00Z", history)).toBe(false);
    // Either of two co-leads may update it.
    expect(mayUpdateAt(led, tom, "2025-02-15T10:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(led, amara, "2025-02-15T10:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(led, chair, "2025-02-15T10:00:00Z", history)).toBe(false);
    expect(mayUpdateAt(led, chair, "2025-03-15T10:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(led, tom, "2025-03-15T10:00:00Z", history)).toBe(false);
  });

  it("a version listing the same leads in another order, or one of them twice, does not change the leads", () => {
    const history = fromVersions([
      { saved: "2025-01-01T09:00:00Z", leadIds: [tom.id, amara.id] },
      { saved: "2025-02-01T09:00:00Z", leadIds: [amara.id, tom.id, amara.id] },
    ]);
    expect(history.leadHistory?.get(7)).toEqual([{ from: "2025-01-01T09:00:00Z", leadIds: [amara.id, tom.id] }]);
  });

  it("an action whose version history reads as empty is judged by its current leads", () => {
    const history = fromVersions([]);
    expect(mayUpdateAt(action([amara]), amara, "2025-02-15T10:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(action([amara]), tom, "2025-02-15T10:00:00Z", history)).toBe(false);
  });
});

describe("leads that are SharePoint groups", () => {
  // "BAME Network Co-Chairs", a site group whose members are the chair and Tom.
  const coChairs: Person = { id: 1_000_010, title: "BAME Network Co-Chairs", email: null };
  const withGroup: UpdateAuthority = {
    editorIds: new Set([editor.id]),
    groupMembers: new Map([[coChairs.id, new Set([chair.id, tom.id])]]),
  };

  it("any member of a lead group may update the action; a non-member may not", () => {
    expect(mayUpdate(action([coChairs]), chair, withGroup)).toBe(true);
    expect(mayUpdate(action([coChairs]), tom, withGroup)).toBe(true);
    expect(mayUpdate(action([coChairs]), amara, withGroup)).toBe(false);
    expect(mayUpdate(action([coChairs]), editor, withGroup)).toBe(true);
  });

  it("a member's record counts and a non-member's is a comment", () => {
    const led = action([coChairs]);
    const byMember = update(chair, "2025-02-01T10:00:00Z", { rag: "Amber", progress: "Panels booked" });
    const byOutsider = update(amara, "2025-02-02T10:00:00Z", { rag: "Blue", progress: "Done" });
    expect(classifyUpdate(byMember, led, withGroup)).toBe(byMember);
    expect(classifyUpdate(byOutsider, led, withGroup)).toMatchObject({ kind: "comment", note: "RAG Blue: Done" });
    expect(withLatestUpdate(led, [byMember, byOutsider], withGroup)).toMatchObject({
      rag: "Amber",
      progress: "Panels booked",
      modifiedBy: chair,
    });
  });

  it("a group whose members the reader cannot see counts for nobody but plan editors", () => {
    const hidden: UpdateAuthority = { editorIds: new Set([editor.id]), groupMembers: new Map() };
    expect(classifyUpdate(update(chair, "2025-02-01T10:00:00Z"), action([coChairs]), hidden).kind).toBe("comment");
    expect(mayUpdate(action([coChairs]), editor, hidden)).toBe(true);
  });

  it("judges by the group leading the action at the time, with its members as they are now", () => {
    const history: UpdateAuthority = {
      ...withGroup,
      leadHistory: new Map([
        [
          7,
          leadPeriods([
            { saved: "2025-01-01T09:00:00Z", leadIds: [amara.id] },
            { saved: "2025-02-01T09:00:00Z", leadIds: [coChairs.id] },
          ]),
        ],
      ]),
    };
    const led = action([coChairs]);
    expect(mayUpdateAt(led, chair, "2025-01-15T10:00:00Z", history)).toBe(false);
    expect(mayUpdateAt(led, chair, "2025-02-15T10:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(led, amara, "2025-01-15T10:00:00Z", history)).toBe(true);
    expect(mayUpdateAt(led, amara, "2025-02-15T10:00:00Z", history)).toBe(false);
  });
});

describe("versions saved in the same second", () => {
  it("are ordered by their version label, whatever order they come in", () => {
    // SharePoint answers newest first and stamps Modified to the second.
    const periods = leadPeriods([
      { saved: "2025-02-01T09:00:00Z", label: "2.0", leadIds: [tom.id] },
      { saved: "2025-02-01T09:00:00Z", label: "1.0", leadIds: [amara.id] },
    ]);
    expect(periods.map((p) => p.leadIds)).toEqual([[amara.id], [tom.id]]);
    const byHistory: UpdateAuthority = { ...authority, leadHistory: new Map([[7, periods]]) };
    expect(mayUpdateAt(action([tom]), tom, "2025-02-01T09:00:00Z", byHistory)).toBe(true);
    expect(mayUpdateAt(action([tom]), amara, "2025-02-01T09:00:00Z", byHistory)).toBe(false);
  });

  it("are ordered by the numbers of their labels: 10.0 after 9.2, and minor versions within their major", () => {
    const periods = leadPeriods([
      { saved: "2025-02-01T09:00:00Z", label: "10.0", leadIds: [chair.id] },
      { saved: "2025-02-01T09:00:00Z", label: "9.2", leadIds: [tom.id] },
      { saved: "2025-02-01T09:00:00Z", label: "9.1", leadIds: [amara.id] },
    ]);
    expect(periods.map((p) => p.leadIds)).toEqual([[amara.id], [tom.id], [chair.id]]);
    const byHistory: UpdateAuthority = { ...authority, leadHistory: new Map([[7, periods]]) };
    expect(mayUpdateAt(action([chair]), chair, "2025-02-01T09:00:00Z", byHistory)).toBe(true);
    expect(mayUpdateAt(action([chair]), tom, "2025-02-01T09:00:00Z", byHistory)).toBe(false);
  });
});
