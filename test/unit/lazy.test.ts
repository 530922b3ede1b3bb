// @vitest-environment happy-dom
/**
 * @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
 *
 * src/files/parts.ts and src/files/load.ts: parts load on demand, from importers
 * (the ESM build) or as a classic script beside osdi-embed.js (the script tag),
 * once, and again after a failed load. A part's file defines its value through
 * the osdiPart its <script> element carries.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import type { Importers, PartScript } from "../../src/files/parts";

type Parts = typeof import("../../src/files/parts");
type Load = typeof import("../../src/files/load");

const BASE = "https://cdn.example.org/osdi-embed/0.1.0/osdi-embed.js";

/** Fresh copies of src/files/parts.ts and load.ts: their caches of loads are module state. */
let lazy: Parts;
let load: Load;
let warn: MockInstance<typeof console.warn>;

/** Importers for some parts only (a part without one is not asked for). */
const imports = (some: Partial<Record<keyof Importers, () => Promise<unknown>>>) =>
  some as unknown as Importers;

/**
 * Holds back every script's load and error events (happy-dom fetches nothing and
 * reports a load at once), as a network that has not answered yet would: the test
 * then decides each script's fate with settle().
 */
const held: HTMLScriptElement[] = [];
const hold = (e: Event) => {
  if (!(e.target instanceof HTMLScriptElement)) return;
  e.stopImmediatePropagation();
  if (!held.includes(e.target)) held.push(e.target);
};
/** Lets the script's file run (optionally defining its part), then fires load or error. */
function settle(script: HTMLScriptElement, outcome: "load" | "error", run?: () => void) {
  document.removeEventListener("load", hold, true);
  document.removeEventListener("error", hold, true);
  try {
    run?.();
    script.dispatchEvent(new Event(outcome));
  } finally {
    document.addEventListener("load", hold, true);
    document.addEventListener("error", hold, true);
  }
}
/** What a part's file does when it runs: define its value on its own <script> element. */
const define = (script: HTMLScriptElement, value: unknown) => () =>
  (script as PartScript).osdiPart!.define(value);

/** The part scripts in the document, in order. */
const scripts = () => Array.from(document.head.querySelectorAll<HTMLScriptElement>("script"));

/** Whether p has settled, after letting pending jobs run. */
async function settled(p: Promise<unknown>) {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setTimeout(r, 10));
  return done;
}

/** Imports both modules afresh (after vi.resetModules()), as one page's copy. */
async function fresh() {
  vi.resetModules();
  lazy = await import("../../src/files/parts");
  load = await import("../../src/files/load");
}

beforeEach(async () => {
  await fresh();
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  held.length = 0;
  document.addEventListener("load", hold, true);
  document.addEventListener("error", hold, true);
});
afterEach(() => {
  document.removeEventListener("load", hold, true);
  document.removeEventListener("error", hold, true);
  for (const s of scripts()) s.remove();
  vi.restoreAllMocks();
});

describe("with importers (the ESM build)", () => {
  it("resolves to what the part defined, importing it once and adding no script", async () => {
    const countries = () => [["FR", "France"]];
    const importer = vi.fn(async () => ({ default: countries }));
    lazy.setImports(imports({ countries: importer }));
    const first = lazy.part("countries");
    const second = lazy.part("countries");
    await expect(first).resolves.toBe(countries);
    await expect(second).resolves.toBe(countries);
    await expect(lazy.part("countries")).resolves.toBe(countries);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(scripts()).toEqual([]);
  });

  it("rejects when the import fails, and imports again on the next call", async () => {
    const value = () => () => {};
    const importer = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockImplementation(async () => ({ default: value }));
    lazy.setImports(imports({ byo: importer }));
    await expect(lazy.part("byo")).rejects.toThrow(TypeError);
    await expect(lazy.part("byo")).resolves.toBe(value);
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it("imports the real parts' default exports", async () => {
    lazy.setImports(
      imports({
        countries: () => import("../../src/parts/countries"),
        "lang-fr": () => import("../../src/parts/lang-fr"),
      }),
    );
    const { default: countries } = await import("../../src/parts/countries");
    const { fr } = await import("../../src/i18n/fr");
    await expect(lazy.part("countries")).resolves.toBe(countries);
    await expect(lazy.part("lang-fr")).resolves.toBe(fr);
    expect(scripts()).toEqual([]);
  });
});

describe("from beside the script (the script tag)", () => {
  it("adds one script osdi-embed-<name>.js resolved against the base, and resolves on its load", async () => {
    const help = { E_FIELDS: "Fields: …" };
    load.setBase(BASE);
    const first = lazy.part("help");
    const second = lazy.part("help");

    expect(scripts()).toHaveLength(1);
    const [script] = scripts();
    expect(script.src).toBe("https://cdn.example.org/osdi-embed/0.1.0/osdi-embed-help.js");
    expect(script.parentNode).toBe(document.head);
    // Nothing is known before the file has loaded.
    expect(await settled(first)).toBe(false);

    settle(script, "load", define(script, help));
    await expect(first).resolves.toBe(help);
    await expect(second).resolves.toBe(help);
    // Loaded once: later calls add nothing.
    await expect(lazy.part("help")).resolves.toBe(help);
    expect(scripts()).toHaveLength(1);
  });

  it("resolves each name against the base, one script per part", async () => {
    load.setBase("https://example.org/assets/js/osdi-embed.js?v=3");
    void lazy.part("byo").catch(() => {});
    void lazy.part("countries").catch(() => {});
    expect(scripts().map((s) => s.src)).toEqual([
      "https://example.org/assets/js/osdi-embed-byo.js",
      "https://example.org/assets/js/osdi-embed-countries.js",
    ]);
  });

  it("rejects when the script fails to load, and a later call adds a new script", async () => {
    const value = () => () => {};
    load.setBase(BASE);
    const first = lazy.part("byo");
    const [failed] = scripts();
    expect(failed.src).toBe("https://cdn.example.org/osdi-embed/0.1.0/osdi-embed-byo.js");
    settle(failed, "error");
    await expect(first).rejects.toBeDefined();

    const again = lazy.part("byo");
    expect(scripts()).toHaveLength(2);
    const retry = scripts()[1];
    expect(retry).not.toBe(failed);
    expect(retry.src).toBe(failed.src);
    settle(retry, "load", define(retry, value));
    await expect(again).resolves.toBe(value);
  });

  it("rejects when the script loads but defines nothing, and a later call tries again", async () => {
    load.setBase(BASE);
    const first = lazy.part("event");
    const [script] = scripts();
    settle(script, "load");
    await expect(first).rejects.toThrow("osdi-embed-event.js defined nothing");

    const again = lazy.part("event");
    expect(scripts()).toHaveLength(2);
    const value = () => null;
    settle(scripts()[1], "load", define(scripts()[1], value));
    await expect(again).resolves.toBe(value);
  });

  it("gives each script only the osdiPart it defines through, and nothing on window", async () => {
    load.setBase(BASE);
    const p = lazy.part("countries");
    const [script] = scripts() as PartScript[];
    expect(typeof script.osdiPart?.define).toBe("function");
    expect(Array.isArray(script.osdiPart?.shared)).toBe(true);
    settle(script, "load", define(script, "value"));
    await expect(p).resolves.toBe("value");
    expect("OsdiEmbedParts" in window).toBe(false);
  });
});

describe("the script elements", () => {
  it("fetch without credentials, with no integrity when the build gave no hash", () => {
    load.setBase(BASE);
    void lazy.part("help").catch(() => {});
    const [script] = scripts();
    expect(script.crossOrigin).toBe("anonymous");
    expect(script.getAttribute("crossorigin")).toBe("anonymous");
    expect(script.integrity).toBe("");
    expect(script.hasAttribute("integrity")).toBe(false);
  });

  it("carry the file's SRI hash when the build wrote one in", async () => {
    const hash = `sha384-${"A".repeat(64)}`;
    // What src/browser.ts hands over from the build's define in osdi-embed.js.
    load.setIntegrity({ "osdi-embed-help.js": hash });
    load.setBase(BASE);
    void lazy.part("help").catch(() => {});
    void lazy.part("countries").catch(() => {});
    const [help, countries] = scripts();
    expect(help.integrity).toBe(hash);
    expect(help.crossOrigin).toBe("anonymous");
    // A file the build has no hash for goes without one.
    expect(countries.hasAttribute("integrity")).toBe(false);
    expect(countries.crossOrigin).toBe("anonymous");
  });
});

describe("a file that cannot load", () => {
  it("prints one console.warn per file, naming the file, its URL and the fix", async () => {
    load.setBase(BASE);
    const help = "https://cdn.example.org/osdi-embed/0.1.0/osdi-embed-help.js";
    const byo = "https://cdn.example.org/osdi-embed/0.1.0/osdi-embed-byo.js";

    const first = lazy.part("help");
    settle(scripts()[0], "error");
    await expect(first).rejects.toBeDefined();
    expect(warn).toHaveBeenCalledTimes(1);
    const [message] = warn.mock.calls[0];
    expect(message).toMatch(/^\[osdi-embed\] /);
    expect(message).toContain("osdi-embed-help.js");
    expect(message).toContain(help);
    expect(message).toContain('<meta name="osdi-embed-base"');

    // The same file failing again says nothing more...
    const again = lazy.part("help");
    settle(scripts()[1], "error");
    await expect(again).rejects.toBeDefined();
    expect(warn).toHaveBeenCalledTimes(1);

    // ...another file has its own warning.
    const other = lazy.part("byo");
    settle(scripts()[2], "error");
    await expect(other).rejects.toBeDefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1][0]).toContain("osdi-embed-byo.js");
    expect(warn.mock.calls[1][0]).toContain(byo);
  });

  it("warns once, naming the file, when a script loads but defines nothing", async () => {
    load.setBase(BASE);
    const p = lazy.part("event");
    settle(scripts()[0], "load");
    await expect(p).rejects.toBeDefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain("osdi-embed-event.js");
  });

  it("warns about nothing while the files load", async () => {
    load.setBase(BASE);
    const p = lazy.part("help");
    const [script] = scripts();
    settle(script, "load", define(script, {}));
    await p;
    expect(warn).not.toHaveBeenCalled();
  });
});
