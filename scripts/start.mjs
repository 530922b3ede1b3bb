// @ts-check
// npm start: build the bundle, start the helper sandbox, serve the demo site.
// The demo's pages are on one origin and the sandbox on another, as on a real
// organizer's site, so every submission is a real cross-origin request.
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { startSandbox } from "../sandbox/server.mjs";
import { DEMO_ACTIONS } from "./demo-actions.mjs";
import { serveStatic } from "./serve.mjs";

/** Where the demo serves what: its pages, the built files, and the themed pages' vendors. */
export const DEMO_MOUNTS = {
  "/": "demo",
  "/dist": "dist",
  // The themed demo's WordPress-like page carries Bootstrap and jQuery, as such sites do.
  "/vendor/bootstrap": "node_modules/bootstrap/dist",
  "/vendor/jquery": "node_modules/jquery/dist",
};

/**
 * Starts the sandbox, with the demo pages' actions, and the demo site (port 0: any free
 * port) and returns the addresses npm start prints; e2e/demo.spec.ts opens every one of them.
 * @param {{ port?: number, sandboxPort?: number, dataDir?: string }} [options]
 */
export async function startDemo({ port = 0, sandboxPort = 0, dataDir = ".sandbox-data" } = {}) {
  const sandbox = await startSandbox({
    port: sandboxPort,
    dataDir,
    quiet: true,
    actions: DEMO_ACTIONS,
  });
  const demo = await serveStatic({ port, host: "127.0.0.1", mounts: DEMO_MOUNTS });
  const site = `http://localhost:${demo.port}`;
  /** @type {[string, string][]} */
  const links = [
    ["Demo site (an organizer's page)", `${site}/`],
    ["Snippet builder", `${site}/builder.html`],
    ["Themed host pages", `${site}/themes/`],
    ["Helper sandbox (what was sent)", `${sandbox.url}/`],
  ];
  return {
    links,
    apiKey: sandbox.apiKey,
    api: `${sandbox.url}/api/v2`,
    close: () => Promise.all([demo.close(), sandbox.close()]),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  const { links, apiKey, api, close } = await startDemo({
    port: Number(process.env.DEMO_PORT ?? 4000),
    sandboxPort: Number(process.env.SANDBOX_PORT ?? 4010),
  });
  const width = Math.max(...links.map(([label]) => label.length)) + 3;
  console.log(`
osdi-embed demo is running.

${links.map(([label, url]) => `  ${`${label}:`.padEnd(width)}${url}`).join("\n")}
  ${"Sandbox API key:".padEnd(width)}${apiKey}

Sign the petition on the demo site, then open the sandbox page to see the
signature, its autoresponse email and the petition's total. The group's
actions, and a snippet for one, from the command line:

  ACTION_NETWORK_API_KEY=<the key above> npx osdi-embed actions --api ${api}
  ACTION_NETWORK_API_KEY=<the key above> npx osdi-embed snippet f60bd26d-bf1b-4141-8daa-0a59a6fec071 --api ${api}

Press Ctrl+C to stop.
`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
