// @ts-check
// The CDN snippet of docs/hosting.md, from package.json's version and the hashes of
// dist/integrity.json (so run `npm run build` first):
//   node scripts/cdn.mjs           prints the block
//   node scripts/cdn.mjs --write   rewrites the marked block in docs/hosting.md
//   node scripts/cdn.mjs --check   exits 1 when the block is not what --write would write
// prepublishOnly runs --check: the published files must have the hashes the docs give.
// npm test does not, as the hashes change with every change to the code.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const DOC = "docs/hosting.md";
export const START = "<!-- cdn:start (node scripts/cdn.mjs --write) -->";
export const END = "<!-- cdn:end -->";
/** The npm CDNs, each with the folder of a published version's files. */
export const CDNS = {
  jsDelivr: (/** @type {string} */ version) =>
    `https://cdn.jsdelivr.net/npm/osdi-embed@${version}/dist/`,
  unpkg: (/** @type {string} */ version) => `https://unpkg.com/osdi-embed@${version}/dist/`,
};

/**
 * The block between the markers: for each CDN, the stylesheet link and the script tag
 * with their SRI hashes.
 * @param {string} version
 * @param {Record<string, string>} integrity dist/integrity.json
 */
export function block(version, integrity) {
  for (const file of ["osdi-embed.js", "osdi-embed.css"])
    if (!/^sha384-[A-Za-z0-9+/]{64}$/.test(integrity[file] ?? ""))
      throw new Error(`dist/integrity.json has no sha384 for ${file}: run npm run build`);
  const snippets = Object.entries(CDNS).map(([name, folder]) =>
    [
      `${name}:`,
      "",
      "```html",
      `<link rel="stylesheet" href="${folder(version)}osdi-embed.css"`,
      `      integrity="${integrity["osdi-embed.css"]}" crossorigin="anonymous">`,
      `<script src="${folder(version)}osdi-embed.js"`,
      `        integrity="${integrity["osdi-embed.js"]}" crossorigin="anonymous" defer></script>`,
      "```",
    ].join("\n"),
  );
  return [START, ...snippets, END].join("\n\n");
}

/**
 * The document with its marked block replaced.
 * @param {string} doc
 * @param {string} replacement the new block, markers included
 */
export function update(doc, replacement) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start || doc.indexOf(START, start + 1) >= 0)
    throw new Error(`${DOC} needs exactly one block from ${START} to ${END}`);
  return doc.slice(0, start) + replacement + doc.slice(end + END.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  const integrity = JSON.parse(readFileSync("dist/integrity.json", "utf8"));
  const fresh = block(version, integrity);
  const doc = readFileSync(DOC, "utf8");
  const updated = update(doc, fresh);
  const mode = process.argv[2];
  if (mode === "--write") {
    if (updated !== doc) writeFileSync(DOC, updated);
    console.log(`${DOC}: the CDN block is for osdi-embed@${version}`);
  } else if (mode === "--check") {
    if (updated !== doc) {
      console.error(
        `${DOC}: the CDN block is not for osdi-embed@${version} as built (its version or SRI hashes differ).\n` +
          "Run `npm run build && node scripts/cdn.mjs --write`, and commit docs/hosting.md.",
      );
      process.exit(1);
    }
    console.log(`${DOC}: the CDN block matches osdi-embed@${version} and dist/integrity.json`);
  } else if (mode === undefined) console.log(fresh);
  else {
    console.error("usage: node scripts/cdn.mjs [--write | --check]");
    process.exit(2);
  }
}
