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
      // Requests wait for start-up and seeding, so nobody sees (or writes to) a half-seeded site. A
      // database that cannot be opened is never replaced: every SharePoint request is answered 503
      // with the one-line reason until it is dealt with. A failed seed leaves the handler answering
      // 503 too (handler.handle), and the next start seeds again.
      const ready = (server.ssrLoadModule(SERVER_MODULE) as Promise<typeof ServerModule>).then(
        async ({ LocalSharePointHandler }) => {
          let handler: ServerModule.LocalSharePointHandler;
          try {
            handler = new LocalSharePointHandler({ dataDir });
          } catch (error) {
            const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
            console.error(message);
            return message;
          }
          server.httpServer?.once("close", () => handler.close());
          try {
            await handler.seed(seed);
          } catch (error) {
            console.error(
              `localsp: seeding the demo site failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0] ?? ""}`,
            );
          }
          return handler;
        },
      );
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        if (!/^\/(sites\/|_api(\/|$)|_vti_bin\/|_localsp(\/|$))/i.test(path)) {
          next();
          return;
        }
        ready
          .then((handler) => {
            if (typeof handler !== "string") return handler.handle(req, res);
            req.resume();
            res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" });
            res.end(handler);
            return undefined;
          })
          .catch((error: unknown) => next(error));
      });
    },
  };
}
