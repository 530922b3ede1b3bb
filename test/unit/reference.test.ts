/**
 * docs/reference.md documents exactly what the code knows: every attribute, text
 * key and organizer error code, no more and no fewer. The code's lists come from
 * the code; the reference's from these shapes in the markdown (also noted in a
 * comment at the top of the file):
 *
 * - attributes: the `data-osdi-…` names in the "### " headings under "## Attributes"
 *   (one heading may name several; the families as `data-osdi-text-<key>` and
 *   `data-osdi-prefill-<field>`), each section saying its default;
 * - prefill fields: the line "`<field>` is one of …" under `data-osdi-prefill-<field>`;
 * - standard fields: the first cell of each row of the table under `data-osdi-fields`;
 * - text keys: the first cell of each row of the table under "## Text keys";
 * - error codes: the first cell of each row of the table under "## Organizer errors".
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MISTAKES } from "../../src/config/action";
import { FIELDS, PERSONAL, PREFIX } from "../../src/config/attributes";
import { FIXES } from "../../src/config/fixes";
import { KNOWN, MARKS } from "../../src/config/parse";
import { TEXT_KEYS } from "../../src/i18n/en";

const REFERENCE = "docs/reference.md";

/** The markdown without code blocks and comments, whose lines are examples, not structure. */
const markdown = readFileSync(REFERENCE, "utf8")
  .replace(/^```[\s\S]*?^```$/gm, "")
  .replace(/<!--[\s\S]*?-->/g, "");

/** The lines from a heading to the next heading of the same or a higher level. */
function section(heading: string): string[] {
  const lines = markdown.split("\n");
  const level = heading.indexOf(" ");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`${REFERENCE} has no heading ${JSON.stringify(heading)}`);
  const end = lines.findIndex(
    (line, i) => i > start && /^#+ /.test(line) && line.indexOf(" ") <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The first `code` in the first cell of every table row but the header rows. */
function firstCells(lines: string[]): string[] {
  const cells: string[] = [];
  lines.forEach((line, i) => {
    const header = !lines[i - 1]?.startsWith("|");
    if (!line.startsWith("|") || header || /^\|[-\s|:]+\|$/.test(line)) return;
    const cell = line.split("|")[1];
    const code = /`([^`]+)`/.exec(cell)?.[1];
    if (!code) throw new Error(`a row of ${REFERENCE} names nothing in its first cell: ${line}`);
    cells.push(code);
  });
  return cells;
}

/** Each name once, sorted, for a readable difference. */
const set = (names: Iterable<string>) => [...new Set(names)].sort();
/** What `a` holds and `b` does not. */
const minus = (a: Iterable<string>, b: Iterable<string>) => {
  const other = new Set(b);
  return set(a).filter((x) => !other.has(x));
};

/** Compares both ways, with a message that says which side lacks what. */
function expectSame(what: string, code: Iterable<string>, docs: Iterable<string>) {
  expect(minus(code, docs), `${what} the code knows and ${REFERENCE} does not document`).toEqual(
    [],
  );
  expect(minus(docs, code), `${what} ${REFERENCE} documents and the code does not know`).toEqual(
    [],
  );
}

const parser = readFileSync("src/config/parse.ts", "utf8");

describe("docs/reference.md, attributes", () => {
  const headings = section("## Attributes").filter((line) => line.startsWith("### "));
  /** Names without the prefix; a family's placeholder (`<key>`) becomes `<…>`. */
  const documented = headings.flatMap((h) =>
    [...h.matchAll(/`data-osdi-([a-z-]+(?:<[a-z]+>)?)`/g)].map((m) =>
      m[1].replace(/<[a-z]+>$/, "<…>"),
    ),
  );

  it("documents every attribute the parser knows, and no other", () => {
    // The families the parser takes under one prefix each: data-osdi-text-*, data-osdi-prefill-*.
    const families = /\^\(([\w|]+)\)-\//.exec(parser)?.[1].split("|");
    expect(families, "the attribute families in parseOptions").toBeDefined();
    expectSame("attributes", [...KNOWN, ...MARKS, ...families!.map((f) => `${f}-<…>`)], documented);
  });

  it("has one heading per attribute", () => {
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
  });

  it("gives each attribute's default", () => {
    for (const h of headings.filter((line) => line.includes("`data-osdi-")))
      expect(section(h).join("\n"), `${h} says its default`).toMatch(/\bdefault\b/i);
  });

  it("lists every field that data-osdi-prefill-<field> takes", () => {
    const line = section(`### \`${PREFIX}prefill-<field>\``).find((l) =>
      l.startsWith("`<field>` is one of"),
    );
    expect(line, 'the line "`<field>` is one of …"').toBeDefined();
    const fields = [...line!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expectSame("prefill fields", PERSONAL, fields);
  });

  it("has a row for every standard field of data-osdi-fields", () => {
    expectSame("fields", FIELDS, firstCells(section(`### \`${PREFIX}fields\``)));
  });
});

describe("docs/reference.md, text keys", () => {
  it("has a row for every text key, and no other", () => {
    expectSame("text keys", TEXT_KEYS, firstCells(section("## Text keys")));
  });
});

describe("docs/reference.md, organizer errors", () => {
  // One call throws the code that src/config/action.ts finds for an Action Network page.
  const calls = parser.match(/\bfail\((?!"action", v, problem\))/g) ?? [];
  const thrown = [
    ...[...parser.matchAll(/\bfail\([^,]+,[^,]+,\s*"(\w+)"/g)].map((m) => m[1]),
    ...MISTAKES.map(([code]) => code),
    "notApi",
  ];
  const literal = thrown.length - MISTAKES.length - 1;
  const warned = [...parser.matchAll(/\bunknown\(\s*"(\w+)"/g)].map((m) => m[1]);

  it("reads every code that src/config/parse.ts throws or warns with", () => {
    // A call whose code is not a literal would be missed: keep them literal.
    expect(literal, "fail() calls with a literal code").toBe(calls.length);
    expect(thrown.length).toBeGreaterThan(0);
    expect(warned.length).toBeGreaterThan(0);
  });

  it("has a help text for every code the parser uses", () => {
    expect(minus([...thrown, ...warned], Object.keys(FIXES)), "codes without a fix").toEqual([]);
  });

  it("has a row for every error code, and no other", () => {
    const codes = [...Object.keys(FIXES), ...thrown, ...warned];
    expectSame("error codes", codes, firstCells(section("## Organizer errors")));
  });
});
