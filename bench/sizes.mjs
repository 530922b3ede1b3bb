// @ts-check
// Where the bytes go: sizes of the files each page loads, the main bundle built other
// ways (variants), what is in it (modules), what the libraries alone cost, and the
// bundle's size at every commit that changed it. All deterministic; builds happen in
// .bench/ (git-ignored), never in src/ or dist/.

import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify as terser } from "terser";
import { build } from "vite";

const ROOT = resolve(".");
const WORK = resolve(".bench");
/** Where src/ and package.json are read from: the working tree, or a commit (useCommit). */
let SRC = ROOT;

/**
 * Measures a commit instead of the working tree (which may hold someone's unfinished
 * work): a clean copy of `ref` in .bench/ref/<hash>, with the project's node_modules,
 * from which every build of the bench is made. The caller builds dist/ in it.
 * @param {string} ref
 */
export function useCommit(ref) {
  const git = (/** @type {string[]} */ args) =>
    execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  const hash = git(["rev-parse", "--short", ref]);
  const dir = join(WORK, "ref", hash);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${hash} | tar -x -C "${dir}"`], { cwd: ROOT });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  const lock = (/** @type {string} */ d) => readFileSync(join(d, "package-lock.json"), "utf8");
  SRC = dir;
  return { dir, hash, sameDeps: lock(dir) === lock(ROOT) };
}

/** Raw, gzip -9 and brotli (quality 11) bytes, as scripts/build.mjs counts them. */
export function sizes(/** @type {Buffer | string} */ data) {
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    br: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

/** The terser pass of scripts/build.mjs (ASCII only, as there), so buildMain gives dist's bytes. */
/** @type {import("terser").MinifyOptions} */
const TERSER = { ecma: 2020, compress: { passes: 3, ecma: 2020 }, format: { ascii_only: true } };

/**
 * The main bundle as scripts/build.mjs makes it (IIFE of src/browser.ts, Vite's
 * minifier, then terser), with knobs for the variants.
 * @param {{ root?: string, minify?: boolean, terserOptions?: object | false,
 *   alias?: Record<string, string>, entry?: string, sourcemap?: boolean }} [o]
 */
export async function buildMain(o = {}) {
  const root = o.root ?? SRC;
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const out = await build({
    configFile: false,
    logLevel: "silent",
    root,
    oxc: { jsx: { runtime: "classic", pragma: "h", pragmaFrag: "Fragment" } },
    define: { __VERSION__: JSON.stringify(pkg.version) },
    resolve: o.alias ? { alias: o.alias } : {},
    build: {
      write: false,
      target: "es2022",
      minify: o.minify ?? true,
      sourcemap: o.sourcemap ?? false,
      lib: {
        entry: join(root, o.entry ?? "src/browser.ts"),
        formats: ["iife"],
        name: "OsdiEmbedBundle",
        fileName: () => "osdi-embed.js",
      },
    },
  });
  const result = Array.isArray(out) ? out[0] : out;
  const chunk = /** @type {any} */ (result).output[0];
  let code = /** @type {string} */ (chunk.code);
  const t = o.terserOptions ?? (o.minify === false ? false : TERSER);
  if (t) code = /** @type {string} */ ((await terser(code, t)).code);
  return {
    code,
    modules: /** @type {Record<string, { code: string }>} */ (chunk.modules),
    // Only without the terser pass does the map still fit the code.
    map: o.sourcemap && !t ? JSON.parse(chunk.map.toString()) : undefined,
  };
}

/**
 * A copy of the measured src/ (and package.json) in .bench/variants/<name>, with
 * text patches applied: the way to measure an idea without touching src/. Throws,
 * naming the patch, when one does not apply exactly once (src/ moved on), so a stale
 * patch can never measure the unpatched code under its name.
 * @param {string} name @param {{ file: string, from: string, to: string }[]} patches
 */
export function patchedRoot(name, patches) {
  const root = join(WORK, "variants", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(SRC, "src"), join(root, "src"), { recursive: true });
  cpSync(join(SRC, "package.json"), join(root, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  for (const { file, from, to } of patches) {
    const path = join(root, file);
    const text = existsSync(path) ? readFileSync(path, "utf8") : "";
    const found = text.split(from).length - 1;
    if (found !== 1)
      throw new Error(
        `variant ${name}: ${file} has ${found} copies of ${JSON.stringify(from)} (needs 1); update the patch`,
      );
    writeFileSync(path, text.replace(from, to));
  }
  return root;
}

/**
 * Just enough of @preact/signals-core for src/ (signal with value and peek, effect,
 * batch): a size estimate for replacing the library, not a drop-in (no glitch-free
 * ordering, no cycle guard).
 */
export const MINI_SIGNALS = `let current;
let depth = 0;
const pending = new Set();
export function batch(fn) {
  depth++;
  try {
    return fn();
  } finally {
    if (!--depth) {
      const list = [...pending];
      pending.clear();
      for (const e of list) e.run();
    }
  }
}
export function signal(v) {
  const subs = new Set();
  return {
    get value() {
      if (current) {
        subs.add(current);
        current.deps.add(subs);
      }
      return v;
    },
    set value(n) {
      if (n === v) return;
      v = n;
      for (const e of [...subs]) depth ? pending.add(e) : e.run();
    },
    peek: () => v,
  };
}
export function effect(fn) {
  const e = {
    deps: new Set(),
    run() {
      for (const d of e.deps) d.delete(e);
      e.deps.clear();
      const prev = current;
      current = e;
      try {
        fn();
      } finally {
        current = prev;
      }
    },
  };
  e.run();
  return () => {
    for (const d of e.deps) d.delete(e);
    e.deps.clear();
  };
}
`;

/** Extracts an npm tarball from the local npm cache (no registry lookup) into dir. */
function unpack(/** @type {string} */ url, /** @type {string} */ dir) {
  const tmp = join(WORK, "tarballs");
  mkdirSync(tmp, { recursive: true });
  const name = execFileSync("npm", ["pack", url, "--offline", "--silent"], {
    cwd: tmp,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
  mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["xzf", join(tmp, name), "-C", dir, "--strip-components=1"]);
}

const TARBALLS = {
  preact11: "https://registry.npmjs.org/preact/-/preact-11.2.0.tgz",
  signals: "https://registry.npmjs.org/@preact/signals/-/signals-2.11.4.tgz",
};

/**
 * A node_modules that is the project's own, with Preact 10 or 11 and the
 * @preact/signals adapter added (from the npm cache), for old commits and variants.
 * Returns undefined when the cache lacks the tarballs.
 * @param {"p10" | "p11"} which
 */
export function overlay(which) {
  const nm = join(WORK, "nm", which, "node_modules");
  if (existsSync(join(nm, ".done"))) return nm;
  try {
    rmSync(nm, { recursive: true, force: true });
    mkdirSync(join(nm, "@preact"), { recursive: true });
    for (const entry of readdirSync(join(ROOT, "node_modules"))) {
      if (entry === "@preact" || (entry === "preact" && which === "p11") || entry === ".bin")
        continue;
      symlinkSync(join(ROOT, "node_modules", entry), join(nm, entry));
    }
    symlinkSync(join(ROOT, "node_modules/@preact/signals-core"), join(nm, "@preact/signals-core"));
    unpack(TARBALLS.signals, join(nm, "@preact/signals"));
    if (which === "p11") unpack(TARBALLS.preact11, join(nm, "preact"));
    writeFileSync(join(nm, ".done"), "");
    return nm;
  } catch {
    return undefined;
  }
}

/**
 * Bundles a few lines of imports on their own: what a library costs before any of
 * our code. `nm` is the node_modules to resolve them from.
 * @param {string} source @param {string} nm
 */
async function bundleAlone(source, nm) {
  // The entry sits in a folder of its own whose node_modules is nm.
  const root = join(WORK, "alone", nm === join(ROOT, "node_modules") ? "root" : "overlay");
  mkdirSync(root, { recursive: true });
  if (!existsSync(join(root, "node_modules"))) symlinkSync(nm, join(root, "node_modules"));
  writeFileSync(join(root, "entry.js"), source);
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "alone", version: "0.0.0" }));
  const { code } = await buildMain({ root, entry: "entry.js" });
  return sizes(code);
}

/**
 * Per source module: its code after tree-shaking (before minifying), and that code
 * minified and gzipped on its own. A module's share of the bundle is roughly its share
 * of the second column; the columns do not add up to the bundle (gzip shares context).
 */
export async function moduleBreakdown() {
  const { modules } = await buildMain({ minify: false });
  /** @type {Record<string, { rendered: number, min: number, gzip: number }>} */
  const groups = {};
  for (const [id, m] of Object.entries(modules)) {
    const rel = id.replace(`${SRC}/`, "").replace(`${ROOT}/`, "");
    const group = rel.startsWith("node_modules/")
      ? rel
          .split("/")
          .slice(1, rel.startsWith("node_modules/@") ? 3 : 2)
          .join("/")
      : rel;
    const min = /** @type {string} */ ((await terser(m.code, TERSER)).code ?? "");
    const g = groups[group] ?? { rendered: 0, min: 0, gzip: 0 };
    groups[group] = g;
    g.rendered += Buffer.byteLength(m.code);
    g.min += Buffer.byteLength(min);
    g.gzip += gzipSync(min, { level: 9 }).length;
  }
  const total = Object.values(groups).reduce((a, g) => a + g.gzip, 0);
  return Object.entries(groups)
    .map(([module, s]) => ({ module, ...s, share: s.gzip / total }))
    .sort((a, b) => b.gzip - a.gzip);
}

/**
 * The main bundle built other ways, from the measured src/.
 * @returns {Promise<{ name: string, note: string, raw: number, gzip: number, br: number }[]>}
 */
export async function variants() {
  /** @type {{ name: string, note: string, raw: number, gzip: number, br: number }[]} */
  const rows = [];
  const add = async (
    /** @type {string} */ name,
    /** @type {string} */ note,
    /** @type {Parameters<typeof buildMain>[0]} */ o,
  ) => {
    try {
      rows.push({ name, note, ...sizes((await buildMain(o)).code) });
    } catch (e) {
      console.warn(`variant ${name}: ${e}`);
    }
  };
  await add("as shipped", "Vite (Oxc) minifier, then terser, 3 passes", {});
  await add("no terser pass", "Vite's minifier alone", { terserOptions: false });
  await add("terser, unsafe", "plus unsafe, unsafe_arrows, pure_getters", {
    terserOptions: {
      ...TERSER,
      compress: { passes: 3, ecma: 2020, unsafe: true, unsafe_arrows: true, pure_getters: true },
    },
  });
  await add("not minified", "tree-shaken, not minified", { minify: false });
  const mini = join(WORK, "mini-signals.js");
  writeFileSync(mini, MINI_SIGNALS);
  await add("signals-core → 55 lines", "signal, effect and batch written out (estimate)", {
    alias: { "@preact/signals-core": mini },
  });
  const p11 = overlay("p11");
  if (p11)
    await add("Preact 11.2.0", "same code on Preact 11 instead of 10.29.8", {
      alias: { preact: join(p11, "preact") },
    });
  return rows;
}

/** What the libraries alone cost, bundled and minified the same way. */
export async function libraries() {
  /** @type {{ name: string, raw: number, gzip: number, br: number }[]} */
  const rows = [];
  const p10 = overlay("p10");
  const nm = p10 ?? join(ROOT, "node_modules");
  const add = async (/** @type {string} */ name, /** @type {string} */ src) => {
    try {
      rows.push({ name, ...(await bundleAlone(src, nm)) });
    } catch (e) {
      console.warn(`library ${name}: ${e}`);
    }
  };
  await add(
    "preact (h, render, Fragment) + @preact/signals-core (signal, effect): what we use",
    `import { h, render, Fragment } from "preact";
import { signal, effect, batch, computed } from "@preact/signals-core";
window.x = [h, render, Fragment, signal, effect, batch, computed];`,
  );
  await add(
    "preact alone (h, render, Fragment)",
    `import { h, render, Fragment } from "preact"; window.x = [h, render, Fragment];`,
  );
  if (p10)
    await add(
      "preact + preact/hooks + @preact/signals (the issue's 8.2 KB reference)",
      `import { h, render, Fragment } from "preact";
import { useState, useEffect, useRef, useMemo, useCallback } from "preact/hooks";
import { signal, effect, computed, batch, useSignal, useComputed } from "@preact/signals";
window.x = [h, render, Fragment, useState, useEffect, useRef, useMemo, useCallback, signal, effect, computed, batch, useSignal, useComputed];`,
    );
  const jq = (/** @type {string} */ f) => readFileSync(join(ROOT, "node_modules", f));
  rows.push({
    name: "jquery 3.7.1 (jquery.min.js) + jquery-osdi 1.0.0 (jquery.osdi.min.js)",
    ...sizes(
      Buffer.concat([jq("jquery/dist/jquery.min.js"), jq("jquery-osdi/jquery.osdi.min.js")]),
    ),
  });
  return rows;
}

/**
 * dist/osdi-embed.js (and the parts beside it) at every commit that changed src/, the
 * build or the dependencies, built in a copy of that commit. Results are kept in
 * bench/history.json by commit (sizes are deterministic), so each commit is built once.
 * @param {{ log?: (s: string) => void, file?: string }} [o]
 */
export function history(o = {}) {
  const log = o.log ?? (() => {});
  const file = resolve(o.file ?? "bench/history.json");
  /** @type {Record<string, any>} */
  const cache = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const git = (/** @type {string[]} */ args) =>
    execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  const commits = git([
    "log",
    "--reverse",
    "--format=%h%x09%s",
    "--",
    "src",
    "scripts/build.mjs",
    "package.json",
  ])
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [hash, ...rest] = l.split("\t");
      return { hash, subject: rest.join("\t") };
    });
  const rows = [];
  for (const { hash, subject } of commits) {
    if (!cache[hash]) {
      log(`building ${hash} (${subject.slice(0, 60)})`);
      cache[hash] = buildCommit(hash);
      writeFileSync(file, `${JSON.stringify(cache, null, 2)}\n`);
    }
    rows.push({ hash, subject, ...cache[hash] });
  }
  return rows;
}

/** @param {string} hash */
function buildCommit(hash) {
  const dir = join(WORK, "commits", hash);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${hash} | tar -x -C "${dir}"`], { cwd: ROOT });
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const preact = String(pkg.dependencies?.preact ?? "");
  const nm = preact.startsWith("11") ? overlay("p11") : overlay("p10");
  if (!nm) return { error: "dependencies not in the npm cache" };
  symlinkSync(nm, join(dir, "node_modules"));
  try {
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: dir, stdio: "ignore" });
  } catch {
    return { error: "build failed" };
  }
  const dist = join(dir, "dist");
  const main = sizes(readFileSync(join(dist, "osdi-embed.js")));
  const parts = readdirSync(dist).filter((f) => /^osdi-embed-.+\.js$/.test(f));
  const partsGzip = parts.reduce((a, f) => a + sizes(readFileSync(join(dist, f))).gzip, 0);
  rmSync(dir, { recursive: true, force: true });
  return { preact, ...main, parts: parts.length, partsGzip };
}
