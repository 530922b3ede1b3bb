// @ts-check
// Builds dist/:
//   osdi-embed.js            the IIFE for a <script> tag: the core job, whole
//   osdi-embed-<part>.js     each module of src/parts/, wrapped to borrow Preact,
//                            signals and the widget's modules from osdi-embed.js
//   osdi-embed.css           the base stylesheet
//   esm/, types/             the ESM build for bundlers (parts as chunks) and its types
//   demo/builder.js          the demo's snippet builder (not shipped to visitors)
//   integrity.json           an SRI hash for every file a page loads
// and prints each file's size. The parts' hashes are written into osdi-embed.js,
// so a page that pins osdi-embed.js pins every file it loads.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { rolldown } from "rolldown";
import { minify } from "terser";
import { transform } from "./transform.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const SHARED = resolve("src/files/shared.ts");
const PARTS = readdirSync("src/parts").map((file) => ({
  name: file.replace(/\.tsx?$/, ""),
  path: resolve("src/parts", file),
}));

/**
 * One rolldown pass. `define` adds to the build-time constants; `plugins` for
 * the parts' wrapping and the shared table.
 * @param {{ input: string | Record<string, string>, external?: any, plugins?: any[], define?: Record<string, string> }} o
 */
const bundle = ({ input, external, plugins = [], define = {} }) =>
  rolldown({
    input,
    external,
    plugins,
    logLevel: "warn",
    // The compiler options come from scripts/transform.mjs, as for the tests.
    tsconfig: false,
    transform: { ...transform, define: { ...transform.define, ...define } },
  });

/**
 * The terser pass over every file a page loads: a second pass that takes more off
 * than rolldown's own, and ASCII-only output (a host or CDN that serves the files
 * without a charset still gets every language right).
 * @param {string} code
 */
async function squeeze(code) {
  const out = await minify(code, {
    ecma: 2020,
    compress: { passes: 3, ecma: 2020 },
    format: { ascii_only: true },
  });
  return /** @type {string} */ (out.code);
}

/** @param {Buffer | string} data */
const sri = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist/demo", { recursive: true });

// 1. What osdi-embed.js is made of: the modules a part borrows instead of bundling.
const probe = await bundle({ input: "src/browser.ts" });
const core = new Set((await probe.generate({ format: "iife" })).output[0].moduleIds);
await probe.close();

// 2. The parts. Each imports what it needs; what the core already has becomes an
// import of the core's copy, through the part's own <script> element (see
// src/files/parts.ts), and the names it takes are noted for step 3.
/** @type {string[]} */
const borrowed = [];
/** @type {Map<string, Set<string>>} */
const names = new Map();
/** @type {Record<string, string>} */
const integrity = {};
/** @param {string} id */
const slot = (id) => {
  if (!borrowed.includes(id)) borrowed.push(id);
  return borrowed.indexOf(id);
};

for (const part of PARTS) {
  const entry = `\0part:${part.name}`;
  const build = await bundle({
    input: entry,
    plugins: [
      /** @type {import("rolldown").Plugin} */ ({
        name: "osdi-embed-part",
        async resolveId(source, importer) {
          if (source === entry) return source;
          if (!importer) return null;
          const found = await this.resolve(source, importer, { skipSelf: true });
          if (found && !found.external && found.id !== part.path && core.has(found.id))
            return { id: found.id, external: true };
          return found;
        },
        load(id) {
          if (id !== entry) return null;
          // What the part's file does when it runs: hands its default export over.
          return `import value from ${JSON.stringify(part.path)};\ndocument.currentScript.osdiPart.define(value);\n`;
        },
      }),
    ],
  });
  // The ESM form names every binding taken from the core; the IIFE is what ships.
  const esm = (await build.generate({ format: "es", paths: (id) => id })).output[0].code;
  for (const [, list, from] of esm.matchAll(/^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";?$/gm)) {
    const id = resolve(from);
    const set = names.get(id) ?? new Set();
    for (const item of list.split(",")) set.add(item.trim().split(/\s+as\s+/)[0]);
    names.set(id, set);
  }
  if (/^import\s+(?!\{)/m.test(esm))
    throw new Error(`src/parts/${part.name}: import only named bindings from the core`);
  const iife = await build.generate({
    format: "iife",
    globals: (/** @type {string} */ id) => `document.currentScript.osdiPart.shared[${slot(id)}]`,
  });
  await build.close();
  const code = await squeeze(iife.output[0].code);
  writeFileSync(`dist/osdi-embed-${part.name}.js`, code);
}

copyFileSync("src/styles/osdi-embed.css", "dist/osdi-embed.css");
for (const file of readdirSync("dist").filter((f) => /\.(js|css)$/.test(f)))
  integrity[file] = sri(readFileSync(`dist/${file}`));

// 3. osdi-embed.js, with the table of what the parts borrow (in the order of
// their slots) and the parts' hashes.
const table = [
  ...borrowed.map(
    (id, i) =>
      `import { ${[...(names.get(id) ?? [])].map((n) => `${n} as s${i}_${n}`).join(", ")} } from ${JSON.stringify(id)};`,
  ),
  `export const shared = [${borrowed
    .map((id, i) => `{ ${[...(names.get(id) ?? [])].map((n) => `${n}: s${i}_${n}`).join(", ")} }`)
    .join(", ")}];`,
].join("\n");
const main = await bundle({
  input: "src/browser.ts",
  define: { __INTEGRITY__: JSON.stringify(integrity) },
  plugins: [
    {
      name: "osdi-embed-shared",
      load: (/** @type {string} */ id) => (id === SHARED ? table : null),
    },
  ],
});
const mainCode = (await main.generate({ format: "iife" })).output[0].code;
await main.close();
writeFileSync("dist/osdi-embed.js", await squeeze(mainCode));
integrity["osdi-embed.js"] = sri(readFileSync("dist/osdi-embed.js"));

// 4. The ESM build for bundlers: parts are chunks they split off; Preact and
// signals are the app's own.
const esm = await bundle({
  input: { index: "src/index.ts" },
  external: [/^preact(\/|$)/, /^@preact\/signals/],
});
await esm.write({ dir: "dist/esm", format: "es", chunkFileNames: "[name]-[hash].js" });
await esm.close();
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
  stdio: "inherit",
});

// 5. The demo's snippet builder: the widget's own parser and help texts, for the demo only.
const builder = await bundle({ input: "demo/builder/main.ts" });
await builder.write({ file: "dist/demo/builder.js", format: "iife", minify: true });
await builder.close();

writeFileSync("dist/integrity.json", `${JSON.stringify(integrity, null, 2)}\n`);
for (const file of Object.keys(integrity).sort()) {
  const data = readFileSync(`dist/${file}`);
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
  console.log(`dist/${file}: ${data.length} B raw, ${gz} B gzip -9, ${br} B brotli`);
}
console.log(`osdi-embed ${pkg.version}: built`);
