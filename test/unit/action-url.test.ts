// The rule for data-osdi-action: every form an organizer may paste from Action Network,
// accepted or refused with its own code, and other hosts as before (test/action-urls.ts).
import { describe, expect, it, vi } from "vitest";
import { FIXES } from "../../src/config/fixes";
import { parseOptions } from "../../src/config/parse";
import { ACCEPTED, REFUSED } from "../action-urls";
import { authorError, PAGE } from "./helpers";

const parse = (action: string, kind: string) =>
  parseOptions({ action, ...(kind ? { kind } : {}) }, PAGE);

describe("an action URL that posts to a helper", () => {
  it.each(ACCEPTED)("%s (kind %j)", (url, kind, { kind: named, helper }) => {
    const options = parse(url, kind);
    expect(options.kind).toBe(named);
    expect(options.helper).toBe(helper);
  });
});

describe("an action URL that reaches no helper is refused before any visitor types", () => {
  it.each(REFUSED)("%s (kind %j): %s", (url, kind, code) => {
    const e = authorError(() => parse(url, kind));
    expect(e.code).toBe(code);
    expect(e.attr).toBe(code === "kind" ? "data-osdi-kind" : "data-osdi-action");
    expect(FIXES[code]).toBeTypeOf("function");
  });

  it("names the attribute and the value, says where the API URL is, and keeps the public page as the fallback", () => {
    const url = "https://actionnetwork.org/petitions/save-the-park";
    const message = authorError(() => parse(url, "")).message;
    expect(message).toContain(`data-osdi-action="${url}" is not valid`);
    expect(message).toContain("public page");
    expect(message).toContain("API URL");
    expect(message).toContain("sidebar of the action's manage page");
    expect(message).toContain("API access");
    expect(message).toContain("fallback link");
    expect(message).toContain("The fallback stays.");
  });

  it("gives each Action Network mistake its own help text", () => {
    const codes = [...new Set(REFUSED.map(([, , code]) => code))];
    const texts = codes.map((code) => FIXES[code]("petition"));
    expect(new Set(texts).size).toBe(codes.length);
  });

  it("does not warn about anything else while refusing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    authorError(() => parse("https://actionnetwork.org/events/town-hall", ""));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
