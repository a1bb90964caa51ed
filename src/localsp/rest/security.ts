// The bridge to the security endpoints (../security-api.ts): role assignments, groups, role
// definitions and inheritance on the web, a list or an item.
import { securityStep, securityStepOnSecurable, type Securable, type SecurityHost } from "../security-api";
import type { Segment } from "../segments";
import { isLoginOf, stripClaims } from "./auth";
import type { Ctx, Resource } from "./context";
import { type ApiResponse, json, parseJsonBody } from "./http";
import { visibleItem } from "./lookup";
import { collection, single } from "./projection";
import { userEntity } from "./web";

/** Role assignments, groups, role definitions and inheritance on the web, a list or an item. */
export function securityStepAt(
  ctx: Ctx,
  at: Resource,
  seg: Segment,
  rest: Segment[],
): { resource: Resource } | { response: ApiResponse | Promise<ApiResponse> } | null {
  const host = securityHost(ctx);
  let next: ReturnType<typeof securityStep>;
  if (at.kind === "security") {
    next = securityStep(host, at.res, seg, rest);
  } else {
    let on: Securable | null = null;
    if (at.kind === "web") on = { kind: "web" };
    else if (at.kind === "list") on = { kind: "list", list: at.list };
    else if (at.kind === "item") on = { kind: "item", list: at.list, item: visibleItem(ctx, at.list, at.id) };
    next = on ? securityStepOnSecurable(host, on, seg, rest) : null;
  }
  if (!next) return null;
  return "resource" in next ? { resource: { kind: "security", res: next.resource } } : next;
}

export function securityHost(ctx: Ctx): SecurityHost {
  return {
    method: ctx.method,
    format: ctx.format,
    webUrl: ctx.webUrl,
    site: ctx.site,
    user: ctx.user,
    guard: ctx.guard,
    security: ctx.security,
    store: ctx.store,
    body: () => parseJsonBody(ctx.req),
    commit: (work) => ctx.store.commit(work),
    single: (entity, type) => single(ctx, entity, type),
    collection: (entities, type) => collection(ctx, entities, type),
    json: (status, body) => json(status, body, ctx.format),
    userEntity: (user) => userEntity(ctx, user),
    userByLogin: (login) => {
      const user = ctx.store.userByUpn(stripClaims(login.trim()));
      return isLoginOf(user, login) ? user : undefined;
    },
  };
}
