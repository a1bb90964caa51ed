// The demo users and the small plan the SharePoint integration tests share; the site itself comes
// from test/support/local-site.ts (useSite).
import type { ObjectiveDraft } from "../../../src/plan/store";
import type { Site } from "../../support/local-site";
import { objectiveDraft as blankObjective } from "../../support/plan-fixtures";

export const ADMIN = "admin@wres.test";
export const EDITOR = "edi.lead@wres.test";
export const AMARA = "amara.okafor@wres.test";
export const TOM = "tom.hughes@wres.test";
export const CHAIR = "network.chair@wres.test";
export const COMMITTEE = "committee@wres.test";

export const YEAR = "2024/25";

/** An objective to add: a title and number, in `planYear`, with nothing else set. */
export function objectiveDraft(title: string, number: string, planYear: string = YEAR): ObjectiveDraft {
  return blankObjective({ title, planYear, number });
}

/**
 * Sets the site up as the app does (lists and the permission model, by the site owner) and puts
 * the demo users in the plan's groups, as the demo seed does: the EDI lead in Plan Editors, action
 * owners and the network chair in Plan Contributors, the committee member in Plan Readers.
 */
export async function setUpPlan(site: Site): Promise<void> {
  const { provision } = await import("../../../src/sharepoint/provision");
  const { addToPlanGroup } = await import("../../../src/sharepoint/security-model");
  const { DEMO_GROUPS } = await import("../../../src/localsp/seed-plan");
  const admin = site.sp(ADMIN);
  await provision(admin);
  for (const [group, upn] of DEMO_GROUPS) await addToPlanGroup(admin, group, `i:0#.f|membership|${upn}`);
}

/** A provisioned site with one objective and two actions: 1.1 led by Amara, 1.2 led by Tom. */
export async function seedSmallPlan(site: Site) {
  await setUpPlan(site);
  const editor = site.store(EDITOR);
  const amara = await editor.ensurePerson(AMARA);
  const tom = await editor.ensurePerson(TOM);
  const objective = await editor.addObjective({
    title: "Increase BME representation at band 8a and above",
    planYear: YEAR,
    number: "1",
    description: "Close the gap in senior representation",
    owner: amara,
    sponsor: null,
    indicators: [1, 4],
    highImpactActions: ["HIA 3"],
    ragOverride: null,
    ragOverrideReason: null,
  });
  const base = {
    objectiveId: objective.id,
    leadText: null,
    milestones: "Q1 scoping; Q3 pilot",
    progress: null,
    kpis: "Diverse panels for 100% of 8a+ interviews",
    outcomes: null,
    indicators: [1] as [1],
    rag: "Green" as const,
  };
  const amaraAction = await editor.addAction({
    ...base,
    number: "1.1",
    title: "Diverse interview panels for 8a+",
    leads: [amara],
    dueDate: "2025-03-31",
  });
  const tomAction = await editor.addAction({
    ...base,
    number: "1.2",
    title: "Reverse mentoring for the board",
    leads: [tom],
    dueDate: "2025-06-30",
  });
  return { objective, amaraAction, tomAction, amara, tom };
}
