// @ts-check
// What commits dcc33a8 and f65eaf6 shipped (mounting in slices, on screen first; the
// stylesheet wait; the outbox check after load; batch), undone one piece at a time: the
// main bundle built from the measured src/ with small text patches (patchedRoot in
// bench/sizes.mjs), to measure what each piece bought. A patch that no longer applies
// stops the bench before anything is measured (src/ moved on: update the patch here).

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildMain, patchedRoot } from "./sizes.mjs";

/** @typedef {{ file: string, from: string, to: string }} Patch */

/** @type {Record<string, Patch>} */
const UNDO = {
  /** Every job of the queue in the first task, as before: no slices. */
  oneTask: { file: "src/mount.tsx", from: "const SLICE = 8;", to: "const SLICE = 1e9;" },
  /** The stylesheet is added but not waited for: widgets render at once. */
  noCssWait: {
    file: "src/mount.tsx",
    from: 'o.styles === "base" && stylesheet(),',
    to: 'o.styles === "base" && void stylesheet(),',
  },
  /** The script mounts with scan(), as before: all in its own task, no queue, no observer. */
  scan: { file: "src/browser.ts", from: "    schedule();\n", to: "    scan();\n" },
  /** The outbox check (a localStorage read) inside the first scan, as before. */
  outboxAtOnce: {
    file: "src/mount.tsx",
    from: '  if (document.readyState === "complete") idle();\n  else addEventListener("load", idle);\n',
    to: "  go();\n",
  },
  /** state, status and errors set one after another: a render for each. */
  noBatch: {
    file: "src/widgets/model.ts",
    from: "      batch(() => {",
    to: "      ((f: () => void) => f())(() => {",
  },
};

/**
 * The bundles compared: the slug is the folder they are served from (/v/<slug>/dist/).
 * "shipped" goes through the same build with no patch, and is checked against dist/.
 */
export const VARIANTS = [
  { slug: "shipped", label: "as shipped", note: "the measured src/, no patch", patches: [] },
  {
    slug: "one-task",
    label: "one task",
    note: "`SLICE` = 10⁹ ms: every job in the first task (still waits for the stylesheet)",
    patches: [UNDO.oneTask],
  },
  {
    slug: "no-css-wait",
    label: "no stylesheet wait",
    note: "widgets render without waiting for osdi-embed.css (still in slices, on screen first)",
    patches: [UNDO.noCssWait],
  },
  {
    slug: "before",
    label: "the way before",
    note: "`scan()` in the script's task, no stylesheet wait, outbox check inside it: the mount path of 67c66c6",
    patches: [UNDO.scan, UNDO.noCssWait, UNDO.outboxAtOnce],
  },
  {
    slug: "no-batch",
    label: "no batch",
    note: "`Model.set` writes its signals one by one (submit runs only)",
    patches: [UNDO.noBatch],
  },
];

/**
 * Builds every variant and lays it out to be served: .bench/served/<slug>/dist is a copy
 * of the measured dist/ with osdi-embed.js replaced (parts and stylesheet as shipped).
 * Throws if a patch does not apply. `same` says whether the unpatched build is
 * byte for byte the dist/ being measured (it is unless src/ changed since the build).
 * @param {string} dist the snapshot of dist/ the bench serves
 */
export async function buildVariants(dist) {
  const out = [];
  for (const v of VARIANTS) {
    const root = patchedRoot(v.slug, v.patches);
    const { code } = await buildMain({ root });
    const dir = join(".bench", "served", v.slug, "dist");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(dist, dir, { recursive: true });
    writeFileSync(join(dir, "osdi-embed.js"), code);
    out.push({ ...v, dir });
  }
  const shipped = readFileSync(join(out[0].dir, "osdi-embed.js"), "utf8");
  const same = shipped === readFileSync(join(dist, "osdi-embed.js"), "utf8");
  return { variants: out, same };
}
