import { readdirSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/** Every visitor of every page with a widget pays for these bytes (see docs/benchmarks.md). */
const BUDGET_GZIP = 12_288;

describe("the shipped bundle", () => {
  const js = readFileSync("dist/osdi-embed.js");

  it(`stays within ${BUDGET_GZIP} bytes gzip -9`, () => {
    const gz = gzipSync(js, { level: 9 }).length;
    expect(gz, `dist/osdi-embed.js is ${gz} B gzip -9`).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it("is one self-contained IIFE that sets window.OsdiEmbed", () => {
    const src = js.toString("utf8");
    expect(src).toMatch(/^(\(function\(|!function\()/);
    expect(src).not.toMatch(/\bimport\s*[({"']/);
    expect(src).toContain("OsdiEmbed");
  });
});

describe("the ESM build", () => {
  it("keeps every part's code (a bundler must not drop a part's define() as dead code)", () => {
    const dir = "dist/esm";
    const chunks = readdirSync(dir).filter((f) => f.endsWith(".js"));
    expect(chunks.length).toBeGreaterThan(5);
    for (const f of chunks)
      expect(statSync(`${dir}/${f}`).size, `${f} is empty`).toBeGreaterThan(100);
  });
});
