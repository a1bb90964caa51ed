// The browser project's global set-up: builds the tab once for the whole run (a few seconds), and
// hands its folder to every browser test file (`inject("appDist")`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp } from "./built-app";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of the tab's production build (local mode). */
    appDist: string;
  }
}

let distDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  distDir = mkdtempSync(join(tmpdir(), "wres-app-"));
  await buildApp(distDir);
  project.provide("appDist", distDir);
}

export function teardown(): void {
  if (distDir) rmSync(distDir, { recursive: true, force: true });
}
