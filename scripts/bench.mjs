// @ts-check
// npm run bench: osdi-embed (the README's snippet, and the form in the HTML from
// osdi-embed/server) beside a static HTML form (the floor) and jQuery + jquery-osdi (the
// peer) on the same host pages, under each profile of bench/profiles.mjs, in one run;
// written to docs/benchmarks.md (raw results: .bench/results.json).
//   node scripts/bench.mjs [--no-build] [--quick] [--profile ID]... [--report-only]
// It measures a copy of the build (.bench/dist: a rebuild mid-run changes nothing), with
// the helper sandbox (rate limit off) on 127.0.0.1 and the pages on localhost, another
// origin, in Debian's Chromium with the launch arguments of playwright.config.ts.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { loadOnce, newContext, submitOnce, traced, withTrace } from "../bench/browser.mjs";
import { CONTENDERS, pageName, writePages } from "../bench/pages.mjs";
import { PROFILES } from "../bench/profiles.mjs";
import { report } from "../bench/report.mjs";
import { startSandbox } from "../sandbox/server.mjs";
import { CHROMIUM } from "./chromium.mjs";
import { serveStatic } from "./serve.mjs";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    profile: { type: "string", multiple: true },
    out: { type: "string", default: "docs/benchmarks.md" },
    "report-only": { type: "boolean", default: false },
  },
});
const OUT = args.out ?? "docs/benchmarks.md";
if (args["report-only"]) {
  fs.writeFileSync(OUT, report(JSON.parse(fs.readFileSync(".bench/results.json", "utf8"))));
  console.log(`wrote ${OUT} from .bench/results.json`);
  process.exit(0);
}
const profiles = PROFILES.filter((p) => !args.profile || args.profile.includes(p.id)).map((p) =>
  args.quick ? { ...p, loads: 2, submits: 2 } : p,
);
if (!profiles.length) throw new Error(`no profile ${args.profile} in bench/profiles.mjs`);

const started = Date.now();
const say = (/** @type {string} */ s) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);
const loadBefore = os.loadavg();
const git = (/** @type {string[]} */ a) => execFileSync("git", a, { encoding: "utf8" }).trim();

if (!args["no-build"]) {
  say("node scripts/build.mjs");
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
}
const DIST = ".bench/dist";
fs.rmSync(DIST, { recursive: true, force: true });
fs.cpSync("dist", DIST, { recursive: true });
const status = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" });
const changed = status.split("\n").filter(Boolean);

const dataDir = fs.mkdtempSync(join(os.tmpdir(), "osdi-bench-"));
const sandbox = await startSandbox({ port: 0, dataDir, quiet: true, rateLimit: 0 });
/** @type {Map<string, Buffer>} what the server sent for each path, before compression */
const sent = new Map();
const server = await serveStatic({
  mounts: {
    "/": "bench/pages",
    "/assets": "bench/assets",
    "/dist": DIST,
    "/vendor/jquery": "node_modules/jquery/dist",
    "/vendor/jquery-osdi": "node_modules/jquery-osdi",
  },
  vars: { HELPER: sandbox.url },
  gzip: true,
  rewrite: (path, body) => void sent.set(path, body),
  // Scripts and styles may be cached, as from any CDN; pages are not.
  headers: (path) =>
    /** @type {Record<string, string>} */ (
      path.endsWith(".html") ? {} : { "Cache-Control": "public, max-age=3600" }
    ),
});
const site = server.url.replace("127.0.0.1", "localhost");
// The HTML-first pages are rendered by the measured build's osdi-embed/server, with the
// sandbox's origin itself: the stamp covers the action URL, so a placeholder filled in
// later would not match and the script would draw the form afresh.
const { renderContainer } =
  /** @type {Pick<import("../bench/pages.mjs").Server, "renderContainer">} */ (
    await import(pathToFileURL(resolve(DIST, "esm/server.js")).href)
  );
/** @type {import("../bench/pages.mjs").Server} */
const rendering = { helper: sandbox.url, renderContainer };
const url = (/** @type {string} */ kind, /** @type {number} */ n) => `${site}/${pageName(kind, n)}`;

// The launch arguments of playwright.config.ts (TypeScript, which Node cannot import).
const config = fs.readFileSync("playwright.config.ts", "utf8");
const chromeArgs = [...(/args:\s*\[([^\]]*)\]/.exec(config)?.[1].matchAll(/"([^"]+)"/g) ?? [])];
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: chromeArgs.map((m) => m[1]),
});
const chromiumVersion = browser.version();
const counts = [...new Set(profiles.flatMap((p) => p.counts))].sort((a, b) => a - b);
/** @type {Record<string, any>} */
const results = {};
/** @type {Record<number, number>} */
const heights = {};
/** Appends v to the list under key. @param {Record<string, any[]>} to @param {string} key @param {any} v */
const add = (to, key, v) => {
  to[key] = [...(to[key] ?? []), v];
};
try {
  // The fallback's min-height: the mounted widget's height at each profile's width.
  writePages("bench/pages", counts, {}, rendering);
  for (const p of profiles) {
    const ctx = await newContext(browser, p);
    await loadOnce(ctx, p, url("osdi", 1), 1);
    heights[p.viewport.width] = Math.ceil((await loadOnce(ctx, p, url("osdi", 1), 1)).slot);
    await ctx.close();
  }
  writePages("bench/pages", counts, heights, rendering);
  say(`widget height by viewport width: ${JSON.stringify(heights)}`);

  // Every profile the same way: its pages loaded round robin (whatever else the
  // machine does hits all alike), a trace per round; then submits on one-form pages.
  for (const p of profiles) {
    const pages = p.counts.flatMap((n) => CONTENDERS.map((kind) => ({ kind, n })));
    const shared = p.cold ? undefined : await newContext(browser, p);
    /** @template T @param {(ctx: import("@playwright/test").BrowserContext) => Promise<T>} fn */
    const inContext = async (fn) => {
      const ctx = shared ?? (await newContext(browser, p));
      try {
        return await fn(ctx);
      } finally {
        if (ctx !== shared) await ctx.close();
      }
    };
    /** @type {Record<string, any[]>} */
    const loads = {};
    /** @type {Record<string, number[]>} */
    const submits = {};
    if (shared) {
      say(`${p.id}: warm-up, one load of each of ${pages.length} pages`);
      for (const { kind, n } of pages) await loadOnce(shared, p, url(kind, n), n);
    }
    for (let i = 0; i < p.loads; i++) {
      say(`${p.id}: loads, round ${i + 1} of ${p.loads}`);
      const loadRound = async () => {
        const round = [];
        for (const { kind, n } of pages)
          round.push({ kind, n, r: await inContext((c) => loadOnce(c, p, url(kind, n), n)) });
        return round;
      };
      const { result, events } = p.trace
        ? await traced(browser, loadRound)
        : { result: await loadRound(), events: undefined };
      for (const { kind, n, r } of result) add(loads, `${kind}-${n}`, withTrace(r, events));
    }
    if (p.submits && p.counts.includes(1)) {
      say(`${p.id}: submits, one left out and ${p.submits} of each`);
      for (let i = 0; i <= p.submits; i++)
        for (const kind of CONTENDERS) {
          const ms = await inContext((c) => submitOnce(c, p, url(kind, 1), sandbox.url));
          if (i > 0) add(submits, kind, ms);
        }
    }
    await shared?.close();
    results[p.id] = { profile: p, loads, submits };
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
  await sandbox.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// The bytes of the files each page loaded (its first load's list), as served.
/** @type {Record<string, { path: string, raw: number, gzip: number, br: number }[]>} */
const bytes = {};
for (const { loads } of Object.values(results))
  for (const [page, list] of Object.entries(/** @type {Record<string, any[]>} */ (loads)))
    bytes[page] ??= /** @type {string[]} */ (list[0].files).map((path) => {
      const data = sent.get(path) ?? Buffer.alloc(0);
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      return { path, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, br: br.length };
    });

// The pages' console warnings and errors, each once with how many loads printed it.
/** @type {Record<string, number>} */
const warnings = {};
for (const { loads } of Object.values(results))
  for (const list of Object.values(/** @type {Record<string, any[]>} */ (loads)))
    for (const l of list)
      for (const w of new Set(/** @type {string[]} */ (l.warnings)))
        warnings[w] = (warnings[w] ?? 0) + 1;
for (const [w, times] of Object.entries(warnings)) say(`console, ${times} loads: ${w}`);

const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
const run = {
  date: new Date().toISOString(),
  command: [
    "npm run bench",
    ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : []),
  ].join(" "),
  seconds: Math.round((Date.now() - started) / 1000),
  commit: git(["rev-parse", "--short", "HEAD"]),
  changed: changed.length,
  changedSrc: changed.filter((l) => l.slice(3).startsWith("src/")).length,
  heights,
  cpu: (/model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "?").trim(),
  cores: os.cpus().length,
  memory: os.totalmem(),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: chromiumVersion,
  loadBefore,
  loadAfter: os.loadavg(),
  warnings,
};
fs.mkdirSync(".bench", { recursive: true });
fs.writeFileSync(".bench/results.json", JSON.stringify({ run, results, bytes }, null, 1));
fs.writeFileSync(OUT, report({ run, results, bytes }));
say(`wrote ${OUT} and .bench/results.json`);
