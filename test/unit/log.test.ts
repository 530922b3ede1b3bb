import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { FIXES } from "../../src/config/fixes";
import { AuthorError, type Fixes, say, setFixes, unknown } from "../../src/config/log";
import { authorError, parse } from "./helpers";

let error: MockInstance<typeof console.error>;
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  error = vi.spyOn(console, "error").mockImplementation(() => {});
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  setFixes(FIXES);
  vi.restoreAllMocks();
});

/** A loader that resolves (or rejects) when the test says so. */
function deferred() {
  let resolve!: (f: Fixes) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<Fixes>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { load: vi.fn(() => promise), resolve, reject };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("AuthorError without the help texts (the script-tag bundle before they load)", () => {
  it("still names the attribute and the value, and points to the reference", () => {
    const e = authorError(() => parse({ fields: "given_name emial" }));
    setFixes(undefined);
    expect(e.fix).toBe("");
    expect(e.message).toContain('data-osdi-fields="given_name emial"');
    expect(e.message).toContain("docs/reference.md");
    expect(e.message.startsWith("[osdi-embed] ")).toBe(true);
  });

  it("gains the fix once the help texts are there", () => {
    setFixes(undefined);
    const e = authorError(() => parse({ fields: "given_name emial" }));
    setFixes(FIXES);
    expect(e.fix).toContain('did you mean "email"?');
    expect(e.message).toContain(e.fix);
  });

  it("is an Error", () => {
    expect(authorError(() => parse({ styles: "x" }))).toBeInstanceOf(Error);
    expect(new AuthorError("data-osdi-x", "v", "oneOf", "a, b").fix).toBe("use one of: a, b.");
  });
});

describe("say", () => {
  it("prints at once when the help texts are inlined", () => {
    say("error", () => "now");
    expect(error).toHaveBeenCalledTimes(1);
    // print() now adds the prefix authors search for to every message that lacks it.
    expect(error.mock.calls[0][0]).toBe("[osdi-embed] now");
  });

  it("prints at once when there is nothing to load", () => {
    setFixes(undefined);
    say("warn", () => "plain");
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("waits for the help texts, then prints once with the fix", async () => {
    const d = deferred();
    setFixes(undefined, d.load);
    const e = authorError(() => parse({ styles: "fancy" }));
    const el = document.createElement("div");
    say("error", () => e.message, el);
    expect(error).not.toHaveBeenCalled();
    d.resolve(FIXES);
    await flush();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toContain("use one of: base, none.");
    expect(error.mock.calls[0][1]).toBe(el);
  });

  // A help file that fails to load (offline, CSP, 404) must not add an "Uncaught (in promise)"
  // to the one console error the contract allows.
  it("prints once, without the fix and without an unhandled rejection, when the help texts cannot load", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const d = deferred();
      setFixes(undefined, d.load);
      const e = authorError(() => parse({ styles: "fancy" }));
      say("error", () => e.message);
      d.reject(new Error("help file blocked"));
      await flush();
      await flush();
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toContain('data-osdi-styles="fancy"');
    expect(unhandled).toEqual([]);
  });
});

describe("unknown", () => {
  it("warns with the closest known attribute", () => {
    unknown("attribute", "requried", "email");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe(
      '[osdi-embed] data-osdi-requried="email" is not a known attribute; did you mean data-osdi-required?',
    );
  });

  it("still warns, naming the attribute, before the help texts load", async () => {
    setFixes(undefined);
    unknown("attribute", "requried", "email");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('data-osdi-requried="email"');
  });
});
