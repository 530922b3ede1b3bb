import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { AuthorError } from "../../src/config/log";
import { parseOptions } from "../../src/config/parse";
import { readAttributes } from "../../src/element/page";
import { authorError, CAMPAIGN_EVENT, EVENT, FORM, PAGE, PETITION, parse } from "./helpers";

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The message names the attribute, quotes the value and carries the fix. */
function expectMessage(e: AuthorError, attr: string, value: string) {
  expect(e.message).toContain(`${attr}="${value}"`);
  expect(e.message).toContain(e.fix);
  expect(e.message.startsWith("[osdi-embed] ")).toBe(true);
}

/** Every console.warn message so far, as one string per call. */
const warnings = () => warn.mock.calls.map((c) => String(c[0]));

describe("defaults", () => {
  it("gives every attribute its contract default when only the action is set", () => {
    expect(parseOptions({ action: PETITION }, PAGE)).toEqual({
      kind: "petition",
      action: PETITION,
      helper: `${PETITION}/signatures`,
      fields: ["given_name", "family_name", "email", "postal_code"],
      required: ["email"],
      customFields: [],
      tags: [],
      source: undefined,
      referrer: undefined,
      autoresponse: true,
      emailOptIn: undefined,
      smsOptIn: false,
      redirect: undefined,
      lang: undefined,
      text: {},
      title: undefined,
      description: undefined,
      start: undefined,
      end: undefined,
      location: undefined,
      timezone: undefined,
      online: false,
      styles: "base",
      datalayer: false,
      prefill: {},
      classes: {},
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it("requires phone by default when email is not shown", () => {
    expect(parse({ fields: "given_name phone" }).required).toEqual(["phone"]);
  });
});

describe("data-osdi-action and data-osdi-kind", () => {
  it.each([
    ["a petition", PETITION, undefined, "petition", `${PETITION}/signatures`],
    ["a form", FORM, undefined, "form", `${FORM}/submissions`],
    ["an event", EVENT, undefined, "event", `${EVENT}/attendances`],
    ["an event of a campaign", CAMPAIGN_EVENT, undefined, "event", `${CAMPAIGN_EVENT}/attendances`],
    ["a trailing slash", `${PETITION}/`, undefined, "petition", `${PETITION}/signatures`],
    [
      "the helper itself",
      `${PETITION}/signatures`,
      undefined,
      "petition",
      `${PETITION}/signatures`,
    ],
    ["a form helper", `${FORM}/submissions`, undefined, "form", `${FORM}/submissions`],
    ["an event helper", `${EVENT}/attendances`, undefined, "event", `${EVENT}/attendances`],
    ["kind agreeing with the URL", FORM, "form", "form", `${FORM}/submissions`],
    [
      "a URL without a kind, with data-osdi-kind",
      "https://helper.example.org/osdi/submit",
      "form",
      "form",
      "https://helper.example.org/osdi/submit",
    ],
    [
      "http on localhost",
      "http://localhost:8787/api/v2/forms/abc",
      undefined,
      "form",
      "http://localhost:8787/api/v2/forms/abc/submissions",
    ],
    [
      "http on 127.0.0.1",
      "http://127.0.0.1/api/v2/events/abc",
      undefined,
      "event",
      "http://127.0.0.1/api/v2/events/abc/attendances",
    ],
    ["surrounding whitespace", `  ${PETITION}\n`, undefined, "petition", `${PETITION}/signatures`],
  ])("accepts %s", (_name, action, kind, expectedKind, helper) => {
    const o = parseOptions(kind ? { action, kind } : { action }, PAGE);
    expect(o.kind).toBe(expectedKind);
    expect(o.helper).toBe(helper);
    expect(o.action).toBe(action.trim());
  });

  it.each([
    ["missing", {}, "data-osdi-action", "", /API URL/],
    ["empty", { action: "" }, "data-osdi-action", "", /API URL/],
    ["not a URL", { action: "petition 42" }, "data-osdi-action", "petition 42", /https:\/\//],
    [
      "plain http",
      { action: PETITION.replace("https:", "http:") },
      "data-osdi-action",
      PETITION.replace("https:", "http:"),
      /https:\/\/.*localhost/,
    ],
    [
      "javascript:",
      { action: "javascript:alert(1)" },
      "data-osdi-action",
      "javascript:alert(1)",
      /https:\/\//,
    ],
    [
      "ftp:",
      { action: "ftp://actionnetwork.org/api/v2/forms/abc" },
      "data-osdi-action",
      "ftp://actionnetwork.org/api/v2/forms/abc",
      /https:\/\//,
    ],
    [
      "protocol-relative",
      { action: "//actionnetwork.org/api/v2/forms/abc" },
      "data-osdi-action",
      "//actionnetwork.org/api/v2/forms/abc",
      /https:\/\//,
    ],
    [
      "http on a host named like localhost",
      { action: "http://localhost.evil.example/forms/abc" },
      "data-osdi-action",
      "http://localhost.evil.example/forms/abc",
      /https:\/\//,
    ],
    [
      "a URL without a kind",
      { action: "https://helper.example.org/osdi/submit" },
      "data-osdi-action",
      "https://helper.example.org/osdi/submit",
      /data-osdi-kind/,
    ],
    [
      "a kind that is not one",
      { action: "https://helper.example.org/x", kind: "survey" },
      "data-osdi-kind",
      "survey",
      /petition, form, event/,
    ],
    [
      "a kind contradicting the URL",
      { action: PETITION, kind: "form" },
      "data-osdi-kind",
      "form",
      /petition/,
    ],
    [
      "an event URL called a petition",
      { action: EVENT, kind: "petition" },
      "data-osdi-kind",
      "petition",
      /is a event|is an event/,
    ],
    [
      "the wrong collection",
      { action: `${PETITION}/attendances` },
      "data-osdi-action",
      `${PETITION}/attendances`,
      /\/signatures/,
    ],
    [
      "a form posting to signatures",
      { action: `${FORM}/signatures` },
      "data-osdi-action",
      `${FORM}/signatures`,
      /\/submissions/,
    ],
  ])("refuses %s", (_name, raw, attr, value, fix) => {
    const e = authorError(() => parseOptions(raw as Record<string, string>, PAGE));
    expect(e.attr).toBe(attr);
    expect(e.value).toBe(value);
    expect(e.fix).toMatch(fix);
    expectMessage(e, attr, value);
  });

  it("keeps the query of the action URL on the helper", () => {
    expect(parse({ action: `${FORM}?x=1` }).helper).toBe(`${FORM}/submissions?x=1`);
  });
});

describe("credentials", () => {
  const SECRET = "sk_live_9f8e7d6c5b4a";

  it.each(["api-key", "apikey", "token", "osdi-api-token", "secret", "client-secret", "password"])(
    "refuses data-osdi-%s without echoing its value",
    (name) => {
      const e = authorError(() => parse({ [name]: SECRET }));
      expect(e.attr).toBe(`data-osdi-${name}`);
      expect(e.value).not.toContain(SECRET);
      expect(e.message).not.toContain(SECRET);
      expect(e.fix).toMatch(/remove/);
      for (const w of warnings()) expect(w).not.toContain(SECRET);
    },
  );

  // An unknown attribute is warned about with its value: a credential must never get that far.
  it("refuses data-osdi-api_key too, and never prints its value", () => {
    const e = authorError(() => parse({ api_key: SECRET }));
    expect(e.attr).toBe("data-osdi-api_key");
    expect(e.message).not.toContain(SECRET);
    for (const w of warnings()) expect(w).not.toContain(SECRET);
  });

  it.each([
    ["a user and password", "https://organizer:hunter2@actionnetwork.org/api/v2/forms/abc"],
    ["a user name", "https://organizer@actionnetwork.org/api/v2/forms/abc"],
    ["a token in the query", `${FORM}?token=abc123`],
    ["an api-key in the query", `${FORM}?api-key=abc123`],
    ["an OSDI-API-Token in the query", `${FORM}?OSDI-API-Token=abc123`],
    ["a password in the query", `${FORM}?password=abc123`],
  ])("refuses an action URL with %s", (_name, url) => {
    const e = authorError(() => parse({ action: url }));
    expect(e.attr).toBe("data-osdi-action");
    expect(e.fix).toMatch(/credential/);
  });

  it("refuses an action URL with api_key in the query", () => {
    const e = authorError(() => parse({ action: `${FORM}?api_key=${SECRET}` }));
    expect(e.attr).toBe("data-osdi-action");
  });

  it("does not echo a password from the action URL", () => {
    const e = authorError(() =>
      parse({ action: `https://organizer:${SECRET}@actionnetwork.org/api/v2/forms/abc` }),
    );
    expect(e.fix).toMatch(/credential/);
    expect(e.message).not.toContain(SECRET);
  });

  // A word in a query *value* is not a credential: only parameter names can carry one.
  it.each([
    ["redirect", "https://example.org/thanks?utm_campaign=secret-ballot"],
    ["redirect", "https://example.org/help?next=password-reset"],
    ["action", `${FORM}?utm_content=tokenism`],
  ])("accepts data-osdi-%s when only a query value contains a credential word: %s", (attr, url) => {
    const o = parse({ [attr]: url });
    expect(attr === "redirect" ? o.redirect : o.action).toBe(url);
  });

  it("refuses credentials in a redirect URL", () => {
    const e = authorError(() => parse({ redirect: "https://me:pw@example.org/thanks" }));
    expect(e.attr).toBe("data-osdi-redirect");
    expect(e.fix).toMatch(/credential/);
  });
});

describe("data-osdi-fields and data-osdi-required", () => {
  it.each([
    ["space-separated", "given_name email", ["given_name", "email"]],
    ["comma-separated", "email,phone,country", ["email", "phone", "country"]],
    ["mixed separators", " email ,\n phone  street ", ["email", "phone", "street"]],
    ["display order kept", "postal_code email given_name", ["postal_code", "email", "given_name"]],
    ["duplicates once", "email email phone", ["email", "phone"]],
    ["phone only", "phone", ["phone"]],
    [
      "every field",
      "given_name family_name email phone street locality region postal_code country comments",
      [
        "given_name",
        "family_name",
        "email",
        "phone",
        "street",
        "locality",
        "region",
        "postal_code",
        "country",
        "comments",
      ],
    ],
  ])("accepts %s", (_name, fields, expected) => {
    expect(parse({ fields }).fields).toEqual(expected);
  });

  it.each([
    ["emial", "email"],
    ["first_name", "given_name"],
    ["famly_name", "family_name"],
    ["postcode", "postal_code"],
    ["Email", "email"],
  ])('refuses the unknown field "%s" and suggests "%s"', (bad, suggestion) => {
    const fields = `given_name ${bad} phone`;
    const e = authorError(() => parse({ fields }));
    expect(e.attr).toBe("data-osdi-fields");
    expect(e.value).toBe(fields);
    expect(e.fix).toContain(`"${bad}"`);
    expect(e.fix).toContain(`did you mean "${suggestion}"?`);
    expectMessage(e, "data-osdi-fields", fields);
  });

  it.each([
    ["a form", FORM],
    ["an event", EVENT],
  ])("refuses comments on %s", (_name, action) => {
    const e = authorError(() => parse({ action, fields: "email comments" }));
    expect(e.attr).toBe("data-osdi-fields");
    expect(e.value).toBe("email comments");
    expect(e.fix).toMatch(/petition/);
  });

  it("accepts comments on a petition", () => {
    expect(parse({ fields: "email comments" }).fields).toEqual(["email", "comments"]);
  });

  it.each(["given_name family_name", "", "  ,  "])(
    'refuses fields "%s" without email or phone',
    (fields) => {
      const e = authorError(() => parse({ fields }));
      expect(e.attr).toBe("data-osdi-fields");
      expect(e.value).toBe(fields);
      expect(e.fix).toMatch(/email or phone/);
    },
  );

  it.each([
    ["email phone", "email phone", ["email", "phone"]],
    ["given_name, email", "given_name email", ["given_name", "email"]],
    ["phone", "given_name phone", ["phone"]],
  ])("accepts required %s", (required, fields, expected) => {
    expect(parse({ fields, required }).required).toEqual(expected);
  });

  it("refuses a required field that is not shown", () => {
    const e = authorError(() => parse({ fields: "given_name email", required: "email phone" }));
    expect(e.attr).toBe("data-osdi-required");
    expect(e.value).toBe("email phone");
    expect(e.fix).toContain('"phone"');
    expect(e.fix).toContain("data-osdi-fields");
  });

  it("refuses a required field that does not exist at all", () => {
    const e = authorError(() => parse({ required: "emial" }));
    expect(e.attr).toBe("data-osdi-required");
    expect(e.value).toBe("emial");
  });
});

describe("data-osdi-custom-fields", () => {
  it("accepts every type and normalizes required", () => {
    const json = JSON.stringify([
      { name: "issue", label: "Issue", type: "select", options: ["Housing", "Transit"] },
      { name: "story", label: "Your story", type: "textarea" },
      { name: "shift", label: "Shift", type: "radio", options: ["Morning", "Evening"] },
      { name: "volunteer", label: "I can volunteer", type: "checkbox", required: true },
      { name: "skills", label: "Skills", type: "checkbox", options: ["Design", "Code"] },
      { name: "work email", label: "Work email", type: "email", required: false },
      { name: "age", label: "Age", type: "number" },
      { name: "born.on", label: "Birthday", type: "date" },
      { name: "nick-name", label: "Nickname", type: "text" },
    ]);
    const cf = parse({ "custom-fields": json }).customFields;
    expect(cf).toHaveLength(9);
    expect(cf[0]).toEqual({
      name: "issue",
      label: "Issue",
      type: "select",
      options: ["Housing", "Transit"],
      required: false,
    });
    expect(cf[3]).toEqual({
      name: "volunteer",
      label: "I can volunteer",
      type: "checkbox",
      options: undefined,
      required: true,
    });
    expect(cf.map((c) => c.type)).toEqual([
      "select",
      "textarea",
      "radio",
      "checkbox",
      "checkbox",
      "email",
      "number",
      "date",
      "text",
    ]);
    expect(cf.every((c) => typeof c.required === "boolean")).toBe(true);
  });

  it("accepts an empty array and an absent attribute as no custom fields", () => {
    expect(parse({ "custom-fields": "[]" }).customFields).toEqual([]);
    expect(parse({ "custom-fields": "" }).customFields).toEqual([]);
  });

  const ok = { name: "issue", label: "Issue", type: "text" };
  it.each([
    ["not JSON", "[{name: 'issue'}]"],
    ["truncated JSON", '[{"name":"issue"'],
    ["an object, not an array", JSON.stringify(ok)],
    ["a string", '"issue"'],
    ["null", "null"],
    ["a number in the array", "[1]"],
    ["null in the array", "[null]"],
    ["no name", JSON.stringify([{ label: "Issue", type: "text" }])],
    ["a numeric name", JSON.stringify([{ ...ok, name: 7 }])],
    ["an empty name", JSON.stringify([{ ...ok, name: "" }])],
    ["a name with markup", JSON.stringify([{ ...ok, name: "<b>x</b>" }])],
    ["a name of 101 characters", JSON.stringify([{ ...ok, name: "n".repeat(101) }])],
    ["a duplicate name", JSON.stringify([ok, { ...ok, label: "Again" }])],
    ["no label", JSON.stringify([{ name: "issue", type: "text" }])],
    ["a blank label", JSON.stringify([{ ...ok, label: "   " }])],
    ["an unknown type", JSON.stringify([{ ...ok, type: "color" }])],
    ["no type", JSON.stringify([{ name: "issue", label: "Issue" }])],
    ["a select without options", JSON.stringify([{ ...ok, type: "select" }])],
    ["a radio without options", JSON.stringify([{ ...ok, type: "radio" }])],
    ["empty options", JSON.stringify([{ ...ok, type: "select", options: [] }])],
    ["options not an array", JSON.stringify([{ ...ok, type: "select", options: "a,b" }])],
    ["a non-string option", JSON.stringify([{ ...ok, type: "radio", options: ["a", 2] }])],
    ["required as a string", JSON.stringify([{ ...ok, required: "yes" }])],
  ])("refuses %s, naming the attribute and the value", (_name, json) => {
    const e = authorError(() => parse({ "custom-fields": json }));
    expect(e.attr).toBe("data-osdi-custom-fields");
    expect(e.value).toBe(json);
    expect(e.fix).toMatch(/JSON array/);
    expectMessage(e, "data-osdi-custom-fields", json);
  });
});

describe("data-osdi-tags", () => {
  it.each([
    ["climate, volunteer", ["climate", "volunteer"]],
    [" climate justice ,, volunteer ,", ["climate justice", "volunteer"]],
    ["", []],
  ])("splits %j on commas", (tags, expected) => {
    expect(parse({ tags }).tags).toEqual(expected);
  });
});

describe("data-osdi-source and data-osdi-referrer", () => {
  it.each(["source", "referrer"] as const)("reads %s from the attribute", (attr) => {
    expect(parse({ [attr]: "news_letter-2026" })[attr]).toBe("news_letter-2026");
  });

  it.each(["source", "referrer"] as const)("falls back to ?%s= in the page URL", (attr) => {
    const page = { href: `https://example.org/act?${attr}=fb-ad_3&x=1` };
    expect(parse({}, page)[attr]).toBe("fb-ad_3");
  });

  it.each(["source", "referrer"] as const)("prefers the attribute to the page URL (%s)", (attr) => {
    const page = { href: `https://example.org/act?${attr}=fromurl` };
    expect(parse({ [attr]: "fromattr" }, page)[attr]).toBe("fromattr");
  });

  it.each(["source", "referrer"] as const)("refuses a bad %s attribute", (attr) => {
    const e = authorError(() => parse({ [attr]: "news letter<script>" }));
    expect(e.attr).toBe(`data-osdi-${attr}`);
    expect(e.value).toBe("news letter<script>");
    expect(e.fix).toMatch(/letters, digits/);
  });

  it.each(["%3Cscript%3Ealert(1)%3C%2Fscript%3E", "has%20space", "x".repeat(101), "", "caf%C3%A9"])(
    "silently drops a bad ?source=%s from the page URL",
    (q) => {
      const page = { href: `https://example.org/act?source=${q}&referrer=${q}` };
      const o = parse({}, page);
      expect(o.source).toBeUndefined();
      expect(o.referrer).toBeUndefined();
      expect(warn).not.toHaveBeenCalled();
    },
  );
});

describe("switches", () => {
  it.each([
    ["true", true],
    ["false", false],
  ])("autoresponse %s", (v, expected) => {
    expect(parse({ autoresponse: v }).autoresponse).toBe(expected);
  });

  it.each(["required", "checked", "unchecked"] as const)("email-opt-in %s", (v) => {
    expect(parse({ "email-opt-in": v }).emailOptIn).toBe(v);
  });

  // Boolean attributes now read as HTML's do: valueless (or "true") is an unticked box.
  it.each(["true", ""])("email-opt-in=%j as an unticked box", (v) => {
    expect(parse({ fields: "email phone", "email-opt-in": v }).emailOptIn).toBe("unchecked");
  });

  it.each(["unchecked", "true"])("sms-opt-in %s with phone shown", (v) => {
    expect(parse({ fields: "email phone", "sms-opt-in": v }).smsOptIn).toBe(true);
  });

  it.each(["base", "none"] as const)("styles %s", (v) => {
    expect(parse({ styles: v }).styles).toBe(v);
  });

  it.each([
    ["autoresponse", "yes", /true, false/],
    ["autoresponse", "TRUE", /true, false/],
    ["styles", "dark", /base, none/],
    ["sms-opt-in", "yes", /unchecked/],
  ])("refuses %s=%j", (attr, value, fix) => {
    const e = authorError(() => parse({ fields: "email phone", [attr]: value }));
    expect(e.attr).toBe(`data-osdi-${attr}`);
    expect(e.value).toBe(value);
    expect(e.fix).toMatch(fix);
  });

  it("refuses a pre-ticked SMS box", () => {
    const e = authorError(() => parse({ fields: "email phone", "sms-opt-in": "checked" }));
    expect(e.attr).toBe("data-osdi-sms-opt-in");
    expect(e.value).toBe("checked");
    expect(e.fix).toMatch(/"unchecked"/);
  });

  it("refuses an SMS box without a phone field", () => {
    const e = authorError(() => parse({ fields: "email", "sms-opt-in": "unchecked" }));
    expect(e.attr).toBe("data-osdi-sms-opt-in");
    expect(e.fix).toMatch(/phone/);
  });
});

describe("data-osdi-redirect", () => {
  it.each([
    ["https://example.org/thanks", "https://example.org/thanks"],
    ["https://other.example/done?x=1#top", "https://other.example/done?x=1#top"],
    ["/thanks", "https://example.org/thanks"],
    ["thanks.html", "https://example.org/thanks.html"],
    ["?done=1", "https://example.org/take-action?done=1"],
    ["#thanks", "https://example.org/take-action#thanks"],
  ])("resolves %s", (v, expected) => {
    expect(parse({ redirect: v }).redirect).toBe(expected);
  });

  it("allows a relative redirect on a localhost page", () => {
    expect(parse({ redirect: "/ok" }, { href: "http://localhost:3000/" }).redirect).toBe(
      "http://localhost:3000/ok",
    );
  });

  it.each([
    "javascript:alert(1)",
    " JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "http://example.org/thanks",
    "vbscript:msgbox(1)",
  ])("refuses %s", (v) => {
    const e = authorError(() => parse({ redirect: v }));
    expect(e.attr).toBe("data-osdi-redirect");
    expect(e.value).toBe(v);
    expect(e.fix).toMatch(/https:\/\//);
  });
});

describe("data-osdi-lang", () => {
  it.each(["en", "es", "pt-BR", "zh-Hant-TW", "haw"])("accepts %s", (lang) => {
    expect(parse({ lang }).lang).toBe(lang);
  });

  it.each(["english", "e", "en_US", "pt-", "<en>", ""])("refuses %j", (lang) => {
    const e = authorError(() => parse({ lang }));
    expect(e.attr).toBe("data-osdi-lang");
    expect(e.value).toBe(lang);
    expect(e.fix).toMatch(/language tag/);
  });
});

describe("data-osdi-text-<key>", () => {
  it("overrides known keys, keeping the text as given", () => {
    const o = parse({
      "text-submit": "Add my name",
      "text-thanks": "<b>Merci</b>",
      "text-email": "E-mail",
    });
    expect(o.text).toEqual({ submit: "Add my name", thanks: "<b>Merci</b>", email: "E-mail" });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ["sumbit", "submit"],
    ["thank", "thanks"],
    ["given-name", "given_name"],
  ])("warns about text-%s, suggests text-%s, and still parses", (bad, good) => {
    const o = parse({ [`text-${bad}`]: "x" });
    expect(o.text).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warnings()[0]).toContain(`data-osdi-text-${bad}`);
    expect(warnings()[0]).toContain("is not a text key");
    expect(warnings()[0]).toContain(`did you mean data-osdi-text-${good}?`);
  });
});

describe("title, description, location", () => {
  it("trims them and drops blanks", () => {
    const o = parse({ title: "  Save the park ", description: "\n", location: " City Hall " });
    expect(o.title).toBe("Save the park");
    expect(o.description).toBeUndefined();
    expect(o.location).toBe("City Hall");
  });
});

describe("data-osdi-start and data-osdi-end", () => {
  it("parses ISO dates", () => {
    const o = parse({
      action: EVENT,
      start: "2026-03-14T18:00:00-05:00",
      end: "2026-03-14T20:00:00-05:00",
    });
    expect(o.start?.toISOString()).toBe("2026-03-14T23:00:00.000Z");
    expect(o.end?.toISOString()).toBe("2026-03-15T01:00:00.000Z");
  });

  it("allows an end equal to the start", () => {
    const o = parse({ start: "2026-03-14T18:00:00Z", end: "2026-03-14T18:00:00Z" });
    expect(o.end?.getTime()).toBe(o.start?.getTime());
  });

  it.each(["start", "end"])("refuses a %s that is not a date", (attr) => {
    const e = authorError(() => parse({ [attr]: "next Tuesday-ish" }));
    expect(e.attr).toBe(`data-osdi-${attr}`);
    expect(e.value).toBe("next Tuesday-ish");
    expect(e.fix).toMatch(/ISO 8601/);
  });

  it("refuses an end before the start", () => {
    const e = authorError(() =>
      parse({ start: "2026-03-14T18:00:00Z", end: "2026-03-14T17:59:59Z" }),
    );
    expect(e.attr).toBe("data-osdi-end");
    expect(e.value).toBe("2026-03-14T17:59:59Z");
    expect(e.fix).toMatch(/start/);
  });
});

describe("data-osdi-timezone and data-osdi-online", () => {
  it("keeps the offset data-osdi-start was written with as the place's zone", () => {
    const at = (start: string) => parse({ action: EVENT, start }).timezone;
    expect(at("2026-12-10T18:30:00-06:00")).toBe("-06:00");
    expect(at("2026-12-10T18:30-0600")).toBe("-0600");
    expect(at("2026-12-11T06:00:00.000+05:30")).toBe("+05:30");
    expect(at("2026-12-11T00:30:00+00:00")).toBe("+00:00");
  });

  it('takes "Z" and no offset as no place\'s zone (Z is the instant alone)', () => {
    for (const start of ["2026-12-11T00:30:00Z", "2026-12-11T00:30:00.000Z", "2026-12-10T18:30"])
      expect(parse({ action: EVENT, start }).timezone).toBeUndefined();
    expect(parse({ action: EVENT, start: "2026-12-10" }).timezone).toBeUndefined();
    expect(parse({ action: EVENT }).timezone).toBeUndefined();
  });

  it("takes an IANA name, which wins over the offset; the instant stays the start as written", () => {
    const o = parse({
      action: EVENT,
      start: "2026-12-10T18:30:00-05:00",
      timezone: "America/Chicago",
    });
    expect(o.timezone).toBe("America/Chicago");
    expect(o.start?.toISOString()).toBe("2026-12-10T23:30:00.000Z");
    for (const timezone of ["UTC", "Asia/Kolkata", "Etc/GMT+6", "Europe/Berlin"])
      expect(parse({ timezone }).timezone).toBe(timezone);
  });

  it.each(["Mars/Olympus_Mons", "America/Chicgo", "CST6CDT7", "-06:00", "+05:30", "", " "])(
    "refuses data-osdi-timezone=%j",
    (timezone) => {
      const e = authorError(() => parse({ action: EVENT, timezone }));
      expectMessage(e, "data-osdi-timezone", timezone);
      expect(e.code).toBe("timezone");
      expect(e.fix).toMatch(/IANA.*America\/Chicago.*data-osdi-start/);
    },
  );

  it("reads data-osdi-online as a boolean attribute", () => {
    expect(parse({ action: EVENT }).online).toBe(false);
    expect(parse({ action: EVENT, online: "" }).online).toBe(true);
    expect(parse({ action: EVENT, online: "true" }).online).toBe(true);
    expect(parse({ action: EVENT, online: "false" }).online).toBe(false);
    const e = authorError(() => parse({ action: EVENT, online: "yes" }));
    expect(e.attr).toBe("data-osdi-online");
    expect(e.code).toBe("oneOf");
  });
});

describe("unknown attributes", () => {
  it.each([
    ["feilds", "fields"],
    ["requried", "required"],
    ["custom-field", "custom-fields"],
    ["sms-optin", "sms-opt-in"],
    ["emailoptin", "email-opt-in"],
    ["tag", "tags"],
    ["langauge", "lang"],
  ])("warns about data-osdi-%s, suggests data-osdi-%s, and still parses", (bad, good) => {
    const o = parse({ [bad]: "v1" });
    expect(o.kind).toBe("petition");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warnings()[0]).toContain(`data-osdi-${bad}="v1" is not a known attribute`);
    expect(warnings()[0]).toContain(`did you mean data-osdi-${good}?`);
  });

  it("does not warn about the known attributes", () => {
    parse({
      kind: "petition",
      fields: "email phone",
      required: "email",
      "custom-fields": "[]",
      tags: "a",
      source: "s",
      referrer: "r",
      autoresponse: "false",
      "email-opt-in": "checked",
      "sms-opt-in": "unchecked",
      redirect: "/thanks",
      lang: "en",
      "text-submit": "Go",
      title: "T",
      description: "D",
      start: "2026-01-01",
      end: "2026-01-02",
      location: "L",
      styles: "none",
    });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("AuthorError", () => {
  it("is an Error carrying attr, value and fix", () => {
    const e = authorError(() => parse({ styles: "fancy" }));
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(AuthorError);
    expect(e.attr).toBe("data-osdi-styles");
    expect(e.value).toBe("fancy");
    expect(e.fix).toMatch(/base, none/);
    expectMessage(e, "data-osdi-styles", "fancy");
  });
});

describe("readAttributes", () => {
  it("reads data-osdi-* without the prefix, and nothing else", () => {
    const el = document.createElement("div");
    el.setAttribute("data-osdi-action", PETITION);
    el.setAttribute("data-osdi-text-submit", "Go");
    el.setAttribute("data-other", "x");
    el.setAttribute("osdi-fields", "email");
    el.setAttribute("class", "box");
    expect(readAttributes(el)).toEqual({ action: PETITION, "text-submit": "Go" });
  });
});
