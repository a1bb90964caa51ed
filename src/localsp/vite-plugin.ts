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
      const dataDir = resolve(process.env.WRES_LOCALSP_DATA ?? ".localsp/data");
      const seed = process.env.WRES_LOCALSP_SEED === "none" ? "none" : "demo";
      const current = new LocalSharePointHandler({ dataDir });
      let origin = "http://127.0.0.1:5173";
      // Seeding runs once the dev server listens (it talks HTTP to itself through the data layer);
      // requests wait for it so nobody sees a half-seeded site.
      let ready: Promise<void> = Promise.resolve();
      server.httpServer?.once("listening", () => {
        const address = server.httpServer?.address();
        if (address && typeof address === "object") origin = `http://127.0.0.1:${address.port}`;
        ready = current.seed(seed, () => `${origin}/sites/wres`).catch((error: unknown) => {
          console.error("localsp: seeding failed", error);
        });
      });
      server.httpServer?.once("close", () => current.close());
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        if (!current.handles(path)) {
          next();
          return;
        }
        const seeding = req.headers["x-localsp-seeding"] === "1";
        (seeding ? Promise.resolve() : ready)
          .then(() => current.handle(req, res))
          .catch((error: unknown) => next(error));
      });
    },
  };
}
