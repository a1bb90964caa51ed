// Seeding: the demo directory (users and their roles, the same on every site) and the demo site.
import type { Role } from "./permissions";
import type { Store } from "./store";

export type SeedName = "demo" | "none";

export const DEMO_SITE = "wres";

/**
 * The demo directory. `email` defaults to the UPN; Rukhsana Begum signs in as r.begum@wres.test but
 * her e-mail address is rukhsana.begum@nhs.test, as happens wherever sign-in names and mail
 * addresses differ (NHSmail addresses beside a trust's own sign-in names).
 */
export const DEMO_USERS: { upn: string; email?: string; title: string; jobTitle: string; role: Role }[] = [
  { upn: "admin@wres.test", title: "Site Administrator", jobTitle: "SharePoint administrator", role: "owner" },
  {
    upn: "edi.lead@wres.test",
    title: "Jordan Ellis",
    jobTitle: "Head of Equality, Diversity and Inclusion",
    role: "editor",
  },
  { upn: "amara.okafor@wres.test", title: "Amara Okafor", jobTitle: "Director of People", role: "action-owner" },
  { upn: "tom.hughes@wres.test", title: "Tom Hughes", jobTitle: "Head of Resourcing", role: "action-owner" },
  { upn: "priya.shah@wres.test", title: "Priya Shah", jobTitle: "Deputy Chief Nurse", role: "action-owner" },
  {
    upn: "network.chair@wres.test",
    title: "Samuel Adeyemi",
    jobTitle: "Chair, Race Equality Staff Network",
    role: "network-chair",
  },
  {
    upn: "committee@wres.test",
    title: "Helen Price",
    jobTitle: "Non-executive Director, People Committee",
    role: "reader",
  },
  {
    upn: "r.begum@wres.test",
    email: "rukhsana.begum@nhs.test",
    title: "Rukhsana Begum",
    jobTitle: "Freedom to Speak Up Guardian",
    role: "action-owner",
  },
];

/** Users and their default roles, the demo site and the root site (idempotent: runs on every start). */
export function seedDirectory(store: Store): void {
  store.transaction(() => {
    for (const user of DEMO_USERS) {
      store.upsertUser({
        upn: user.upn,
        title: user.title,
        email: user.email ?? user.upn,
        jobTitle: user.jobTitle,
        defaultRole: user.role,
      });
    }
  });
  store.createSite(DEMO_SITE, "WRES Action Plans");
  // The tenant's root site always exists on SharePoint Online.
  store.createSite("", "Home");
}

/**
 * The seeding day from `WRES_LOCALSP_TODAY` (an ISO date or date-time), else none (today). The demo's
 * due dates and history are relative to it; the visual tests fix it, and the browser's clock, so the
 * screens they compare with their baselines are the same on every day.
 */
export function seedingDay(value: string | undefined = process.env.WRES_LOCALSP_TODAY): Date | undefined {
  if (!value) return undefined;
  const day = new Date(value);
  if (Number.isNaN(day.getTime()))
    throw new Error(`WRES_LOCALSP_TODAY is not a date: "${value}" (use e.g. 2025-11-20)`);
  return day;
}

/** The demo plan, written through the real data layer against the server at siteUrl. */
export async function seedDemoPlan(store: Store, siteUrl: string): Promise<void> {
  seedDirectory(store);
  const { writeDemoPlan } = await import("./seed-plan");
  const { setSeedingClock } = await import("./store");
  const started = Date.now();
  let written: Awaited<ReturnType<typeof writeDemoPlan>>;
  try {
    written = await writeDemoPlan(siteUrl, { today: seedingDay(), onClock: (at) => setSeedingClock(() => at) });
  } finally {
    setSeedingClock(null);
  }
  console.log(
    `localsp: seeded the demo plan (${written.objectives} objectives, ${written.actions} actions, ${written.updates} history entries, ${written.files} workbooks) in ${Date.now() - started} ms`,
  );
}
