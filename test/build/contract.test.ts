// The WordPress plugin's copy of the contract is generated from src/ (scripts/contract.mjs)
// and current (its time zones of places too, from bin/snippet.mjs), and its PHP check and
// its block editor's check hold to the widget's own rule for action URLs (the table of
// test/action-urls.ts).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { contractFiles, JS_FILE, PHP_FILE, ZONES_FILE } from "../../scripts/contract.mjs";
import { ensureWordPress } from "../../scripts/ensure-wordpress.mjs";
import { FIXES } from "../../src/config/fixes";
import { KNOWN } from "../../src/config/parse";
import { ACCEPTED, REFUSED } from "../action-urls";

const PLUGIN = "wordpress/osdi-embed";

/** The plugin's osdi_embed_action_problem() for each row: [code, fix] or null. */
function phpProblems(rows: [string, string][]): ([string, string] | null)[] {
  const code = `define('ABSPATH', '/'); require '${PLUGIN}/includes/names.php';
    $rows = json_decode(stream_get_contents(STDIN), true);
    echo json_encode(array_map(function ($r) {
      $p = osdi_embed_action_problem($r[0], $r[1]);
      return $p ? array($p['code'], $p['fix']) : null;
    }, $rows));`;
  return JSON.parse(execFileSync("php", ["-r", code], { input: JSON.stringify(rows) }).toString());
}

/** The block editor's contract, run as the editor runs it: a classic script on window. */
function editorContract() {
  const window: { osdiEmbedContract?: Record<string, unknown> } = {};
  runInNewContext(readFileSync(JS_FILE, "utf8"), {
    window,
    location: { href: "https://example.org/wp-admin/post.php" },
    console,
    URL,
    URLSearchParams,
    Intl,
  });
  return window.osdiEmbedContract as {
    actionProblem(action: string, kind: string): string;
    kindIn(action: string): string | undefined;
    names: string[];
  };
}

describe("the plugin's contract", () => {
  ensureWordPress(); // php-cli

  it("is what src/ gives (run node scripts/contract.mjs, or npm run build, after changing src/config)", async () => {
    const files = await contractFiles();
    expect(readFileSync(PHP_FILE, "utf8")).toBe(files[PHP_FILE]);
    expect(readFileSync(JS_FILE, "utf8")).toBe(files[JS_FILE]);
    // And the time zones of places, from the command's tables (bin/snippet.mjs).
    expect(readFileSync(ZONES_FILE, "utf8")).toBe(files[ZONES_FILE]);
  });

  it("is the plugin's only copy of the action URL's path pattern (the other files read it)", () => {
    const files = execFileSync("git", ["ls-files", PLUGIN]).toString().trim().split("\n");
    const restating = files.filter(
      (file) =>
        /\.(php|js)$/.test(file) &&
        file !== PHP_FILE &&
        file !== JS_FILE &&
        /petitions\|forms\|events/.test(readFileSync(file, "utf8")),
    );
    expect(restating).toEqual([]);
  });

  it("refuses in PHP every action URL the widget refuses, with the widget's code and help text", () => {
    const found = phpProblems(REFUSED.map(([url, kind]) => [url, kind]));
    // Every row that names a kind names a petition (the argument of "kind" and "collection").
    for (const [i, [url, kind, code]] of REFUSED.entries())
      expect(found[i], `${url} (${kind})`).toEqual([code, FIXES[code]("petition")]);
  });

  it("accepts in PHP every action URL the widget accepts", () => {
    expect(phpProblems(ACCEPTED.map(([url, kind]) => [url, kind]))).toEqual(
      ACCEPTED.map(() => null),
    );
  });

  it("says in the block editor what the widget says, and nothing for a good URL", () => {
    const contract = editorContract();
    for (const [url, kind, code] of REFUSED)
      expect(contract.actionProblem(url, kind), url).toContain(FIXES[code]("petition"));
    for (const [url, kind, { kind: named }] of ACCEPTED) {
      expect(contract.actionProblem(url, kind), url).toBe("");
      if (!kind) expect(contract.kindIn(url), url).toBe(named);
    }
  });

  it("gives the editor and PHP the widget's names", () => {
    const names = JSON.parse(
      execFileSync("php", [
        "-r",
        `define('ABSPATH', '/'); require '${PLUGIN}/includes/names.php'; echo json_encode(osdi_embed_names());`,
      ]).toString(),
    );
    expect(names).toEqual(editorContract().names);
    for (const known of KNOWN) expect(names).toContain(known);
  });
});
