// SharePoint timestamps, and the seed's clock that stamps the demo's history as it happened.

let seedingClock: (() => Date) | null = null;

/**
 * Seeding only: the demo's history is written as it happened over the past year, so the server
 * stamps Created and Modified from the seed's clock (as a migration tool preserves them).
 */
export function setSeedingClock(clock: (() => Date) | null): void {
  seedingClock = clock;
}

/** SharePoint timestamps: UTC, whole seconds, "Z". */
export function nowIso(): string {
  return (seedingClock ? seedingClock() : new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
}
