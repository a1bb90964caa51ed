// Builds the Teams app package: environment file -> filled manifest -> offline schema validation ->
// icon checks -> zip. Node only. Every problem is collected and reported at once, with where it is.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { parseEnv } from "node:util";
import { zipSync, type Zippable } from "fflate";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";
import { decodePng, readPngInfo } from "./png";

const repo = resolve(import.meta.dirname, "../..");
export const MANIFEST_DIR = resolve(repo, "manifest");
export const APP_PACKAGE_DIR = resolve(repo, "appPackage");

/** One problem, with where it was found (a file, a JSON pointer inside it, or an environment key). */
export interface PackageProblem {
  where: string;
  message: string;
}

export class PackageError extends Error {
  override readonly name = "PackageError";
  constructor(readonly problems: PackageProblem[]) {
    super(`The app package was not built:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join("\n")}`);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;

/**
 * Parses a `.env` file with Node's own parser (quotes, `export`, inline comments), after checking
 * that every line is a comment or `KEY=value`: Node skips a malformed line silently, and a typo in a
 * deployment setting should be named, not lost.
 */
export function parseEnvFile(text: string): Record<string, string> {
  // Windows editors may save with a byte-order mark and CRLF line ends.
  const clean = text.replace(/^\uFEFF/, "");
  for (const [index, line] of clean.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    if (!/^(export\s+)?[A-Z][A-Z0-9_]*\s*=/.test(trimmed))
      throw new PackageError([{ where: `line ${index + 1}`, message: `expected KEY=value, found "${trimmed}"` }]);
  }
  return parseEnv(clean) as Record<string, string>;
}

function httpsUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the environment and derives the template's values. The manifest needs only host, ids and
 * the SharePoint root; TENANT_ID is checked too because the site build and docs/deployment.md use it.
 */
export function resolveVariables(env: Record<string, string>, appVersion: string): Record<string, string> {
  const problems: PackageProblem[] = [];
  const need = (key: string, ok: boolean, message: string) => {
    if (!ok)
      problems.push({ where: key, message: env[key] ? `${message} (found "${env[key]}")` : `is missing: ${message}` });
  };
  const host = httpsUrl(env.HOST_URL);
  // The tab builds its own addresses from the host's root, so the site must sit at the root of its host name.
  need(
    "HOST_URL",
    host !== undefined && host.pathname === "/" && !env.HOST_URL!.endsWith("/") && !host.search && !host.hash,
    "must be the https root of the site's host name, without a path or trailing slash, e.g. https://wres.example.nhs.uk",
  );
  need(
    "APP_ID",
    GUID.test(env.APP_ID ?? ""),
    "must be a GUID that identifies this Teams app (keep it for every version)",
  );
  need(
    "CLIENT_ID",
    GUID.test(env.CLIENT_ID ?? ""),
    "must be the Entra app registration's Application (client) ID, a GUID",
  );
  need("TENANT_ID", GUID.test(env.TENANT_ID ?? ""), "must be the Directory (tenant) ID, a GUID");
  const sharePoint = httpsUrl(env.SHAREPOINT_ORIGIN);
  need(
    "SHAREPOINT_ORIGIN",
    sharePoint !== undefined && sharePoint.pathname === "/" && !env.SHAREPOINT_ORIGIN!.endsWith("/"),
    "must be the SharePoint root, e.g. https://contoso.sharepoint.com (no site path, no trailing slash)",
  );
  const version = env.APP_VERSION || appVersion;
  need("APP_VERSION", SEMVER.test(version), "must be a version such as 1.0.0");
  for (const key of ["WEBSITE_URL", "PRIVACY_URL", "TERMS_URL"]) {
    if (env[key]) need(key, httpsUrl(env[key]) !== undefined, "must be an https address");
  }
  if (problems.length > 0) throw new PackageError(problems);
  const hostUrl = env.HOST_URL!;
  return {
    HOST_URL: hostUrl,
    HOST_NAME: host!.host,
    APP_ID: env.APP_ID!.toLowerCase(),
    CLIENT_ID: env.CLIENT_ID!.toLowerCase(),
    TENANT_ID: env.TENANT_ID!.toLowerCase(),
    SHAREPOINT_ORIGIN: env.SHAREPOINT_ORIGIN!,
    APP_VERSION: version,
    DEVELOPER_NAME: env.DEVELOPER_NAME || "WRES Action Plans",
    WEBSITE_URL: env.WEBSITE_URL || `${hostUrl}/`,
    PRIVACY_URL: env.PRIVACY_URL || `${hostUrl}/`,
    TERMS_URL: env.TERMS_URL || `${hostUrl}/`,
  };
}

/** Replaces `${{NAME}}` placeholders (the Agents Toolkit's syntax); values are JSON-escaped. */
export function fillTemplate(template: string, variables: Record<string, string>): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_whole, name: string) => {
    const value = variables[name];
    if (value === undefined) {
      unknown.add(name);
      return "";
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) {
    throw new PackageError(
      [...unknown].map((name) => ({
        where: "manifest.template.json",
        message: `placeholder \${{${name}}} has no value`,
      })),
    );
  }
  return filled;
}

const schemaRequire = createRequire(import.meta.url);

/** The official schemas, bundled offline by @microsoft/app-manifest (v1.0 to v1.30, draft-04). */
function schemaPath(
  version: string,
  file: "MicrosoftTeams.schema.json" | "MicrosoftTeams.Localization.schema.json",
): string {
  const packageJson = schemaRequire.resolve("@microsoft/app-manifest/package.json");
  return resolve(dirname(packageJson), "build/json-schemas/teams", `v${version}`, file);
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(
  version: string,
  file: "MicrosoftTeams.schema.json" | "MicrosoftTeams.Localization.schema.json",
): ValidateFunction {
  const path = schemaPath(version, file);
  let validate = validators.get(path);
  if (!validate) {
    let schema: object;
    try {
      schema = JSON.parse(readFileSync(path, "utf8")) as object;
    } catch {
      throw new PackageError([
        { where: "manifestVersion", message: `no bundled schema for version ${version} (${path})` },
      ]);
    }
    // The localisation schema uses patterns that are not valid under the `u` flag, so Ajv must not add it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    validators.set(path, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[]; additionalProperty?: string; allowedValue?: unknown };
  if (params.allowedValues) return `${error.message} (${params.allowedValues.join(", ")})`;
  if (params.additionalProperty) return `${error.message}: "${params.additionalProperty}"`;
  if (params.allowedValue !== undefined) return `${error.message}: ${JSON.stringify(params.allowedValue)}`;
  return error.message ?? "is invalid";
}

/** Validates a manifest (and its localisation files) against the schema its `manifestVersion` names. */
export function validateManifest(manifest: unknown, localisations: Record<string, unknown> = {}): PackageProblem[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== "string") return [{ where: "manifest.json#/manifestVersion", message: "is missing" }];
  const problems: PackageProblem[] = [];
  const check = (validate: ValidateFunction, data: unknown, file: string) => {
    if (validate(data)) return;
    for (const error of validate.errors ?? []) {
      problems.push({ where: `${file}#${error.instancePath || "/"}`, message: describe(error) });
    }
  };
  check(validatorFor(version, "MicrosoftTeams.schema.json"), manifest, "manifest.json");
  for (const [file, data] of Object.entries(localisations)) {
    check(validatorFor(version, "MicrosoftTeams.Localization.schema.json"), data, file);
  }
  return problems;
}

/** Teams' icon rules the schema cannot express: exact sizes; outline white on transparent. */
export function checkIcons(color: Uint8Array, outline: Uint8Array): PackageProblem[] {
  const problems: PackageProblem[] = [];
  try {
    const info = readPngInfo(color);
    if (info.width !== 192 || info.height !== 192)
      problems.push({ where: "color.png", message: `must be 192x192 pixels, is ${info.width}x${info.height}` });
  } catch (error) {
    problems.push({ where: "color.png", message: (error as Error).message });
  }
  try {
    const info = readPngInfo(outline);
    if (info.width !== 32 || info.height !== 32)
      problems.push({ where: "outline.png", message: `must be 32x32 pixels, is ${info.width}x${info.height}` });
    if (!info.hasAlpha) {
      problems.push({
        where: "outline.png",
        message: "must have a transparent background (the file has no alpha channel)",
      });
    } else {
      const { pixels } = decodePng(outline);
      let transparent = 0;
      let notWhite = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) transparent++;
        else if (pixels[i]! < 240 || pixels[i + 1]! < 240 || pixels[i + 2]! < 240) notWhite++;
      }
      if (transparent === 0)
        problems.push({
          where: "outline.png",
          message: "must have a transparent background (no pixel is transparent)",
        });
      if (notWhite > 0)
        problems.push({
          where: "outline.png",
          message: `must be white on transparent (${notWhite} visible pixels are not white)`,
        });
    }
  } catch (error) {
    problems.push({ where: "outline.png", message: (error as Error).message });
  }
  return problems;
}

export interface BuildOptions {
  /** Environment name: reads `<appPackageDir>/env/<name>.env` unless `envFile` is given. */
  envName: string;
  envFile?: string;
  manifestDir?: string;
  /** Where `<name>.zip` goes (default `appPackage/`). */
  outDir?: string;
}

export interface BuildResult {
  zipPath: string;
  manifest: Record<string, unknown>;
  files: string[];
  variables: Record<string, string>;
}

/** Fills, validates and zips. Throws `PackageError` listing every problem; writes nothing then. */
export function buildAppPackage(options: BuildOptions): BuildResult {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.envName)) {
    throw new PackageError([
      { where: "--env", message: `"${options.envName}" is not a usable environment name (letters, digits, . _ -)` },
    ]);
  }
  const manifestDir = options.manifestDir ?? MANIFEST_DIR;
  const outDir = options.outDir ?? APP_PACKAGE_DIR;
  const envFile = options.envFile ?? resolve(APP_PACKAGE_DIR, "env", `${options.envName}.env`);
  let envText: string;
  try {
    envText = readFileSync(envFile, "utf8");
  } catch {
    throw new PackageError([
      { where: envFile, message: "environment file not found (copy appPackage/env/production.env.example)" },
    ]);
  }
  const appVersion = (JSON.parse(readFileSync(resolve(repo, "package.json"), "utf8")) as { version: string }).version;
  const variables = resolveVariables(parseEnvFile(envText), appVersion);

  const read = (file: string) => readFileSync(resolve(manifestDir, file));
  const templateText = read("manifest.template.json").toString("utf8");
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(fillTemplate(templateText, variables)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError([
      { where: "manifest.template.json", message: `is not valid JSON after filling: ${(error as Error).message}` },
    ]);
  }

  // Localisation files named by the manifest travel in the package too.
  const localisationFiles = (
    (manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined)?.additionalLanguages ?? []
  ).map((l) => l.file);
  const localisations: Record<string, unknown> = {};
  const problems: PackageProblem[] = [];
  for (const file of localisationFiles) {
    try {
      localisations[file] = JSON.parse(fillTemplate(read(file).toString("utf8"), variables));
    } catch (error) {
      problems.push({ where: file, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  problems.push(...validateManifest(manifest, localisations));

  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  const iconBytes: Record<string, Uint8Array> = {};
  for (const file of [icons?.color, icons?.outline]) {
    if (!file) continue;
    try {
      iconBytes[file] = read(file);
    } catch {
      problems.push({ where: file, message: "icon file not found in manifest/" });
    }
  }
  if (icons?.color && icons.outline && iconBytes[icons.color] && iconBytes[icons.outline]) {
    problems.push(...checkIcons(iconBytes[icons.color]!, iconBytes[icons.outline]!));
  }
  if (problems.length > 0) throw new PackageError(problems);

  // Files at the zip's root, as Teams requires; a fixed timestamp keeps the zip reproducible.
  const mtime = new Date("2026-01-01T00:00:00Z");
  const entries: Zippable = {
    "manifest.json": [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }],
  };
  for (const [file, data] of Object.entries(localisations))
    entries[file] = [new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`), { mtime }];
  for (const [file, bytes] of Object.entries(iconBytes)) entries[file] = [bytes, { mtime }];
  mkdirSync(outDir, { recursive: true });
  const zipPath = resolve(outDir, `${options.envName}.zip`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  return { zipPath, manifest, files: Object.keys(entries), variables };
}
