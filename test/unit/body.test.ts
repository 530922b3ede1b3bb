// @vitest-environment node
import { describe, expect, it } from "vitest";
import { AuthorError } from "../../src/config/log";
import { buildBody } from "../../src/submit/body";
import type { Values } from "../../src/submit/values";
import { EVENT, FORM, parse } from "./helpers";

const SITE = { hostname: "example.org" };

/** Recursively collects every string in a JSON-like value. */
const strings = (x: unknown): string[] =>
  typeof x === "string" ? [x] : x && typeof x === "object" ? Object.values(x).flatMap(strings) : [];

describe("the contract's example (section 4)", () => {
  const o = parse(
    {
      fields: "given_name family_name email phone postal_code country comments",
      "custom-fields": JSON.stringify([
        { name: "issue", label: "Issue", type: "select", options: ["Housing", "Transit"] },
      ]),
      tags: "climate, volunteer",
      source: "newsletter",
    },
    { href: "https://example.org/petition" },
  );
  const values: Values = {
    given_name: "Ada",
    family_name: "Lovelace",
    email: "ada@example.org",
    phone: "+1 (202) 555-0123",
    postal_code: "20009",
    country: "US",
    comments: "petitions only, when given",
    "custom_fields.issue": "Housing",
  };
  const expected = {
    person: {
      given_name: "Ada",
      family_name: "Lovelace",
      email_addresses: [{ address: "ada@example.org" }],
      phone_numbers: [{ number: "12025550123" }],
      postal_addresses: [{ postal_code: "20009", country: "US" }],
      custom_fields: { issue: "Housing" },
    },
    comments: "petitions only, when given",
    add_tags: ["climate", "volunteer"],
    triggers: { autoresponse: { enabled: true } },
    "action_network:referrer_data": { source: "newsletter", website: "example.org" },
  };

  it("builds exactly the documented body", () => {
    expect(buildBody(o, values, SITE)).toEqual(expected);
  });

  it("serializes in the documented order", () => {
    expect(JSON.stringify(buildBody(o, values, SITE))).toBe(JSON.stringify(expected));
  });
});

describe("empty fields", () => {
  it("leaves out every empty or blank value, never sending an empty string", () => {
    const o = parse({
      fields: "given_name family_name email phone street locality region postal_code country",
      "custom-fields": JSON.stringify([
        { name: "note", label: "Note", type: "text" },
        { name: "pick", label: "Pick", type: "select", options: ["A", "B"] },
        { name: "many", label: "Many", type: "checkbox", options: ["A", "B"] },
        { name: "yes", label: "Yes", type: "checkbox" },
      ]),
    });
    const body = buildBody(
      o,
      {
        given_name: "  ",
        family_name: "",
        email: "a@b.org",
        phone: " ",
        street: "\t",
        locality: "",
        region: "",
        postal_code: "",
        country: "",
        "custom_fields.note": "   ",
        "custom_fields.pick": "",
        "custom_fields.many": [],
        "custom_fields.yes": false,
      },
      SITE,
    );
    expect(body.person).toEqual({ email_addresses: [{ address: "a@b.org" }] });
    expect(strings(body)).not.toContain("");
    expect(body).not.toHaveProperty("add_tags");
    expect(body).not.toHaveProperty("comments");
  });

  it("trims what it sends", () => {
    const o = parse({ fields: "given_name email street locality" });
    const body = buildBody(
      o,
      { given_name: "  Ada ", email: " a@b.org ", street: " 1 Main St ", locality: " Oakland " },
      SITE,
    );
    expect(body.person.given_name).toBe("Ada");
    expect(body.person.email_addresses).toEqual([{ address: "a@b.org" }]);
    expect(body.person.postal_addresses).toEqual([
      { address_lines: ["1 Main St"], locality: "Oakland" },
    ]);
  });

  it("sends only the fields that are shown", () => {
    const o = parse({ fields: "email" });
    const body = buildBody(
      o,
      { email: "a@b.org", given_name: "Ada", phone: "2025550123", postal_code: "20009" },
      SITE,
    );
    expect(body.person).toEqual({ email_addresses: [{ address: "a@b.org" }] });
  });

  it("builds the full postal address", () => {
    const o = parse({ fields: "email street locality region postal_code country" });
    const body = buildBody(
      o,
      {
        email: "a@b.org",
        street: "1 Main St",
        locality: "Oakland",
        region: "CA",
        postal_code: "94612",
        country: "US",
      },
      SITE,
    );
    expect(body.person.postal_addresses).toEqual([
      {
        address_lines: ["1 Main St"],
        locality: "Oakland",
        region: "CA",
        postal_code: "94612",
        country: "US",
      },
    ]);
  });
});

describe("email and phone", () => {
  const o = parse({ fields: "email phone" });

  it("lowercases the email", () => {
    const body = buildBody(o, { email: "Ada.Lovelace@Example.ORG" }, SITE);
    expect(body.person.email_addresses).toEqual([{ address: "ada.lovelace@example.org" }]);
  });

  it.each([
    ["+1 (202) 555-0123", "12025550123"],
    ["202.555.0123", "2025550123"],
    ["+44 20 7946 0958", "442079460958"],
    [" 555 0100 ext ", "5550100"],
  ])("sends phone %j as digits only", (phone, digits) => {
    const body = buildBody(o, { phone }, SITE);
    expect(body.person.phone_numbers).toEqual([{ number: digits }]);
    expect(body.person).not.toHaveProperty("email_addresses");
  });

  it("sends both when both are given", () => {
    const body = buildBody(o, { email: "a@b.org", phone: "2025550123" }, SITE);
    expect(body.person.email_addresses).toEqual([{ address: "a@b.org" }]);
    expect(body.person.phone_numbers).toEqual([{ number: "2025550123" }]);
  });
});

describe("consent (status)", () => {
  const withBoxes = parse({
    fields: "email phone",
    "email-opt-in": "unchecked",
    "sms-opt-in": "unchecked",
  });
  const v = { email: "a@b.org", phone: "2025550123" };

  it("sends no status when no box is ticked", () => {
    const body = buildBody(withBoxes, { ...v, email_opt_in: false, sms_opt_in: false }, SITE);
    expect(body.person.email_addresses).toEqual([{ address: "a@b.org" }]);
    expect(body.person.phone_numbers).toEqual([{ number: "2025550123" }]);
    expect(JSON.stringify(body)).not.toContain("status");
  });

  it("subscribes the email when the email box is ticked", () => {
    const body = buildBody(withBoxes, { ...v, email_opt_in: true, sms_opt_in: false }, SITE);
    expect(body.person.email_addresses).toEqual([{ address: "a@b.org", status: "subscribed" }]);
    expect(body.person.phone_numbers).toEqual([{ number: "2025550123" }]);
  });

  it("subscribes the phone when the SMS box is ticked", () => {
    const body = buildBody(withBoxes, { ...v, email_opt_in: false, sms_opt_in: true }, SITE);
    expect(body.person.email_addresses).toEqual([{ address: "a@b.org" }]);
    expect(body.person.phone_numbers).toEqual([{ number: "2025550123", status: "subscribed" }]);
  });

  it("sends no email entry for a ticked email box when the email is empty", () => {
    const body = buildBody(
      withBoxes,
      { email: " ", phone: "2025550123", email_opt_in: true },
      SITE,
    );
    expect(body.person).not.toHaveProperty("email_addresses");
    expect(body.person.phone_numbers).toEqual([{ number: "2025550123" }]);
  });

  it("sends no phone entry for a ticked SMS box when the phone is empty", () => {
    const body = buildBody(withBoxes, { email: "a@b.org", phone: "", sms_opt_in: true }, SITE);
    expect(body.person).not.toHaveProperty("phone_numbers");
    expect(body.person.email_addresses).toEqual([{ address: "a@b.org" }]);
  });

  it("does not take a string for a ticked box", () => {
    const body = buildBody(withBoxes, { ...v, email_opt_in: "true", sms_opt_in: "true" }, SITE);
    expect(JSON.stringify(body)).not.toContain("status");
  });

  it("never subscribes the phone when there is no SMS box", () => {
    const o = parse({ fields: "email phone" });
    const body = buildBody(o, { ...v, sms_opt_in: true }, SITE);
    expect(body.person.phone_numbers).toEqual([{ number: "2025550123" }]);
  });

  // buildBody is public (src/index.ts): values from a caller must not invent consent.
  it("never subscribes the email when there is no email box", () => {
    const o = parse({ fields: "email phone" });
    const body = buildBody(o, { ...v, email_opt_in: true }, SITE);
    expect(body.person.email_addresses).toEqual([{ address: "a@b.org" }]);
  });
});

describe("comments", () => {
  it("sends comments on a petition, trimmed", () => {
    const o = parse({ fields: "email comments" });
    const body = buildBody(o, { email: "a@b.org", comments: "  Because.  " }, SITE);
    expect(body.comments).toBe("Because.");
  });

  it("leaves out empty comments", () => {
    const o = parse({ fields: "email comments" });
    expect(buildBody(o, { email: "a@b.org", comments: " " }, SITE)).not.toHaveProperty("comments");
  });

  it.each([
    ["form", FORM],
    ["event", EVENT],
  ])("never sends comments for a %s", (_kind, action) => {
    const o = parse({ action, fields: "email" });
    expect(buildBody(o, { email: "a@b.org", comments: "hi" }, SITE)).not.toHaveProperty("comments");
  });
});

describe("custom fields", () => {
  const o = parse({
    fields: "email",
    "custom-fields": JSON.stringify([
      { name: "story", label: "Story", type: "textarea" },
      { name: "note", label: "Note", type: "text" },
      { name: "issue", label: "Issue", type: "select", options: ["Housing", "Transit"] },
      { name: "shift", label: "Shift", type: "radio", options: ["AM", "PM"] },
      { name: "volunteer", label: "Volunteer", type: "checkbox" },
      { name: "skills", label: "Skills", type: "checkbox", options: ["Design", "Code", "Cook"] },
      { name: "age", label: "Age", type: "number" },
      { name: "day", label: "Day", type: "date" },
      { name: "work email", label: "Work email", type: "email" },
    ]),
  });

  it("sends each type as a string", () => {
    const body = buildBody(
      o,
      {
        email: "a@b.org",
        "custom_fields.story": " Long\nstory ",
        "custom_fields.note": "short",
        "custom_fields.issue": "Transit",
        "custom_fields.shift": "PM",
        "custom_fields.volunteer": true,
        "custom_fields.skills": ["Design", "Cook"],
        "custom_fields.age": "42",
        "custom_fields.day": "2026-05-01",
        "custom_fields.work email": "ada@work.example",
      },
      SITE,
    );
    expect(body.person.custom_fields).toEqual({
      story: "Long\nstory",
      note: "short",
      issue: "Transit",
      shift: "PM",
      volunteer: "true",
      skills: "Design, Cook",
      age: "42",
      day: "2026-05-01",
      "work email": "ada@work.example",
    });
  });

  it("leaves out unticked, unchosen and blank custom fields", () => {
    const body = buildBody(
      o,
      {
        email: "a@b.org",
        "custom_fields.note": " ",
        "custom_fields.issue": "",
        "custom_fields.volunteer": false,
        "custom_fields.skills": [],
      },
      SITE,
    );
    expect(body.person).not.toHaveProperty("custom_fields");
  });

  it("sends a single ticked option of a group without a separator", () => {
    const body = buildBody(o, { email: "a@b.org", "custom_fields.skills": ["Code"] }, SITE);
    expect(body.person.custom_fields).toEqual({ skills: "Code" });
  });

  it("ignores values of custom fields that are not configured", () => {
    const body = buildBody(o, { email: "a@b.org", "custom_fields.other": "x" }, SITE);
    expect(body.person).not.toHaveProperty("custom_fields");
  });

  // Assigning a string to obj["__proto__"] is a no-op: the answer must not vanish silently.
  it('refuses or sends a custom field named "__proto__", never drops it silently', () => {
    const json = '[{"name":"__proto__","label":"Odd","type":"text"}]';
    let p: ReturnType<typeof parse>;
    try {
      p = parse({ "custom-fields": json });
    } catch (e) {
      expect(e).toBeInstanceOf(AuthorError);
      return;
    }
    const body = buildBody(p, { email: "a@b.org", "custom_fields.__proto__": "answer" }, SITE);
    expect(JSON.stringify(body.person.custom_fields ?? {})).toBe('{"__proto__":"answer"}');
  });
});

describe("tags, triggers and referrer data", () => {
  it("sends tags as add_tags", () => {
    const o = parse({ tags: "climate, volunteer , , housing justice" });
    expect(buildBody(o, { email: "a@b.org" }, SITE).add_tags).toEqual([
      "climate",
      "volunteer",
      "housing justice",
    ]);
  });

  it.each([
    ["true", true],
    ["false", false],
  ])("sends autoresponse %s", (attr, enabled) => {
    const o = parse({ autoresponse: attr });
    expect(buildBody(o, { email: "a@b.org" }, SITE).triggers).toEqual({
      autoresponse: { enabled },
    });
  });

  it("sends source, referrer and website", () => {
    const o = parse({ source: "newsletter", referrer: "partner_org" });
    expect(buildBody(o, { email: "a@b.org" }, SITE)["action_network:referrer_data"]).toEqual({
      source: "newsletter",
      referrer: "partner_org",
      website: "example.org",
    });
  });

  it("takes source and referrer from the page URL when the attributes are absent", () => {
    const o = parse({}, { href: "https://example.org/p?source=fb&referrer=ally" });
    expect(buildBody(o, { email: "a@b.org" }, SITE)["action_network:referrer_data"]).toEqual({
      source: "fb",
      referrer: "ally",
      website: "example.org",
    });
  });

  it("leaves out the referrer data when there is nothing to say", () => {
    const o = parse({});
    expect(buildBody(o, { email: "a@b.org" }, { hostname: "" })).not.toHaveProperty(
      "action_network:referrer_data",
    );
  });

  it("round-trips through JSON", () => {
    const o = parse({ tags: "a", source: "s", fields: "email phone" });
    const body = buildBody(o, { email: "a@b.org", phone: "2025550123" }, SITE);
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });
});
