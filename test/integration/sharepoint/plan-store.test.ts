import { beforeAll, describe, expect, it, vi } from "vitest";
import { ConflictError, PermissionError, ValidationError } from "../../../src/sharepoint/errors";
import type { Action } from "../../../src/plan/types";
import { mergeFields, patchFrom } from "../../../src/plan/conflict";
import { rollUpRag } from "../../../src/plan/rag";
import { itemEtag } from "../../../src/plan/authority";
import { ADMIN, AMARA, CHAIR, COMMITTEE, EDITOR, seedSmallPlan, TOM, YEAR } from "./support";
import { useSite } from "../../support/local-site";

describe("PlanStore against the local SharePoint server", () => {
  const site = useSite();
  let plan: Awaited<ReturnType<typeof seedSmallPlan>>;
  beforeAll(async () => {
    plan = await seedSmallPlan(site);
  });

  it("reads the plan year back in one snapshot", async () => {
    const snapshot = await site.store(COMMITTEE).loadPlan(YEAR);
    expect(snapshot.objectives).toHaveLength(1);
    expect(snapshot.objectives[0]).toMatchObject({
      title: "Increase BME representation at band 8a and above",
      number: "1",
      indicators: [1, 4],
      highImpactActions: ["HIA 3"],
      owner: { email: AMARA },
    });
    expect(snapshot.actions.map((a) => a.number).sort()).toEqual(["1.1", "1.2"]);
    const first = snapshot.actions.find((a) => a.number === "1.1")!;
    expect(first).toMatchObject({
      objectiveId: plan.objective.id,
      dueDate: "2025-03-31",
      rag: "Green",
      leads: [{ email: AMARA }],
    });
    // The item's SharePoint ETag, joined with the newest counting record (its starting RAG).
    expect(first.etag).toMatch(/^"\d+"~u\d+$/);
    expect(itemEtag(first.etag)).toMatch(/^"\d+"$/);
    // Adding an action records its starting RAG in the history.
    expect(snapshot.lastUpdates[first.id]).toMatchObject({ rag: "Green", previousRag: null, kind: "update" });
    expect(snapshot.lastModified).not.toBeNull();
    expect(await site.store(COMMITTEE).planYears()).toEqual([YEAR]);
    expect((await site.store(COMMITTEE).loadPlan("2030/31")).objectives).toEqual([]);
  });

  it("reads the overview with a single $batch request", async () => {
    const store = site.store(COMMITTEE);
    const spy = vi.spyOn(globalThis, "fetch");
    try {
      const snapshot = await store.loadPlan(YEAR);
      expect(snapshot.actions).toHaveLength(2);
      expect(spy.mock.calls.map((call) => String(call[0]))).toEqual([`${site.server.siteUrl}/_api/$batch`]);
    } finally {
      spy.mockRestore();
    }
  });

  it("records every RAG or progress change in the history with author and time", async () => {
    const amara = site.store(AMARA);
    const action = await amara.getAction(plan.amaraAction.id);
    const updated = await amara.updateProgress(action.id, action.etag, {
      rag: "Amber",
      progress: "Two of five panels trained",
      note: "Training slipped a month",
    });
    expect(updated).toMatchObject({ rag: "Amber", progress: "Two of five panels trained" });
    // A lead writes a progress record; the action item itself (due date, leads) is not theirs to change.
    expect(itemEtag(updated.etag)).toBe(itemEtag(action.etag));
    // Its version moves with the newest counting record, so a save based on the old one is a conflict.
    expect(updated.etag).not.toBe(action.etag);
    expect(await site.store(COMMITTEE).getAction(action.id)).toMatchObject({
      rag: "Amber",
      progress: "Two of five panels trained",
    });
    const history = await amara.history(action.id);
    expect(history[0]).toMatchObject({
      rag: "Amber",
      previousRag: "Green",
      note: "Training slipped a month",
      progress: "Two of five panels trained",
      kind: "update",
      author: { email: AMARA },
    });
    expect(Date.now() - Date.parse(history[0]!.date)).toBeLessThan(60_000);
    // A progress-only change is recorded too; saving nothing new records nothing.
    const again = await amara.updateProgress(updated.id, updated.etag, { progress: "Three of five panels trained" });
    const unchanged = await amara.updateProgress(again.id, again.etag, { rag: "Amber" });
    const after = await amara.history(action.id);
    expect(after).toHaveLength(history.length + 1);
    expect(after[0]).toMatchObject({ rag: "Amber", previousRag: "Amber", progress: "Three of five panels trained" });
    expect(unchanged.rag).toBe("Amber");
    const since = await site.store(COMMITTEE).updatesSince(YEAR, new Date(Date.now() - 60_000).toISOString());
    expect(since.filter((u) => u.actionId === action.id).length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a Blue or Red update without a note (plan rules)", async () => {
    const amara = site.store(AMARA);
    const action = await amara.getAction(plan.amaraAction.id);
    const failure = await amara.updateProgress(action.id, action.etag, { rag: "Blue" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).issues.map((i) => i.code)).toEqual(["completionNoteRequired"]);
    expect((await amara.getAction(action.id)).etag).toBe(action.etag);
  });

  it("refuses a stale ETag with both versions, and nothing is lost", async () => {
    const editor = site.store(EDITOR);
    // Another plan editor (the site owner who set the plan up) changes the action item itself.
    const other = site.store(ADMIN);
    const opened = await editor.getAction(plan.amaraAction.id);
    const theirs = await other.updateProgress(opened.id, opened.etag, {
      progress: "Panel pool recruited",
      rag: "Green",
    });
    const failure = await editor
      .updateAction(opened.id, opened.etag, { milestones: "Q1 scoping; Q2 pilot; Q4 review" })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ConflictError);
    const conflict = failure as ConflictError<Action>;
    expect(conflict.mine).toEqual({ milestones: "Q1 scoping; Q2 pilot; Q4 review" });
    expect(conflict.theirs).toMatchObject({
      id: opened.id,
      etag: theirs.etag,
      progress: "Panel pool recruited",
      milestones: opened.milestones,
    });
    // The other person's save is intact.
    expect(await editor.getAction(opened.id)).toMatchObject({ progress: "Panel pool recruited", etag: theirs.etag });

    // Merge field by field and save over the current version.
    const merged = mergeFields(opened, { ...opened, ...conflict.mine }, conflict.theirs!);
    const saved = await editor.updateAction(opened.id, conflict.theirs!.etag, patchFrom(conflict.theirs!, merged));
    expect(saved).toMatchObject({ progress: "Panel pool recruited", milestones: "Q1 scoping; Q2 pilot; Q4 review" });

    // A stale delete is refused the same way.
    expect(await editor.deleteAction(opened.id, opened.etag).catch((e: unknown) => e)).toBeInstanceOf(ConflictError);
    expect((await editor.getAction(opened.id)).id).toBe(opened.id);
  });

  it("refuses an action save that loses a race after it was checked, keeping the winner's change", async () => {
    const editor = site.store(EDITOR);
    const other = site.store(ADMIN);
    const opened = await editor.getAction(plan.tomAction.id);
    const realFetch = globalThis.fetch;
    let raced = false;
    // Just before the editor's MERGE leaves, Tom saves the same action.
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const method = new Headers(init?.headers).get("X-HTTP-Method");
      if (!raced && method === "MERGE" && String(input).includes(`items(${opened.id})`)) {
        raced = true;
        spy.mockImplementation(realFetch);
        await other.updateProgress(opened.id, opened.etag, { progress: "Tom got there first" });
      }
      return realFetch(input, init);
    });
    try {
      const failure = await editor
        .updateAction(opened.id, opened.etag, { leadText: "Chief People Officer" })
        .catch((e: unknown) => e);
      expect(raced).toBe(true);
      expect(failure).toBeInstanceOf(ConflictError);
      expect((failure as ConflictError<Action>).theirs).toMatchObject({
        progress: "Tom got there first",
        leadText: null,
      });
    } finally {
      spy.mockRestore();
    }
    const current = await editor.getAction(opened.id);
    expect(current).toMatchObject({ progress: "Tom got there first", leadText: null });
    // The refused save wrote no history; Tom's did.
    const history = await editor.history(opened.id);
    expect(history[0]).toMatchObject({ progress: "Tom got there first", author: { email: ADMIN } });
  });

  it("turns SharePoint's 412 on an objective into a conflict carrying the current version", async () => {
    const editor = site.store(EDITOR);
    const other = site.store(EDITOR);
    const [opened] = (await editor.loadPlan(YEAR)).objectives;
    const theirs = await other.updateObjective(opened!.id, opened!.etag, { description: "Close the gap by 2027" });
    const failure = await editor
      .updateObjective(opened!.id, opened!.etag, { ragOverride: "Red", ragOverrideReason: "Target missed" })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ConflictError);
    expect((failure as ConflictError).status).toBe(412);
    expect((failure as ConflictError).mine).toEqual({ ragOverride: "Red", ragOverrideReason: "Target missed" });
    expect((failure as ConflictError).theirs).toMatchObject({
      etag: theirs.etag,
      description: "Close the gap by 2027",
      ragOverride: null,
    });
    const current = (await editor.loadPlan(YEAR)).objectives[0]!;
    expect(current).toMatchObject({ description: "Close the gap by 2027", ragOverride: null, etag: theirs.etag });
  });

  it("lets an action owner update their own action but not another's", async () => {
    const amara = site.store(AMARA);
    const toms = await amara.getAction(plan.tomAction.id);
    const failure = await amara
      .updateProgress(toms.id, toms.etag, { rag: "Amber", note: "Looks late" })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PermissionError);
    expect(await site.store(TOM).getAction(toms.id)).toMatchObject({ rag: "Green", etag: toms.etag });
    expect((await amara.history(toms.id)).some((u) => u.note === "Looks late")).toBe(false);
    const own = await site
      .store(TOM)
      .updateProgress(toms.id, toms.etag, { rag: "Amber", note: "Board diaries full until May" });
    expect(own.rag).toBe("Amber");
  });

  it("keeps readers to reading, and lets the network chair comment", async () => {
    const committee = site.store(COMMITTEE);
    const action = await committee.getAction(plan.tomAction.id);
    expect(
      await committee.updateProgress(action.id, action.etag, { progress: "x" }).catch((e: unknown) => e),
    ).toBeInstanceOf(PermissionError);
    expect(await committee.addComment(action.id, "Committee note").catch((e: unknown) => e)).toBeInstanceOf(
      PermissionError,
    );
    expect(
      await committee.addObjective({ ...plan.objective, title: "Not allowed" }).catch((e: unknown) => e),
    ).toBeInstanceOf(PermissionError);

    const comment = await site
      .store(CHAIR)
      .addComment(action.id, "The network would like to co-design the mentoring scheme");
    expect(comment).toMatchObject({ kind: "comment", rag: null, author: { email: CHAIR } });
    expect((await committee.history(action.id))[0]).toMatchObject({
      kind: "comment",
      note: "The network would like to co-design the mentoring scheme",
    });
  });

  it("reports each role's capabilities from effective permissions", async () => {
    expect(await site.store(EDITOR).capabilities()).toEqual({
      editPlan: true,
      editItems: true,
      manageLists: true,
      comment: true,
    });
    expect(await site.store(AMARA).capabilities()).toEqual({
      editPlan: false,
      editItems: true,
      manageLists: false,
      comment: true,
    });
    // The chair may write rows in the history, as leads do; only a lead's rows count as updates.
    expect(await site.store(CHAIR).capabilities()).toEqual({
      editPlan: false,
      editItems: true,
      manageLists: false,
      comment: true,
    });
    expect(await site.store(COMMITTEE).capabilities()).toEqual({
      editPlan: false,
      editItems: false,
      manageLists: false,
      comment: false,
    });
  });

  it("creates, updates, rolls up and deletes objectives and actions", async () => {
    const editor = site.store(EDITOR);
    const objective = await editor.addObjective({
      title: "Eliminate the disciplinary gap",
      planYear: YEAR,
      number: "2",
      description: null,
      owner: null,
      sponsor: await editor.ensurePerson("edi.lead@wres.test"),
      indicators: [6],
      highImpactActions: [],
      ragOverride: null,
      ragOverrideReason: null,
    });
    expect(objective.sponsor?.email).toBe(EDITOR);
    const action = await editor.addAction({
      objectiveId: objective.id,
      number: "2.1",
      title: "Just culture review of every case before formal process",
      leads: [plan.amara, plan.tom],
      leadText: "Head of Employee Relations",
      dueDate: null,
      milestones: null,
      progress: null,
      kpis: null,
      outcomes: null,
      indicators: [6],
      rag: "Red",
    });
    expect(action.leads.map((l) => l.email).sort()).toEqual([AMARA, TOM]);
    const overridden = await editor.updateObjective(objective.id, objective.etag, {
      ragOverride: "Amber",
      ragOverrideReason: "New policy agreed at board",
    });
    const snapshot = await editor.loadPlan(YEAR);
    const loaded = snapshot.objectives.find((o) => o.id === objective.id)!;
    expect(loaded).toMatchObject({
      ragOverride: "Amber",
      ragOverrideReason: "New policy agreed at board",
      etag: overridden.etag,
    });
    expect(rollUpRag(loaded, snapshot.actions)).toBe("Amber");
    expect(rollUpRag({ ...loaded, ragOverride: null }, snapshot.actions)).toBe("Red");

    await editor.deleteAction(action.id, action.etag);
    await editor.deleteObjective(objective.id, overridden.etag);
    const after = await editor.loadPlan(YEAR);
    expect(after.objectives.map((o) => o.id)).not.toContain(objective.id);
    expect(after.actions.map((a) => a.id)).not.toContain(action.id);
  });

  it("finds site people and resolves a login", async () => {
    const editor = site.store(EDITOR);
    const found = await editor.searchPeople("priya");
    expect(found.map((p) => p.email)).toContain("priya.shah@wres.test");
    const ensured = await editor.ensurePerson("priya.shah@wres.test");
    expect(ensured).toMatchObject({ email: "priya.shah@wres.test" });
    expect((await editor.me()).email).toBe(EDITOR);
  });

  it("saves indicator results once per year, standard and indicator", async () => {
    const editor = site.store(EDITOR);
    const row = {
      year: "2024/25",
      standard: "nhs-england-wres",
      indicator: 2 as const,
      value: 1.42,
      detail: '{"rl":1.42}',
      origin: "computed" as const,
    };
    const first = await editor.saveIndicatorResults([row, { ...row, indicator: 1, value: 0.21 }]);
    expect(first).toHaveLength(2);
    const second = await editor.saveIndicatorResults([{ ...row, value: 1.38 }]);
    expect(second).toEqual([expect.objectContaining({ indicator: 2, value: 1.38 })]);
    const all = await site.store(COMMITTEE).indicatorResults("nhs-england-wres");
    expect(all.map((r) => [r.indicator, r.value])).toEqual([
      [1, 0.21],
      [2, 1.38],
    ]);
  });

  it("keeps everything across a restart", async () => {
    const before = await site.store(EDITOR).loadPlan(YEAR);
    const history = await site.store(EDITOR).history(plan.amaraAction.id);
    await site.restart();
    const after = await site.store(EDITOR).loadPlan(YEAR);
    expect(after.objectives).toEqual(before.objectives);
    expect(after.actions).toEqual(before.actions);
    expect(await site.store(EDITOR).history(plan.amaraAction.id)).toEqual(history);
  });
});
