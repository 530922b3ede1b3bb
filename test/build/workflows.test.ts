// The GitHub Actions workflows (.github/workflows/) are not run here: each is parsed as
// YAML, and its jobs are checked for the steps that do the work. The release's own shell
// steps (the tag against package.json's version, the changelog's section as notes) run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

const FOLDER = ".github/workflows";
const pkg = JSON.parse(readFileSync("package.json", "utf8"));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  container?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** A workflow, parsed strictly: any YAML error or warning fails. */
function workflow(file: string): Workflow {
  const doc = parseDocument(readFileSync(join(FOLDER, file), "utf8"), { uniqueKeys: true });
  expect(doc.errors.map(String), file).toEqual([]);
  expect(doc.warnings.map(String), file).toEqual([]);
  return doc.toJS() as Workflow;
}

const runs = (job: Job) => job.steps.map((step) => step.run ?? "").join("\n");
const uses = (job: Job) => job.steps.map((step) => step.uses ?? "").filter(Boolean);
const step = (job: Job, name: string) => {
  const found = job.steps.find((s) => s.name === name);
  expect(found, name).toBeDefined();
  return found as Step;
};

describe("the workflows", () => {
  it("are the three, each valid YAML with jobs of steps, every action at a major version", () => {
    expect(readdirSync(FOLDER).sort()).toEqual(["ci.yml", "pages.yml", "release.yml"]);
    for (const file of readdirSync(FOLDER)) {
      const { name, on, jobs } = workflow(file);
      expect(typeof name).toBe("string");
      expect(Object.keys(on).length).toBeGreaterThan(0);
      for (const job of Object.values(jobs)) {
        expect(job["runs-on"]).toBe("ubuntu-latest");
        expect(job.steps.length).toBeGreaterThan(0);
        for (const action of uses(job)) expect(action).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
        // npm scripts they run exist.
        for (const [, script] of runs(job).matchAll(/npm run ([\w:-]+)/g))
          expect(Object.keys(pkg.scripts)).toContain(script);
      }
    }
  });

  it("CI runs the README's commands on pushes and pull requests, on Debian with Node 20", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    expect(ci.permissions).toEqual({ contents: "read" });
    const test = ci.jobs.test!;
    expect(test.container).toBe("node:20-bookworm");
    expect(uses(test)[0]).toBe("actions/checkout@v4");
    expect(step(test, "Install").run).toBe("npm install --no-audit --no-fund");
    expect(step(test, "Test").run).toBe("npm test");
    // The same commands as .ci/run, which this machine's CI runs.
    const local = readFileSync(".ci/run", "utf8");
    expect(local).toContain("npm install --no-audit --no-fund");
    expect(local).toContain("npm test");
  });

  it("Pages builds dist-site and publishes it", () => {
    const pages = workflow("pages.yml");
    expect(pages.on).toHaveProperty("push.branches", ["main"]);
    const { build, deploy } = pages.jobs;
    expect(step(build!, "Build").run).toBe("npm run build");
    const upload = build!.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(upload?.with).toEqual({ path: "dist-site" });
    expect(deploy!.needs).toBe("build");
    expect(deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy!.environment?.name).toBe("github-pages");
    expect(uses(deploy!)).toEqual(["actions/deploy-pages@v4"]);
    // What it uploads is what the build writes.
    expect(readFileSync("scripts/build.mjs", "utf8")).toContain("writeSite()");
  });

  it("Release tests, publishes to npm with provenance, then attaches the plugin's zip to the tag's release", () => {
    const release = workflow("release.yml");
    expect(release.on).toEqual({ push: { tags: ["v*"] } });
    const { test, publish, release: github } = release.jobs;
    expect(step(test!, "Test").run).toBe("npm test");
    expect(publish!.needs).toBe("test");
    expect(publish!.permissions).toEqual({ contents: "read", "id-token": "write" });
    const setup = publish!.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with).toEqual({
      "node-version": 20,
      "registry-url": "https://registry.npmjs.org",
    });
    const npmPublish = step(publish!, "Publish to npm");
    expect(npmPublish.run).toBe("npm publish --provenance --access public");
    // GitHub's expression, not JavaScript's: the token from the repository's secrets.
    expect(npmPublish.env).toEqual({ NODE_AUTH_TOKEN: ["$", "{{ secrets.NPM_TOKEN }}"].join("") });
    expect(step(publish!, "Keep the plugin's zip for the release").with).toHaveProperty(
      "path",
      "dist-wordpress/osdi-embed.zip",
    );
    expect(github!.needs).toBe("publish");
    expect(github!.permissions).toEqual({ contents: "write" });
    const create = step(github!, "Create the release, osdi-embed.zip attached");
    expect(create.run).toMatch(
      /^gh release create "\$GITHUB_REF_NAME" dist-wordpress\/osdi-embed\.zip /,
    );
    expect(create.run).toContain("--notes-file release-notes.md");
    // prepublishOnly builds the zip that is attached, and checks the plugin's version.
    expect(pkg.scripts.prepublishOnly).toContain("npm run build");
    expect(pkg.scripts.prepublishOnly).toContain("plugin-version.mjs --check");
  });

  it("Release stops on a tag that is not package.json's version", () => {
    const check = step(workflow("release.yml").jobs.publish!, "The tag is package.json's version");
    const run = (tag: string) =>
      spawnSync("bash", ["-e", "-c", check.run!], {
        env: { ...process.env, GITHUB_REF_NAME: tag },
        encoding: "utf8",
      });
    expect(run(`v${pkg.version}`).status).toBe(0);
    const wrong = run("v99.0.0");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`The tag v99.0.0 is not v${pkg.version}`);
  });

  it("Release takes the version's section of CHANGELOG.md as its notes", () => {
    const notes = step(
      workflow("release.yml").jobs.release!,
      "The changelog's section as the release notes",
    );
    const dir = mkdtempSync(join(tmpdir(), "osdi-release-notes-"));
    try {
      writeFileSync(
        join(dir, "CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-12-01\n\n### Added\n\n- The count.\n\n## [1.1.0] - 2026-11-01\n\n- Older.\n",
      );
      const run = (tag: string) =>
        spawnSync("bash", ["-e", "-c", notes.run!], {
          cwd: dir,
          env: { ...process.env, GITHUB_REF_NAME: tag },
          encoding: "utf8",
        });
      expect(run("v1.2.0").status).toBe(0);
      expect(readFileSync(join(dir, "release-notes.md"), "utf8").trim()).toBe(
        "### Added\n\n- The count.",
      );
      const missing = run("v3.0.0");
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain("CHANGELOG.md has no section ## [3.0.0]");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("would find a broken workflow: a duplicate key, a tab, an unclosed quote", () => {
    for (const broken of [
      "name: A\nname: B\n",
      "jobs:\n\ttest: {}\n",
      'name: "unclosed\non: push\n',
    ]) {
      const doc = parseDocument(broken, { uniqueKeys: true });
      expect(doc.errors.length, broken).toBeGreaterThan(0);
    }
  });
});
