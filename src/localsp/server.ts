// The local SharePoint-compatible server: one request handler over the durable store, served by
// node:http on loopback (`startLocalSharePoint`) or mounted on the Vite dev server (vite-plugin.ts).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LocalSharePointApi, errorAnswer, statusText, type ApiRequest, type ApiResponse } from "./api";
import { SpError } from "./errors";
import { SELECTED_ROLE_MASKS } from "./permissions";
import { FaultControl, parseFaultSettings } from "./faults";
import { bodyLimitFor, messageTooLarge, MAX_MESSAGE_BYTES, requestTooLarge } from "./limits";
import type { Security } from "./security";
import { DEMO_SITE, seedDirectory, seedDemoPlan, type SeedName } from "./seed";
import { Store } from "./store";

export type { FaultControl } from "./faults";

export interface LocalSharePointOptions {
  port?: number;
  host?: string;
  dataDir: string;
  seed?: SeedName;
  /** List view threshold (SharePoint's is 5000; tests use small values). */
  threshold?: number;
}

export interface LocalSharePoint {
  url: string;
  siteUrl: string;
  faults: FaultControl;
  /** The durable store, for tests that need large fixtures fast (not part of the REST surface). */
  store: Store;
  /**
   * Creates a site (an admin act, as in the SharePoint admin centre; requests never create sites)
   * with every directory user in their default role, and returns its URL.
   */
  createSite(name: string, title?: string): string;
  /** Groups, role assignments and Sites.Selected grants (security.ts), for tests. */
  security: Security;
  close(): Promise<void>;
}

const EXPOSED_HEADERS =
  "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, SPRequestGuid, request-id";

/** The transport-neutral core shared by the standalone server and the Vite middleware. */
export class LocalSharePointHandler {
  readonly store: Store;
  readonly faults = new FaultControl();
  readonly api: LocalSharePointApi;

  constructor(options: { dataDir: string; threshold?: number }) {
    this.store = new Store(options.dataDir);
    this.faults.threshold = options.threshold ?? 5000;
    this.api = new LocalSharePointApi(this.store, this.faults);
  }

  /**
   * Creates the demo directory and site; on a new database with seed `demo`, also writes the demo
   * plan through the real data layer, over a private loopback listener of this same handler.
   */
  async seed(seed: SeedName): Promise<void> {
    const run = this.runSeed(seed);
    this.gate = run.then(
      () => undefined,
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.unavailable = `localsp: seeding the demo site failed (${message.split("\n")[0] ?? ""}); nothing else has written to it, so the next start seeds it again.`;
      },
    );
    await run;
  }

  /**
   * Public requests wait here while seeding runs, so nobody writes to a half-seeded site: while the
   * seed is pending the demo site holds the seeder's writes only, and an interrupted seed can start
   * again from empty on the next start without losing anything anyone was promised.
   */
  private gate: Promise<void> = Promise.resolve();
  private unavailable: string | null = null;

  private async runSeed(seed: SeedName): Promise<void> {
    seedDirectory(this.store);
    // Only a new database is seeded; an interrupted demo seed is finished on the next start.
    if (seed === "demo" && this.store.isNew) this.store.setMeta("seed:demo", "pending");
    if (this.store.getMeta("seed:demo") !== "pending") return;
    const listener = createServer((req, res) => {
      this.serve(req, res).catch(() => res.end());
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", () => resolve()));
    // A seed interrupted last time starts again from an empty demo site.
    const site = this.store.siteByName(DEMO_SITE);
    if (site) this.store.write(() => this.store.lists(site.id).forEach((list) => this.store.deleteList(list.guid)));
    this.store.setBulkMode(true);
    try {
      const { port } = listener.address() as AddressInfo;
      await seedDemoPlan(this.store, `http://127.0.0.1:${port}/sites/${DEMO_SITE}`);
      this.store.setBulkMode(false);
      this.store.setMeta("seed:demo", "done");
    } finally {
      this.store.setBulkMode(false);
      await new Promise<void>((resolve) => {
        listener.close(() => resolve());
        listener.closeAllConnections();
      });
    }
  }

  handles(path: string): boolean {
    return /^\/(sites\/|_api(\/|$)|_vti_bin\/|_localsp(\/|$))/i.test(path);
  }

  /** Creates a site (see LocalSharePoint.createSite). */
  createSite(name: string, title?: string): void {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(name))
      throw new Error(`localsp: '${name}' is not a site name (letters, digits, '_', '.', '-')`);
    this.store.createSite(name, title ?? name);
  }

  /** Answers a request once the site is ready (see `gate`). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await this.gate;
    if (this.unavailable !== null) {
      const error = new SpError(503, "-1, Microsoft.SharePoint.Client.ClientServiceException", this.unavailable);
      req.resume();
      send(res, errorAnswer(error, req.headers.accept), corsHeaders(req.headers.origin));
      return;
    }
    await this.serve(req, res);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const url = new URL(req.url ?? "/", origin);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    const cors = corsHeaders(headers.origin);
    const read = await readBody(req, bodyLimitFor(safeDecode(url.pathname)));
    if (!read.ok) {
      // SharePoint's refusal; the rest of an oversized body is never read, so the connection closes.
      send(res, errorAnswer(read.error, headers.accept), { ...cors, Connection: "close" });
      res.once("finish", () => req.destroy());
      return;
    }
    const body = read.body;
    if (req.method === "OPTIONS") {
      send(res, { status: 204, headers: cors, body: null });
      return;
    }
    if (url.pathname.startsWith("/_localsp")) {
      send(res, this.admin(req.method ?? "GET", url, body, req.socket.remoteAddress), cors);
      return;
    }
    const throttle = this.faults.takeThrottle();
    if (throttle) {
      const text = throttle.status === 429 ? "429 TOO MANY REQUESTS" : "503 SERVER TOO BUSY";
      send(
        res,
        {
          status: throttle.status,
          headers: {
            "Content-Type": "text/plain; charset=utf-8",
            "Retry-After": String(throttle.retryAfter),
            "RateLimit-Limit": "1200",
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": String(throttle.retryAfter),
          },
          body: text,
        },
        cors,
      );
      return;
    }
    if (this.faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.delayMs));
    const request: ApiRequest = { method: (req.method ?? "GET").toUpperCase(), url, headers, body };
    const answer = await this.api.dispatch(request);
    send(res, answer, cors);
  }

  /** Test controls, loopback only: faults now; no authentication needed. */
  private admin(method: string, url: URL, body: Buffer, remote: string | undefined): ApiResponse {
    const jsonAnswer = (status: number, value: unknown): ApiResponse => ({
      status,
      headers: { "Content-Type": "application/json;charset=utf-8" },
      body: JSON.stringify(value),
    });
    if (remote && !/^(::1|127\.|::ffff:127\.)/.test(remote))
      return jsonAnswer(403, { error: "localsp: admin routes are loopback only" });
    if (url.pathname === "/_localsp/faults") {
      if (method === "GET") return jsonAnswer(200, this.faults.snapshot());
      if (method === "DELETE") {
        this.faults.reset();
        return jsonAnswer(200, this.faults.snapshot());
      }
      if (method === "POST") {
        try {
          this.faults.set(parseFaultSettings(JSON.parse(body.toString("utf8") || "{}")));
          return jsonAnswer(200, this.faults.snapshot());
        } catch (error) {
          return jsonAnswer(400, { error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    if (url.pathname === "/_localsp/health" && method === "GET") return jsonAnswer(200, { ok: true });
    if (url.pathname === "/_localsp/sites" && method === "POST") {
      try {
        const { name, title } = JSON.parse(body.toString("utf8") || "{}") as { name?: unknown; title?: unknown };
        this.createSite(String(name ?? ""), typeof title === "string" ? title : undefined);
        return jsonAnswer(201, { name, url: `${url.origin}/sites/${String(name)}` });
      } catch (error) {
        return jsonAnswer(400, { error: error instanceof Error ? error.message : String(error) });
      }
    }
    const grant = /^\/_localsp\/sites\/([^/]+)\/permissions$/.exec(url.pathname);
    if (grant) return this.sitePermissions(method, decodeURIComponent(grant[1] as string), body, jsonAnswer);
    return jsonAnswer(404, { error: `localsp: no admin route ${method} ${url.pathname}` });
  }

  /**
   * A tenant admin's grant to the app on one site, for delegated `Sites.Selected`: modelled on
   * Microsoft Graph's `POST /sites/{site-id}/permissions` ({"roles": ["fullcontrol"],
   * "grantedToIdentities": [{"application": {"id", "displayName"}}]}, roles read, write, manage,
   * fullcontrol; https://learn.microsoft.com/en-us/graph/api/site-post-permissions). GET lists the
   * grant, DELETE removes it. This server serves one app, so the grant is the app's whatever its id.
   */
  private sitePermissions(
    method: string,
    name: string,
    body: Buffer,
    jsonAnswer: (status: number, value: unknown) => ApiResponse,
  ): ApiResponse {
    const site = this.store.siteByName(name);
    if (!site) return jsonAnswer(404, { error: { code: "itemNotFound", message: `localsp: no site '${name}'` } });
    const permission = (role: string) => ({
      id: `localsp-${site.id}`,
      roles: [role],
      grantedToIdentities: [{ application: { id: "wres-action-plans", displayName: "WRES action plans" } }],
    });
    if (method === "GET") {
      const role = this.api.security.selectedGrant(site.id);
      return jsonAnswer(200, { value: role ? [permission(role)] : [] });
    }
    if (method === "DELETE") {
      this.api.security.setSelectedGrant(site.id, null);
      return { status: 204, headers: {}, body: null };
    }
    if (method === "POST") {
      let roles: unknown;
      try {
        ({ roles } = JSON.parse(body.toString("utf8") || "{}") as { roles?: unknown });
      } catch {
        return jsonAnswer(400, { error: { code: "invalidRequest", message: "The body is not JSON." } });
      }
      const role =
        Array.isArray(roles) && roles.length === 1 && typeof roles[0] === "string" ? roles[0].toLowerCase() : null;
      if (!role || !(role in SELECTED_ROLE_MASKS)) {
        return jsonAnswer(400, {
          error: { code: "invalidRequest", message: "roles must be one of read, write, manage, fullcontrol" },
        });
      }
      this.api.security.setSelectedGrant(site.id, role);
      return jsonAnswer(201, permission(role));
    }
    return jsonAnswer(405, { error: { code: "notSupported", message: `localsp: ${method} is not supported here` } });
  }

  close(): void {
    this.store.close();
  }
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { "Access-Control-Expose-Headers": EXPOSED_HEADERS };
  // Local tool: only loopback pages may call it from a browser.
  if (origin && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(origin)) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers["Access-Control-Allow-Headers"] = "*";
    headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, MERGE, DELETE, OPTIONS";
    headers["Access-Control-Allow-Credentials"] = "true";
    headers.Vary = "Origin";
  }
  return headers;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Reads a request body of at most `limit` bytes (limits.ts). A declared length over the limit is
 * refused before reading anything; a body that grows past it stops being read there.
 */
function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ ok: true; body: Buffer } | { ok: false; error: SpError }> {
  const refuse = (bytes: number): SpError => (limit <= MAX_MESSAGE_BYTES ? messageTooLarge(bytes) : requestTooLarge());
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, error: refuse(declared) });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.off("data", onData);
        req.pause();
        resolve({ ok: false, error: refuse(length) });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, answer: ApiResponse, extra: Record<string, string> = {}): void {
  const body =
    answer.body === null ? null : typeof answer.body === "string" ? Buffer.from(answer.body, "utf8") : answer.body;
  const headers: Record<string, string> = {
    ...extra,
    ...answer.headers,
    "Cache-Control": "private, max-age=0",
    SPRequestGuid: randomUUID(),
    "request-id": randomUUID(),
    "X-SharePointHealthScore": "0",
    MicrosoftSharePointTeamServices: "16.0.0.0",
    "X-Content-Type-Options": "nosniff",
    "Content-Length": String(body?.length ?? 0),
  };
  if (answer.status === 200 || answer.status === 201) headers.DATASERVICEVERSION = "3.0";
  res.writeHead(answer.status, answer.statusText ?? statusText(answer.status), headers);
  res.end(body ?? undefined);
}

/**
 * A handler whose site is seeded before anything can reach it (its seeder talks to a private loopback
 * listener of its own); closed again if seeding fails.
 */
export async function seededHandler(
  options: Pick<LocalSharePointOptions, "dataDir" | "threshold" | "seed">,
): Promise<LocalSharePointHandler> {
  const handler = new LocalSharePointHandler({ dataDir: options.dataDir, threshold: options.threshold });
  try {
    await handler.seed(options.seed ?? "none");
  } catch (error) {
    handler.close();
    throw error;
  }
  return handler;
}

/** Node's request listener for `handler`: a request that fails unexpectedly is logged and answered 500. */
export function requestListener(handler: LocalSharePointHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handler.handle(req, res).catch((error: unknown) => {
      console.error("localsp: request failed", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

export async function startLocalSharePoint(options: LocalSharePointOptions): Promise<LocalSharePoint> {
  const host = options.host ?? "127.0.0.1";
  // Seed first and listen after: nobody can reach a half-seeded site.
  const handler = await seededHandler(options);
  const server = createServer(requestListener(handler));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => {
      handler.close();
      reject(error);
    });
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const siteUrl = `${url}/sites/${DEMO_SITE}`;
  return {
    url,
    siteUrl,
    faults: handler.faults,
    store: handler.store,
    createSite: (name, title) => {
      handler.createSite(name, title);
      return `${url}/sites/${name}`;
    },
    security: handler.api.security,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          handler.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
