/**
 * mount()'s settings: one per attribute (the type from the parsers, the list
 * checked here both ways), and their values turned into the attributes' strings
 * for the same parseOptions.
 */
import { describe, expect, it } from "vitest";
import { attributeName } from "../../src/config/attributes";
import { KNOWN, parseOptions } from "../../src/config/parse";
import { type Settings, toAttributes } from "../../src/config/settings";
import { authorError, EVENT, PAGE, PETITION, parse } from "./helpers";

/**
 * Every key of Settings, no more and no fewer: `satisfies` fails the type check
 * when a parser (so a setting) is added and not listed here, or one is listed
 * that is not a setting.
 */
const SETTINGS = {
  action: true,
  kind: true,
  background: true,
  fields: true,
  required: true,
  customFields: true,
  tags: true,
  source: true,
  referrer: true,
  autoresponse: true,
  emailOptIn: true,
  smsOptIn: true,
  redirect: true,
  lang: true,
  text: true,
  title: true,
  description: true,
  start: true,
  end: true,
  location: true,
  timezone: true,
  online: true,
  styles: true,
  datalayer: true,
  prefill: true,
  classes: true,
} satisfies Record<keyof Settings, true>;

describe("Settings", () => {
  it("has a key for every attribute, and the text, prefill and classes families, and no other", () => {
    const attributes = [...KNOWN, "text", "prefill", "classes"];
    expect(Object.keys(SETTINGS).map(attributeName).sort()).toEqual(attributes.sort());
  });

  it("names each attribute in camelCase", () => {
    expect(attributeName("emailOptIn")).toBe("email-opt-in");
    expect(attributeName("customFields")).toBe("custom-fields");
    expect(attributeName("fields")).toBe("fields");
  });
});

describe("toAttributes", () => {
  it("keeps strings as they are, and turns flags into true or false", () => {
    expect(
      toAttributes({
        action: PETITION,
        fields: "given_name email",
        background: true,
        autoresponse: false,
        datalayer: "",
      }),
    ).toEqual({
      action: PETITION,
      fields: "given_name email",
      background: "true",
      autoresponse: "false",
      datalayer: "",
    });
  });

  it("joins lists by commas, writes custom fields as JSON and dates in ISO 8601", () => {
    const custom = [{ name: "shift", label: "Shift", type: "radio", options: ["AM", "PM"] }];
    expect(
      toAttributes({
        fields: ["email", "phone"],
        tags: ["climate", "city hall"],
        customFields: custom,
        start: new Date(Date.UTC(2026, 2, 14, 18)),
        action: new URL(PETITION),
      }),
    ).toEqual({
      fields: "email,phone",
      tags: "climate,city hall",
      "custom-fields": JSON.stringify(custom),
      start: "2026-03-14T18:00:00.000Z",
      action: PETITION,
    });
  });

  it("gives a family one attribute per key", () => {
    expect(
      toAttributes({
        text: { submit: "Add my name", thanks: "Done" },
        prefill: { email: "a@b.c" },
      }),
    ).toEqual({ "text-submit": "Add my name", "text-thanks": "Done", "prefill-email": "a@b.c" });
  });

  it("leaves out undefined, null and the callbacks", () => {
    expect(
      toAttributes({ title: undefined, lang: null, onSuccess() {}, onReady: () => {} }),
    ).toEqual({});
  });

  it("parses to what the same attributes parse to", () => {
    const start = new Date("2026-03-14T18:00:00Z");
    const end = new Date("2026-03-14T20:00:00Z");
    const custom = [{ name: "agree", label: "I agree", type: "checkbox" as const, required: true }];
    const fromSettings = parseOptions(
      toAttributes({
        action: EVENT,
        fields: ["given_name", "email", "phone"],
        required: ["email"],
        tags: ["a b", "c"],
        customFields: custom,
        emailOptIn: true,
        smsOptIn: true,
        autoresponse: false,
        start,
        end,
        text: { submit: "Count me in" },
      } satisfies Settings),
      PAGE,
    );
    const fromAttributes = parseOptions(
      {
        action: EVENT,
        fields: "given_name email phone",
        required: "email",
        tags: "a b, c",
        "custom-fields": JSON.stringify(custom),
        "email-opt-in": "",
        "sms-opt-in": "",
        autoresponse: "false",
        start: "2026-03-14T18:00:00Z",
        end: "2026-03-14T20:00:00Z",
        "text-submit": "Count me in",
      },
      PAGE,
    );
    expect(fromSettings).toEqual(fromAttributes);
    expect(fromSettings.tags).toEqual(["a b", "c"]);
    expect(fromSettings.start).toEqual(start);
    expect(fromSettings.emailOptIn).toBe("unchecked");
    expect(fromSettings.autoresponse).toBe(false);
  });

  it("turns off what false turns off", () => {
    const o = parse(
      toAttributes({ emailOptIn: false, smsOptIn: false, datalayer: false, background: false }),
    );
    expect(o.emailOptIn).toBeUndefined();
    expect(o.smsOptIn).toBe(false);
    expect(o.datalayer).toBe(false);
    expect(o.helper).not.toContain("background_request");
  });

  it("gives a bad value the attribute's own error", () => {
    const e = authorError(() => parse(toAttributes({ fields: ["given_name", "emial"] })));
    expect(e.attr).toBe("data-osdi-fields");
    expect(e.value).toBe("given_name,emial");
    expect(e.message).toContain('did you mean "email"');
    // An invalid date is named as the attribute would be, not thrown as a RangeError.
    const date = authorError(() => parse(toAttributes({ start: new Date("soon") })));
    expect(date.attr).toBe("data-osdi-start");
    expect(date.code).toBe("date");
  });
});
