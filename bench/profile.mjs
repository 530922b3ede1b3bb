// @ts-check
// Reads a V8 CPU profile of a page load against the readable (not minified) bundle:
// time per source module and per function, self and inclusive. Libraries ship
// minified (Preact's functions are called N, q, L...); their own source maps give
// the names back.

import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number,
 *   columnNumber?: number },
 *   hitCount?: number, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples?: number[], timeDeltas?: number[],
 *   startTime: number, endTime: number }} Profile
 */

/**
 * Position (0-based) -> source module path (e.g. src/mount.tsx), from the bundle's
 * source map when there is one, else from the "// src/..." comments a non-minified
 * Rolldown bundle puts before most modules.
 * @param {string} code @param {object} [map]
 */
function moduleLines(code, map) {
  if (map) {
    const sm = new SourceMap(/** @type {any} */ (map));
    return (/** @type {number} */ line, /** @type {number} */ column) => {
      const e = /** @type {any} */ (sm.findEntry(line, column));
      return e?.originalSource ? String(e.originalSource).replace(/^(\.\.\/)+/, "") : "(bundle)";
    };
  }
  /** @type {[number, string][]} */
  const marks = [];
  code.split("\n").forEach((line, i) => {
    const m = /^\s*\/\/ ((?:src|node_modules)\/\S+)\s*$/.exec(line);
    if (m) marks.push([i, m[1]]);
  });
  return (/** @type {number} */ line, /** @type {number} */ _column) => {
    let found = "(bundle)";
    for (const [at, name] of marks) {
      if (at > line) break;
      found = name;
    }
    return found;
  };
}

/** Display name of a module path: the package for node_modules. */
const shortModule = (/** @type {string} */ path) =>
  path.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, "$1");

/** @type {Map<string, Map<string, string>>} */
const nameCache = new Map();

/**
 * Mangled -> original function names of a minified library file, from its source map.
 * @param {string} file e.g. node_modules/preact/dist/preact.module.js
 */
function originalNames(file) {
  const cached = nameCache.get(file);
  if (cached) return cached;
  /** @type {Map<string, string>} */
  const names = new Map();
  nameCache.set(file, names);
  if (!existsSync(file) || !existsSync(`${file}.map`)) return names;
  const map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      for (const m of line.matchAll(/function ([\w$]+)\(|\.([\w$]+)=function\(/g)) {
        const mangled = m[1] ?? m[2];
        const col = /** @type {number} */ (m.index) + (m[1] ? 9 : 1);
        const e = /** @type {any} */ (map.findEntry(i, col));
        if (e?.name && !names.has(mangled)) names.set(mangled, e.name);
      }
    });
  return names;
}

/** A library function's original name, e.g. preact's N -> setProperty. */
function unmangle(/** @type {string} */ name, /** @type {string} */ module) {
  if (!module.startsWith("node_modules/")) return name;
  const names = originalNames(module);
  const bare = name.replace(/\$\d+/g, "");
  const last = bare.split(".").pop() ?? bare;
  const found = names.get(bare) ?? names.get(last);
  return found ? `${found} (${name})` : name;
}

/**
 * @param {Profile} profile
 * @param {{ code: string, map?: object, scriptUrl: string }} o the readable bundle, its
 *   source map and the URL it ran from
 */
export function analyseProfile(profile, { code, map, scriptUrl }) {
  const moduleOf = moduleLines(code, map);
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample stands for the time until the next one.
  /** @type {Map<number, number>} node id -> µs */
  const selfUs = new Map();
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + us);
  }
  const key = (/** @type {ProfileNode} */ n) => {
    const f = n.callFrame;
    if (f.url === scriptUrl) {
      const mod = moduleOf(f.lineNumber, f.columnNumber ?? 0);
      const name = unmangle(f.functionName || "(anonymous)", mod);
      return { name, where: shortModule(mod), ours: true };
    }
    if (!f.url) return { name: f.functionName || "(native)", where: "(browser)", ours: false };
    return {
      name: f.functionName || "(anonymous)",
      where: f.url.replace(/^.*\//, ""),
      ours: false,
    };
  };
  /** @type {Map<string, { name: string, where: string, self: number, total: number }>} */
  const fns = new Map();
  /** @type {Map<string, number>} */
  const modules = new Map();
  let ours = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const k = key(node);
    const name = `${k.name} ${k.where}`;
    const f = fns.get(name) ?? { name: k.name, where: k.where, self: 0, total: 0 };
    f.self += us;
    fns.set(name, f);
    if (k.ours) {
      modules.set(k.where, (modules.get(k.where) ?? 0) + us);
      ours += us;
    }
    // Inclusive: once per function on this sample's stack.
    const seen = new Set();
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const kk = key(n);
      const nn = `${kk.name} ${kk.where}`;
      if (seen.has(nn)) continue;
      seen.add(nn);
      const g = fns.get(nn) ?? { name: kk.name, where: kk.where, self: 0, total: 0 };
      g.total += us;
      fns.set(nn, g);
    }
  }
  const ms = (/** @type {number} */ us) => us / 1000;
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].reduce((a, [id, us]) => {
    const n = byId.get(id)?.callFrame.functionName;
    return n === "(idle)" ? a + us : a;
  }, 0);
  const list = [...fns.values()].map((f) => ({ ...f, self: ms(f.self), total: ms(f.total) }));
  return {
    /** Sampled time, idle excluded. */
    busy: ms(total - idle),
    /** Self time in the bundle's own functions (ours and its libraries). */
    bundle: ms(ours),
    modules: [...modules]
      .map(([module, us]) => ({ module, self: ms(us) }))
      .sort((a, b) => b.self - a.self),
    functions: list.filter((f) => f.name !== "(idle)"),
  };
}

/**
 * The average of several loads' analyses: modules and functions by mean time, with
 * the top lists the report shows.
 * @param {ReturnType<typeof analyseProfile>[]} runs
 */
export function mergeProfiles(runs) {
  const n = runs.length || 1;
  const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / n;
  /** @type {Map<string, number[]>} */
  const mods = new Map();
  /** @type {Map<string, { name: string, where: string, self: number[], total: number[] }>} */
  const fns = new Map();
  for (const r of runs) {
    for (const m of r.modules) mods.set(m.module, [...(mods.get(m.module) ?? []), m.self]);
    for (const f of r.functions) {
      const k = `${f.name} ${f.where}`;
      const g = fns.get(k) ?? { name: f.name, where: f.where, self: [], total: [] };
      g.self.push(f.self);
      g.total.push(f.total);
      fns.set(k, g);
    }
  }
  const list = [...fns.values()].map((f) => ({
    name: f.name,
    where: f.where,
    self: mean(f.self),
    total: mean(f.total),
  }));
  const ours = (/** @type {{ where: string }} */ f) =>
    f.where.startsWith("src/") || f.where === "preact" || f.where.includes("signals");
  return {
    loads: runs.length,
    busy: mean(runs.map((r) => r.busy)),
    bundle: mean(runs.map((r) => r.bundle)),
    modules: [...mods]
      .map(([module, xs]) => ({ module, self: mean(xs) }))
      .sort((a, b) => b.self - a.self),
    topSelf: [...list].sort((a, b) => b.self - a.self).slice(0, 15),
    topTotal: list
      .filter(ours)
      .sort((a, b) => b.total - a.total)
      .slice(0, 15),
  };
}
