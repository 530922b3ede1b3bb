/**
 * What ships in dist/ (after `npm run build`) and the sources it comes from: no
 * credentials, no code from strings, no HTML from strings, requests only through
 * the transport and without credentials, nothing stored but the outbox, and SRI
 * hashes that match the files.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** Every file under dir, as paths that start with dir. */
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

/** The files a page loads: the script, its parts and the stylesheet, at the top of dist/. */
const topLevel = readdirSync("dist").filter((f) => /\.(js|css)$/.test(f));
/** ...and the ESM build for bundlers. */
const esm = walk("dist/esm").filter((f) => f.endsWith(".js"));
const shipped = [...topLevel.map((f) => join("dist", f)), ...esm];
const scriptsShipped = shipped.filter((f) => f.endsWith(".js"));
const text = (file: string) => readFileSync(file, "utf8");

const MAIN = "dist/osdi-embed.js";
const main = text(MAIN);

const sources = walk("src").filter((f) => /\.(ts|tsx|js|mjs|css)$/.test(f));
const TRANSPORT = join("src", "transport.ts");

/**
 * The one place each component puts HTML into its element: the container's inside
 * from src/react/container.ts, which is the renderer's markup (every value escaped)
 * or a fallback link it escapes itself. Nowhere else, once each.
 */
const HTML_INTO: Record<string, [word: string, use: RegExp]> = {
  [join("src", "react", "index.ts")]: [
    "dangerouslySetInnerHTML",
    /dangerouslySetInnerHTML: \{ __html: html \}/,
  ],
  [join("src", "vue", "index.ts")]: ["innerHTML", /innerHTML: view\.value\.html,/],
  [join("dist", "esm", "react.js")]: ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
  [join("dist", "esm", "vue.js")]: ["innerHTML", /innerHTML/],
};

/** Occurrences of a literal in s. */
const count = (s: string, literal: string) => s.split(literal).length - 1;

/**
 * The argument list of every call `name(...)` in code (the text between the
 * parentheses), found by bracket depth; good enough for our sources and the
 * minified output, whose strings hold no unbalanced parentheses near a fetch.
 */
function calls(code: string, name: string): string[] {
  const found: string[] = [];
  const re = new RegExp(`(?<![\\w$])${name}\\s*\\(`, "g");
  for (const m of code.matchAll(re)) {
    const start = m.index + m[0].length;
    let depth = 1;
    let i = start;
    while (i < code.length && depth > 0) {
      if (code[i] === "(") depth++;
      else if (code[i] === ")") depth--;
      i++;
    }
    found.push(code.slice(start, i - 1));
  }
  return found;
}

describe("the build", () => {
  it("ships the script, its parts, the stylesheet and the ESM build", () => {
    for (const f of [
      "osdi-embed.js",
      "osdi-embed-help.js",
      "osdi-embed-countries.js",
      "osdi-embed.css",
    ])
      expect(topLevel).toContain(f);
    // Sending and the outbox's delivery are in osdi-embed.js now, no longer parts of their own.
    for (const gone of ["osdi-embed-outbox.js", "osdi-embed-submit.js"])
      expect(topLevel).not.toContain(gone);
    expect(esm).toContain(join("dist", "esm", "index.js"));
  });
});

describe.each(shipped)("%s", (file) => {
  const code = text(file);

  it.each([
    // Header names are case-insensitive: no spelling of the token header ships.
    ["OSDI-API-Token", /osdi-api-token/i],
    ["api_key", /api_key/i],
    ["eval(", /(?<![\w$])eval\s*\(/],
    ["new Function", /\bnew\s+Function\b/],
    ["document.write", /document\.write/],
  ])("contains no %s", (_, pattern) => {
    expect(code).not.toMatch(pattern);
  });

  it("contains no credentials: include and no sessionStorage, indexedDB or cookies", () => {
    expect(code).not.toMatch(/credentials\s*:\s*["'`](include|same-origin)/);
    expect(code).not.toMatch(/sessionStorage|indexedDB|document\.cookie|cookieStore/);
  });

  it("sets no innerHTML and uses no dangerouslySetInnerHTML beyond Preact's own renderer", () => {
    // Preact's diff (bundled into osdi-embed.js only; the ESM build leaves Preact
    // external) handles a `dangerouslySetInnerHTML` prop, which no source of ours
    // passes (see below). Nothing else may add either word.
    const preact = file === MAIN ? text("node_modules/preact/dist/preact.module.js") : "";
    const [allowed] = HTML_INTO[file] ?? [];
    for (const word of ["innerHTML", "dangerouslySetInnerHTML"])
      expect(count(code, word), `${word} in ${file}`).toBeLessThanOrEqual(
        count(preact, word) + (word === allowed ? 1 : 0),
      );
  });

  if (file.endsWith(".js"))
    it("sends every fetch without credentials", () => {
      for (const args of calls(code, "fetch"))
        expect(args, `a fetch in ${file}`).toMatch(/credentials\s*:\s*["'`]omit["'`]/);
    });

  if (file.endsWith(".css"))
    it("loads nothing from anywhere", () => {
      expect(code).not.toMatch(/@import|url\s*\(/i);
    });
});

describe("the main bundle", () => {
  it("reads and writes no cookies", () => {
    expect(main).not.toContain("document.cookie");
    expect(main).not.toContain("cookieStore");
  });

  it("makes no request but with fetch", () => {
    expect(main).not.toMatch(/XMLHttpRequest|sendBeacon|WebSocket|EventSource/);
  });
});

it("the outbox is in localStorage (so the storage check below is not vacuous)", () => {
  const uses = scriptsShipped.filter((f) => text(f).includes("localStorage"));
  expect(uses).toContain(MAIN);
  expect(main).toContain("osdi-embed:outbox");
});

describe.each(scriptsShipped)("storage in %s", (file) => {
  const code = text(file);

  it("touches localStorage only through the Storage API, and only the outbox's keys", () => {
    const uses = [...code.matchAll(/localStorage/g)];
    for (const use of uses) {
      const after = code.slice(use.index, use.index + 80);
      // Listing the outbox's keys (one per item) reads length and key(n).
      if (/^localStorage(\.length\b|\.key\()/.test(after)) continue;
      const m = after.match(/^localStorage\.(?:getItem|setItem|removeItem)\(\s*([^,)]+)/);
      expect(m, `${file}: ${after}`).not.toBeNull();
      const key = m![1].trim();
      if (/^`\$\{/.test(key)) {
        // `${KEY}:${id}`: the prefix is a variable holding the outbox key.
        const name = key.match(/^`\$\{([\w$]+)\}/)![1];
        const assigned = new RegExp(
          `(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*=\\s*["'\`]osdi-embed:outbox["'\`]`,
        );
        expect(code, `${file}: the key in ${after}`).toMatch(assigned);
      } else if (/^["'`]/.test(key)) {
        expect(key.slice(1, -1), `${file}: ${after}`).toMatch(/^osdi-embed:outbox(:|$)/);
      } else {
        // A minifier may keep the key in a variable: it must hold the outbox key, or be
        // a key listed from storage and kept only if it starts with the outbox's prefix.
        expect(key, `${file}: ${after}`).toMatch(/^[\w$]+$/);
        const name = key.replace(/\$/g, "\\$");
        const assigned = new RegExp(`(?<![\\w$.])${name}\\s*=\\s*["'\`]osdi-embed:outbox["'\`]`);
        const filtered = new RegExp(`(?<![\\w$.])${name}\\??\\.startsWith\\(`);
        expect(
          assigned.test(code) || (filtered.test(code) && code.includes("osdi-embed:outbox")),
          `${file}: the key in ${after}`,
        ).toBe(true);
      }
    }
  });
});

describe("the sources", () => {
  it.each(sources)("%s builds no HTML and no code from strings", (file) => {
    let code = text(file);
    // The component's one use, the container's escaped inside, taken out before the check.
    const [, use] = HTML_INTO[file] ?? [];
    if (use) {
      expect(code).toMatch(use);
      code = code.replace(use, "");
    }
    for (const [what, pattern] of [
      ["innerHTML", /innerHTML/],
      ["outerHTML =", /outerHTML\s*=/],
      ["insertAdjacentHTML", /insertAdjacentHTML/],
      ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
      ["document.write", /document\.write/],
      ["eval(", /(?<![\w$])eval\s*\(/],
      ["new Function", /\bnew\s+Function\b/],
    ] as const)
      expect(code, `${file} contains ${what}`).not.toMatch(pattern);
  });

  it("call fetch in src/transport.ts only, and make no other kind of request", () => {
    const fetching = sources.filter((f) => calls(text(f), "fetch").length > 0);
    expect(fetching).toEqual([TRANSPORT]);
    for (const file of sources)
      expect(text(file), file).not.toMatch(/XMLHttpRequest|sendBeacon|WebSocket|EventSource/);
  });

  it("send every fetch of the transport with credentials: omit", () => {
    const fetches = calls(text(TRANSPORT), "fetch");
    expect(fetches.length).toBeGreaterThan(0);
    for (const args of fetches) {
      expect(args).toMatch(/credentials:\s*"omit"/);
      expect(args).not.toMatch(/OSDI-API-Token|Authorization/i);
    }
  });
});

describe("dist/integrity.json", () => {
  const integrity: Record<string, string> = JSON.parse(text("dist/integrity.json"));

  it("has an entry for every shipped .js and .css file, and none for a file that is gone", () => {
    expect(Object.keys(integrity).sort()).toEqual([...topLevel].sort());
  });

  it.each(topLevel)("holds the sha384 of %s as it is now", (file) => {
    const path = join("dist", file);
    expect(existsSync(path)).toBe(true);
    const hash = `sha384-${createHash("sha384").update(readFileSync(path)).digest("base64")}`;
    expect(integrity[file]).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(integrity[file], `${relative(".", path)}: rebuild to refresh the hash`).toBe(hash);
  });
});
