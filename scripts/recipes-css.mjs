// @ts-check
// Compiles the Tailwind recipe page's CSS with @tailwindcss/cli, as a Tailwind site
// builds its own, into e2e/pages/recipes/tailwind.generated.css (git-ignored).
// e2e/recipes.spec.ts runs it before its tests; `node scripts/recipes-css.mjs` by hand.
import { execFile } from "node:child_process";
import { rename } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const page = "e2e/pages/recipes/tailwind.html";
export const TAILWIND_CSS = "e2e/pages/recipes/tailwind.generated.css";

/**
 * The site's input stylesheet, given on stdin (a .css file of it would hold Tailwind's
 * own syntax, which the linter does not parse). Only the recipe page is scanned: its
 * own form's classes and the widget's, which the page gives in <meta
 * name="osdi-embed-class-…"> tags that the scanner reads as any other text.
 */
const INPUT = `@import "tailwindcss" source(none);\n@source "./${page}";\n`;

/** Builds TAILWIND_CSS; written under another name and renamed, so a reader never sees half. */
export async function buildTailwind() {
  const partial = `${TAILWIND_CSS}.${process.pid}.tmp`;
  const cli = promisify(execFile)(
    process.execPath,
    [
      "node_modules/@tailwindcss/cli/dist/index.mjs",
      "--input",
      "-",
      "--output",
      partial,
      "--silent",
    ],
    { cwd: root },
  );
  cli.child.stdin?.end(INPUT);
  await cli;
  await rename(`${root}/${partial}`, `${root}/${TAILWIND_CSS}`);
  return TAILWIND_CSS;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  console.log(await buildTailwind());
