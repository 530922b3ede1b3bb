// @ts-check
// The bench's host pages, one per contender and widget count. They are written to
// bench/pages/ by scripts/bench.mjs (deterministically: the same inputs give the same
// files) and served with {{HELPER}} replaced by the sandbox's origin.
//
// All three contenders show the same petition form (first name, last name, email,
// ZIP) under the same headings, so the pages differ only in how the form gets there:
//   osdi  - the organizer's snippet: a container with data-osdi-* and a fallback link,
//           and one <script defer> tag; the widget adds its own stylesheet.
//   floor - the same form written by hand in static HTML, no script at all.
//   peer  - the same hand-written form, wired with jQuery 3.7.1 and jquery-osdi 1.0.0.
// floor and peer link dist/osdi-embed.css themselves and use its class names, so all
// three look alike and pay the same style and layout costs.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const COUNTS = [1, 20, 100];
export const CONTENDERS = /** @type {const} */ (["osdi", "floor", "peer"]);
/** @typedef {typeof CONTENDERS[number]} Contender */

const FIELDS = [
  // [osdi field, jquery-osdi input name, label, type, autocomplete, required]
  ["given_name", "given_name", "First name", "text", "given-name", false],
  ["family_name", "family_name", "Last name", "text", "family-name", false],
  ["email", "email_address", "Email", "email", "email", true],
  ["postal_code", "postal_code", "ZIP / Postal code", "text", "postal-code", false],
];

/** Action id of widget i (1-based) on the page with n widgets. */
export const actionId = (/** @type {number} */ n, /** @type {number} */ i) => `bench-${n}-${i}`;

/**
 * @param {{ title: string, head?: string, body: string, scripts?: string[] }} p
 */
function page({ title, head = "", body, scripts = [] }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="stylesheet" href="/assets/bench.css" />
${head}  </head>
  <body>
    <main>
      <h1>${title}</h1>
${body}    </main>
${scripts.map((s) => `    <script src="${s}" defer></script>\n`).join("")}  </body>
</html>
`;
}

/** The text around each form, the same on every page. */
const section = (/** @type {number} */ i, /** @type {string} */ inner) => `      <section>
        <h2>Petition ${i}</h2>
        <p>Tell the council to fund repairs in district ${i}.</p>
${inner}      </section>
`;

/**
 * The organizer's snippet. `sized`: the container (and so the fallback) keeps the
 * widget's height, so mounting moves nothing below it.
 * @param {number} n @param {number} i @param {boolean} sized
 */
const osdiWidget = (n, i, sized) => `        <div
          class="${sized ? "bench-slot" : "bench-unsized"}"
          data-osdi-action="{{HELPER}}/api/v2/petitions/${actionId(n, i)}"
          data-osdi-fields="given_name family_name email postal_code"
          data-osdi-tags="bench"
        >
          <a href="https://actionnetwork.org/petitions/${actionId(n, i)}">Sign petition ${i}</a>
        </div>
`;

/**
 * The same form by hand, in the widget's own markup and class names; input names are
 * the ones jquery-osdi reads (email_address). The floor posts it as a plain form.
 * @param {number} n @param {number} i
 */
function handForm(n, i) {
  const fields = FIELDS.map(([k, name, label, type, ac, req]) => {
    const id = `f${i}-${k}`;
    const mark = req ? '<span class="osdi-embed__required"> (required)</span>' : "";
    return `            <div class="osdi-embed__field osdi-embed__field--${k}"><label class="osdi-embed__label" for="${id}">${label}${mark}</label><input id="${id}" name="${name}" class="osdi-embed__input" type="${type}" autocomplete="${ac}" maxlength="250"${req ? " required" : ""} /></div>\n`;
  }).join("");
  return `        <div class="osdi-embed osdi-embed--petition">
          <form class="osdi-embed__form" action="{{HELPER}}/api/v2/petitions/${actionId(n, i)}/signatures" method="post">
${fields}            <button class="osdi-embed__button" type="submit">Sign</button>
          </form>
          <div class="osdi-embed__status" role="status"></div>
        </div>
`;
}

const CSS_LINK = '    <link rel="stylesheet" href="/dist/osdi-embed.css" />\n';

/**
 * @param {Contender | "osdi-unsized"} kind
 * @param {number} n
 */
export function renderPage(kind, n) {
  const range = Array.from({ length: n }, (_, j) => j + 1);
  switch (kind) {
    case "osdi":
    case "osdi-unsized":
      return page({
        title: `osdi-embed, ${n} petition${n > 1 ? "s" : ""}`,
        body: range.map((i) => section(i, osdiWidget(n, i, kind === "osdi"))).join(""),
        scripts: ["/dist/osdi-embed.js"],
      });
    case "floor":
      return page({
        title: `Static HTML, ${n} petition${n > 1 ? "s" : ""}`,
        head: CSS_LINK,
        body: range.map((i) => section(i, handForm(n, i))).join(""),
      });
    case "peer":
      return page({
        title: `jQuery and jquery-osdi, ${n} petition${n > 1 ? "s" : ""}`,
        head: CSS_LINK,
        body: range.map((i) => section(i, handForm(n, i))).join(""),
        scripts: [
          "/vendor/jquery/jquery.min.js",
          "/vendor/jquery-osdi/jquery.osdi.min.js",
          "/assets/peer.js",
        ],
      });
  }
}

/** File name of a bench page. */
export const pageName = (/** @type {string} */ kind, /** @type {number} */ n) =>
  `${kind}-${n}.html`;

/**
 * Writes every bench page to dir, and bench.css with the sized fallback's height.
 * @param {string} dir
 * @param {{ assets: string, slotHeight: number, unsized: number[] }} o
 */
export function writePages(dir, { assets, slotHeight, unsized }) {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith(".html")) rmSync(join(dir, f));
  for (const kind of CONTENDERS)
    for (const n of COUNTS) writeFileSync(join(dir, pageName(kind, n)), renderPage(kind, n));
  for (const n of unsized)
    writeFileSync(join(dir, pageName("osdi-unsized", n)), renderPage("osdi-unsized", n));
  writeFileSync(
    join(assets, "bench.css"),
    `/* Written by scripts/bench.mjs. The page's own styles, the same for every contender. */
body {
  margin: 0 auto;
  max-width: 44rem;
  padding: 1rem;
  font-family: system-ui, sans-serif;
  font-size: 16px;
  line-height: 1.5;
}
/* The fallback is sized to the mounted widget (${slotHeight}px, measured by the bench),
   as an organizer would, so mounting shifts nothing. */
.bench-slot {
  min-height: ${slotHeight}px;
}
`,
  );
}

/**
 * The osdi-embed pages again in dir/v/<slug>/, loading the script (and so its parts
 * and stylesheet) from /v/<slug>/dist/ instead of /dist/: a variant of the bundle
 * (bench/variants.mjs) served exactly as the shipped one is.
 * @param {string} dir @param {string} slug @param {number[]} counts
 */
export function writeVariantPages(dir, slug, counts) {
  const sub = join(dir, "v", slug);
  rmSync(sub, { recursive: true, force: true });
  mkdirSync(sub, { recursive: true });
  for (const n of counts)
    writeFileSync(
      join(sub, pageName("osdi", n)),
      renderPage("osdi", n).replaceAll('"/dist/', `"/v/${slug}/dist/`),
    );
}
