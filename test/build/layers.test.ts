/**
 * The house's one rule (ARCHITECTURE.md, "Code map"): the folders of src/ stand in
 * layers, and a module imports only from its own folder or a layer below it (types
 * too); no module imports a module that imports it back, however far round.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** From the top down: the entries, then the walk of one submission, then the leaves. */
const LAYERS = [
  ["browser.ts", "index.ts", "react", "vue", "plugin", "server"],
  ["parts"],
  ["element"],
  ["widget"],
  ["submit"],
  ["outbox"],
  ["events.ts"],
  ["transport.ts"],
  ["config"],
  ["i18n"],
  ["files"],
  ["console.ts", "version.ts"],
];

const SRC = resolve("src");
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
  );
const modules = walk(SRC).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"));
/** The room of a module: its folder under src/, or its own name at the top. */
const room = (file: string) => relative(SRC, file).split("/")[0];
const layer = (file: string) => LAYERS.findIndex((names) => names.includes(room(file)));

/** Every module of src/ that a file imports (import, export … from, import(), types too). */
function imports(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
    const base = resolve(dirname(file), spec);
    const target = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((f) =>
      modules.includes(f),
    );
    if (!target) throw new Error(`${relative(".", file)}: cannot find ${spec}`);
    found.add(target);
  }
  return [...found];
}
const graph = new Map(modules.map((m) => [m, imports(m)]));

describe("src/'s layers", () => {
  it("name every folder and top-level module of src/", () => {
    expect(modules.filter((m) => layer(m) < 0).map((m) => relative(".", m))).toEqual([]);
  });

  it("are kept: no module imports from a layer above its own", () => {
    const up = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((t) => layer(t) < layer(file))
        .map((t) => `${relative(SRC, file)} -> ${relative(SRC, t)}`),
    );
    expect(up).toEqual([]);
  });

  it("hold no circle of modules", () => {
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        circles.push(
          [...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(" -> "),
        );
        return;
      }
      state.set(file, "open");
      for (const t of graph.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, "done");
    };
    for (const m of modules) visit(m, []);
    expect(circles).toEqual([]);
  });

  it("see imports at all (the reader finds them)", () => {
    expect(graph.get(resolve("src/submit/submit.ts"))).toContain(resolve("src/transport.ts"));
  });
});
