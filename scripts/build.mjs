// @ts-check
// Builds dist/: the IIFE bundle for a <script> tag, the ESM build with types for
// bundlers, the stylesheet, and an SRI hash for each shipped file; prints sizes.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify as terser } from "terser";
import { build } from "vite";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const oxc = {
  jsx: { runtime: /** @type {const} */ ("classic"), pragma: "h", pragmaFrag: "Fragment" },
};
const define = { __VERSION__: JSON.stringify(pkg.version) };
const minify = true;

rmSync("dist", { recursive: true, force: true });

await build({
  configFile: false,
  logLevel: "warn",
  oxc,
  define,
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    minify,
    sourcemap: false,
    lib: {
      entry: "src/browser.ts",
      formats: ["iife"],
      name: "OsdiEmbedBundle",
      fileName: () => "osdi-embed.js",
    },
  },
});

// Parts: files beside the bundle that it loads only when a page needs them.
for (const file of readdirSync("src/parts")) {
  const name = file.replace(/\.tsx?$/, "");
  await build({
    configFile: false,
    logLevel: "warn",
    oxc,
    define,
    build: {
      outDir: "dist",
      emptyOutDir: false,
      target: "es2022",
      minify: true,
      lib: {
        entry: `src/parts/${file}`,
        formats: ["iife"],
        name: "OsdiEmbedPart",
        fileName: () => `osdi-embed-${name}.js`,
      },
    },
  });
}

// --- Snippet builder (demo/builder.html): dist/demo/builder.js, for the demo only. ---
// Not part of the widget: organizers never load it. It bundles the widget's own
// parser and help texts, so it checks attributes exactly as the widget does.
await build({
  configFile: false,
  logLevel: "warn",
  oxc,
  define,
  build: {
    outDir: "dist/demo",
    emptyOutDir: false,
    target: "es2022",
    minify: true,
    lib: {
      entry: "src/builder/main.ts",
      formats: ["iife"],
      name: "OsdiEmbedBuilder",
      fileName: () => "builder.js",
    },
  },
});
// --- end of the snippet builder ---

await build({
  configFile: false,
  logLevel: "warn",
  oxc,
  define,
  build: {
    outDir: "dist/esm",
    emptyOutDir: false,
    target: "es2022",
    minify: false,
    lib: { entry: "src/index.ts", formats: ["es"], fileName: () => "index.js" },
    rolldownOptions: { external: [/^preact(\/|$)/, /^@preact\/signals/] },
  },
});

mkdirSync("dist", { recursive: true });
copyFileSync("src/styles/osdi-embed.css", "dist/osdi-embed.css");
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
  stdio: "inherit",
});

// A second pass with terser over each shipped script takes about 60 bytes gzip more
// off the bundle than Vite's minifier alone: every visitor pays for those bytes.
for (const file of readdirSync("dist").filter((f) => f.endsWith(".js"))) {
  const code = readFileSync(`dist/${file}`, "utf8");
  // ASCII only: a host page or CDN that serves the files without a charset still gets
  // every language right.
  const out = await terser(code, {
    ecma: 2020,
    compress: { passes: 3, ecma: 2020 },
    format: { ascii_only: true },
  });
  writeFileSync(`dist/${file}`, /** @type {string} */ (out.code));
}

/** @type {Record<string, string>} */
const integrity = {};
for (const file of readdirSync("dist").filter((f) => /\.(js|css)$/.test(f))) {
  const data = readFileSync(`dist/${file}`);
  integrity[file] = `sha384-${createHash("sha384").update(data).digest("base64")}`;
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
  console.log(`dist/${file}: ${data.length} B raw, ${gz} B gzip -9, ${br} B brotli`);
}
writeFileSync("dist/integrity.json", `${JSON.stringify(integrity, null, 2)}\n`);
