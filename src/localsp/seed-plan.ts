// Writes the demo plan through the app's own data layer (provision + PlanStore over @pnp/sp)
// against the running local server, so the seeded schema can never drift from what the app
// provisions. Loaded lazily: the server itself does not depend on @pnp/sp.
import type { Person } from "../plan";
import type { PlanStore, PlanGroupKey } from "../sharepoint";
import { DEMO_AS_AT, DEMO_PLAN, DEMO_PLAN_YEAR, type DemoUser } from "../demo/plan";

const UPNS: Record<DemoUser, string> = {
  edi: "edi.lead@wres.test",
  amara: "amara.okafor@wres.test",
  tom: "tom.hughes@wres.test",
  priya: "priya.shah@wres.test",
  chair: "network.chair@wres.test",
};

const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Who is in which of the plan's groups on the demo site (the set-up person joins Plan Editors). */
export const DEMO_GROUPS: readonly [PlanGroupKey, string][] = [
  ["editors", "edi.lead@wres.test"],
  ["contributors", "amara.okafor@wres.test"],
  ["contributors", "tom.hughes@wres.test"],
  ["contributors", "priya.shah@wres.test"],
  ["contributors", "network.chair@wres.test"],
  ["readers", "committee@wres.test"],
];

export async function writeDemoPlan(
  siteUrl: string,
  /** today: the day the plan's dates count from (default DEMO_AS_AT, within the plan's year). */
  options: { workbooks?: boolean; today?: Date; onClock?: (at: Date) => void } = {},
): Promise<{ objectives: number; actions: number; updates: number; files: number }> {
  const { createSp, provision, createPlanStore, addToPlanGroup } = await import("../sharepoint/index");
  // The plan's dates count from a day in its own year (not the day of seeding), so a 2024/25 plan
  // has 2024/25 dates; its history's Created and Modified are written at those times.
  const today = (options.today ?? new Date(`${DEMO_AS_AT}T10:00:00Z`)).getTime();
  let now = new Date(today);
  const clock = {
    get at(): Date {
      return now;
    },
    set at(next: Date) {
      now = next;
      options.onClock?.(next);
    },
  };
  const storeFor = (upn: string): PlanStore =>
    createPlanStore(createSp({ siteUrl, getToken: () => Promise.resolve(`dev:${upn}`) }), { now: () => clock.at });

  const admin = createSp({ siteUrl, getToken: () => Promise.resolve("dev:admin@wres.test") });
  await provision(admin);
  for (const [group, upn] of DEMO_GROUPS) await addToPlanGroup(admin, group, `i:0#.f|membership|${upn}`);
  const stores = Object.fromEntries(Object.entries(UPNS).map(([k, upn]) => [k, storeFor(upn)])) as Record<
    DemoUser,
    PlanStore
  >;
  const editor = stores.edi;
  const people = {} as Record<DemoUser, Person>;
  for (const [key, upn] of Object.entries(UPNS) as [DemoUser, string][]) people[key] = await editor.ensurePerson(upn);

  let actions = 0;
  let updates = 0;
  // Each action's agreed state is dated at the start of the history; then the history replays in order.
  const firstDay =
    Math.max(...DEMO_PLAN.flatMap((o) => o.actions.flatMap((a) => a.history.map((h) => h.daysAgo)))) + 14;
  clock.at = new Date(today - firstDay * DAY);
  const created: { id: number; etag: string; steps: (typeof DEMO_PLAN)[number]["actions"][number]["history"] }[] = [];
  for (const objective of DEMO_PLAN) {
    const saved = await editor.addObjective({
      title: objective.title,
      planYear: DEMO_PLAN_YEAR,
      number: objective.number,
      description: objective.description,
      owner: people[objective.owner],
      sponsor: people[objective.sponsor],
      indicators: objective.indicators as never,
      highImpactActions: objective.highImpactActions,
      ragOverride: objective.ragOverride?.rag ?? null,
      ragOverrideReason: objective.ragOverride?.reason ?? null,
    });
    for (const action of objective.actions) {
      const added = await editor.addAction({
        objectiveId: saved.id,
        number: action.number,
        title: action.title,
        leads: action.leads.map((l) => people[l]),
        leadText: action.leadText,
        dueDate: isoDay(today + action.dueInDays * DAY),
        milestones: action.milestones,
        progress: null,
        kpis: action.kpis,
        outcomes: action.outcomes,
        indicators: action.indicators as never,
        rag: action.startRag,
      });
      actions += 1;
      updates += 1;
      created.push({ id: added.id, etag: added.etag, steps: action.history });
    }
  }
  // Replay every action's history in date order across the plan, as people wrote it.
  const steps = created
    .flatMap((c) => c.steps.map((step) => ({ action: c, step })))
    .sort((a, b) => b.step.daysAgo - a.step.daysAgo);
  for (const { action, step } of steps) {
    clock.at = new Date(today - step.daysAgo * DAY);
    const store = stores[step.by];
    if (step.comment) {
      await store.addComment(action.id, step.note ?? "");
    } else {
      const change: { rag?: "Red" | "Amber" | "Green" | "Blue"; progress?: string; note?: string } = {};
      if (step.rag) change.rag = step.rag;
      if (step.progress) change.progress = step.progress;
      if (step.note) change.note = step.note;
      const next = await store.updateProgress(action.id, action.etag, change);
      action.etag = next.etag;
    }
    updates += 1;
  }
  clock.at = new Date(today);

  let files = 0;
  if (options.workbooks !== false) {
    const { generateTrust } = await import("../demo/trust");
    for (const file of generateTrust({ staff: 3000, year: DEMO_PLAN_YEAR }).files) {
      await editor.uploadDataFile(file.name, file.bytes);
      files += 1;
    }
  }
  return { objectives: DEMO_PLAN.length, actions, updates, files };
}
