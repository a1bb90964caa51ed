// `npm run localsp -- --port N --data DIR [--seed demo|none] [--threshold N] [--host H]`
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { startLocalSharePoint } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4321" },
    host: { type: "string", default: "127.0.0.1" },
    data: { type: "string", default: ".localsp/data" },
    seed: { type: "string", default: "none" },
    threshold: { type: "string", default: "5000" },
  },
});

const seed = values.seed === "demo" ? "demo" : values.seed === "none" ? "none" : undefined;
if (!seed) {
  console.error(`localsp: unknown seed '${values.seed}' (use demo or none)`);
  process.exit(2);
}
let server: Awaited<ReturnType<typeof startLocalSharePoint>>;
try {
  server = await startLocalSharePoint({
    port: Number(values.port),
    host: values.host,
    dataDir: resolve(values.data),
    seed,
    threshold: Number(values.threshold),
  });
} catch (error) {
  // One line that says what is wrong and what to do (a damaged database names its file and the remedy).
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  console.error(message.startsWith("localsp:") ? message : `localsp: could not start: ${message}`);
  process.exit(1);
}
console.log(`Local SharePoint site: ${server.siteUrl}`);
console.log(`Data: ${resolve(values.data)}  (sign in with a bearer token dev:<upn>, e.g. dev:edi.lead@wres.test)`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
