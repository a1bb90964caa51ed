// `npm run package -- --env <name> [--env-file <path>] [--out <dir>]`
// Builds appPackage/<name>.zip from appPackage/env/<name>.env; see docs/deployment.md.
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { buildAppPackage, PackageError } from "./app-package";

function main(): number {
  const { values } = parseArgs({
    options: {
      env: { type: "string" },
      "env-file": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.env) {
    console.log(
      "Usage: npm run package -- --env <name> [--env-file <path>] [--out <dir>]\n  Reads appPackage/env/<name>.env and writes appPackage/<name>.zip.",
    );
    return values.help ? 0 : 2;
  }
  try {
    const result = buildAppPackage({ envName: values.env, envFile: values["env-file"], outDir: values.out });
    const v = result.variables;
    console.log(`Built ${relative(process.cwd(), result.zipPath) || result.zipPath}: ${result.files.join(", ")}`);
    console.log(
      `Validated against the Teams manifest schema v${String(result.manifest.manifestVersion)} (offline); icons checked.`,
    );
    console.log("Build the site for this tenant with:");
    console.log(
      `  VITE_WRES_MODE=tenant VITE_WRES_CLIENT_ID=${v.CLIENT_ID} VITE_WRES_TENANT_ID=${v.TENANT_ID} VITE_WRES_SHAREPOINT_ORIGIN=${v.SHAREPOINT_ORIGIN} npm run build`,
    );
    console.log(
      `Register these SPA redirect URIs on the app registration: ${v.HOST_URL}/auth-redirect.html and brk-multihub://${v.HOST_NAME}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
