// The committee's "last meeting" date, remembered per meeting (Teams meeting or chat id; outside
// Teams "standalone") in this browser, so the side panel opens on the same period next time.
const PREFIX = "wres.meeting.since.";

/** A quarter back: committees review the plan quarterly. */
export function defaultSince(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 91);
  return date.toISOString().slice(0, 10);
}

export function rememberedSince(
  meetingKey: string,
  storage: Pick<Storage, "getItem"> | null = safeStorage(),
): string | null {
  try {
    const value = storage?.getItem(PREFIX + meetingKey) ?? null;
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberSince(
  meetingKey: string,
  since: string,
  storage: Pick<Storage, "setItem"> | null = safeStorage(),
): void {
  try {
    storage?.setItem(PREFIX + meetingKey, since);
  } catch {
    // Storage blocked (private mode, partitioned iframe): the date just is not remembered.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
