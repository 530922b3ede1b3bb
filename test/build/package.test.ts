/**
 * The npm package as a consumer gets it (run `npm run build` first). One
 * `npm pack --ignore-scripts` of the built tree into a temp folder, and one install
 * of that tarball, offline from npm's cache (a lockfile made of the root's), into a copy of test/fixtures/consumer-ts;
 * then, side by side: the tarball's files and source maps, package.json's promises,
 * publint, attw, the consumer's type check under bundler, node16 and nodenext
 * resolution, and Node with no DOM (import, require, the components' server render).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, posix, resolve } from "node:path";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { parseAst } from "rolldown/parseAst";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockFor } from "../fixtures/install";

const ROOT = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
/** What the consumer installs beside the tarball: the root's own versions, in npm's cache. */
const BESIDE = ["react", "react-dom", "@types/react", "vue"];
/** Each part of src/parts/ is a file beside the script. */
const PARTS = readdirSync(join(ROOT, "src/parts")).map(
  (f) => `dist/osdi-embed-${f.replace(/\.tsx?$/, "")}.js`,
);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
/**
 * Runs a command to its end, failed or not. npm's own variables are left out (under
 * `npm publish --dry-run`, say, npm_config_dry_run would make `npm pack` write nothing).
 */
function run(command: string, args: string[], cwd: string): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((done) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr }),
    );
  });
}
/** The same, failing with its output unless it exits 0. */
async function ok(command: string, args: string[], cwd: string): Promise<string> {
  const r = await run(command, args, cwd);
  if (r.code !== 0)
    throw new Error(
      `${command} ${args.join(" ")} (in ${cwd}): exit ${r.code}\n${r.stdout}${r.stderr}`,
    );
  return r.stdout;
}
const node = (args: string[], cwd: string) => run(process.execPath, args, cwd);

let temp: string;
let tarball: string;
let consumer: string;
/** The tarball's files, without the package/ prefix. */
let files: string[];
let packed: { size: number; unpackedSize: number };
/** A file of the package, as installed. */
const installed = (file: string) =>
  readFileSync(join(consumer, "node_modules/osdi-embed", file), "utf8");

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist/osdi-embed.js")))
    throw new Error("dist/ is missing: npm run build first");
  temp = await mkdtemp(join(tmpdir(), "osdi-embed-package-"));
  const out = await ok(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", temp],
    ROOT,
  );
  const [info] = JSON.parse(out.slice(out.indexOf("[")));
  tarball = join(temp, info.filename);
  files = info.files.map((f: { path: string }) => f.path).sort();
  packed = info;
  consumer = join(temp, "consumer");
  await cp(join(ROOT, "test/fixtures/consumer-ts"), consumer, { recursive: true });
  // The tarball where the consumer's package.json looks for it, and a lockfile made of
  // the root lock's entries: npm resolves nothing and takes every file from the cache
  // the root install filled (--offline: or it fails).
  await rename(tarball, join(temp, "osdi-embed.tgz"));
  tarball = join(temp, "osdi-embed.tgz");
  const app = JSON.parse(await readFile(join(consumer, "package.json"), "utf8"));
  app.dependencies = {
    "osdi-embed": "file:../osdi-embed.tgz",
    ...Object.fromEntries(BESIDE.map((name) => [name, pkg.devDependencies[name]])),
  };
  await writeFile(join(consumer, "package.json"), JSON.stringify(app, null, 2));
  await writeFile(
    join(consumer, "package-lock.json"),
    JSON.stringify(lockFor(app, tarball), null, 2),
  );
  await ok(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"],
    consumer,
  );
}, 60_000);

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

/** Every file under dir, relative to ROOT. */
const walk = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(posix.join(dir, e.name)) : [posix.join(dir, e.name)],
  );

describe.concurrent("the tarball", () => {
  it("holds every file the docs promise: script, parts, stylesheet, ESM, types, maps, license", () => {
    console.log(
      `${basename(tarball)}: ${files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked`,
    );
    expect(PARTS.length).toBeGreaterThan(8);
    for (const file of [
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "dist/osdi-embed.js",
      "dist/osdi-embed.js.map",
      "dist/osdi-embed.css",
      "dist/integrity.json",
      ...PARTS,
      ...PARTS.map((f) => `${f}.map`),
      "dist/esm/index.js",
      "dist/esm/react.js",
      "dist/esm/vue.js",
      "dist/types/index.d.ts",
      "dist/types/browser.d.ts",
      "dist/types/react/index.d.ts",
      "dist/types/vue/index.d.ts",
    ])
      expect(files, file).toContain(file);
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(
      /^MIT License\n\nCopyright \(c\) 2026 the osdi-embed authors\n/,
    );
  });

  it("is the built dist/ but the demo, the command, and the docs beside it: nothing else", () => {
    const built = walk("dist").filter((f) => !f.startsWith("dist/demo/"));
    expect(walk("dist").some((f) => f.startsWith("dist/demo/"))).toBe(true);
    expect(files.filter((f) => f.startsWith("dist/"))).toEqual(built.sort());
    expect(files.filter((f) => !f.startsWith("dist/"))).toEqual([
      "CHANGELOG.md",
      "LICENSE",
      "README.md",
      ...walk("bin").sort(),
      "package.json",
    ]);
  });

  it("has the command, which runs installed, with nothing but Node", async () => {
    expect(pkg.bin).toEqual({ "osdi-embed": "bin/osdi-embed.mjs" });
    // Plain Node: it imports only Node's modules and its own files, so it needs no
    // dependency and no build.
    const specifiers = walk("bin").flatMap((file) =>
      parseAst(readFileSync(join(ROOT, file), "utf8")).body.flatMap((s) =>
        (s.type === "ImportDeclaration" ||
          s.type === "ExportAllDeclaration" ||
          s.type === "ExportNamedDeclaration") &&
        s.source
          ? [`${file}: ${s.source.value}`]
          : [],
      ),
    );
    expect(specifiers).toContain("bin/osdi-embed.mjs: ./snippet.mjs");
    for (const specifier of specifiers) expect(specifier).toMatch(/: (node:|\.\/)/);
    expect(files).toContain("bin/osdi-embed.mjs");
    const help = await run(join(consumer, "node_modules/.bin/osdi-embed"), ["--help"], consumer);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: osdi-embed <command>/);
    expect(help.stdout).toContain("ACTION_NETWORK_API_KEY");
  });

  it("has the build's own bytes (what integrity.json and the CDN snippet hash)", () => {
    const integrity = JSON.parse(installed("dist/integrity.json"));
    for (const file of ["osdi-embed.js", "osdi-embed.css"]) {
      const data = readFileSync(join(consumer, "node_modules/osdi-embed/dist", file));
      expect(integrity[file]).toBe(`sha384-${createHash("sha384").update(data).digest("base64")}`);
    }
  });

  it("gives every script with code of its own a source map beside it, named at its end but one", () => {
    const scripts = files.filter((f) => f.endsWith(".js"));
    for (const file of scripts) {
      const code = installed(file);
      const body = parseAst(code).body;
      // A facade (index.js re-exporting the core chunk) has no code to map, and the
      // bundler's own helper chunk (for a part both imported and loaded on demand) no
      // source of ours.
      if (body.every((s) => s.type === "ExportNamedDeclaration" && s.source)) continue;
      if (/^dist\/esm\/rolldown-runtime-[\w-]+\.js$/.test(file)) continue;
      expect(files, file).toContain(`${file}.map`);
      // osdi-embed.js goes without the comment: its bytes are the visitors' (docs/hosting.md).
      if (file === "dist/osdi-embed.js") expect(code).not.toContain("sourceMappingURL");
      else
        expect(code.trimEnd(), file).toMatch(
          new RegExp(`\\n//# sourceMappingURL=${basename(file).replace(/\./g, "\\.")}\\.map$`),
        );
      const map = JSON.parse(installed(`${file}.map`));
      expect(map.sources.length, file).toBeGreaterThan(0);
      // The sources are not in the package: the map carries them.
      expect(map.sourcesContent?.length, file).toBe(map.sources.length);
      expect(
        map.sourcesContent.every((s: unknown) => typeof s === "string"),
        file,
      ).toBe(true);
    }
  });

  it.each([
    // Not the outbox's key here: the build writes that constant out where it is used.
    ["dist/osdi-embed.js", "localStorage.key(", "src/outbox/store.ts"],
    ["dist/osdi-embed.js", '"Retry-After"', "src/transport.ts"],
    ["dist/osdi-embed-after.js", "share_", "src/parts/after.tsx"],
    ["dist/esm/core-*.js", '"osdi-embed:outbox"', "src/outbox/store.ts"],
  ])("maps %s back to the sources: %s is in %s", (pattern, needle, source) => {
    const file = files.find((f) => f === pattern || listed(f, [pattern]))!;
    const code = installed(file);
    const map = new TraceMap(installed(`${file}.map`));
    const at = code.indexOf(needle);
    expect(at, `${needle} in ${file}`).toBeGreaterThan(0);
    const lines = code.slice(0, at).split("\n");
    const found = originalPositionFor(map, { line: lines.length, column: lines.at(-1)!.length });
    expect(found.source, file).toMatch(new RegExp(`(^|/)${source.replace(/\./g, "\\.")}$`));
    const text = map.sourcesContent?.[map.resolvedSources.indexOf(found.source!)] ?? "";
    expect(text.split("\n")[found.line! - 1]).toContain(needle.replace(/"/g, ""));
  });
});

/** sideEffects' patterns as bundlers read them: one without a slash matches a file's name. */
function listed(file: string, patterns: string[] = pkg.sideEffects): boolean {
  return patterns.some((pattern) => {
    const re = new RegExp(
      `^${pattern
        .replace(/^\.\//, "")
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, "[^/]*")}$`,
    );
    return re.test(pattern.includes("/") ? file : basename(file));
  });
}

/** Statements that run nothing when a module loads (declarations, imports, exports). */
const INERT = new Set([
  "ImportDeclaration",
  "ExportNamedDeclaration",
  "ExportAllDeclaration",
  "ExportDefaultDeclaration",
  "FunctionDeclaration",
  "ClassDeclaration",
  "VariableDeclaration",
  "EmptyStatement",
]);

describe.concurrent("package.json", () => {
  it("names in sideEffects exactly the files that do something when loaded", () => {
    const effects = files
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => {
        if (f.endsWith(".css")) return [f, true] as const;
        const body = parseAst(installed(f)).body;
        // A directive ("use client") is a statement that runs nothing.
        const runs = (s: (typeof body)[number]) => !INERT.has(s.type) && !("directive" in s);
        return [f, body.some(runs)] as const;
      });
    // The script tag's file and its parts run; the ESM core registers the parts.
    const doing = effects.filter(([, does]) => does).map(([f]) => f);
    expect(doing).toContain("dist/osdi-embed.js");
    expect(doing.some((f) => f.startsWith("dist/esm/"))).toBe(true);
    for (const [file, does] of effects) expect(listed(file), file).toBe(does);
  });

  it("points every field and export at a packed file, and CDNs at the script tag's file", () => {
    expect(pkg.jsdelivr).toBe("./dist/osdi-embed.js");
    expect(pkg.unpkg).toBe("./dist/osdi-embed.js");
    const targets: string[] = [pkg.main, pkg.module, pkg.types];
    const walkExports = (v: unknown): void => {
      if (typeof v === "string") targets.push(v);
      else if (v && typeof v === "object") Object.values(v).forEach(walkExports);
    };
    walkExports(pkg.exports);
    for (const target of targets) expect(files, target).toContain(target.replace(/^\.\//, ""));
    expect(Object.keys(pkg.exports)).toEqual([
      ".",
      "./react",
      "./vue",
      "./server",
      "./osdi-embed.js",
      "./osdi-embed.css",
      "./package.json",
    ]);
    expect(pkg.exports["./osdi-embed.js"].types).toBe("./dist/types/browser.d.ts");
  });

  it("has the metadata npm shows, and optional peers for the components", () => {
    expect(pkg.repository).toEqual({
      type: "git",
      url: "git+https://github.com/osdi-embed/osdi-embed.git",
    });
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/osdi-embed\/osdi-embed/);
    expect(pkg.bugs.url).toBe("https://github.com/osdi-embed/osdi-embed/issues");
    expect(pkg.keywords).toContain("action-network");
    expect(pkg.license).toBe("MIT");
    expect(pkg.scripts.prepack).toMatch(/npm run build/);
    expect(pkg.scripts.prepublishOnly).toMatch(/scripts\/cdn\.mjs --check/);
    expect(pkg.scripts.prepublishOnly).toMatch(/scripts\/plugin-version\.mjs --check/);
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(["react", "react-dom", "vue"]);
    for (const name of Object.keys(pkg.peerDependencies))
      expect(pkg.peerDependenciesMeta[name], name).toEqual({ optional: true });
  });
});

describe.concurrent("linters on the tarball", () => {
  it("publint: no error, warning or suggestion", async () => {
    const data = await readFile(tarball);
    const { messages, pkg: read } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
      level: "suggestion",
      strict: true,
    });
    expect(read.name).toBe("osdi-embed");
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, read, { color: false })}`)).toEqual(
      [],
    );
  });

  it("attw --profile esm-only (the CSS left out): no problem, every entry point typed", async () => {
    const attw = join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js");
    const r = await node(
      [
        attw,
        tarball,
        "--profile",
        "esm-only",
        "--exclude-entrypoints",
        "./osdi-embed.css",
        "--no-definitely-typed",
        "--format",
        "json",
      ],
      temp,
    );
    const { analysis } = JSON.parse(r.stdout);
    // The JSON lists what the profile ignores too: CommonJS (node16-cjs) and node10.
    const problems = Object.values(
      analysis.problems as Record<string, { resolutionKind?: string }[]>,
    )
      .flat()
      .filter((p) => !["node10", "node16-cjs"].includes(p.resolutionKind ?? ""));
    expect(problems).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(analysis.entrypoints)).toEqual([
      ".",
      "./react",
      "./vue",
      "./server",
      "./osdi-embed.js",
      "./package.json",
    ]);
    for (const entry of [".", "./react", "./vue", "./server", "./osdi-embed.js"])
      for (const kind of ["node16-esm", "bundler"])
        expect(
          analysis.entrypoints[entry].resolutions[kind].resolution.fileName,
          `${entry} under ${kind}`,
        ).toMatch(/\.d\.ts$/);
  }, 30_000);
});

describe.concurrent("a consumer's TypeScript", () => {
  it.each([
    ["bundler", "the ESM API, the components"],
    ["node16", "the same under Node's resolution"],
    ["nodenext", "the same, and require(esm) from a .cts"],
    ["script", "a page with the script tag: window.OsdiEmbed from osdi-embed/osdi-embed.js"],
  ])(
    "type-checks under %s: %s",
    async (config) => {
      const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
      const r = await node([tsc, "-p", `tsconfig.${config}.json`, "--listFiles"], consumer);
      const lines = `${r.stdout}${r.stderr}`.split("\n");
      expect(lines.filter((line) => /error TS\d+/.test(line))).toEqual([]);
      expect(r.code).toBe(0);
      // It read the installed package's declarations (the tarball's), not another copy.
      const read = lines.filter((f) =>
        f.includes(`${consumer}/node_modules/osdi-embed/dist/types/`),
      );
      expect(read.map((f) => basename(f))).toContain(
        config === "script" ? "browser.d.ts" : "index.d.ts",
      );
      if (config !== "script")
        expect(
          read.some((f) => f.endsWith("/react/index.d.ts") || f.endsWith("/vue/index.d.ts")),
        ).toBe(true);
    },
    30_000,
  );
});

describe.concurrent("Node, no DOM", () => {
  it("imports the package; mount, scan, observe and unmount do nothing", async () => {
    const r = await node(["node/server.mjs"], consumer);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      document: "undefined",
      version: pkg.version,
      packageJson: pkg.version,
      mount: null,
      mountWithOptions: null,
      scan: [],
      observe: "undefined",
      unmount: "undefined",
    });
  });

  it("require()s the package (Node 20.19 and later), the same exports as import", async () => {
    expect(process.features).toHaveProperty("require_module", true);
    const r = await node(["node/require.cjs"], consumer);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    const imported = await node(
      [
        "--input-type=module",
        "-e",
        'console.log(JSON.stringify(Object.keys(await import("osdi-embed")).sort()))',
      ],
      consumer,
    );
    expect(out.exports).toEqual(JSON.parse(imported.stdout));
    expect(out.exports).toEqual(
      expect.arrayContaining(["mount", "observe", "scan", "unmount", "version"]),
    );
    expect(out).toMatchObject({ version: pkg.version, scan: [] });
  });

  it("fails to require() without require(esm) with a message that says to use import()", async () => {
    const r = await node(["--no-experimental-require-module", "node/require.cjs"], consumer);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("ERR_REQUIRE_ESM");
    expect(r.stderr).toMatch(/dynamic import\(\)/);
  });

  it("renders the form into the page on a server: osdi-embed/server, and React's and Vue's components", async () => {
    const r = await node(["node/ssr.mjs"], consumer);
    expect(r.stderr).toBe("");
    const { react, vue, server } = JSON.parse(r.stdout);
    const mark = /data-osdi-rendered="([^"]+)"/.exec(server)?.[1];
    expect(mark).toMatch(/^osdi-\w+ \w+$/);
    for (const html of [react, vue, server]) {
      expect(html).toMatch(
        /^<div[^>]* data-osdi-action="https:\/\/actionnetwork\.org\/api\/v2\/petitions\/7580a324/,
      );
      expect(html).toContain(`data-osdi-rendered="${mark}"`);
      expect(html).toContain(
        '<form action="https://actionnetwork.org/petitions/save-the-park" method="get"',
      );
      expect(html).toContain("First name");
    }
  });
});
