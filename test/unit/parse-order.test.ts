/**
 * The parsers run in the order src/config/parse.ts writes them, and a parser reads
 * only the options of parsers before it: this holds each one to that, by running it
 * on options that record what it reads.
 */
import { describe, expect, it, vi } from "vitest";
import { PARSERS, parseOptions, type Raw } from "../../src/config/parse";
import { EVENT, PAGE } from "./helpers";

/** Attributes that every parser takes without an error, an event's with all it can hold. */
const RAW: Raw = {
  action: EVENT,
  fields: "given_name email phone",
  required: "email",
  "email-opt-in": "required",
  "sms-opt-in": "unchecked",
  start: "2026-12-10T18:30:00-06:00",
  end: "2026-12-10T20:00:00-06:00",
  location: "Millbrook Library",
};

describe("the parsers' order", () => {
  const names = Object.keys(PARSERS) as (keyof typeof PARSERS)[];
  const options = parseOptions(RAW, PAGE) as unknown as Record<string, unknown>;
  /** The options each parser adds: action's are spread (kind, helper, action). */
  const adds = (name: string) => (name === "action" ? ["kind", "helper", "action"] : [name]);

  it.each(names.map((name, i) => [name, i] as const))(
    "%s reads only the options of the parsers before it",
    (name, i) => {
      vi.spyOn(console, "warn").mockImplementation(() => {});
      const before = new Set(names.slice(0, i).flatMap(adds));
      const read: string[] = [];
      const recorder = new Proxy(options, {
        get(target, key) {
          if (typeof key === "string") read.push(key);
          return target[key as string];
        },
      });
      (PARSERS[name] as (raw: Raw, o: unknown, page: unknown) => unknown)(RAW, recorder, PAGE);
      expect(read.filter((key) => !before.has(key))).toEqual([]);
      vi.restoreAllMocks();
    },
  );

  it("reads some options at all (the recorder sees reads)", () => {
    const read: string[] = [];
    const recorder = new Proxy(options, {
      get(target, key) {
        read.push(String(key));
        return target[key as string];
      },
    });
    PARSERS.required(RAW, recorder as never);
    expect(read).toContain("fields");
  });
});
