// dist-site/ (scripts/site.mjs, written by npm run build): the docs and the snippet
// builder as a static site. Every relative link and asset resolves to a file of the site,
// every #fragment to an id of its page, nothing is addressed from the host's root (GitHub
// Pages serves a project under /<name>/), links to other files of the repository go to
// files that exist, and the builder needs no sandbox.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { pages, REPOSITORY, SITE, siteLink } from "../../scripts/site.mjs";

const files = (readdirSync(SITE, { recursive: true }) as string[]).map((f) =>
  f.replaceAll("\\", "/"),
);
const html = files.filter((f) => f.endsWith(".html"));
const read = (file: string) => readFileSync(`${SITE}/${file}`, "utf8");
const ids = (text: string) => new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
const addresses = (text: string) =>
  [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));

describe("dist-site/", () => {
  it("has a page for the README and for each of docs/*.md, and the builder with what it loads", () => {
    const expected = Object.values(pages());
    expect(expected).toContain("index.html");
    expect(expected).toContain("docs/reference.html");
    for (const page of [...expected, "builder.html", "builder.js", "docs.css", ".nojekyll"])
      expect(files, page).toContain(page);
    for (const name of readdirSync("docs").filter((n) => n.endsWith(".md")))
      expect(files).toContain(`docs/${name.replace(/\.md$/, ".html")}`);
    for (const name of readdirSync("dist").filter((n) => /^osdi-embed[\w.-]*\.(js|css)$/.test(n)))
      expect(files).toContain(`osdi-embed/${name}`);
  });

  it("links only to files and ids that exist, never from the host's root", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of html) {
      const text = read(page);
      for (const address of addresses(text)) {
        if (/^(https?:|mailto:)/.test(address)) continue;
        checked++;
        if (address.startsWith("/")) {
          broken.push(`${page}: ${address} (from the host's root)`);
          continue;
        }
        const [path = "", fragment] = address.split("#", 2);
        const target = path === "" ? page : posix.normalize(posix.join(posix.dirname(page), path));
        if (!files.includes(target)) broken.push(`${page}: ${address} (no ${target})`);
        else if (fragment && target.endsWith(".html") && !ids(read(target)).has(fragment))
          broken.push(`${page}: ${address} (no id "${fragment}" in ${target})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it("sends a link to another file of the repository to that file on GitHub, and it exists", () => {
    const missing: string[] = [];
    const prefix = `${REPOSITORY}/`;
    let found = 0;
    for (const page of html)
      for (const address of addresses(read(page))) {
        if (!address.startsWith(prefix)) continue;
        const match = /^(?:blob|tree)\/main\/([^#]+)/.exec(address.slice(prefix.length));
        if (!match) continue;
        found++;
        if (!existsSync(match[1]!)) missing.push(`${page}: ${address}`);
      }
    expect(missing).toEqual([]);
    // The README's links to CONTRIBUTING.md and the like.
    expect(found).toBeGreaterThan(3);
    expect(read("index.html")).toContain(`href="${REPOSITORY}/blob/main/CONTRIBUTING.md"`);
  });

  it("rewrites a page's links as the site needs them", () => {
    const rendered = pages();
    expect(siteLink("docs/reference.md#events", "README.md", rendered)).toBe(
      "docs/reference.html#events",
    );
    expect(siteLink("../README.md#the-snippet", "docs/recipes.md", rendered)).toBe(
      "../index.html#the-snippet",
    );
    expect(siteLink("privacy.md", "docs/recipes.md", rendered)).toBe("privacy.html");
    expect(siteLink("#errors", "docs/command.md", rendered)).toBe("#errors");
    expect(siteLink("../sandbox/README.md#time-zones", "docs/command.md", rendered)).toBe(
      `${REPOSITORY}/blob/main/sandbox/README.md#time-zones`,
    );
    expect(siteLink("../e2e/", "docs/recipes.md", rendered)).toBe(`${REPOSITORY}/tree/main/e2e`);
    expect(siteLink("https://example.org/a.md", "README.md", rendered)).toBe(
      "https://example.org/a.md",
    );
  });

  it("gives the headings GitHub's ids, which the docs' anchors use", () => {
    const reference = ids(read("docs/reference.html"));
    for (const id of ["data-osdi-action", "data-osdi-class-part", "esm-build-bundlers", "events"])
      expect(reference).toContain(id);
    expect(ids(read("docs/recipes.html"))).toContain("the-plugin-recommended");
  });

  it("has a builder that needs no sandbox: nothing on this machine pre-filled or linked", () => {
    const builder = read("builder.html");
    expect(builder).toContain('<script src="osdi-embed/osdi-embed.js" defer></script>');
    expect(builder).toContain('<script src="builder.js" defer></script>');
    // Only the page's security policy names this machine (a sandbox an organizer runs).
    expect(builder.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, "")).not.toMatch(
      /127\.0\.0\.1|localhost|4010/,
    );
    expect(builder).toMatch(/id="b-action"[^>]*value=""/);
  });
});
