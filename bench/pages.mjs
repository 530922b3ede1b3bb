// @ts-check
// The host pages, one per contender and form count, written to bench/pages/ and served
// with {{HELPER}} replaced by the sandbox's origin. The same petition form under the same
// headings on all: the README's snippet (osdi), the form in the HTML (html: osdi-embed/server's
// markup, rendered with the sandbox's origin itself, since its stamp covers the action URL),
// by hand (floor), by hand + jquery-osdi (peer).

import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CONTENDERS = /** @type {const} */ (["osdi", "html", "floor", "peer"]);
/** @typedef {typeof CONTENDERS[number]} Contender */
/** The contenders whose forms osdi-embed's script brings to life: each sends osdi:ready. */
export const WIDGETS = /** @type {readonly Contender[]} */ (["osdi", "html"]);

/**
 * What the HTML-first pages are made with: the helper sandbox's origin (known once it has
 * started) and renderContainer of the measured build's osdi-embed/server.
 * @typedef {{ helper: string, renderContainer: (settings: object,
 *   options: { fallbackHref?: string, lang?: string, id?: string }) => string }} Server
 */

const FIELDS = [
  // [osdi field, jquery-osdi input name, label, type, autocomplete, required]
  ["given_name", "given_name", "First name", "text", "given-name", false],
  ["family_name", "family_name", "Last name", "text", "family-name", false],
  ["email", "email_address", "Email", "email", "email", true],
  ["postal_code", "postal_code", "ZIP / Postal code", "text", "postal-code", false],
];

/** Action id of form i (1-based) on the page with n forms. */
const actionId = (/** @type {number} */ n, /** @type {number} */ i) => `bench-${n}-${i}`;
/** The action's public page: the snippet's fallback link, where the HTML-first form goes without the script. */
const publicPage = (/** @type {number} */ n, /** @type {number} */ i) =>
  `https://actionnetwork.org/petitions/${actionId(n, i)}`;

/**
 * The README's snippet; the class gives the container the widget's height (the
 * README's advice), so mounting moves nothing below it.
 */
const snippet = (/** @type {number} */ n, /** @type {number} */ i) => `        <div
          class="bench-slot"
          data-osdi-action="{{HELPER}}/api/v2/petitions/${actionId(n, i)}"
          data-osdi-fields="given_name family_name email postal_code"
          data-osdi-tags="bench"
        >
          <a href="${publicPage(n, i)}">Sign petition ${i}</a>
        </div>
`;

/**
 * The same form by hand, in the widget's markup and class names; the input names are
 * those jquery-osdi reads (email_address). The floor posts it as a plain form.
 */
function handForm(/** @type {number} */ n, /** @type {number} */ i) {
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

/**
 * The form in the HTML: the same attributes as the snippet, the widget's markup inside,
 * as osdi-embed/server renders it (no class, so no min-height: nothing is there to move).
 * @param {number} n @param {number} i @param {Server} [server]
 */
function inHtml(n, i, server) {
  if (!server)
    throw new Error("the HTML-first pages need the sandbox's origin and the server build");
  const container = server.renderContainer(
    {
      action: `${server.helper}/api/v2/petitions/${actionId(n, i)}`,
      fields: FIELDS.map(([field]) => field),
      tags: ["bench"],
    },
    { fallbackHref: publicPage(n, i), lang: "en", id: `osdi-bench-${i}` },
  );
  return `        ${container}\n`;
}

/** @type {Record<Contender, { title: string, css: boolean, form: (n: number, i: number, server?: Server) => string, scripts: string[] }>} */
const PAGES = {
  osdi: { title: "osdi-embed", css: true, form: snippet, scripts: ["/dist/osdi-embed.js"] },
  html: {
    title: "The form in the HTML",
    css: true,
    form: inHtml,
    scripts: ["/dist/osdi-embed.js"],
  },
  floor: { title: "Static HTML", css: true, form: handForm, scripts: [] },
  peer: {
    title: "jQuery and jquery-osdi",
    css: true,
    form: handForm,
    scripts: [
      "/vendor/jquery/jquery.min.js",
      "/vendor/jquery-osdi/jquery.osdi.min.js",
      "/assets/peer.js",
    ],
  },
};

/** @param {Contender} kind @param {number} n @param {Server} [server] */
export function renderPage(kind, n, server) {
  const { css, form, scripts } = PAGES[kind];
  const title = `${PAGES[kind].title}, ${n} petition${n > 1 ? "s" : ""}`;
  const sections = Array.from({ length: n }, (_, j) => j + 1).map(
    (i) => `      <section>
        <h2>Petition ${i}</h2>
        <p>Tell the council to fund repairs in district ${i}.</p>
${form(n, i, server)}      </section>
`,
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
${css ? '    <link rel="stylesheet" href="/dist/osdi-embed.css" />\n' : ""}    <title>${title}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="stylesheet" href="/bench.css" />
  </head>
  <body>
    <main>
      <h1>${title}</h1>
${sections.join("")}    </main>
${scripts.map((s) => `    <script src="${s}" defer></script>\n`).join("")}  </body>
</html>
`;
}

export const pageName = (/** @type {string} */ kind, /** @type {number} */ n) =>
  `${kind}-${n}.html`;

/**
 * Writes the pages for these counts to dir, and dir/bench.css (the host page's own
 * style, the same for all) with the fallback's min-height: the mounted widget's height
 * at each viewport width the bench uses (widest first, narrower ones in media queries).
 * @param {string} dir @param {number[]} counts @param {Record<number, number>} heights
 * @param {Server} server
 */
export function writePages(dir, counts, heights, server) {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true });
  for (const kind of CONTENDERS)
    for (const n of counts)
      writeFileSync(join(dir, pageName(kind, n)), renderPage(kind, n, server));
  const slot = Object.entries(heights)
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(
      ([w, h], i) =>
        (i ? `@media (max-width: ${w}px) { ` : "") +
        `.bench-slot { min-height: ${h}px; }${i ? " }" : ""}`,
    )
    .join("\n");
  writeFileSync(
    join(dir, "bench.css"),
    `body { margin: 0 auto; max-width: 44rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; }
/* The fallback has the mounted widget's height, as the README tells organizers. */
${slot}
`,
  );
}
