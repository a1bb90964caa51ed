// Mounts the local SharePoint server on the Vite dev server's origin (`/sites/`, `/_api/`,
// `/_localsp/`), so `npm start` serves the tab and its SharePoint site together.
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { LocalSharePointHandler } from "./server";

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
      const current = new LocalSharePointHandler({ dataDir });
      // Requests wait for seeding, so nobody sees a half-seeded site.
      const ready = current.seed(seed).catch((error: unknown) => {
        console.error("localsp: seeding failed", error);
      });
      server.httpServer?.once("close", () => current.close());
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        if (!current.handles(path)) {
          next();
          return;
        }
        ready
          .then(() => current.handle(req, res))
          .catch((error: unknown) => next(error));
      });
    },
  };
}
