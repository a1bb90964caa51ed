// The local SharePoint server for an integration suite: started on a free loopback port with a
// temp data directory, the real @pnp/sp data layer built against it as any demo user, and (with
// useSite) started before the suite's tests and closed after them.
import { existsSync, mkdtempSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SPFI } from "@pnp/sp";
import { afterAll, beforeAll } from "vitest";
import { startLocalSharePoint } from "../../src/localsp/server";
import { createSp } from "../../src/sharepoint/create-sp";
import { createPlanStore } from "../../src/sharepoint/plan-store";
import type { RetryInfo } from "../../src/sharepoint/behaviors";
import type { PlanStore } from "../../src/plan/store";

/**
 * A RAM-backed temp folder where there is a roomy one (Linux /dev/shm with 512 MB free; containers
 * often give it only 64 MB): bulk tests then do not wait on the server's disk syncs.
 */
export const FAST_TMP = roomy("/dev/shm", 512 * 1024 * 1024) ? "/dev/shm" : tmpdir();

function roomy(path: string, bytes: number): boolean {
  try {
    const stats = statfsSync(path);
    return existsSync(path) && stats.bavail * stats.bsize >= bytes;
  } catch {
    return false;
  }
}

export type Server = Awaited<ReturnType<typeof startLocalSharePoint>>;

export interface Site {
  server: Server;
  dataDir: string;
  sp(upn: string, options?: { retries?: number; onRetry?: (info: RetryInfo) => void }): SPFI;
  store(upn: string): PlanStore;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** The list view threshold the server enforces (SharePoint Online's is 5,000). */
  threshold?: number;
  /** Where the temp data directory goes (FAST_TMP for bulk tests). */
  dataRoot?: string;
}

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const dataDir = mkdtempSync(join(options.dataRoot ?? tmpdir(), "wres-sp-"));
  const start = () =>
    startLocalSharePoint({
      dataDir,
      seed: "none",
      port: 0,
      ...(options.threshold ? { threshold: options.threshold } : {}),
    });
  const site: Site = {
    server: await start(),
    dataDir,
    sp: (upn, extra = {}) =>
      createSp({
        siteUrl: site.server.siteUrl,
        getToken: async () => `dev:${upn}`,
        retries: extra.retries ?? 3,
        ...(extra.onRetry ? { onRetry: extra.onRetry } : {}),
      }),
    store: (upn) => createPlanStore(site.sp(upn)),
    async restart() {
      await site.server.close();
      site.server = await start();
    },
    async close() {
      await site.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return site;
}

/**
 * A site for the enclosing suite (file or describe): started in a beforeAll registered here, so
 * that it runs before the suite's own beforeAll hooks, and closed after its tests. The value
 * returned stands for the site from then on (a Proxy, because the site only exists once the suite
 * starts); reading it outside a hook or test fails with a plain message.
 */
export function useSite(options: SiteOptions = {}): Site {
  let current: Site | null = null;
  beforeAll(async () => {
    current = await startSite(options);
  });
  afterAll(async () => {
    await current?.close();
    current = null;
  });
  return new Proxy({} as Site, {
    get(_target, key) {
      if (!current) throw new Error("useSite: the site is used before its suite started (or after it ended)");
      return Reflect.get(current, key);
    },
    set(_target, key, value) {
      if (!current) throw new Error("useSite: the site is used before its suite started (or after it ended)");
      return Reflect.set(current, key, value);
    },
  });
}
