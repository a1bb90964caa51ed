import { describe, expect, it } from "vitest";
import { localTokenProvider } from "../../../src/auth";

describe("localTokenProvider", () => {
  it("supplies the local server's demo identity as a dev: bearer token", async () => {
    await expect(localTokenProvider("edi.lead@wres.test")()).resolves.toBe("dev:edi.lead@wres.test");
  });

  it("normalises the UPN so a typed ?as= value still names the same demo user", async () => {
    await expect(localTokenProvider("  Amara.Okafor@WRES.test ")()).resolves.toBe("dev:amara.okafor@wres.test");
  });
});
