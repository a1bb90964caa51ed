import { describe, expect, it } from "vitest";
import { classifyUpdate, mayUpdate, withLatestUpdate } from "../../../src/plan/authority";
import type { Action, Person, ProgressUpdate } from "../../../src/plan/types";

const amara: Person = { id: 11, title: "Amara Okafor", email: "amara.okafor@wres.test" };
const tom: Person = { id: 12, title: "Tom Hughes", email: "tom.hughes@wres.test" };
const chair: Person = { id: 15, title: "Samuel Adeyemi", email: "network.chair@wres.test" };
const editor: Person = { id: 2, title: "Jordan Ellis", email: "edi.lead@wres.test" };
const authority = { editorIds: new Set([editor.id]) };

function action(leads: Person[], extra: Partial<Action> = {}): Action {
  return {
    id: 7,
    etag: '"1"',
    objectiveId: 1,
    number: "1.1",
    title: "Diverse panels",
    leads,
    leadText: null,
    dueDate: "2025-03-31",
    milestones: null,
    progress: "Scoping",
    kpis: null,
    outcomes: null,
    indicators: [],
    rag: "Green",
    modified: "2025-01-01T09:00:00Z",
    ...extra,
  };
}

function update(author: Person, date: string, extra: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return { id: Date.parse(date) / 1000, actionId: 7, author, date, rag: "Amber", previousRag: "Green", note: null, progress: "Slipped", kind: "update", ...extra };
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
    const forged = classifyUpdate(update(tom, "2025-02-01T10:00:00Z", { rag: "Blue", progress: "Done" }), action([amara]), authority);
    expect(forged).toMatchObject({ kind: "comment", rag: null, previousRag: null, progress: null, note: "RAG Blue: Done", author: tom });
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
    expect(withLatestUpdate(action([amara]), updates, authority)).toMatchObject({ rag: "Amber", progress: "Slipped", modified: "2025-02-01T10:00:00Z", dueDate: "2025-03-31" });
    // An action nobody has updated keeps the item's own values.
    expect(withLatestUpdate(action([tom]), updates, authority)).toMatchObject({ rag: "Green", progress: "Scoping" });
  });
});
