// @vitest-environment node
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CLASS_PARTS,
  CUSTOM_TYPES,
  type CustomField,
  FIELDS,
  PERSONAL,
} from "../../src/config/attributes";
import { AuthorError } from "../../src/config/log";
import { type Options, KNOWN as PARSED, parseOptions } from "../../src/config/parse";
import { TEXT_KEYS } from "../../src/i18n/en";
import { buildBody, type HelperBody } from "../../src/submit/body";
import { isEmail, validate } from "../../src/submit/validate";
import type { Value, Values } from "../../src/submit/values";
import { CAMPAIGN_EVENT, EVENT, FORM, PETITION } from "./helpers";

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Every attribute name the parser reads, from its own table: a parser added there is
 * fuzzed here too. The families take every key: text-<key>, prefill-<field>, class-<part>.
 */
const KNOWN = [
  ...PARSED,
  ...TEXT_KEYS.map((key) => `text-${key}`),
  ...PERSONAL.map((field) => `prefill-${field}`),
  ...CLASS_PARTS.map((part) => `class-${part}`),
];
const POLLUTING = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
];
const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://actionnetwork.org/api/v2/petitions/x?token=1",
  "https://u:p@actionnetwork.org/api/v2/forms/x",
  "http://localhost:8080/api/v2/forms/x",
  "https://actionnetwork.org/api/v2/forms/x/signatures",
  "[]",
  "[{}]",
  "[null]",
  '[{"name":"__proto__","label":"x","type":"text"}]',
  '[{"name":"a","label":"b","type":"select","options":{"length":1}}]',
  '{"__proto__":{"polluted":true}}',
  "null",
  "true",
  "1e309",
  "",
  " ",
  "\u0000",
  "\u202e\u200b",
  "😀👍🏽",
  "x".repeat(20_000),
  "__proto__",
  "2026-02-30T25:61:00Z",
  "checked",
  "unchecked",
  "email phone",
  "comments",
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.json(),
);
const hostileKey = fc.oneof(
  fc.constantFrom(...KNOWN, ...POLLUTING),
  fc.constantFrom(...POLLUTING).map((k) => `text-${k}`),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 10 }).map((k) => `text-${k}`),
);

/** Attribute values an organizer might plausibly write, so that many maps parse. */
const customEntry = fc.record(
  {
    name: fc.constantFrom("issue", "zip code", "q-1", "a.b", "shift", "Skills"),
    label: fc.constantFrom("Issue", "Your story", "  ", "Étiquette"),
    type: fc.constantFrom(...CUSTOM_TYPES, "color"),
    options: fc.array(fc.constantFrom("A", "B", "Housing", "Transit", "Ça va", ""), {
      minLength: 1,
      maxLength: 4,
    }),
    required: fc.boolean(),
  },
  { requiredKeys: ["name", "label", "type"] },
);
const plausible = fc.record(
  {
    action: fc.constantFrom(PETITION, FORM, EVENT, CAMPAIGN_EVENT, `${PETITION}/signatures`),
    fields: fc
      .tuple(fc.shuffledSubarray([...FIELDS], { minLength: 1 }), fc.constantFrom(" ", ",", ", "))
      .map(([f, sep]) => f.join(sep)),
    required: fc
      .shuffledSubarray(["given_name", "email", "phone", "postal_code"])
      .map((r) => r.join(" ")),
    "custom-fields": fc.array(customEntry, { maxLength: 4 }).map((a) => JSON.stringify(a)),
    tags: fc
      .array(fc.constantFrom("climate", "volunteer", " housing justice ", ""), {
        maxLength: 3,
      })
      .map((t) => t.join(",")),
    source: fc.stringMatching(/^[\w-]{1,12}$/),
    referrer: fc.stringMatching(/^[\w-]{1,12}$/),
    autoresponse: fc.constantFrom("true", "false"),
    "email-opt-in": fc.constantFrom("checked", "unchecked"),
    "sms-opt-in": fc.constantFrom("unchecked", "true"),
    redirect: fc.constantFrom("/thanks", "https://example.org/done"),
    lang: fc.constantFrom("en", "es", "pt-BR"),
    "text-submit": fc.string({ maxLength: 10 }),
    title: fc.string({ maxLength: 10 }),
    start: fc.constantFrom("2026-03-14T18:00:00Z"),
    end: fc.constantFrom("2026-03-14T20:00:00Z"),
    styles: fc.constantFrom("base", "none"),
  },
  { requiredKeys: ["action"] },
);
const page = fc.oneof(
  fc.constant({ href: "https://example.org/take-action" }),
  fc.tuple(hostileString, hostileString).map(([s, r]) => ({
    href: `https://example.org/p?source=${encodeURIComponent(s)}&referrer=${encodeURIComponent(r)}`,
  })),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map((href) => ({ href })),
);

/** Hostile maps: random keys and values, or a plausible map with hostile entries on top. */
const hostileMap = fc.oneof(
  fc.dictionary(hostileKey, hostileString, { maxKeys: 8 }),
  fc
    .tuple(plausible, fc.dictionary(hostileKey, hostileString, { maxKeys: 3 }))
    .map(([p, h]) => ({ ...p, ...h })),
  fc
    .tuple(plausible, fc.constantFrom(...KNOWN), hostileString)
    .map(([p, k, v]) => ({ ...p, [k]: v })),
);

describe("parseOptions on hostile attribute maps", () => {
  it("throws nothing but an AuthorError naming a data-osdi-* attribute", () => {
    fc.assert(
      fc.property(hostileMap, page, (raw, pg) => {
        try {
          const o = parseOptions(raw, pg);
          expect(["petition", "form", "event"]).toContain(o.kind);
          expect(new URL(o.helper).protocol).toMatch(/^https?:$/);
        } catch (e) {
          if (!(e instanceof AuthorError)) throw e;
          expect(e.attr.startsWith("data-osdi-")).toBe(true);
          expect(e.message).toContain(e.attr);
          expect(e.fix.length).toBeGreaterThan(0);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  }, 30_000);

  it("refuses a credential attribute and never prints its value", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{16,32}$/).map((s) => `sk_${s}`);
    const credential = fc.constantFrom(
      "api-key",
      "api_key",
      "apikey",
      "token",
      "osdi-api-token",
      "secret",
      "client-secret",
      "password",
    );
    fc.assert(
      fc.property(plausible, credential, secret, (p, name, value) => {
        const warn = vi.mocked(console.warn);
        warn.mockClear();
        let thrown: unknown;
        try {
          parseOptions({ ...p, [name]: value }, { href: "https://example.org/" });
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(AuthorError);
        expect((thrown as AuthorError).message).not.toContain(value);
        for (const c of warn.mock.calls) expect(String(c[0])).not.toContain(value);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it("never yields a redirect that is not http(s)", () => {
    fc.assert(
      fc.property(plausible, hostileString, page, (p, redirect, pg) => {
        let o: Options;
        try {
          o = parseOptions({ ...p, redirect }, pg);
        } catch (e) {
          expect(e).toBeInstanceOf(AuthorError);
          return;
        }
        expect(new URL(o.redirect!).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

/* --- buildBody on any options that parse and any values that pass validate() --- */

const digitsArb = fc.string({
  unit: fc.constantFrom(..."0123456789"),
  minLength: 7,
  maxLength: 15,
});
const phoneArb = fc.oneof(
  { weight: 3, arbitrary: digitsArb },
  {
    weight: 3,
    arbitrary: fc
      .tuple(digitsArb, fc.array(fc.constantFrom("+", " ", "-", "(", ")", "."), { maxLength: 6 }))
      .map(([d, junk]) => junk.reduce((s, j, i) => s.slice(0, i * 2) + j + s.slice(i * 2), d)),
  },
  { weight: 1, arbitrary: fc.constantFrom("", " ") },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const emailArb = fc.oneof(
  { weight: 4, arbitrary: fc.emailAddress() },
  {
    weight: 2,
    arbitrary: fc.emailAddress().map((e) => ` ${e.toUpperCase()} `),
  },
  { weight: 1, arbitrary: fc.constantFrom("", "  ") },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const textArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\t\n", "<script>alert(1)</script>") },
);

function customValue(c: CustomField): fc.Arbitrary<Value> {
  const opts = c.options ?? [];
  switch (c.type) {
    case "checkbox":
      return c.options ? fc.subarray(opts) : fc.boolean();
    case "select":
    case "radio":
      return fc.oneof(fc.constantFrom(...opts), fc.constant(""));
    case "email":
      return emailArb;
    case "number":
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
        fc.integer().map((n) => ` ${n} `),
        textArb,
      );
    case "date":
      return fc.oneof(
        fc
          .date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        textArb,
      );
    default:
      return textArb;
  }
}

/** Values as the widget produces them: one per shown field, custom field and consent box. */
function widgetValues(o: Options): fc.Arbitrary<Values> {
  const model: Record<string, fc.Arbitrary<Value>> = {};
  for (const f of o.fields)
    model[f] = f === "email" ? emailArb : f === "phone" ? phoneArb : textArb;
  for (const c of o.customFields) model[`custom_fields.${c.name}`] = customValue(c);
  if (o.emailOptIn) model.email_opt_in = fc.boolean();
  if (o.smsOptIn) model.sms_opt_in = fc.boolean();
  return fc.record(model);
}

/** Any values: every standard field and consent box, shown or not, plus the widget's own. */
function anyValues(o: Options): fc.Arbitrary<Values> {
  const all: Record<string, fc.Arbitrary<Value>> = {};
  for (const f of FIELDS) all[f] = f === "email" ? emailArb : f === "phone" ? phoneArb : textArb;
  all.email_opt_in = fc.boolean();
  all.sms_opt_in = fc.boolean();
  return fc
    .tuple(fc.record(all, { requiredKeys: [] }), widgetValues(o))
    .map(([a, w]) => ({ ...(a as Values), ...w }));
}

/** Attribute maps that should parse: the cross-attribute rules are respected by construction. */
const validCustom = fc
  .uniqueArray(customEntry, { selector: (c) => c.name, maxLength: 3 })
  .map((list) =>
    list.map((c) => ({
      ...c,
      label: c.label.trim() ? c.label : "Label",
      type: c.type === "color" ? "text" : c.type,
      options: c.type === "select" || c.type === "radio" ? (c.options ?? ["A", "B"]) : c.options,
    })),
  );
const validAttrs = fc
  .tuple(
    fc.constantFrom(PETITION, FORM, EVENT, CAMPAIGN_EVENT),
    fc.shuffledSubarray([...FIELDS]),
    fc.constantFrom("email", "phone"),
    fc.constantFrom(" ", ",", ", "),
  )
  .chain(([action, picked, contact, sep]) => {
    let fields = picked.filter((f) => f !== "comments" || action === PETITION);
    if (!fields.includes("email") && !fields.includes("phone")) fields = [...fields, contact];
    return fc
      .record(
        {
          required: fc.subarray(fields).map((r) => r.join(" ")),
          "custom-fields": validCustom.map((c) => JSON.stringify(c)),
          tags: plausible.map((p) => p.tags ?? ""),
          source: fc.stringMatching(/^[\w-]{1,12}$/),
          autoresponse: fc.constantFrom("true", "false"),
          "email-opt-in": fc.constantFrom("checked", "unchecked"),
          "sms-opt-in": fc.constantFrom("unchecked", "true"),
        },
        { requiredKeys: [] },
      )
      .map((r): Record<string, string> => {
        const raw: Record<string, string> = { ...r, action, fields: fields.join(sep) };
        if (!fields.includes("phone")) delete raw["sms-opt-in"];
        return raw;
      });
  });

const parsed = fc
  .oneof({ weight: 4, arbitrary: validAttrs }, { weight: 1, arbitrary: plausible })
  .chain((raw) => fc.tuple(fc.constant(raw), page))
  .map(([raw, pg]) => {
    try {
      return parseOptions(raw, pg);
    } catch (e) {
      if (e instanceof AuthorError) return undefined;
      throw e;
    }
  })
  .filter((o): o is Options => o !== undefined);

/** Every string anywhere in a JSON-like value. */
const strings = (x: unknown): string[] =>
  typeof x === "string" ? [x] : x && typeof x === "object" ? Object.values(x).flatMap(strings) : [];

function checkBody(body: HelperBody) {
  expect(strings(body)).not.toContain("");
  const emails = body.person.email_addresses ?? [];
  const phones = body.person.phone_numbers ?? [];
  expect(emails.length + phones.length).toBeGreaterThan(0);
  for (const e of emails) {
    expect(e.address, `email entry ${JSON.stringify(e)}`).toEqual(expect.any(String));
    expect(isEmail(e.address), `isEmail(${e.address})`).toBe(true);
    expect(e.address).toBe(e.address.toLowerCase());
  }
  for (const p of phones) {
    expect(p.number, `phone entry ${JSON.stringify(p)}`).toEqual(expect.any(String));
    expect(p.number).toMatch(/^\d{7,15}$/);
  }
  expect(JSON.parse(JSON.stringify(body))).toEqual(body);
}

const HOST = { hostname: "example.org" };

describe("buildBody on options that parse and values that pass validate()", () => {
  it("holds the contract's invariants for values the widget produces", () => {
    fc.assert(
      fc.property(
        parsed.chain((o) => fc.tuple(fc.constant(o), widgetValues(o))),
        ([o, v]) => {
          fc.pre(Object.keys(validate(o, v)).length === 0);
          const body = buildBody(o, v, HOST);
          checkBody(body);
          const statuses = [
            ...(body.person.email_addresses ?? []),
            ...(body.person.phone_numbers ?? []),
          ].filter((x) => x.status);
          for (const s of statuses) expect(s.status).toBe("subscribed");
          if (body.person.email_addresses?.[0].status) expect(v.email_opt_in).toBe(true);
          if (body.person.phone_numbers?.[0].status) expect(v.sms_opt_in).toBe(true);
          if (o.kind !== "petition") expect(body).not.toHaveProperty("comments");
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);

  // validate() must not count values of fields that are not shown (see validate.test.ts).
  it("holds them for any values, including keys of fields that are not shown", () => {
    fc.assert(
      fc.property(
        parsed.chain((o) => fc.tuple(fc.constant(o), anyValues(o))),
        ([o, v]) => {
          fc.pre(Object.keys(validate(o, v)).length === 0);
          checkBody(buildBody(o, v, HOST));
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
