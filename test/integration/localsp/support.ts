// Shared test support: a local SharePoint server on a free loopback port with a fresh data dir,
// raw fetch helpers and @pnp/sp instances signed in as demo users.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spfi, SPBrowser, type SPFI } from "@pnp/sp";
import { InjectHeaders } from "@pnp/queryable";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/fields/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/site-users/index.js";
import "@pnp/sp/batching.js";
import "@pnp/sp/files/index.js";
import "@pnp/sp/folders/index.js";
import "@pnp/sp/security/index.js";
import { startLocalSharePoint, type LocalSharePoint } from "../../../src/localsp/server";

export interface TestServer extends LocalSharePoint {
  dataDir: string;
  dispose(): Promise<void>;
}

export async function startTestServer(
  options: { seed?: "demo" | "none"; threshold?: number; dataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "wres-localsp-"));
  const server = await startLocalSharePoint({
    port: 0,
    dataDir,
    seed: options.seed ?? "none",
    threshold: options.threshold,
  });
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN = "admin@wres.test";
export const EDITOR = "edi.lead@wres.test";
export const OWNER_AMARA = "amara.okafor@wres.test";
export const OWNER_TOM = "tom.hughes@wres.test";
export const CHAIR = "network.chair@wres.test";
export const COMMITTEE = "committee@wres.test";

/** `dev:<upn>` carries every scope; with `scopes`, the token carries only those (`?scp=`). */
export function bearer(upn: string, scopes?: readonly string[]): Record<string, string> {
  const scp = scopes ? `?scp=${encodeURIComponent(scopes.join(" "))}` : "";
  return { Authorization: `Bearer dev:${upn}${scp}` };
}

/** An @pnp/sp instance for a site, signed in as a demo user (bearer token, so no request digest). */
export function spAs(siteUrl: string, upn: string, scopes?: readonly string[]): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), InjectHeaders(bearer(upn, scopes)));
}

/** Raw HTTP against the server as a user. */
export async function call(
  url: string,
  init: {
    method?: string;
    upn?: string | null;
    scopes?: readonly string[];
    headers?: Record<string, string>;
    body?: unknown;
  } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...(init.upn === null ? {} : bearer(init.upn ?? ADMIN, init.scopes)),
    ...init.headers,
  };
  let body: string | Uint8Array | undefined;
  if (init.body instanceof Uint8Array || typeof init.body === "string") body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["Content-Type"] ??= "application/json;charset=utf-8";
  }
  const response = await fetch(url, { method: init.method ?? "GET", headers, body: body as BodyInit | undefined });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

let siteCounter = 0;
/** A fresh, empty site on the server for one test, created as an admin would (requests never create sites). */
export function freshSite(server: LocalSharePoint, prefix = "t"): string {
  siteCounter += 1;
  return server.createSite(`${prefix}${Date.now().toString(36)}${siteCounter}`);
}
