// @ts-check
// Builds dist/:
//   osdi-embed.js            the IIFE for a <script> tag: the core job, whole
//   osdi-embed-<part>.js     each module of src/parts/, wrapped to borrow Preact,
//                            signals and the widget's modules from osdi-embed.js
//   osdi-embed.css           the base stylesheet
//   esm/, types/             the ESM build for bundlers (parts as chunks; the React and
//                            Vue components when src/react, src/vue exist) and its types
//   *.map                    a source map beside every script (sources included)
//   demo/builder.js          the demo's snippet builder (not shipped to visitors, nor packed)
//   integrity.json           an SRI hash for every file a page loads
// and prints each file's size; then the WordPress plugin's zip (dist-wordpress/) and the
// static site of the docs and the snippet builder (dist-site/, scripts/site.mjs). The parts' hashes are written into osdi-embed.js,
// so a page that pins osdi-embed.js pins every file it loads.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { rolldown } from "rolldown";
import { minify } from "terser";
import { writeContract } from "./contract.mjs";
import { writeSite } from "./site.mjs";
import { transform } from "./transform.mjs";
import { writePluginZip } from "./wordpress-zip.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const SHARED = resolve("src/files/shared.ts");
const PARTS = readdirSync("src/parts").map((file) => ({
  name: file.replace(/\.tsx?$/, ""),
  path: resolve("src/parts", file),
}));

/**
 * What differs for the files a page loads (osdi-embed.js and the parts, and the
 * passes that learn what they are made of, which must find the same modules).
 * Packages come through their `import` export, not their `browser` one: the same
 * code, but @preact/signals has it there as ES2017 rather than ES5, shorter (the
 * `browser` condition comes with the `browser` platform, whence `neutral`).
 * Constants are written out where they are used: a string repeated costs gzip a
 * few bytes, its variable more.
 * @type {import("rolldown").InputOptions}
 */
const PAGE = {
  platform: "neutral",
  resolve: { conditionNames: ["import", "default"], mainFields: ["module", "main"] },
  optimization: { inlineConst: { mode: "all", pass: 2 } },
};

/**
 * Preact for function components only, in the files a page loads: none of ours is a
 * class (src/, the parts, @preact/signals and Preact's hooks render functions only),
 * so the test that tells a class component (`prototype.render`) is written as false,
 * and the minifier drops what only classes use (getDerivedStateFromProps,
 * componentWillMount, componentDidMount, componentDidUpdate, getSnapshotBeforeUpdate…).
 * The hooks that function components use (shouldComponentUpdate, which the signals
 * set, and componentDidCatch, which useErrorBoundary sets) are untouched. The ESM
 * build leaves Preact to the app, whole. A Preact whose code no longer reads so
 * fails the build here, to be looked at again.
 * @type {import("rolldown").Plugin}
 */
const functionComponentsOnly = {
  name: "osdi-embed-function-components-only",
  transform(code, id) {
    // Preact's own file (not a part's stand-in for it, whose id starts with \0).
    if (id.startsWith("\0") || !/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id))
      return null;
    const isClass = /(\b\w+)=(\w+)\.prototype&&\2\.prototype\.render/g;
    const found = code.match(isClass) ?? [];
    if (found.length !== 1)
      throw new Error(`preact.mjs: expected one class-component test, found ${found.length}`);
    return code.replace(isClass, "$1=!1");
  },
};

/**
 * One rolldown pass. `define` adds to the build-time constants; `plugins` for
 * the parts' wrapping and the shared table; `page` for the files a page loads
 * (PAGE); `onLog` to leave out a warning that is known to be noise.
 * @param {{ input: string | Record<string, string>, external?: any, plugins?: any[], define?: Record<string, string>, page?: boolean, onLog?: any }} o
 */
const bundle = ({ input, external, plugins = [], define = {}, page = false, onLog }) =>
  rolldown({
    input,
    external,
    plugins: page ? [...plugins, functionComponentsOnly] : plugins,
    onLog,
    logLevel: "warn",
    // The compiler options come from scripts/transform.mjs, as for the tests.
    tsconfig: false,
    transform: { ...transform, define: { ...transform.define, ...define } },
    ...(page ? PAGE : {}),
  });

/**
 * rolldown's own minifier (Oxc), run on the files a page loads before terser's
 * pass: each finds what the other misses. `target` is the language the sources
 * already need (tsconfig.json's ES2022: class fields), so it writes nothing newer.
 */
const PAGE_MINIFY = { compress: { target: "es2022" } };

/**
 * Whether osdi-embed.js ends with its `//# sourceMappingURL` comment. Its map ships
 * either way (docs/hosting.md says how to use it); the comment would cost every
 * visitor 26 B gzip of the 18,944 B budget (test/build/size.test.ts), which has no
 * room for them. The parts and the ESM files carry theirs.
 */
const MAIN_MAP_COMMENT = false;

/**
 * The terser pass over every file a page loads: a second pass after rolldown's
 * own (PAGE_MINIFY), and ASCII-only output (a host or CDN that serves the files
 * without a charset still gets every language right). Of terser's "unsafe"
 * options, `unsafe` itself: it assumes built-ins are not replaced and writes
 * `String(x)` as `""+x`, which differs only for a Symbol (a setting is never one:
 * mount()'s types say so) and for an object with a valueOf of its own (none here);
 * and unsafe_arrows: a function expression that uses neither `this` nor
 * `arguments` becomes an arrow, which has no prototype and cannot be called with
 * `new`; nothing here does either to such a function (Preact tells a class
 * component by its prototype's render, and takes a function without one for a
 * function component). lhs_constants off keeps `x === "a"` as written, which
 * compresses better than `"a" === x` beside the rest. Writes dist/<file> and its
 * map, rolldown's map carried through terser's.
 * @param {string} file the name in dist/
 * @param {import("rolldown").OutputChunk} chunk rolldown's output, with its map
 * @param {boolean} [comment] end the file with its sourceMappingURL comment
 */
async function squeeze(file, chunk, comment = true) {
  const out = await minify(chunk.code, {
    ecma: 2020,
    compress: { passes: 3, ecma: 2020, unsafe: true, unsafe_arrows: true, lhs_constants: false },
    format: { ascii_only: true },
    sourceMap: {
      content: /** @type {any} */ (chunk.map),
      filename: file,
      includeSources: true,
      ...(comment ? { url: `${file}.map` } : {}),
    },
  });
  writeFileSync(`dist/${file}`, /** @type {string} */ (out.code));
  writeFileSync(`dist/${file}.map`, /** @type {string} */ (out.map));
}

/**
 * The declarations as Node's resolution (node16, nodenext) reads them: every relative
 * specifier names the file, `./x` becoming `./x.js` or `./x/index.js`, whichever
 * declaration exists. A specifier that names neither fails the build.
 * @param {string} dir
 */
function addExtensions(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
    // parentPath from Node 20.12 on; path before (the same folder).
    const file = join(entry.parentPath ?? /** @type {any} */ (entry).path, entry.name);
    const code = readFileSync(file, "utf8");
    const fixed = code.replace(
      /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bdeclare\s+module\s+)(["'])(\.{1,2}\/[^"']*|\.{1,2})\2/g,
      (_, before, quote, specifier) => {
        if (/\.(js|mjs|cjs|json)$/.test(specifier)) return `${before}${quote}${specifier}${quote}`;
        const target = resolve(dirname(file), specifier);
        let named;
        if (existsSync(`${target}.d.ts`)) named = `${specifier}.js`;
        else if (existsSync(join(target, "index.d.ts")))
          named = `${specifier.replace(/\/$/, "")}/index.js`;
        else throw new Error(`${relative(".", file)}: no declaration for "${specifier}"`);
        return `${before}${quote}${named}${quote}`;
      },
    );
    if (fixed !== code) writeFileSync(file, fixed);
  }
}

/** An SRI hash. @param {Buffer | string} data @param {"sha256" | "sha384"} [algorithm] */
const sri = (data, algorithm = "sha384") =>
  `${algorithm}-${createHash(algorithm).update(data).digest("base64")}`;

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist/demo", { recursive: true });

// 1. What osdi-embed.js is made of: the modules a part borrows instead of bundling.
const probe = await bundle({ input: "src/browser.ts", page: true });
const core = new Set((await probe.generate({ format: "iife" })).output[0].moduleIds);
await probe.close();

// 2. The parts. Each imports what it needs; what the core already has is read from
// the core's shared table instead, through the part's own <script> element (see
// src/files/parts.ts). A table of values without names: names in it would cost the
// core their bytes, and could not be minified. So each part is built twice: the
// first pass, with the core's modules as externals, tells which of their bindings
// it takes; once every part has said, each such binding has its slot in the table
// (step 3 fills it in), and the second pass, the one that ships, reads them by
// slot: the core's module becomes `const s12 = shared[12]; export { s12 as FIELDS };`.
/** @type {Record<string, string>} */
const integrity = {};
/** What the part's <script> carries (document.currentScript, read once as the file runs). */
const PART_SCRIPT = "\0osdi-part";
/** Its table, for a part that borrows from the core. */
const SHARED_TABLE = "\0osdi-shared";
/** The id of the stand-in for one of the core's modules. */
const FROM_CORE = "\0osdi-core:";
/** What each part takes from the core: part -> the core's module id -> binding names. @type {Map<string, Map<string, Set<string>>>} */
const taken = new Map();
/** The bindings the parts borrow, in the order of the table's slots: [module id, name]. @type {[string, string][]} */
const borrowed = [];
const slot = (/** @type {string} */ id, /** @type {string} */ name) =>
  borrowed.findIndex(([i, n]) => i === id && n === name);

/**
 * A part's build. Its entry hands the part's default export over; the core's modules
 * are externals in the first pass (`first`), stand-ins reading the table in the second.
 * @param {{ name: string, path: string }} part
 * @param {boolean} first
 */
const buildPart = (part, first) => {
  const entry = `\0part:${part.name}`;
  return bundle({
    input: entry,
    page: true,
    plugins: [
      /** @type {import("rolldown").Plugin} */ ({
        name: "osdi-embed-part",
        async resolveId(source, importer) {
          if (source === entry || source === PART_SCRIPT || source === SHARED_TABLE) return source;
          if (!importer) return null;
          const found = await this.resolve(source, importer, { skipSelf: true });
          if (found && !found.external && found.id !== part.path && core.has(found.id))
            return first ? { id: found.id, external: true } : FROM_CORE + found.id;
          return found;
        },
        load(id) {
          // What the part's file does when it runs: hands its default export over.
          if (id === entry)
            return `import { osdiPart } from ${JSON.stringify(PART_SCRIPT)};\nimport value from ${JSON.stringify(part.path)};\nosdiPart.define(value);\n`;
          if (id === PART_SCRIPT)
            return "export const osdiPart = document.currentScript.osdiPart;\n";
          if (id === SHARED_TABLE)
            return `import { osdiPart } from ${JSON.stringify(PART_SCRIPT)};\nexport const shared = osdiPart.shared;\n`;
          if (!id.startsWith(FROM_CORE)) return null;
          const from = id.slice(FROM_CORE.length);
          const names = [...(taken.get(part.name)?.get(from) ?? [])];
          return [
            `import { shared } from ${JSON.stringify(SHARED_TABLE)};`,
            ...names.map((name) => `const s${slot(from, name)} = shared[${slot(from, name)}];`),
            `export { ${names.map((name) => `s${slot(from, name)} as ${name}`).join(", ")} };`,
          ].join("\n");
        },
      }),
    ],
  });
};

// The first pass: a part's ESM form names every binding it takes from the core.
for (const part of PARTS) {
  const build = await buildPart(part, true);
  const esm = (await build.generate({ format: "es", paths: (id) => id })).output[0].code;
  await build.close();
  if (/^import\s+(?!\{)/m.test(esm))
    throw new Error(`src/parts/${part.name}: import only named bindings from the core`);
  /** @type {Map<string, Set<string>>} */
  const from = new Map();
  for (const [, list, id] of esm.matchAll(/^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";?$/gm)) {
    const names = from.get(resolve(id)) ?? new Set();
    for (const item of list.split(",")) names.add(item.trim().split(/\s+as\s+/)[0]);
    from.set(resolve(id), names);
  }
  taken.set(part.name, from);
  for (const [id, names] of from)
    for (const name of names) if (slot(id, name) < 0) borrowed.push([id, name]);
}
// The slots: in the order of the core's own modules, names in order within each (the
// same sources make the same files; beside their neighbours, the bindings compress best).
const modules = [...core];
borrowed.sort(
  ([a, x], [b, y]) => modules.indexOf(a) - modules.indexOf(b) || (x < y ? -1 : x > y ? 1 : 0),
);

// The second pass: the files that ship.
for (const part of PARTS) {
  const file = `osdi-embed-${part.name}.js`;
  const build = await buildPart(part, false);
  const iife = await build.generate({
    format: "iife",
    file: `dist/${file}`,
    sourcemap: true,
    minify: PAGE_MINIFY,
  });
  await build.close();
  await squeeze(file, iife.output[0]);
}

copyFileSync("src/styles/osdi-embed.css", "dist/osdi-embed.css");
/**
 * The hashes osdi-embed.js pins its siblings with: sha256, which SRI takes as it
 * takes sha384, and 20 characters shorter each. Hashes do not compress, so that is
 * about 160 B gzip of the script. (integrity.json and the docs give sha384.)
 */
/** @type {Record<string, string>} */
const pins = {};
for (const file of readdirSync("dist").filter((f) => /\.(js|css)$/.test(f))) {
  integrity[file] = sri(readFileSync(`dist/${file}`));
  pins[file] = sri(readFileSync(`dist/${file}`), "sha256");
}

// 3. osdi-embed.js, with the table of what the parts borrow (each binding in its
// slot) and the parts' hashes.
const table = [
  ...borrowed.map(([id, name], i) => `import { ${name} as s${i} } from ${JSON.stringify(id)};`),
  `export const shared = [${borrowed.map((_, i) => `s${i}`).join(", ")}];`,
].join("\n");
const main = await bundle({
  input: "src/browser.ts",
  define: { __INTEGRITY__: JSON.stringify(pins) },
  page: true,
  plugins: [
    {
      name: "osdi-embed-shared",
      load: (/** @type {string} */ id) => (id === SHARED ? table : null),
    },
  ],
});
const mainChunk = (
  await main.generate({
    format: "iife",
    file: "dist/osdi-embed.js",
    sourcemap: true,
    minify: PAGE_MINIFY,
  })
).output[0];
await main.close();
await squeeze("osdi-embed.js", mainChunk, MAIN_MAP_COMMENT);
integrity["osdi-embed.js"] = sri(readFileSync("dist/osdi-embed.js"));

// 4. The ESM build for bundlers: parts are chunks they split off; Preact and
// signals are the app's own, and so are React and Vue for the components
// (osdi-embed/react, osdi-embed/vue), built when their sources exist.
/** @type {Record<string, string>} */
const entries = { index: "src/index.ts", server: "src/server/index.ts" };
for (const name of ["react", "vue"])
  for (const ext of ["ts", "tsx"])
    if (existsSync(`src/${name}/index.${ext}`)) {
      entries[name] = `src/${name}/index.${ext}`;
      // The same component for servers, with the renderer (package.json's conditions).
      entries[`${name}-server`] = `src/${name}/server.${ext}`;
    }
const esm = await bundle({
  input: entries,
  external: [
    /^preact(\/|$)/,
    /^preact-render-to-string/,
    /^@preact\/signals/,
    /^react(-dom)?(\/|$)/,
    /^vue(\/|$)/,
  ],
  // "use client" opens src/react/index.ts, an entry: its output keeps it (a build test
  // checks), so rolldown's warning that a bundled module's directive may be lost is noise.
  onLog: (
    /** @type {string} */ level,
    /** @type {{ code?: string, id?: string }} */ log,
    /** @type {(level: string, log: object) => void} */ handler,
  ) => {
    if (
      log.code === "MODULE_LEVEL_DIRECTIVE" &&
      [resolve("src/react/index.ts"), resolve("src/react/server.ts")].includes(log.id ?? "")
    )
      return;
    handler(level, log);
  },
});
await esm.write({
  dir: "dist/esm",
  format: "es",
  // The components import the index, so its code moves to a chunk of its own (index.js
  // then re-exports it, with exactly the index's exports): core-<hash>.js, named so that
  // package.json's sideEffects can name it (the index registers the parts there).
  chunkFileNames: (chunk) =>
    chunk.moduleIds.includes(resolve("src/index.ts")) ? "core-[hash].js" : "[name]-[hash].js",
  // One core for every entry (the index, the components, the server renderer): the
  // widget's modules, and the index itself, whose entry file then only re-exports it.
  // Parts and the other languages' strings stay chunks of their own. (The bundler's
  // own helpers, for a part both imported and loaded on demand, join the core.)
  codeSplitting: {
    groups: [
      {
        name: "core",
        test: /[\\/]src[\\/](?!parts[\\/]|server[\\/]|react[\\/]|vue[\\/]|i18n[\\/](es|fr|de|pt|ar)\.ts)|rolldown[\\/]runtime/,
      },
    ],
  },
  sourcemap: true,
});
await esm.close();
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
  stdio: "inherit",
});
addExtensions("dist/types");

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

// 6. The WordPress plugin: wordpress/osdi-embed/ with these files in assets/.
// The plugin's copy of the contract, from src/ (committed; a build test checks it is current).
for (const file of await writeContract()) console.log(`${file}: written from src/`);
const pluginZip = writePluginZip();
console.log(`${pluginZip}: ${readFileSync(pluginZip).length} B`);

// 7. The static site: the docs and the snippet builder, for any host or GitHub Pages.
console.log(`${writeSite()}/: the docs and the snippet builder`);
