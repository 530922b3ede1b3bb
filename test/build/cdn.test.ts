/**
 * scripts/cdn.mjs, which writes the CDN snippet of docs/hosting.md. Whether the
 * block's hashes are the current build's is `node scripts/cdn.mjs --check`, run by
 * prepublishOnly, not here: they change with every change to the code.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { block, END, START, update } from "../../scripts/cdn.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const integrity: Record<string, string> = JSON.parse(readFileSync("dist/integrity.json", "utf8"));
const doc = readFileSync("docs/hosting.md", "utf8");
/** Any sha384 hash, as the same text. */
const masked = (s: string) => s.replace(/sha384-[A-Za-z0-9+/]{64}/g, "sha384-…");

describe("the CDN block", () => {
  const fresh = block(pkg.version, integrity);

  it("gives jsDelivr's and unpkg's addresses of this version, each file with its hash", () => {
    for (const host of ["https://cdn.jsdelivr.net/npm/", "https://unpkg.com/"]) {
      const folder = `${host}osdi-embed@${pkg.version}/dist/`;
      expect(fresh).toContain(
        `<script src="${folder}osdi-embed.js"\n        integrity="${integrity["osdi-embed.js"]}" crossorigin="anonymous" defer></script>`,
      );
      expect(fresh).toContain(
        `<link rel="stylesheet" href="${folder}osdi-embed.css"\n      integrity="${integrity["osdi-embed.css"]}" crossorigin="anonymous">`,
      );
    }
    expect(fresh.startsWith(START) && fresh.endsWith(END)).toBe(true);
  });

  it("is in docs/hosting.md once, for this version (its hashes aside)", () => {
    expect(doc.split(START)).toHaveLength(2);
    expect(masked(update(doc, fresh))).toBe(masked(doc));
  });

  it("replaces only what is between the markers", () => {
    const stale = `# Title\n\nbefore\n\n${START}\nold\n${END}\n\nafter\n`;
    expect(update(stale, fresh)).toBe(`# Title\n\nbefore\n\n${fresh}\n\nafter\n`);
    expect(update(update(stale, fresh), fresh)).toBe(update(stale, fresh));
  });

  it("refuses a document without the block, or with two", () => {
    expect(() => update("no block", fresh)).toThrow(/exactly one block/);
    expect(() => update(`${START}\n${END}\n${START}\n${END}`, fresh)).toThrow(/exactly one block/);
  });

  it("refuses a build without hashes", () => {
    expect(() => block(pkg.version, {})).toThrow(/npm run build/);
  });
});
