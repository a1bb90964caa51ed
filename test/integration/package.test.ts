import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { buildAppPackage, MANIFEST_DIR, PackageError, validateManifest } from "../../src/packaging/app-package";
import { initialScripts } from "../../src/packaging/bundle-size";
import { decodePng, encodePng, readPngInfo } from "../../src/packaging/png";

const repo = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

const TEST_ENV = `# a tenant as an administrator would describe it
HOST_URL=https://wres.example.nhs.uk
APP_ID=6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b
CLIENT_ID=0A1B2C3D-4E5F-4a6b-8c7d-9e0f1a2b3c4d
TENANT_ID=11111111-2222-4333-8444-555555555555
SHAREPOINT_ORIGIN=https://example.sharepoint.com
DEVELOPER_NAME="Example NHS Foundation Trust"
PRIVACY_URL=https://www.example.nhs.uk/privacy
`;

/** The parts of a manifest these tests read. */
interface ManifestShape {
  [key: string]: unknown;
  configurableTabs: { scopes: string[]; context: string[]; [key: string]: unknown }[];
  authorization: { permissions: { resourceSpecific: unknown[] } };
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "wres-package-"));
  writeFileSync(join(work, "test.env"), TEST_ENV);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function problemsOf(action: () => unknown): { where: string; message: string }[] {
  try {
    action();
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  }
  throw new Error("expected a PackageError");
}

describe("npm run package", () => {
  it("builds a zip with the manifest, Welsh strings and icons at its root, valid against the official schema", () => {
    const out = join(work, "out");
    const result = buildAppPackage({ envName: "test", envFile: join(work, "test.env"), outDir: out });
    expect(result.zipPath).toBe(join(out, "test.zip"));

    const files = unzipSync(readFileSync(result.zipPath));
    expect(Object.keys(files).sort()).toEqual(["color.png", "cy.json", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as ManifestShape;
    const welsh = JSON.parse(strFromU8(files["cy.json"]!)) as Record<string, string>;
    expect(validateManifest(manifest, { "cy.json": welsh })).toEqual([]);

    expect(manifest.manifestVersion).toBe("1.30");
    expect(manifest.id).toBe("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    expect(manifest.developer).toMatchObject({
      name: "Example NHS Foundation Trust",
      privacyUrl: "https://www.example.nhs.uk/privacy",
    });
    const tab = manifest.configurableTabs[0]!;
    expect(tab.configurationUrl).toBe("https://wres.example.nhs.uk/index.html?view=config");
    expect(tab.scopes).toEqual(["team", "groupChat"]);
    expect(tab.context).toEqual(
      expect.arrayContaining(["channelTab", "meetingChatTab", "meetingDetailsTab", "meetingSidePanel", "meetingStage"]),
    );
    expect(tab.supportedSharePointHosts).toEqual(["sharePointFullPage", "sharePointWebPart"]);
    expect(manifest.validDomains).toEqual(["wres.example.nhs.uk"]);
    expect(manifest.webApplicationInfo).toEqual({
      id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      resource: "api://wres.example.nhs.uk/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      nestedAppAuthInfo: [
        {
          redirectUri: "brk-multihub://wres.example.nhs.uk",
          scopes: ["https://example.sharepoint.com/AllSites.Write"],
        },
      ],
    });
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({
      name: "MeetingStage.Write.Chat",
      type: "Delegated",
    });
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: "en-gb",
      additionalLanguages: [{ languageTag: "cy", file: "cy.json" }],
    });
    expect(welsh["name.short"]).toBe("Cynlluniau Gweithredu WRES");

    const color = decodePng(files["color.png"]!);
    const outline = decodePng(files["outline.png"]!);
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    expect(outline.pixels[3]).toBe(0); // corner is transparent
  });

  it("fails on a schema error in the template and names the JSON pointer; no zip is written", () => {
    const manifestDir = join(work, "broken-manifest");
    cpSync(MANIFEST_DIR, manifestDir, { recursive: true });
    const template = JSON.parse(readFileSync(join(manifestDir, "manifest.template.json"), "utf8")) as ManifestShape;
    const tab = template.configurableTabs[0]!;
    tab.scopes = ["team", "groupchat"]; // the lower-case spelling older samples use
    tab.context.push("callingSidePanel");
    template.accentColour = "#005EB8";
    writeFileSync(join(manifestDir, "manifest.template.json"), JSON.stringify(template));
    const out = join(work, "broken-out");

    const problems = problemsOf(() =>
      buildAppPackage({ envName: "test", envFile: join(work, "test.env"), manifestDir, outDir: out }),
    );
    expect(problems).toContainEqual({
      where: "manifest.json#/configurableTabs/0/scopes/1",
      message: "must be equal to one of the allowed values (team, groupChat)",
    });
    expect(problems).toContainEqual(expect.objectContaining({ where: "manifest.json#/configurableTabs/0/context/6" }));
    expect(problems).toContainEqual({
      where: "manifest.json#/",
      message: 'must NOT have additional properties: "accentColour"',
    });
    expect(existsSync(join(out, "test.zip"))).toBe(false);
  });

  it("reads an environment file saved by a Windows editor (byte-order mark, CRLF)", () => {
    writeFileSync(join(work, "windows.env"), `\uFEFF${TEST_ENV.replace(/\n/g, "\r\n")}`);
    const result = buildAppPackage({
      envName: "windows",
      envFile: join(work, "windows.env"),
      outDir: join(work, "windows-out"),
    });
    expect(result.variables.HOST_URL).toBe("https://wres.example.nhs.uk");
  });

  it("names a line that is not KEY=value, and reads quoted values and inline comments as Node does", () => {
    writeFileSync(
      join(work, "typo.env"),
      TEST_ENV.replace("HOST_URL=https://wres.example.nhs.uk", "HOST_URL https://wres.example.nhs.uk"),
    );
    const typoLine = TEST_ENV.split("\n").findIndex((line) => line.startsWith("HOST_URL=")) + 1;
    expect(
      problemsOf(() =>
        buildAppPackage({ envName: "typo", envFile: join(work, "typo.env"), outDir: join(work, "typo-out") }),
      ),
    ).toEqual([
      { where: `line ${typoLine}`, message: 'expected KEY=value, found "HOST_URL https://wres.example.nhs.uk"' },
    ]);
    writeFileSync(
      join(work, "quoted.env"),
      TEST_ENV.replace(
        "HOST_URL=https://wres.example.nhs.uk",
        'HOST_URL="https://wres.example.nhs.uk" # the tab\'s host',
      ),
    );
    const result = buildAppPackage({
      envName: "quoted",
      envFile: join(work, "quoted.env"),
      outDir: join(work, "quoted-out"),
    });
    expect(result.variables.HOST_URL).toBe("https://wres.example.nhs.uk");
  });

  it("explains every unusable environment value at once", () => {
    writeFileSync(
      join(work, "bad.env"),
      "HOST_URL=http://wres.example.nhs.uk/\nCLIENT_ID=my-app\nTENANT_ID=contoso.onmicrosoft.com\nSHAREPOINT_ORIGIN=https://example.sharepoint.com/sites/wres\n",
    );
    const problems = problemsOf(() =>
      buildAppPackage({ envName: "bad", envFile: join(work, "bad.env"), outDir: join(work, "bad-out") }),
    );
    expect(problems.map((p) => p.where).sort()).toEqual([
      "APP_ID",
      "CLIENT_ID",
      "HOST_URL",
      "SHAREPOINT_ORIGIN",
      "TENANT_ID",
    ]);
    expect(problems.find((p) => p.where === "APP_ID")?.message).toMatch(/is missing/);
    expect(problems.find((p) => p.where === "TENANT_ID")?.message).toMatch(/found "contoso.onmicrosoft.com"/);
  });

  it("refuses a site under a path: the tab builds its addresses from the host's root", () => {
    writeFileSync(
      join(work, "path.env"),
      TEST_ENV.replace("HOST_URL=https://wres.example.nhs.uk", "HOST_URL=https://www.example.nhs.uk/wres"),
    );
    const problems = problemsOf(() =>
      buildAppPackage({ envName: "path", envFile: join(work, "path.env"), outDir: join(work, "path-out") }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ where: "HOST_URL", message: expect.stringMatching(/root of the site's host name/) }),
    ]);
  });

  it("refuses icons of the wrong size or an outline without transparency", () => {
    const manifestDir = join(work, "icon-manifest");
    cpSync(MANIFEST_DIR, manifestDir, { recursive: true });
    const opaque = { width: 32, height: 32, pixels: new Uint8Array(32 * 32 * 4).fill(255) };
    writeFileSync(join(manifestDir, "outline.png"), encodePng(opaque));
    writeFileSync(
      join(manifestDir, "color.png"),
      encodePng({ width: 96, height: 96, pixels: new Uint8Array(96 * 96 * 4).fill(200) }),
    );
    const problems = problemsOf(() =>
      buildAppPackage({
        envName: "test",
        envFile: join(work, "test.env"),
        manifestDir,
        outDir: join(work, "icon-out"),
      }),
    );
    expect(problems).toEqual([
      { where: "color.png", message: "must be 192x192 pixels, is 96x96" },
      { where: "outline.png", message: "must have a transparent background (no pixel is transparent)" },
    ]);
  });

  it("ships icons that meet Teams' rules", () => {
    const color = readPngInfo(readFileSync(join(MANIFEST_DIR, "color.png")));
    expect(color).toMatchObject({ width: 192, height: 192 });
    const outline = decodePng(readFileSync(join(MANIFEST_DIR, "outline.png")));
    for (let i = 0; i < outline.pixels.length; i += 4) {
      if (outline.pixels[i + 3]! > 0)
        expect([outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]]).toEqual([255, 255, 255]);
    }
  });

  it("runs as a command: exit 0 with the zip, exit 1 with the problems on stderr", async () => {
    const out = join(work, "cli-out");
    const ok = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/packaging/package.ts",
        "--env",
        "test",
        "--env-file",
        join(work, "test.env"),
        "--out",
        out,
      ],
      { cwd: repo },
    );
    expect(ok.stdout).toMatch(/Validated against the Teams manifest schema v1\.30/);
    expect(ok.stdout).toMatch(/brk-multihub:\/\/wres\.example\.nhs\.uk/);
    expect(existsSync(join(out, "test.zip"))).toBe(true);

    const failed = await run(
      process.execPath,
      ["--import", "tsx", "src/packaging/package.ts", "--env", "nowhere", "--out", out],
      { cwd: repo },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/nowhere\.env: environment file not found/);
  });

  it("builds the shipped dev environment", () => {
    const result = buildAppPackage({ envName: "dev", outDir: join(work, "dev-out") });
    expect(result.manifest.validDomains).toEqual(["localhost:5173"]);
  });
});

describe("bundle budget measurement", () => {
  it("counts a page's entry, modulepreloads and static imports, but not lazy chunks", () => {
    const dist = join(work, "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(
      join(dist, "index.html"),
      '<script type="module" crossorigin src="/assets/main-1.js"></script><link rel="modulepreload" crossorigin href="/assets/polyfill-1.js">',
    );
    writeFileSync(
      join(dist, "assets/main-1.js"),
      'import"./polyfill-1.js";import{a as b}from"./shared-1.js";const c=()=>import("./charts-1.js");export{b,c};',
    );
    writeFileSync(join(dist, "assets/polyfill-1.js"), "void 0;");
    writeFileSync(join(dist, "assets/shared-1.js"), 'export*from"./react-1.js";export const a=1;');
    writeFileSync(join(dist, "assets/react-1.js"), "export const r=1;");
    writeFileSync(join(dist, "assets/charts-1.js"), 'import"./shared-1.js";export const chart=1;');
    expect(initialScripts(dist, "index.html")).toEqual([
      "assets/main-1.js",
      "assets/polyfill-1.js",
      "assets/react-1.js",
      "assets/shared-1.js",
    ]);
  });
});
