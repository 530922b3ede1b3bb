// The WordPress plugin: every PHP file passes `php -l` and uses nothing PHP 7.4 lacks, the zip holds the plugin and the
// files it serves (its names and rules: test/build/contract.test.ts), and its version is
// package.json's (scripts/plugin-version.mjs).
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureWordPress } from "../../scripts/ensure-wordpress.mjs";
import { pluginVersions } from "../../scripts/plugin-version.mjs";

const PLUGIN = "wordpress/osdi-embed";
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
  );

describe("the WordPress plugin", () => {
  ensureWordPress(); // php-cli, with the rest of what the e2e spec needs

  it.each(walk(PLUGIN).filter((f) => f.endsWith(".php")))("php -l %s", (file) => {
    expect(execFileSync("php", ["-l", file]).toString()).toContain("No syntax errors");
  });

  it("uses nothing PHP 7.4 lacks (its Requires PHP), found by PHP's tokens", () => {
    const check = (files: string[]) =>
      JSON.parse(
        execFileSync("php", ["test/build/php74-tokens.php", ...files]).toString(),
      ) as string[];
    expect(check(walk(PLUGIN).filter((f) => f.endsWith(".php")))).toEqual([]);
    // The check itself finds PHP 8.
    const dir = mkdtempSync(join(tmpdir(), "osdi-php8-"));
    try {
      const file = join(dir, "php8.php");
      writeFileSync(
        file,
        "<?php\n$a = $b?->c;\n$d = match ( $e ) { 1 => 2, default => 3 };\nif ( str_contains( 'ab', 'a' ) ) {}\n",
      );
      expect(check([file])).toEqual([
        `${file}:2 T_NULLSAFE_OBJECT_OPERATOR`,
        `${file}:3 T_MATCH`,
        `${file}:4 str_contains()`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prefixes every function it declares with osdi_embed_", () => {
    for (const file of walk(PLUGIN).filter((f) => f.endsWith(".php")))
      for (const [, name] of readFileSync(file, "utf8").matchAll(/\bfunction\s+(\w+)\s*\(/g))
        expect(name, file).toMatch(/^osdi_embed_/);
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

describe("the plugin's version", () => {
  it("is package.json's in osdi-embed.php (header and constant) and readme.txt", () => {
    const { version, places } = pluginVersions();
    expect(version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(places.map((p) => [p.file, p.name, p.version])).toEqual([
      [`${PLUGIN}/osdi-embed.php`, "its Version header", version],
      [`${PLUGIN}/osdi-embed.php`, "OSDI_EMBED_VERSION", version],
      [`${PLUGIN}/readme.txt`, "its Stable tag", version],
    ]);
  });

  it("--check fails on a copy with another version, and passes once --write has run", () => {
    const root = mkdtempSync(join(tmpdir(), "osdi-plugin-version-"));
    try {
      for (const file of ["osdi-embed.php", "readme.txt"])
        cpSync(`${PLUGIN}/${file}`, join(root, PLUGIN, file), { recursive: true });
      writeFileSync(join(root, "package.json"), JSON.stringify({ version: "9.8.7-rc.1" }));
      const cli = (mode: string) =>
        spawnSync(process.execPath, [resolve("scripts/plugin-version.mjs"), mode], {
          cwd: root,
          encoding: "utf8",
        });

      const failed = cli("--check");
      expect(failed.status).toBe(1);
      const was = pluginVersions(root).places[2]!.version;
      expect(failed.stderr).toContain(
        `${PLUGIN}/readme.txt: its Stable tag is ${was}, package.json's version is 9.8.7-rc.1.`,
      );
      expect(failed.stderr).toContain("node scripts/plugin-version.mjs --write");

      expect(cli("--write").status).toBe(0);
      expect(pluginVersions(root).places.map((p) => p.version)).toEqual(
        Array(3).fill("9.8.7-rc.1"),
      );
      expect(readFileSync(join(root, PLUGIN, "osdi-embed.php"), "utf8")).toContain(
        "define( 'OSDI_EMBED_VERSION', '9.8.7-rc.1' );",
      );
      const passed = cli("--check");
      expect(passed.stderr).toBe("");
      expect(passed.status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
