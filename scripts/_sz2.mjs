import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "vite";

await build({
  configFile: false,
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  define: { __VERSION__: '"x"' },
  build: {
    outDir: "/tmp/sz/out2",
    emptyOutDir: true,
    minify: true,
    target: "es2020",
    lib: { entry: "src/browser.ts", formats: ["es"], fileName: () => "a.js" },
    rolldownOptions: { external: [/^preact/, /^@preact/] },
  },
});
const d = readFileSync("/tmp/sz/out2/a.js", "utf8");
console.log("ours", d.length, gzipSync(d, { level: 9 }).length);
