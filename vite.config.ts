import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { localSharePoint } from "./src/localsp/vite-plugin.js";
import { firstPaintCatalogue } from "./src/i18n/vite-plugin.js";

const repo = import.meta.dirname;

// One config for the tab (Vite) and every test project (Vitest).
// Unit and component tests are fast and isolated; integration tests start the local
// SharePoint server on a free loopback port; browser tests drive Debian's Chromium.
export default defineConfig({
  // The tab's pages live in src/ (the top level holds only the agreed folders); tests run from the repository.
  root: resolve(repo, "src"),
  publicDir: false,
  envDir: repo,
  plugins: [react(), localSharePoint(), firstPaintCatalogue()],
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  build: {
    outDir: resolve(repo, "dist"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    // Two pages: the tab, and MSAL's redirect bridge (auth-redirect.html) that popups and redirects return to.
    rolldownOptions: {
      input: { main: resolve(repo, "src/index.html"), "auth-redirect": resolve(repo, "src/auth-redirect.html") },
      // The functional core has no side effects (its lint rules forbid globals and I/O), so importing one
      // name through a folder's index must not pull the folder's other modules into the first download.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/](indicators|plan|workbook|shared)[\\/]/.test(id) },
    },
  },
  worker: { format: "es" },
  test: {
    root: repo,
    projects: [
      {
        extends: true,
        test: { name: "unit", environment: "node", include: ["test/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["test/components/**/*.test.tsx"],
          setupFiles: ["test/support/components-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["test/integration/**/*.test.ts", "test/contract/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/support/browser-global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
