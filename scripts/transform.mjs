// @ts-check
// How the sources compile, for the build (scripts/build.mjs) and the tests (vite.config.ts)
// alike: JSX as Preact's classic h() calls, and the version stamped from package.json.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

export const transform = {
  jsx: { runtime: /** @type {const} */ ("classic"), pragma: "h", pragmaFrag: "Fragment" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
};
