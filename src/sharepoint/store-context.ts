// What the plan's repositories share (src/sharepoint/*-repository.ts): the @pnp/sp root, the clock,
// the plan's lists, what is read once per store (the site's time zone, who is signed in, their
// groups, the plan editors), and the write helpers every list uses: ETag-guarded MERGE and DELETE
// whose 412 becomes ConflictError, and $batch requests whose parts settle on their own.
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/batching.js";
import "@pnp/sp/site-users/index.js";
import "@pnp/sp/regional-settings/web.js";
import type { IList } from "@pnp/sp/lists/index.js";
import { type Person, type ProgressUpdate, type Settled, itemEtag, type UpdateAuthority } from "../plan";
import { AppError, ConflictError, isPreconditionFailed, toAppError } from "./errors";
import { toPerson, type SpItem } from "./mapping";
import { planList } from "./lists";
import { planEditorIds } from "./security-model";
import { historyFields, type HistoryFields } from "./history-select";
import { siteTimeZoneFrom, type SiteTimeZone } from "./time-zone";

/**
 * Parts per $batch HTTP request for bulk writes: @pnp/sp's own chunk size (`maxRequests`), named so
 * that one of our batches is exactly one HTTP request. When pnp splits a batch into several requests
 * and one fails outright, the parts of that request and every later one never settle; with one
 * request per batch, a failed request means none of its parts was answered.
 */
const BATCH_SIZE = 20;

export async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}

/** History order: newest first (by date, then by id). */
export function latestFirst(a: ProgressUpdate, b: ProgressUpdate): number {
  return b.date.localeCompare(a.date) || b.id - a.id;
}

export function siteUserToPerson(user: SpItem): Person {
  const person = toPerson({ Id: user["Id"], Title: user["Title"], EMail: user["Email"], Name: user["LoginName"] });
  if (!person) throw new AppError("unexpected", "SharePoint returned a user without an id");
  return person;
}

/** A claims login for an e-mail or UPN; claims logins pass through. */
export function toLoginName(loginOrEmail: string): string {
  return loginOrEmail.includes("|") ? loginOrEmail : `i:0#.f|membership|${loginOrEmail.trim()}`;
}

/** A closed (rolled-over) plan year refuses changes to its objectives and actions. */
export function closedError(planYear: string): AppError {
  return new AppError(
    "closed",
    `The ${planYear} plan year is closed (carried into the next year); its objectives and actions cannot be changed.`,
  );
}

/** The current version for a conflict view, or null when the item was deleted. */
export async function current<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if ((error as AppError).code === "notFound") return null;
    throw error;
  }
}

/** MERGE with If-Match; 412 (or 404: deleted meanwhile) becomes ConflictError carrying both versions. */
export async function merge<T>(
  target: IList,
  id: number,
  etag: string,
  fields: SpItem,
  mine: Partial<T>,
  read: () => Promise<T>,
): Promise<void> {
  try {
    await target.items.getById(id).update(fields, itemEtag(etag));
  } catch (error) {
    const mapped = toAppError(error);
    if (isPreconditionFailed(error) || (mapped as AppError).code === "notFound") {
      throw new ConflictError<T>(mine, await current(read), { cause: error });
    }
    throw mapped;
  }
}

/** DELETE with If-Match; 412 becomes ConflictError carrying the current version. */
export async function remove<T>(target: IList, id: number, etag: string, read: () => Promise<T>): Promise<void> {
  try {
    await target.items.getById(id).delete(itemEtag(etag));
  } catch (error) {
    if (isPreconditionFailed(error)) throw new ConflictError<T>({}, await current(read), { cause: error });
    throw toAppError(error);
  }
}

/** A write's failure as the single-item methods report it: 412 or 404 becomes ConflictError with the current version. */
export async function writeFailure<T>(
  error: unknown,
  mine: Partial<T>,
  read: (() => Promise<T>) | null,
): Promise<Settled<T>> {
  const mapped = toAppError(error);
  if (read && (isPreconditionFailed(error) || (mapped as AppError).code === "notFound")) {
    return { ok: false, error: new ConflictError<T>(mine, await current(read).catch(() => null), { cause: error }) };
  }
  return { ok: false, error: mapped };
}

export interface StoreContext {
  sp: SPFI;
  now(): Date;
  objectives(): IList;
  actions(): IList;
  updates(): IList;
  results(): IList;
  /** Which fields the progress history is read with (a site before schema 5 has no ReplyTo). */
  history: HistoryFields;
  /**
   * What is read once per store. A $batch that reads the plan may carry the first read of the
   * time zone or the plan editors and fill these in (null: not read yet).
   */
  cache: { zone: Promise<SiteTimeZone> | null; authority: Promise<UpdateAuthority> | null };
  /** The site's time zone (Site settings > Regional settings): date-only values are kept in it. */
  timeZone(): Promise<SiteTimeZone>;
  me(): Promise<Person>;
  /**
   * The site groups the signed-in person belongs to (SP.User.Groups): a lead may be a group. A
   * person always sees their own groups, whoever else may see their membership.
   */
  myGroupIds(): Promise<number[]>;
  /** The plan editors (members of the Plan Editors group). */
  authority(): Promise<UpdateAuthority>;
  /** The site user with this e-mail address, or null (SP.UserCollection.getByEmail answers 404 for none). */
  siteUserByEmail(email: string): Promise<Person | null>;
  runBatch(execute: () => Promise<void>, parts: Promise<unknown>[]): Promise<void>;
  settleEach<I, T>(
    inputs: readonly I[],
    request: (web: SPFI["web"], input: I) => Promise<T>,
    alongside?: (web: SPFI["web"]) => Promise<unknown>,
  ): Promise<PromiseSettledResult<T>[]>;
}

/** A promise read once and kept, forgotten when it fails so that the next call tries again. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | null = null;
  return () => {
    kept ??= call(read);
    kept.catch(() => (kept = null));
    return kept;
  };
}

export function createStoreContext(sp: SPFI, now: () => Date): StoreContext {
  const cache: StoreContext["cache"] = { zone: null, authority: null };
  const ctx: StoreContext = {
    sp,
    now,
    objectives: () => planList(sp.web, "objectives"),
    actions: () => planList(sp.web, "actions"),
    updates: () => planList(sp.web, "progressUpdates"),
    results: () => planList(sp.web, "indicatorResults"),
    history: historyFields(),
    cache,
    timeZone() {
      cache.zone ??= call(async () => siteTimeZoneFrom(await sp.web.regionalSettings.timeZone()));
      cache.zone.catch(() => (cache.zone = null));
      return cache.zone;
    },
    me: once(async () => siteUserToPerson(await sp.web.currentUser<SpItem>())),
    myGroupIds: once(async () => (await sp.web.currentUser.groups.select("Id")<{ Id: number }[]>()).map((g) => g.Id)),
    authority() {
      cache.authority ??= call(async () => ({ editorIds: await planEditorIds(sp) }));
      cache.authority.catch(() => (cache.authority = null));
      return cache.authority;
    },
    async siteUserByEmail(email) {
      try {
        return siteUserToPerson(await sp.web.siteUsers.getByEmail(email)<SpItem>());
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        throw toAppError(error);
      }
    },
    /** Runs queued requests of a $batch; parts fail on their own (SharePoint batches are not transactional). */
    async runBatch(execute: () => Promise<void>, parts: Promise<unknown>[]): Promise<void> {
      const settled = Promise.allSettled(parts);
      await call(execute);
      const failed = (await settled).find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw toAppError(failed.reason);
    },

    /**
     * Runs one request per input in $batch requests of BATCH_SIZE; each settles on its own, in order.
     * A batch request that fails as a whole (offline, throttled past its retries) fails its parts and
     * every later input unsent, with its error: SharePoint has committed the earlier batches (it never
     * rolls one back), so the caller reports what was written and a second run writes only the rest.
     */
    async settleEach<I, T>(
      inputs: readonly I[],
      request: (web: SPFI["web"], input: I) => Promise<T>,
      /** One more read riding in the first batch (its own failure is its caller's). */
      alongside?: (web: SPFI["web"]) => Promise<unknown>,
    ): Promise<PromiseSettledResult<T>[]> {
      const out: PromiseSettledResult<T>[] = [];
      for (let start = 0; start < inputs.length; start += BATCH_SIZE) {
        const [batched, execute] = sp.batched({ maxRequests: BATCH_SIZE });
        if (start === 0 && alongside) void alongside(batched.web).catch(() => undefined);
        const parts = Promise.allSettled(
          inputs.slice(start, start + BATCH_SIZE).map((input) => request(batched.web, input)),
        );
        const failure = await execute().then(
          () => null,
          (error: unknown) => toAppError(error),
        );
        if (failure !== null) {
          // The failed request's parts never settle (pnp answers a part only from its request's reply): not awaited.
          while (out.length < inputs.length) out.push({ status: "rejected", reason: failure });
          break;
        }
        out.push(...(await parts));
      }
      return out;
    },
  };
  return ctx;
}
