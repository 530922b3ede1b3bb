// @ts-check
// npm run bench: osdi-embed beside a static HTML form (the floor) and jQuery +
// jquery-osdi (the peer), in one run on one machine, written to docs/benchmarks.md.
//
//   node scripts/bench.mjs [--no-build] [--ref COMMIT] [--loads N] [--submits N]
//                          [--cold N] [--quick] [--report-only]
//
// It builds dist/, snapshots it to .bench/dist (so a rebuild by someone else mid-run
// changes nothing); with --ref it measures a clean copy of that commit instead of the
// working tree (built in .bench/ref/, so dist/ and src/ are left alone). It starts the
// helper sandbox (rate limit off) and a static server for bench/pages on another
// origin, and drives Debian's Chromium headless with the launch arguments of
// playwright.config.ts. Every page load is a new tab; the HTTP cache is warm after the
// first load of each page (a separate cold pass uses a new browser context per load).
// Raw results go to .bench/results.json.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import {
  collectors,
  loadOnce,
  profileLoad,
  submitOnce,
  submitWithTrace,
  traced,
  withTrace,
} from "../bench/browser.mjs";
import { CONTENDERS, COUNTS, pageName, writePages, writeVariantPages } from "../bench/pages.mjs";
import { analyseProfile, mergeProfiles } from "../bench/profile.mjs";
import { report } from "../bench/report.mjs";
import {
  buildMain,
  history,
  libraries,
  moduleBreakdown,
  sizes,
  useCommit,
  variants,
} from "../bench/sizes.mjs";
import { buildVariants } from "../bench/variants.mjs";
import { startSandbox } from "../sandbox/server.mjs";
import { CHROMIUM } from "./chromium.mjs";
import { serveStatic } from "./serve.mjs";

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    loads: { type: "string" },
    submits: { type: "string" },
    cold: { type: "string" },
    out: { type: "string", default: "docs/benchmarks.md" },
    "report-only": { type: "boolean", default: false },
    ref: { type: "string" },
  },
});

// --report-only: write the document again from the last run's .bench/results.json
// (after editing bench/notes.md or bench/report.mjs), measuring nothing.
if (args["report-only"]) {
  const last = JSON.parse(readFileSync(".bench/results.json", "utf8"));
  writeFileSync(args.out ?? "docs/benchmarks.md", report(last));
  console.log(`wrote ${args.out} from .bench/results.json`);
  process.exit(0);
}
const LOADS = Number(args.loads ?? (args.quick ? 3 : 10));
const SUBMITS = Number(args.submits ?? (args.quick ? 3 : 10));
const COLD = Number(args.cold ?? (args.quick ? 2 : 5));
const UNSIZED = [20];
const VARIANT_LOADS = args.quick ? 2 : 8;
/** The pages that compare what shipped with the way before (bench/variants.mjs). */
const VARIANT_PAGES = [
  ...["shipped", "no-css-wait", "before"].map((slug) => ({ slug, n: 1 })),
  ...["shipped", "one-task", "no-css-wait", "before"].map((slug) => ({ slug, n: 100 })),
];
const COLD_N = 20;
const LATE_CSS_MS = 300;

// The launch arguments of playwright.config.ts (a TypeScript file Node cannot import).
const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const started = Date.now();
const say = (/** @type {string} */ s) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);
const loadBefore = os.loadavg();

// 1. Build, and keep a copy of what was measured.
mkdirSync(".bench", { recursive: true });
const ref = args.ref ? useCommit(args.ref) : undefined;
if (ref && !ref.sameDeps)
  say(`warning: ${ref.hash} has another package-lock.json; built with today's node_modules`);
const SRC = ref?.dir ?? ".";
if (ref || !args["no-build"]) {
  say(ref ? `build of ${ref.hash} in ${SRC}` : "npm run build");
  execFileSync(process.execPath, ["scripts/build.mjs"], {
    cwd: SRC,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
const DIST = ".bench/dist";
rmSync(DIST, { recursive: true, force: true });
cpSync(join(SRC, "dist"), DIST, { recursive: true });
const commit =
  ref?.hash ?? execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const dirty =
  !ref &&
  execFileSync("git", ["status", "--porcelain", "--", "src", "package.json"], {
    encoding: "utf8",
  }).trim().length > 0;

// 2. Bytes that do not need a browser (cached where the inputs are the same).
/** A short hash of files and folders (their paths and contents). */
function hashOf(/** @type {string[]} */ paths) {
  const h = createHash("sha256");
  const walk = (/** @type {string} */ p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else h.update(p).update(readFileSync(p));
  };
  for (const p of paths) walk(p);
  return h.digest("hex").slice(0, 16);
}
/**
 * @template T
 * @param {string} name @param {string} key @param {() => Promise<T>} make
 * @returns {Promise<T>}
 */
async function cached(name, key, make) {
  const file = `.bench/${name}.json`;
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, "utf8"));
    if (c.key === key) return c.value;
  }
  const value = await make();
  writeFileSync(file, JSON.stringify({ key, value }));
  return value;
}
const srcKey = hashOf([
  join(SRC, "src"),
  join(SRC, "package.json"),
  "package-lock.json",
  join(SRC, "scripts/build.mjs"),
  "bench/sizes.mjs",
]);
say("bundle variants and modules");
const bundleVariants = await cached("variants", srcKey, variants);
const modules = await cached("modules", srcKey, moduleBreakdown);
const libs = await cached("libraries", hashOf(["package-lock.json", "bench/sizes.mjs"]), libraries);
say("bundle size at each commit (built once per commit, kept in bench/history.json)");
const commits = history({ log: say, file: "bench/history.json" });
// What shipped, and the same src/ with a piece of it undone (bench/variants.mjs). Built
// before anything is measured, so a patch that no longer applies stops the run here.
say("bundles with a piece of what shipped undone");
const built = await buildVariants(DIST);
if (!built.same)
  say("warning: the unpatched build differs from dist/ (src/ changed since the build?)");

// 3. Servers: the sandbox on 127.0.0.1, the pages on localhost (two origins).
const dataDir = mkdtempSync(join(os.tmpdir(), "osdi-bench-"));
const sandbox = await startSandbox({ port: 0, dataDir, quiet: true, rateLimit: 0 });
const MOUNTS = {
  "/": "bench/pages",
  "/assets": "bench/assets",
  "/dist": DIST,
  "/vendor/jquery": "node_modules/jquery/dist",
  "/vendor/jquery-osdi": "node_modules/jquery-osdi",
  ...Object.fromEntries(built.variants.map((v) => [`/v/${v.slug}/dist`, v.dir])),
};
const server = await serveStatic({
  mounts: MOUNTS,
  vars: { HELPER: sandbox.url },
  // Scripts and styles may be cached, as from any CDN; pages are not.
  headers: (path) =>
    /** @type {Record<string, string>} */ (
      path.endsWith(".html") ? {} : { "Cache-Control": "public, max-age=3600" }
    ),
});
const site = server.url.replace("127.0.0.1", "localhost");
const url = (/** @type {string} */ kind, /** @type {number} */ n) => `${site}/${pageName(kind, n)}`;
/** A variant's osdi-embed page, and the options that tell loadOnce where its script is. */
const vurl = (/** @type {string} */ slug, /** @type {number} */ n) =>
  `${site}/v/${slug}/${pageName("osdi", n)}`;
const vscript = (/** @type {string} */ slug) => ({ script: `/v/${slug}/dist/osdi-embed.js` });

/** The file a served path came from, and its bytes as served. */
function served(/** @type {string} */ path) {
  const prefix = Object.keys(MOUNTS)
    .sort((a, b) => b.length - a.length)
    .find((p) => path.startsWith(p === "/" ? "/" : `${p}/`));
  if (!prefix) return null;
  const file = join(MOUNTS[/** @type {keyof typeof MOUNTS} */ (prefix)], path.slice(prefix.length));
  if (!existsSync(file)) return null;
  let data = readFileSync(file);
  if (file.endsWith(".html"))
    data = Buffer.from(data.toString("utf8").replaceAll("{{HELPER}}", sandbox.url));
  return data;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS });
const chromiumVersion = browser.version();
/** @type {Record<string, any>} */
const results = { loads: {}, cold: {}, submit: {}, files: {}, interactionFiles: {} };
/** Appends a value to the list kept under key. */
const push = (
  /** @type {Record<string, any[]>} */ lists,
  /** @type {string} */ key,
  /** @type {any} */ v,
) => {
  lists[key] = [...(lists[key] ?? []), v];
};

try {
  // 4. Size the fallback to the mounted widget, then write the pages.
  writePages("bench/pages", { assets: "bench/assets", slotHeight: 0, unsized: UNSIZED });
  const probe = await browser.newContext();
  await probe.addInitScript(collectors);
  await loadOnce(probe, url("osdi", 1), "osdi", 1);
  const slotHeight = Math.ceil((await loadOnce(probe, url("osdi", 1), "osdi", 1)).slot);
  await probe.close();
  writePages("bench/pages", { assets: "bench/assets", slotHeight, unsized: UNSIZED });
  for (const v of built.variants) writeVariantPages("bench/pages", v.slug, [1, COLD_N, 100]);
  results.slotHeight = slotHeight;
  say(`widget height ${slotHeight}px: the fallback's min-height`);

  // 5. Warm loads, round robin so that whatever else the machine does hits all alike.
  const combos = [
    ...COUNTS.flatMap((n) => CONTENDERS.map((kind) => ({ kind, n }))),
    ...UNSIZED.map((n) => ({ kind: "osdi-unsized", n })),
  ];
  const ctx = await browser.newContext();
  await ctx.addInitScript(collectors);
  say(`warm-up: one load of each of ${combos.length} pages`);
  for (const { kind, n } of combos) {
    const r = await loadOnce(ctx, url(kind, n), kind, n);
    results.files[`${kind}-${n}`] = r.files;
  }
  for (let i = 0; i < LOADS; i++) {
    say(`warm loads, round ${i + 1} of ${LOADS}`);
    const { result, events } = await traced(ctx, async () => {
      const round = [];
      for (const { kind, n } of combos)
        round.push({ key: `${kind}-${n}`, r: await loadOnce(ctx, url(kind, n), kind, n) });
      return round;
    });
    for (const { key, r } of result) push(results.loads, key, withTrace(r, events));
  }

  // 6. Cold loads: a new context (empty cache) each time.
  for (let i = 0; i < COLD; i++) {
    say(`cold loads (${COLD_N} widgets), round ${i + 1} of ${COLD}`);
    const { result, events } = await traced(ctx, async () => {
      const round = [];
      for (const kind of CONTENDERS) {
        const cold = await browser.newContext();
        await cold.addInitScript(collectors);
        const r = await loadOnce(cold, url(kind, COLD_N), kind, COLD_N);
        await cold.close();
        round.push({ key: `${kind}-${COLD_N}`, r });
      }
      // The same first visit with osdi-embed.css arriving late, as on a slow network;
      // then both again with widgets that do not wait for the stylesheet (as before).
      for (const [key, page, o] of /** @type {const} */ ([
        ["osdi-late-css", `${url("osdi", COLD_N)}?late-css`, { cssDelay: LATE_CSS_MS }],
        ["osdi-no-css-wait", vurl("no-css-wait", COLD_N), vscript("no-css-wait")],
        [
          "osdi-late-css-no-css-wait",
          `${vurl("no-css-wait", COLD_N)}?late-css`,
          { ...vscript("no-css-wait"), cssDelay: LATE_CSS_MS },
        ],
      ])) {
        const c = await browser.newContext();
        await c.addInitScript(collectors);
        const r = await loadOnce(c, page, "osdi", COLD_N, o);
        await c.close();
        round.push({ key: `${key}-${COLD_N}`, r });
      }
      return round;
    });
    for (const { key, r } of result) push(results.cold, key, withTrace(r, events));
  }

  // 7. Submit: click to request, on one-form pages, cache warm.
  say(`submits: 1 warm-up and ${SUBMITS} each`);
  for (let i = 0; i <= SUBMITS; i++) {
    const { result, events } = await traced(ctx, async () => {
      const round = [];
      for (const kind of CONTENDERS)
        round.push({ kind, r: await submitOnce(ctx, url(kind, 1), kind, sandbox.url, i === 0) });
      return round;
    });
    for (const { kind, r } of result) {
      const s = submitWithTrace(r, events);
      if (i === 0) results.interactionFiles[kind] = s.files;
      else push(results.submit, kind, s);
    }
  }
  await ctx.close();

  // 8. Where the time goes: a CPU profile of the 100-widget page, readable build.
  say("CPU profiles of 1 and 100 widgets (readable build)");
  const readable = await buildMain({ minify: false, sourcemap: true });
  const pctx = await browser.newContext();
  await pctx.addInitScript(collectors);
  const scriptUrl = `${site}/dist/osdi-embed.js`;
  results.profiles = {};
  for (const [n, loads] of /** @type {const} */ ([
    [1, 6],
    [100, 3],
  ])) {
    // The first load warms the renderer and is left out; the rest are averaged.
    const runs = [];
    for (let i = 0; i <= loads; i++) {
      const profile = await profileLoad(pctx, url("floor", 1), url("osdi", n), readable.code);
      if (i > 0) runs.push(analyseProfile(profile, { ...readable, scriptUrl }));
    }
    results.profiles[n] = mergeProfiles(runs);
  }
  await pctx.close();

  // 9. What shipped against the way before: the same src/ with a piece undone
  // (bench/variants.mjs), each served from its own folder exactly as dist/ is, round
  // robin, cache warm; the first round warms the caches and is left out.
  const vctx = await browser.newContext();
  await vctx.addInitScript(collectors);
  results.variants = {};
  for (let i = 0; i <= VARIANT_LOADS; i++) {
    say(`what shipped vs the way before, round ${i + 1} of ${VARIANT_LOADS + 1}`);
    const { result, events } = await traced(vctx, async () => {
      const round = [];
      for (const { slug, n } of VARIANT_PAGES)
        round.push({
          key: `${slug}-${n}`,
          r: await loadOnce(vctx, vurl(slug, n), "osdi", n, vscript(slug)),
        });
      return round;
    });
    if (i > 0) for (const { key, r } of result) push(results.variants, key, withTrace(r, events));
  }
  // The submit with and without batch(), one form, as in 7.
  results.variantSubmit = {};
  say(`submits with and without batch: 1 warm-up and ${SUBMITS} each`);
  for (let i = 0; i <= SUBMITS; i++) {
    const { result, events } = await traced(vctx, async () => {
      const round = [];
      for (const slug of ["shipped", "no-batch"])
        round.push({ slug, r: await submitOnce(vctx, vurl(slug, 1), "osdi", sandbox.url) });
      return round;
    });
    if (i > 0)
      for (const { slug, r } of result)
        push(results.variantSubmit, slug, submitWithTrace(r, events));
  }
  await vctx.close();
  results.variantInfo = {
    same: built.same,
    list: built.variants.map(({ slug, label, note, dir }) => ({
      slug,
      label,
      note,
      ...sizes(readFileSync(join(dir, "osdi-embed.js"))),
    })),
  };
} finally {
  await browser.close();
  await server.close();
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
}

// 10. Bytes of what each page loaded.
/** @type {Record<string, any>} */
const bytes = {};
for (const [page, files] of Object.entries(results.files)) {
  bytes[page] = /** @type {string[]} */ (files).map((path) => {
    const data = served(path);
    return { path, ...(data ? sizes(data) : { raw: 0, gzip: 0, br: 0 }) };
  });
}
/** @type {Record<string, any>} */
const later = {};
for (const [kind, files] of Object.entries(results.interactionFiles)) {
  const atLoad = new Set(results.files[`${kind}-1`]);
  later[kind] = /** @type {string[]} */ (files ?? [])
    .filter((p) => !atLoad.has(p) && /\.(js|css)$/.test(p))
    .map((path) => {
      const data = served(path);
      return { path, ...(data ? sizes(data) : { raw: 0, gzip: 0, br: 0 }) };
    });
}

// The shipped file as measured (the snapshot), beside the variants rebuilt from src/.
const dist = sizes(readFileSync(join(DIST, "osdi-embed.js")));

const machine = {
  cpu: (
    /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ??
    os.cpus()[0]?.model ??
    "?"
  ).trim(),
  cores: os.cpus().length,
  memory: os.totalmem(),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: chromiumVersion,
  loadBefore,
  loadAfter: os.loadavg(),
};
const run = {
  date: new Date().toISOString(),
  command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  commit,
  dirty,
  ref: Boolean(ref),
  seconds: Math.round((Date.now() - started) / 1000),
  loads: LOADS,
  submits: SUBMITS,
  cold: COLD,
  coldN: COLD_N,
  lateCss: LATE_CSS_MS,
};
writeFileSync(
  ".bench/results.json",
  JSON.stringify(
    { machine, run, results, bytes, later, bundleVariants, modules, libs, commits, dist },
    null,
    1,
  ),
);
mkdirSync("docs", { recursive: true });
writeFileSync(
  args.out ?? "docs/benchmarks.md",
  report({ machine, run, results, bytes, later, bundleVariants, modules, libs, commits, dist }),
);
say(`wrote ${args.out} and .bench/results.json`);
