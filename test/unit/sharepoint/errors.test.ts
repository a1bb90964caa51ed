import { describe, expect, it } from "vitest";
import {
  ListThresholdError,
  NotFoundError,
  NotProvisionedError,
  OfflineError,
  PermissionError,
  ThrottledError,
  toAppError,
} from "../../../src/sharepoint/errors";
import { hasPermission, PermissionKind } from "../../../src/sharepoint/permissions";

function httpError(status: number, body: string) {
  return Object.assign(new Error(`Error making HttpClient request in queryable [${status}] ::> ${body}`), { status });
}

describe("toAppError", () => {
  it("maps SharePoint's answers to typed errors", () => {
    expect(toAppError(httpError(403, "Access denied"))).toBeInstanceOf(PermissionError);
    // 401 is a sign-in problem (expired or revoked token), not a missing right.
    expect(toAppError(httpError(401, "Invalid JWT token"))).toMatchObject({
      name: "InteractionRequired",
      purpose: "write",
    });
    expect(toAppError(httpError(429, ""))).toBeInstanceOf(ThrottledError);
    expect(
      toAppError(
        httpError(
          500,
          '{"odata.error":{"code":"-2147024860, Microsoft.SharePoint.SPQueryThrottledException","message":{"lang":"en-US","value":"The attempted operation is prohibited because it exceeds the list view threshold."}}}',
        ),
      ),
    ).toBeInstanceOf(ListThresholdError);
    const missing = toAppError(
      httpError(
        404,
        `{"odata.error":{"code":"-1, System.ArgumentException","message":{"value":"List 'WRES Actions' does not exist at site with URL 'x'."}}}`,
      ),
    );
    expect(missing).toBeInstanceOf(NotProvisionedError);
    expect((missing as NotProvisionedError).list).toBe("WRES Actions");
    expect(toAppError(httpError(404, "Item does not exist."))).toBeInstanceOf(NotFoundError);
    expect(toAppError(new TypeError("fetch failed"))).toBeInstanceOf(OfflineError);
  });
});

describe("hasPermission", () => {
  // Masks as SharePoint Online reports them (docs/sharepoint.md §2.8).
  const full = { High: "2147483647", Low: "4294967295" };
  const edit = { High: "432", Low: "1011030767" };
  const contribute = { High: "432", Low: "1011028719" };
  const read = { High: "176", Low: "138612833" };
  it("reads the SharePoint role masks", () => {
    expect(hasPermission(full, PermissionKind.ManageLists)).toBe(true);
    expect(hasPermission(full, PermissionKind.FullMask)).toBe(true);
    expect(hasPermission(edit, PermissionKind.ManageLists)).toBe(true);
    expect(hasPermission(edit, PermissionKind.EditListItems)).toBe(true);
    expect(hasPermission(contribute, PermissionKind.ManageLists)).toBe(false);
    expect(hasPermission(contribute, PermissionKind.EditListItems)).toBe(true);
    expect(hasPermission(read, PermissionKind.EditListItems)).toBe(false);
    expect(hasPermission(read, PermissionKind.AddListItems)).toBe(false);
    expect(hasPermission(read, PermissionKind.ViewListItems)).toBe(true);
    expect(hasPermission(read, PermissionKind.FullMask)).toBe(false);
  });
});

describe("toAppError for lists addressed by URL", () => {
  const notFound =
    '{"odata.error":{"code":"-2147024894, System.IO.FileNotFoundException","message":{"lang":"en-US","value":"File Not Found."}}}';
  const at = (url: string) => Object.assign(httpError(404, notFound), { response: { url } });

  it("reads a missing list behind getList as a site not set up, naming the list's URL", () => {
    const missing = toAppError(
      at("https://x.sharepoint.com/sites/wres/_api/web/getList('%2Fsites%2Fwres%2FLists%2FWRES%20Actions')/items"),
    );
    expect(missing).toBeInstanceOf(NotProvisionedError);
    expect((missing as NotProvisionedError).list).toBe("/sites/wres/Lists/WRES Actions");
    // A $batch part carries no URL; the plan's batches only hold list requests.
    expect(toAppError(at(""))).toBeInstanceOf(NotProvisionedError);
  });

  it("keeps a missing file a missing file", () => {
    expect(
      toAppError(
        at(
          "https://x.sharepoint.com/sites/wres/_api/web/getFileByServerRelativePath(decodedUrl='%2Fsites%2Fwres%2FWRES%20Data%2Fa.xlsx')/$value",
        ),
      ),
    ).toBeInstanceOf(NotFoundError);
  });
});
