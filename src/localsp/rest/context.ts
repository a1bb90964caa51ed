// What every handler receives: the request, the caller (user, token scopes, permissions), the site
// and the server's state; the resources a path resolves to; and the checks handlers share.
import { accessDenied, badRequest, etagMismatch } from "../errors";
import type { Format } from "../format";
import { has } from "../permissions";
import type { FaultControl } from "../faults";
import type { Guard } from "../guard";
import type { Security } from "../security";
import type { SecurityResource } from "../security-api";
import type { ListRow, SiteRow, Store, UserRow } from "../store";
import type { ApiRequest, ApiResponse } from "./http";

export interface Ctx {
  req: ApiRequest;
  method: string;
  format: Format;
  site: SiteRow;
  user: UserRow;
  /** The user's permissions, trimmed by the token's scopes (../security.ts). */
  guard: Guard;
  origin: string;
  sitePath: string;
  webUrl: string;
  query: URLSearchParams;
  /** A part of a $batch: its body was read as text, so file content cannot travel in it. */
  inBatch: boolean;
  /** The server's state, shared by every request. */
  store: Store;
  security: Security;
  faults: FaultControl;
  /** Chunked upload sessions by upload id (in memory: SharePoint's also expire). */
  uploads: Map<string, UploadSession>;
  /** Answers a $batch part as a request of its own. */
  dispatch: (req: ApiRequest, options: { inBatch?: boolean }) => Promise<ApiResponse>;
}

export interface UploadSession {
  path: string;
  chunks: Buffer[];
  length: number;
}

/** A resolved resource on the path. */
export type Resource =
  | { kind: "root" }
  | { kind: "web" }
  | { kind: "siteUsers" }
  | { kind: "user"; user: UserRow }
  | { kind: "lists" }
  | { kind: "list"; list: ListRow }
  | { kind: "fields"; list: ListRow }
  | { kind: "field"; list: ListRow; name: string; by: "id" | "title" | "nameOrTitle" }
  | { kind: "items"; list: ListRow }
  | { kind: "item"; list: ListRow; id: number }
  | { kind: "versions"; list: ListRow; id: number }
  | { kind: "permissions"; mask: () => bigint }
  | { kind: "security"; res: SecurityResource }
  | { kind: "folder"; list: ListRow; path: string }
  | { kind: "files"; list: ListRow; folder: string }
  | { kind: "file"; list: ListRow; path: string }
  | { kind: "regionalSettings" }
  | { kind: "timeZone" }
  | { kind: "views"; list: ListRow }
  | { kind: "view"; list: ListRow }
  | { kind: "viewFields"; list: ListRow }
  | { kind: "attachments"; list: ListRow; id: number }
  | { kind: "attachment"; list: ListRow; id: number; name: string };

export function requireList(ctx: Ctx, list: ListRow, bit: bigint): void {
  if (!has(ctx.guard.list(list), bit)) throw accessDenied();
}

/** If-Match: `*` or absent matches; otherwise it must equal the current ETag exactly. */
export function checkIfMatch(ctx: Ctx, current: string, allowMissing = true): void {
  const sent = ctx.req.headers["if-match"];
  if (sent === undefined || sent === "") {
    if (allowMissing) return;
    throw badRequest("The If-Match header is required.");
  }
  if (sent.trim() === "*") return;
  const tags = sent.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (!tags.includes(current)) throw etagMismatch(sent.trim(), current);
}
