// @ts-check
// npm start: build the bundle, start the helper sandbox, serve the demo site.
// The demo's pages are on one origin and the sandbox on another, as on a real
// organizer's site, so every submission is a real cross-origin request.
import { execFileSync } from "node:child_process";
import { startSandbox } from "../sandbox/server.mjs";
import { serveStatic } from "./serve.mjs";

const DEMO_PORT = Number(process.env.DEMO_PORT ?? 4000);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 4010);

execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });

const sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir: ".sandbox-data", quiet: true });
const demo = await serveStatic({
  port: DEMO_PORT,
  host: "127.0.0.1",
  mounts: {
    "/": "demo",
    "/dist": "dist",
    // The themed demo's WordPress-like page carries Bootstrap and jQuery, as such sites do.
    "/vendor/bootstrap": "node_modules/bootstrap/dist",
    "/vendor/jquery": "node_modules/jquery/dist",
  },
});
const site = `http://localhost:${demo.port}`;

console.log(`
osdi-embed demo is running.

  Demo site (an organizer's page):  ${site}/
  Snippet builder:                  ${site}/builder.html
  Themed host pages:                ${site}/themes/
  Helper sandbox (what was sent):   ${sandbox.url}/
  Sandbox API key for GET reads:    ${sandbox.apiKey}

Sign the petition on the demo site, then open the sandbox page to see the
signature and its autoresponse email. Press Ctrl+C to stop.
`);

const stop = async () => {
  await Promise.all([demo.close(), sandbox.close()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
