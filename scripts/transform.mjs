// @ts-check
// How the sources compile, for the build (scripts/build.mjs) and the tests (vite.config.ts)
// alike: JSX as Preact's classic h() calls, the version stamped from package.json, and
// no class field declared for a field without an initializer.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

export const transform = {
  jsx: { runtime: /** @type {const} */ ("classic"), pragma: "h", pragmaFrag: "Fragment" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // A parameter property (`constructor(readonly code: string)`) is assigned in the
  // constructor either way; under ES2022 it would also be declared as a class field
  // first (`code;`), which only defines it as undefined until that assignment (and
  // would pass over a setter of that name up the prototype chain: Error has none).
  // Bytes for nothing: AuthorError's and SendError's cost osdi-embed.js 16 B gzip.
  // A field declared without an initializer and never assigned is absent, not undefined.
  typescript: { removeClassFieldsWithoutInitializer: true },
};
