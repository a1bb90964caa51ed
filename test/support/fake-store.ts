// An in-memory PlanStore for component tests: ETags that move on every write, refused stale writes
// (ConflictError with both versions), the demo roles' permissions, and controllable failures.
// One file on purpose: one class standing in for the whole PlanStore port, held to the same contract
// as the SharePoint store (test/contract/plan-store.contract.ts).
import type { Action, Capabilities, Objective, Person, ProgressUpdate, Rag } from "../../src/plan/types";
import type { EvidenceFile } from "../../src/plan/comments";
import type {
  ActionDraft,
  ActionPatch,
  ObjectiveDraft,
  ObjectivePatch,
  PlanSnapshot,
  PlanStore,
  ProgressChange,
} from "../../src/plan/store";
import {
  ConflictError,
  NotFoundError,
  OfflineError,
  PermissionError,
  ValidationError,
} from "../../src/sharepoint/errors";
import { validateProgress } from "../../src/plan/validation";
import type { ActionBatchWrite, ObjectiveBatchWrite, Settled } from "../../src/plan/writer";
import { AUDIT_FIELDS, type ActionVersion, type VersionFields } from "../../src/plan/versions";
import { action as anAction, objective as anObjective } from "./plan-fixtures";
import { statusOf, type CycleEntry, type PlanYearStatus } from "../../src/plan/cycle/log";
import { threadComments, type ConsultationComment, type ConsultationEntry } from "../../src/plan/cycle/consultation";
import {
  cycleRoleOf,
  refuseAnswer,
  refuseComment,
  refuseDecision,
  refuseMove,
  stateAfterDecision,
  type DecisionDraft,
} from "../../src/plan/cycle/rules";
import type { ApprovedCopy, Decision, DecisionOutcome, PlanYearState } from "../../src/plan/cycle/types";
import { CycleRefusedError } from "../../src/sharepoint/cycle-store";
import type { IndicatorFigure, IndicatorFigureDraft, IndicatorFigurePatch } from "../../src/plan/targets";

export { ConflictError, OfflineError, PermissionError };

export const PEOPLE = {
  lead: { id: 1, title: "Edi Lead", email: "edi.lead@wres.test" },
  amara: { id: 2, title: "Amara Okafor", email: "amara.okafor@wres.test" },
  tom: { id: 3, title: "Tom Hughes", email: "tom.hughes@wres.test" },
  chair: { id: 4, title: "Network Chair", email: "network.chair@wres.test" },
  committee: { id: 5, title: "Committee Member", email: "committee@wres.test" },
} satisfies Record<string, Person>;

/** SharePoint site groups the fake site has (a lead may be one). */
export const GROUPS = {
  coChairs: { id: 1_000_010, title: "BAME Network Co-Chairs", email: null, isGroup: true },
} satisfies Record<string, Person>;

export const ROLES: Record<string, Capabilities> = {
  editor: { editPlan: true, editItems: true, manageLists: true, comment: true },
  owner: { editPlan: false, editItems: true, manageLists: false, comment: true },
  chair: { editPlan: false, editItems: false, manageLists: false, comment: true },
  reader: { editPlan: false, editItems: false, manageLists: false, comment: false },
};

const YEAR = "2025/26";

function objective(id: number, number: string, title: string, extra: Partial<Objective> = {}): Objective {
  return anObjective({
    id,
    title,
    planYear: YEAR,
    number,
    owner: PEOPLE.lead,
    indicators: [],
    modified: "2025-10-01T09:00:00Z",
    ...extra,
  });
}

function action(id: number, objectiveId: number, number: string, title: string, extra: Partial<Action> = {}): Action {
  return anAction({
    id,
    objectiveId,
    number,
    title,
    leads: [PEOPLE.amara],
    leadText: null,
    dueDate: "2026-03-31",
    modified: "2025-10-01T09:00:00Z",
    ...extra,
  });
}

/** A small plan: two objectives, four actions (one overdue against TODAY, one complete). */
export function demoPlan(): { objectives: Objective[]; actions: Action[] } {
  return {
    objectives: [
      objective(1, "1", "Improve representation at senior levels", {
        sponsor: PEOPLE.tom,
        indicators: [1, 9],
        description: "Band 8a and above to reflect the workforce.",
      }),
      objective(2, "2", "Reduce bullying and harassment", { indicators: [5, 6], owner: PEOPLE.tom }),
    ],
    actions: [
      action(11, 1, "1.1", "Reverse mentoring for the executive team", {
        rag: "Amber",
        dueDate: "2025-09-30",
        indicators: [1],
        milestones: "Pairs matched by June",
        progress: "Six pairs running",
        kpis: "12 pairs",
        outcomes: "Board members report changed practice",
      }),
      action(12, 1, "1.2", "Diverse interview panels for band 8a+", {
        rag: "Green",
        leads: [PEOPLE.tom],
        indicators: [2],
      }),
      action(13, 2, "2.1", "Speak up guardians trained in race equity", {
        rag: "Blue",
        dueDate: "2025-06-30",
        indicators: [5],
      }),
      action(14, 2, "2.2", "Quarterly review of formal disciplinaries", {
        rag: "Red",
        leads: [PEOPLE.tom, PEOPLE.amara],
        leadText: "Head of HR",
        indicators: [3],
      }),
    ],
  };
}

export const TODAY = "2025-11-23";

function bump(etag: string): string {
  return `"${Number.parseInt(etag.replace(/"/g, ""), 10) + 1}"`;
}

export interface FakeStoreOptions {
  me?: Person;
  capabilities?: Capabilities;
  plan?: { objectives: Objective[]; actions: Action[] };
  /** Each call's delay in ms (for loading states). */
  delayMs?: number;
}

export class FakePlanStore implements PlanStore {
  objectives: Objective[];
  actions: Action[];
  updates: ProgressUpdate[] = [];
  calls: string[] = [];
  /** When set, the next call of that method fails with this error (once). */
  failNext = new Map<string, Error>();
  /** When set, every call fails with this error until cleared. */
  failAll: Error | null = null;
  private nextId = 100;
  private clock = Date.parse("2025-11-23T10:00:00Z");
  user: Person;
  caps: Capabilities;
  private delayMs: number;
  /** Each action item's versions, oldest first, as SharePoint keeps them (who saved each, when, every field). */
  versions = new Map<number, ActionVersion[]>();

  constructor(options: FakeStoreOptions = {}) {
    const plan = options.plan ?? demoPlan();
    this.objectives = structuredClone(plan.objectives);
    this.actions = structuredClone(plan.actions);
    this.user = options.me ?? PEOPLE.lead;
    this.caps = options.capabilities ?? ROLES.editor!;
    this.delayMs = options.delayMs ?? 0;
    for (const action of this.actions) this.logVersion(action, null);
  }

  private logVersion(action: Action, editor: Person | null): void {
    const log = this.versions.get(action.id) ?? [];
    const fields = Object.fromEntries(
      AUDIT_FIELDS.map((f) => [f, structuredClone(action[f])]),
    ) as unknown as VersionFields;
    log.push({ label: `${log.length + 1}.0`, saved: action.modified, editor, fields });
    this.versions.set(action.id, log);
  }

  private async call(name: string): Promise<void> {
    this.calls.push(name);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const failure = this.failAll ?? this.failNext.get(name);
    if (failure) {
      this.failNext.delete(name);
      throw failure;
    }
  }

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private requireEdit(): void {
    if (!this.caps.editPlan) throw new PermissionError("forbidden", "You do not have permission to change the plan.");
  }

  /** Someone else's change, as another browser would make it: the ETag moves. */
  changeBehindTheScenes(id: number, patch: Partial<Action>): Action {
    const current = this.actions.find((a) => a.id === id)!;
    const next = { ...current, ...patch, etag: bump(current.etag), modified: this.now() };
    this.actions = this.actions.map((a) => (a.id === id ? next : a));
    this.logVersion(next, null);
    return next;
  }

  async me(): Promise<Person> {
    await this.call("me");
    return this.user;
  }

  async capabilities(): Promise<Capabilities> {
    await this.call("capabilities");
    return this.caps;
  }

  async planYears(): Promise<string[]> {
    await this.call("planYears");
    // As the SharePoint store reads them: the years the objectives carry, newest first.
    return [...new Set(this.objectives.map((o) => o.planYear).filter((y) => y.length > 0))].sort().reverse();
  }

  async loadPlan(year: string): Promise<PlanSnapshot> {
    await this.call("loadPlan");
    const objectives = this.objectives.filter((o) => o.planYear === year);
    const ids = new Set(objectives.map((o) => o.id));
    const actions = this.actions.filter((a) => ids.has(a.objectiveId));
    const lastUpdates: Record<number, ProgressUpdate> = {};
    for (const update of this.updates) lastUpdates[update.actionId] = update;
    const dates = [...objectives, ...actions].map((x) => x.modified).sort();
    return structuredClone({ year, objectives, actions, lastUpdates, lastModified: dates.at(-1) ?? null });
  }

  async addObjective(draft: ObjectiveDraft): Promise<Objective> {
    await this.call("addObjective");
    this.requireEdit();
    const created: Objective = {
      ...draft,
      indicators: sortedIndicators(draft.indicators),
      id: this.nextId++,
      etag: '"1"',
      modified: this.now(),
    };
    this.objectives.push(created);
    return structuredClone(created);
  }

  async updateObjective(id: number, etag: string, patch: ObjectivePatch): Promise<Objective> {
    await this.call("updateObjective");
    this.requireEdit();
    const current = this.objectives.find((o) => o.id === id)!;
    if (current.etag !== etag) throw new ConflictError<Objective>({ ...current, ...patch }, structuredClone(current));
    const next = {
      ...current,
      ...patch,
      indicators: sortedIndicators(patch.indicators ?? current.indicators),
      etag: bump(current.etag),
      modified: this.now(),
    };
    this.objectives = this.objectives.map((o) => (o.id === id ? next : o));
    return structuredClone(next);
  }

  async deleteObjective(id: number, etag: string): Promise<void> {
    await this.call("deleteObjective");
    this.requireEdit();
    const current = this.objectives.find((o) => o.id === id)!;
    if (current.etag !== etag) throw new ConflictError<Objective>(current, current);
    this.objectives = this.objectives.filter((o) => o.id !== id);
    this.actions = this.actions.filter((a) => a.objectiveId !== id);
  }

  async addAction(draft: ActionDraft): Promise<Action> {
    await this.call("addAction");
    this.requireEdit();
    return structuredClone(this.create(draft, null));
  }

  /**
   * A new action and the record that opens its history, as the SharePoint store writes them: its
   * starting RAG, or for an imported action the import (`importedFrom`: the plan file's name).
   */
  private create(draft: ActionDraft, importedFrom: string | null): Action {
    const created: Action = {
      ...draft,
      indicators: sortedIndicators(draft.indicators),
      id: this.nextId++,
      etag: '"1"',
      modified: this.now(),
    };
    this.actions.push(created);
    this.logVersion(created, this.user);
    const kind = importedFrom === null ? "update" : "import";
    this.updates.push({
      id: this.nextId++,
      actionId: created.id,
      author: this.user,
      date: this.now(),
      rag: created.rag,
      previousRag: null,
      note: importedFrom,
      progress: created.progress,
      kind,
    });
    return created;
  }

  async getAction(id: number): Promise<Action> {
    await this.call("getAction");
    const found = this.actions.find((a) => a.id === id);
    if (!found) throw new NotFoundError();
    return structuredClone(found);
  }

  private canEditAction(current: Action): boolean {
    return this.caps.editPlan || (this.caps.editItems && current.leads.some((p) => p.id === this.user.id));
  }

  private record(
    current: Action,
    next: Action,
    note: string | null | undefined,
    kind: "update" | "comment",
  ): ProgressUpdate {
    const update: ProgressUpdate = {
      id: this.nextId++,
      actionId: current.id,
      author: this.user,
      date: this.now(),
      rag: next.rag,
      previousRag: current.rag,
      // An update's note is kept trimmed (and a blank one not at all), as the SharePoint store keeps it.
      note: kind === "update" ? (hasNote(note) ? note.trim() : null) : (note ?? null),
      progress: next.progress,
      kind,
    };
    this.updates.push(update);
    return update;
  }

  async updateAction(id: number, etag: string, patch: ActionPatch, note?: string | null): Promise<Action> {
    await this.call("updateAction");
    const current = this.actions.find((a) => a.id === id)!;
    if (!this.canEditAction(current)) throw new PermissionError("forbidden", "You cannot change this action.");
    // The note rules apply to an editor's full edit when it changes the RAG.
    if (patch.rag !== undefined && patch.rag !== current.rag)
      refuseInvalid({ rag: patch.rag, note: note ?? null, progress: patch.progress ?? null });
    if (current.etag !== etag) throw new ConflictError<Action>({ ...current, ...patch }, structuredClone(current));
    const next = {
      ...current,
      ...patch,
      ...(patch.indicators ? { indicators: sortedIndicators(patch.indicators) } : {}),
      etag: bump(current.etag),
      modified: this.now(),
    };
    this.actions = this.actions.map((a) => (a.id === id ? next : a));
    this.logVersion(next, this.user);
    if (next.rag !== current.rag || next.progress !== current.progress || hasNote(note))
      this.record(current, next, note, "update");
    return structuredClone(next);
  }

  async updateProgress(id: number, etag: string, change: ProgressChange): Promise<Action> {
    await this.call("updateProgress");
    refuseInvalid(change);
    const current = this.actions.find((a) => a.id === id)!;
    if (!this.canEditAction(current)) throw new PermissionError("forbidden", "You cannot change this action.");
    const patch: Partial<Action> = {};
    if (change.rag !== undefined) patch.rag = change.rag;
    if (change.progress !== undefined) patch.progress = change.progress;
    if (current.etag !== etag) throw new ConflictError<Action>({ ...current, ...patch }, structuredClone(current));
    // As the SharePoint store does: saving nothing new records nothing.
    if (
      (patch.rag ?? current.rag) === current.rag &&
      (patch.progress === undefined || patch.progress === current.progress) &&
      !hasNote(change.note)
    )
      return structuredClone(current);
    const next = { ...current, ...patch, etag: bump(current.etag), modified: this.now() };
    this.actions = this.actions.map((a) => (a.id === id ? next : a));
    this.logVersion(next, this.user);
    this.record(current, next, change.note, "update");
    return structuredClone(next);
  }

  /** Bulk writes go one by one here (each can be failed with failNext, as in a real $batch part). */
  async writeObjectives(writes: ObjectiveBatchWrite[]): Promise<Settled<Objective>[]> {
    return settleEach(writes, (w) =>
      w.kind === "create" ? this.addObjective(w.fields) : this.updateObjective(w.id, w.etag, w.patch),
    );
  }

  async writeActions(writes: ActionBatchWrite[]): Promise<Settled<Action>[]> {
    return settleEach(writes, async (w) => {
      if (w.kind !== "create") return this.updateAction(w.previous.id, w.previous.etag, w.patch, w.note);
      if (!w.importedFrom) return this.addAction(w.fields);
      // As the SharePoint store does: an imported action's history records the import, not a RAG change.
      await this.call("addAction");
      this.requireEdit();
      return structuredClone(this.create(w.fields, w.importedFrom));
    });
  }

  async deleteAction(id: number, etag: string): Promise<void> {
    await this.call("deleteAction");
    this.requireEdit();
    const current = this.actions.find((a) => a.id === id)!;
    if (current.etag !== etag) throw new ConflictError<Action>(current, current);
    this.actions = this.actions.filter((a) => a.id !== id);
  }

  async history(actionId: number): Promise<ProgressUpdate[]> {
    await this.call("history");
    return structuredClone(this.updates.filter((u) => u.actionId === actionId).reverse());
  }

  async actionVersions(actionId: number): Promise<ActionVersion[]> {
    await this.call("actionVersions");
    return structuredClone([...(this.versions.get(actionId) ?? [])].reverse());
  }

  async updatesSince(_year: string, sinceIso: string): Promise<ProgressUpdate[]> {
    await this.call("updatesSince");
    return this.updates.filter((u) => u.date >= sinceIso);
  }

  async addComment(actionId: number, note: string, options: { replyTo?: number | null } = {}): Promise<ProgressUpdate> {
    await this.call("addComment");
    if (!this.caps.comment) throw new PermissionError("forbidden", "You cannot comment.");
    const current = this.actions.find((a) => a.id === actionId)!;
    const row = this.record(current, current, note, "comment");
    if (options.replyTo != null) row.replyTo = options.replyTo;
    return structuredClone(row);
  }

  /** As SharePoint's WriteSecurity 2 does: only the author changes a row. */
  private ownComment(id: number): ProgressUpdate {
    const row = this.updates.find((u) => u.id === id);
    if (!row) throw new Error(`no history row ${id}`);
    if (row.author?.id !== this.user.id) throw new PermissionError("forbidden");
    return row;
  }

  async editComment(id: number, note: string): Promise<ProgressUpdate> {
    await this.call("editComment");
    const row = this.ownComment(id);
    row.note = note;
    row.modified = new Date(Date.parse(row.date) + 60_000).toISOString();
    return structuredClone(row);
  }

  async deleteComment(id: number): Promise<void> {
    await this.call("deleteComment");
    this.ownComment(id);
    this.updates = this.updates.filter((u) => u.id !== id);
  }

  evidenceFiles: (EvidenceFile & { bytes: Uint8Array })[] = [];

  async evidence(actionId: number): Promise<EvidenceFile[]> {
    await this.call("evidence");
    return this.evidenceFiles.filter((f) => f.actionId === actionId).map(({ bytes: _bytes, ...f }) => f);
  }

  async evidenceForYear(_year: string): Promise<EvidenceFile[]> {
    await this.call("evidenceForYear");
    return this.evidenceFiles.map(({ bytes: _bytes, ...f }) => f);
  }

  async attachEvidence(
    actionId: number,
    file: { name: string; bytes: Uint8Array },
    description?: string | null,
  ): Promise<EvidenceFile> {
    await this.call("attachEvidence");
    const entry = {
      rowId: this.nextId++,
      actionId,
      name: file.name,
      url: `/sites/wres/Lists/WRES Progress Updates/Attachments/${this.nextId}/${file.name}`,
      size: file.bytes.byteLength,
      author: this.user,
      date: this.now(),
      description: description ?? null,
      bytes: file.bytes,
    };
    this.evidenceFiles.unshift(entry);
    const { bytes: _bytes, ...shown } = entry;
    return shown;
  }

  async removeEvidence(file: EvidenceFile): Promise<void> {
    await this.call("removeEvidence");
    this.evidenceFiles = this.evidenceFiles.filter((f) => !(f.rowId === file.rowId && f.name === file.name));
  }

  async openEvidence(file: EvidenceFile): Promise<Uint8Array> {
    await this.call("openEvidence");
    return this.evidenceFiles.find((f) => f.rowId === file.rowId && f.name === file.name)?.bytes ?? new Uint8Array();
  }

  async peopleByIds(ids: readonly number[]): Promise<Person[]> {
    await this.call("peopleByIds");
    return Object.values(PEOPLE).filter((p) => ids.includes(p.id));
  }

  async searchPeople(query: string): Promise<Person[]> {
    await this.call("searchPeople");
    const q = query.toLowerCase();
    return Object.values(PEOPLE).filter((p) => p.title.toLowerCase().includes(q) || p.email.includes(q));
  }

  async myGroupIds(): Promise<number[]> {
    await this.call("myGroupIds");
    return [...(this.user.groupIds ?? [])];
  }

  async searchGroups(query: string): Promise<Person[]> {
    await this.call("searchGroups");
    const q = query.toLowerCase();
    return Object.values(GROUPS).filter((g) => g.title.toLowerCase().includes(q));
  }

  async ensurePerson(loginOrEmail: string): Promise<Person> {
    await this.call("ensurePerson");
    const found = Object.values(PEOPLE).find((p) => p.email === loginOrEmail.toLowerCase());
    if (!found) throw new Error(`No such user ${loginOrEmail}`);
    return found;
  }

  async indicatorResults(): Promise<never[]> {
    return [];
  }
  async saveIndicatorResults(): Promise<never[]> {
    return [];
  }
  async updateIndicatorResultDetail(): Promise<never> {
    throw new Error("not in the fake");
  }
  // ---- targets and comparison figures (their own list: no plan year)

  figures: IndicatorFigure[] = [];

  async indicatorFigures(standard?: string): Promise<IndicatorFigure[]> {
    await this.call("indicatorFigures");
    return structuredClone(
      this.figures
        .filter((f) => standard === undefined || f.standard === standard)
        .sort(
          (a, b) =>
            a.year.localeCompare(b.year) ||
            a.indicator - b.indicator ||
            (a.kind === b.kind ? 0 : a.kind === "target" ? -1 : 1) ||
            a.id - b.id,
        ),
    );
  }

  async addIndicatorFigure(draft: IndicatorFigureDraft): Promise<IndicatorFigure> {
    await this.call("addIndicatorFigure");
    this.requireEdit();
    const created: IndicatorFigure = { ...draft, id: this.nextId++, etag: '"1"', modified: this.now() };
    this.figures.push(created);
    return structuredClone(created);
  }

  async updateIndicatorFigure(id: number, etag: string, patch: IndicatorFigurePatch): Promise<IndicatorFigure> {
    await this.call("updateIndicatorFigure");
    this.requireEdit();
    const current = this.figures.find((f) => f.id === id);
    if (!current) throw new ConflictError<IndicatorFigure>(patch, null);
    if (current.etag !== etag) throw new ConflictError<IndicatorFigure>(patch, structuredClone(current));
    const next = { ...current, ...patch, etag: bump(current.etag), modified: this.now() };
    this.figures = this.figures.map((f) => (f.id === id ? next : f));
    return structuredClone(next);
  }

  async deleteIndicatorFigure(id: number, etag: string): Promise<void> {
    await this.call("deleteIndicatorFigure");
    this.requireEdit();
    const current = this.figures.find((f) => f.id === id);
    if (!current) throw new NotFoundError("That figure no longer exists.");
    if (current.etag !== etag) throw new ConflictError<IndicatorFigure>({}, structuredClone(current));
    this.figures = this.figures.filter((f) => f.id !== id);
  }

  async dataFiles(): Promise<never[]> {
    return [];
  }
  async uploadDataFile(): Promise<never> {
    throw new Error("not in the fake");
  }
  async downloadDataFile(): Promise<Uint8Array> {
    return new Uint8Array();
  }

  // ---- the plan year's cycle, kept in memory by the same rules as the SharePoint store

  cycleEntries: CycleEntry[] = [];
  consultationEntries: ConsultationEntry[] = [];
  copies = new Map<string, ApprovedCopy>();

  private role() {
    return cycleRoleOf(this.caps);
  }

  async planYearStatus(year: string): Promise<PlanYearStatus> {
    await this.call("planYearStatus");
    return statusOf(year, this.cycleEntries);
  }

  async moveYear(year: string, to: PlanYearState, note: string | null = null): Promise<PlanYearStatus> {
    await this.call("moveYear");
    const refusal = refuseMove(statusOf(year, this.cycleEntries).state, to, this.role());
    if (refusal) throw new CycleRefusedError(refusal);
    this.cycleEntries.push({ id: this.nextId++, year, state: to, decision: null, note, by: this.user, at: this.now() });
    return statusOf(year, this.cycleEntries);
  }

  async recordDecision(year: string, draft: DecisionDraft): Promise<PlanYearStatus> {
    await this.call("recordDecision");
    const refusals = refuseDecision(statusOf(year, this.cycleEntries).state, this.role(), draft, TODAY);
    if (refusals[0]) throw new CycleRefusedError(refusals[0].refusal);
    const outcome = draft.outcome as DecisionOutcome;
    const at = this.now();
    const decision: Decision = {
      meeting: draft.meeting.trim(),
      date: draft.date,
      outcome,
      assurance: draft.assurance,
      minuteReference: draft.minuteReference,
      recordedBy: this.user,
      recordedAt: at,
    };
    const state = stateAfterDecision(outcome);
    this.cycleEntries.push({ id: this.nextId++, year, state, decision, note: null, by: this.user, at });
    if (state === "approved" && !this.copies.has(year)) {
      this.copies.set(year, {
        year,
        approvedAt: at,
        decision,
        objectives: structuredClone(this.objectives),
        actions: structuredClone(this.actions),
        results: [],
      });
    }
    return statusOf(year, this.cycleEntries);
  }

  async approvedCopy(year: string): Promise<ApprovedCopy | null> {
    await this.call("approvedCopy");
    const copy = this.copies.get(year);
    return copy ? structuredClone(copy) : null;
  }

  async consultationComments(year: string): Promise<ConsultationComment[]> {
    await this.call("consultationComments");
    return threadComments(
      this.consultationEntries.filter((e) => e.year === year),
      new Set(this.caps.editPlan ? [this.user.id] : []),
    );
  }

  async addConsultationComment(
    year: string,
    objectiveId: number | null,
    comment: string,
  ): Promise<ConsultationComment[]> {
    await this.call("addConsultationComment");
    const refusal = refuseComment(statusOf(year, this.cycleEntries).state, this.role());
    if (refusal) throw new CycleRefusedError(refusal);
    this.consultationEntries.push({
      id: this.nextId++,
      year,
      objectiveId,
      text: comment,
      answerTo: null,
      by: this.user,
      at: this.now(),
    });
    return this.consultationComments(year);
  }

  async answerConsultationComment(year: string, commentId: number, answer: string): Promise<ConsultationComment[]> {
    await this.call("answerConsultationComment");
    const refusal = refuseAnswer(statusOf(year, this.cycleEntries).state, this.role());
    if (refusal) throw new CycleRefusedError(refusal);
    this.consultationEntries.push({
      id: this.nextId++,
      year,
      objectiveId: null,
      text: answer,
      answerTo: commentId,
      by: this.user,
      at: this.now(),
    });
    return this.consultationComments(year);
  }
}

export type { Rag };

function sortedIndicators<T extends number>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a - b);
}

function hasNote(note: string | null | undefined): note is string {
  return typeof note === "string" && note.trim().length > 0;
}

/** The owner's note rules (src/plan/validation.ts), refused as the SharePoint store refuses them. */
function refuseInvalid(change: ProgressChange): void {
  const issues = validateProgress(change);
  if (issues.length > 0) throw new ValidationError(issues);
}

async function settleEach<I, T>(inputs: readonly I[], write: (input: I) => Promise<T>): Promise<Settled<T>[]> {
  const out: Settled<T>[] = [];
  for (const input of inputs)
    out.push(
      await write(input).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    );
  return out;
}
