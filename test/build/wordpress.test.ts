// The WordPress plugin: every PHP file passes `php -l`, the zip holds the plugin and the
// files it serves, and the plugin's list of names is the widget's.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureWordPress } from "../../scripts/ensure-wordpress.mjs";
import { CLASS_PARTS, PERSONAL } from "../../src/config/attributes";
import { KNOWN } from "../../src/config/parse";
import { TEXT_KEYS } from "../../src/i18n/en";

const PLUGIN = "wordpress/osdi-embed";
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
  );
const php = (code: string) => execFileSync("php", ["-r", code]).toString();

describe("the WordPress plugin", () => {
  ensureWordPress(); // php-cli, with the rest of what the e2e spec needs

  it.each(walk(PLUGIN).filter((f) => f.endsWith(".php")))("php -l %s", (file) => {
    expect(execFileSync("php", ["-l", file]).toString()).toContain("No syntax errors");
  });

  it("prefixes every function it declares with osdi_embed_", () => {
    for (const file of walk(PLUGIN).filter((f) => f.endsWith(".php")))
      for (const [, name] of readFileSync(file, "utf8").matchAll(/\bfunction\s+(\w+)\s*\(/g))
        expect(name, file).toMatch(/^osdi_embed_/);
  });

  it("takes exactly the widget's data-osdi-* names", () => {
    const names = JSON.parse(
      php(
        `define('ABSPATH', '/'); require '${PLUGIN}/includes/names.php'; echo json_encode(osdi_embed_names());`,
      ),
    ) as string[];
    const expected = [
      ...KNOWN.filter((n) => n !== "mounted"),
      ...TEXT_KEYS.map((k) => `text-${k}`),
      ...PERSONAL.map((f) => `prefill-${f}`),
      ...CLASS_PARTS.map((p) => `class-${p}`),
    ];
    expect([...names].sort()).toEqual([...new Set(expected)].sort());
  });

  it("writes dist-wordpress/osdi-embed.zip with the plugin and the built files", () => {
    const list = execFileSync("unzip", ["-Z1", "dist-wordpress/osdi-embed.zip"])
      .toString()
      .trim()
      .split("\n");
    for (const file of walk(PLUGIN))
      expect(list).toContain(`osdi-embed/${file.slice(PLUGIN.length + 1)}`);
    for (const file of readdirSync("dist").filter((f) => /^osdi-embed[\w.-]*\.(js|css)$/.test(f)))
      expect(list).toContain(`osdi-embed/assets/${file}`);
    expect(list.filter((f) => f.endsWith(".map"))).toEqual([]);
  });
});
