// Mounts the local SharePoint server on the Vite dev server's origin (`/sites/`, `/_api/`,
// `/_localsp/`), so `npm start` serves the tab and its SharePoint site together.
//
// The server is loaded through Vite's own module runner (ssrLoadModule) rather than imported here:
// the config file's import graph stays this one file, and better-sqlite3 and @pnp/sp load only
// when the dev server actually starts.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import type * as ServerModule from "./server";

const SERVER_MODULE = fileURLToPath(new URL("./server.ts", import.meta.url));

export function localSharePoint(): Plugin {
  return {
    name: "wres-local-sharepoint",
    apply: "serve",
    configureServer(server) {
      // Vitest builds its own Vite server from this config: stay out of it unless a test asked for
      // a site (test/support/browser.ts sets WRES_LOCALSP_DATA before starting the tab's server).
      if (process.env.VITEST && !process.env.WRES_LOCALSP_DATA) return;
      const dataDir = resolve(process.env.WRES_LOCALSP_DATA ?? ".localsp/data");
      const seed = process.env.WRES_LOCALSP_SEED === "none" ? "none" : "demo";
      // Requests wait for start-up and seeding, so nobody sees a half-seeded site.
      const ready = (server.ssrLoadModule(SERVER_MODULE) as Promise<typeof ServerModule>).then(async ({ LocalSharePointHandler }) => {
        const handler = new LocalSharePointHandler({ dataDir });
        server.httpServer?.once("close", () => handler.close());
        try {
          await handler.seed(seed);
        } catch (error) {
          console.error("localsp: seeding failed", error);
        }
        return handler;
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        if (!/^\/(sites\/|_api(\/|$)|_vti_bin\/|_localsp(\/|$))/i.test(path)) {
          next();
          return;
        }
        ready.then((handler) => handler.handle(req, res)).catch((error: unknown) => next(error));
      });
    },
  };
}
