// @vitest-environment happy-dom
/**
 * @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
 *
 * src/lazy.ts: parts load on demand, from importers (the ESM build) or as a
 * classic script beside osdi-embed.js (the script tag), once, and again after
 * a failed load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Lazy = typeof import("../../src/lazy");

const BASE = "https://cdn.example.org/osdi-embed/0.1.0/osdi-embed.js";

/** A fresh copy of src/lazy.ts: its cache of loads is module state. */
let lazy: Lazy;

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

beforeEach(async () => {
  vi.resetModules();
  lazy = await import("../../src/lazy");
  delete window.OsdiEmbedParts;
  held.length = 0;
  document.addEventListener("load", hold, true);
  document.addEventListener("error", hold, true);
});
afterEach(() => {
  document.removeEventListener("load", hold, true);
  document.removeEventListener("error", hold, true);
  for (const s of scripts()) s.remove();
  delete window.OsdiEmbedParts;
  vi.restoreAllMocks();
});

describe("with importers (the ESM build)", () => {
  it("resolves to what the part defined, importing it once and adding no script", async () => {
    const countries = () => [["FR", "France"]];
    const importer = vi.fn(async () => {
      lazy.define("countries", countries);
    });
    lazy.setParts(undefined, { countries: importer });
    const first = lazy.part("countries");
    const second = lazy.part("countries");
    await expect(first).resolves.toBe(countries);
    await expect(second).resolves.toBe(countries);
    await expect(lazy.part("countries")).resolves.toBe(countries);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(scripts()).toEqual([]);
  });

  it("rejects when the import fails, and imports again on the next call", async () => {
    const value = { deliver() {}, flush() {} };
    const importer = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockImplementation(async () => lazy.define("outbox", value));
    lazy.setParts(undefined, { outbox: importer });
    await expect(lazy.part("outbox")).rejects.toThrow(TypeError);
    await expect(lazy.part("outbox")).resolves.toBe(value);
    expect(importer).toHaveBeenCalledTimes(2);
  });
});

describe("from beside the script (the script tag)", () => {
  it("adds one script osdi-embed-<name>.js resolved against the base, and resolves on its load", async () => {
    const help = { E_FIELDS: "Fields: …" };
    lazy.setParts(BASE);
    const first = lazy.part("help");
    const second = lazy.part("help");

    expect(scripts()).toHaveLength(1);
    const [script] = scripts();
    expect(script.src).toBe("https://cdn.example.org/osdi-embed/0.1.0/osdi-embed-help.js");
    expect(script.parentNode).toBe(document.head);
    // Nothing is known before the file has loaded.
    expect(await settled(first)).toBe(false);

    settle(script, "load", () => lazy.define("help", help));
    await expect(first).resolves.toBe(help);
    await expect(second).resolves.toBe(help);
    // Loaded once: later calls add nothing.
    await expect(lazy.part("help")).resolves.toBe(help);
    expect(scripts()).toHaveLength(1);
  });

  it("resolves each name against the base, one script per part", async () => {
    lazy.setParts("https://example.org/assets/js/osdi-embed.js?v=3");
    void lazy.part("outbox");
    void lazy.part("countries");
    expect(scripts().map((s) => s.src)).toEqual([
      "https://example.org/assets/js/osdi-embed-outbox.js",
      "https://example.org/assets/js/osdi-embed-countries.js",
    ]);
  });

  it("rejects when the script fails to load, and a later call adds a new script", async () => {
    const value = { deliver() {}, flush() {} };
    lazy.setParts(BASE);
    const first = lazy.part("outbox");
    const [failed] = scripts();
    expect(failed.src).toBe("https://cdn.example.org/osdi-embed/0.1.0/osdi-embed-outbox.js");
    settle(failed, "error");
    await expect(first).rejects.toBeDefined();

    const again = lazy.part("outbox");
    expect(scripts()).toHaveLength(2);
    const retry = scripts()[1];
    expect(retry).not.toBe(failed);
    expect(retry.src).toBe(failed.src);
    settle(retry, "load", () => lazy.define("outbox", value));
    await expect(again).resolves.toBe(value);
  });
});
