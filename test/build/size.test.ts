import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/**
 * Every visitor of every page with a widget pays for these bytes (see docs/benchmarks.md).
 * The file carries the whole core job: mounting, validation, sending and the outbox.
 */
// 18,432 B until issue 14: the host's class names (+373 B) and the event's time zone
// (+110 B) came in, shorter console messages took 113 B off. On Slow 4G, 100 B is about
// half a millisecond (docs/benchmarks.md).
const BUDGET_GZIP = 18_944;

describe("the shipped bundle", () => {
  const js = readFileSync("dist/osdi-embed.js");

  it(`stays within ${BUDGET_GZIP} bytes gzip -9`, () => {
    const gz = gzipSync(js, { level: 9 }).length;
    const br = brotliCompressSync(js, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
    console.log(`dist/osdi-embed.js: ${js.length} B raw, ${gz} B gzip -9, ${br} B brotli`);
    expect(gz, `dist/osdi-embed.js is ${gz} B gzip -9`).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it("is one self-contained IIFE that sets window.OsdiEmbed", () => {
    const src = js.toString("utf8");
    expect(src).toMatch(/^(\(function\(|!function\()/);
    expect(src).not.toMatch(/\bimport\s*[({"']/);
    expect(src).toContain("OsdiEmbed");
  });

  it("does the core job itself: sending, retries and the outbox are in it, and no such part exists", () => {
    const src = js.toString("utf8");
    // The helper POST, the outbox's storage key and its cross-tab lock.
    expect(src).toContain('method:"POST"');
    expect(src).toContain("osdi-embed:outbox");
    expect(src).toContain("Retry-After");
    const files = readdirSync("dist");
    expect(files.filter((f) => /^osdi-embed-(submit|outbox)\.js$/.test(f))).toEqual([]);
  });

  it("carries the SRI hash (sha256) of every file beside it, each file in dist/integrity.json", () => {
    const src = js.toString("utf8");
    const integrity: Record<string, string> = JSON.parse(
      readFileSync("dist/integrity.json", "utf8"),
    );
    const siblings = Object.keys(integrity).filter((f) => f !== "osdi-embed.js");
    expect(siblings).toContain("osdi-embed.css");
    expect(siblings.length).toBeGreaterThan(8);
    for (const f of siblings) {
      const sha256 = createHash("sha256")
        .update(readFileSync(`dist/${f}`))
        .digest("base64");
      expect(src, f).toContain(`"${f}":"sha256-${sha256}"`);
    }
  });
});

describe("the parts", () => {
  it("borrow Preact from the bundle instead of carrying a copy", () => {
    const parts = readdirSync("dist").filter((f) => /^osdi-embed-.+\.js$/.test(f));
    expect(parts.length).toBeGreaterThan(8);
    const main = readFileSync("dist/osdi-embed.js", "utf8");
    // Preact's render loop sets this marker on DOM nodes; only one copy may exist.
    const marker = /__k/g;
    expect(main.match(marker)?.length ?? 0).toBeGreaterThan(0);
    for (const f of parts)
      expect(readFileSync(`dist/${f}`, "utf8").match(marker), `${f} has its own Preact`).toBeNull();
  });
});

describe("the ESM build", () => {
  it("keeps every part's code (a bundler must not drop a part as dead code)", () => {
    const dir = "dist/esm";
    const chunks = readdirSync(dir).filter((f) => f.endsWith(".js"));
    expect(chunks.length).toBeGreaterThan(5);
    for (const f of chunks)
      expect(statSync(`${dir}/${f}`).size, `${f} is empty`).toBeGreaterThan(100);
  });
});

describe("the ESM build's React entry", () => {
  it('opens with "use client" (so the build may leave out rolldown\'s directive warning)', () => {
    expect(readFileSync("dist/esm/react.js", "utf8").startsWith('"use client";')).toBe(true);
  });
});
