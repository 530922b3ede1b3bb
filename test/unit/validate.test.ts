// @vitest-environment node
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { buildBody } from "../../src/submit/body";
import { isEmail, isPhone, validate } from "../../src/submit/validate";
import { digits, filled, text } from "../../src/submit/values";
import { parse } from "./helpers";

describe("isEmail", () => {
  it.each([
    "ada@example.org",
    "Ada.Lovelace@Example.ORG",
    "a+tag@sub.example.co.uk",
    "x@y.io",
    "o'neil@example.ie",
    "用户@例子.广告",
    `${"a".repeat(64)}@${"b".repeat(180)}.org`,
  ])("accepts %s", (s) => {
    expect(isEmail(s)).toBe(true);
  });

  it.each([
    "",
    "ada",
    "ada@",
    "@example.org",
    "ada@example",
    "ada@@example.org",
    "ada@exa mple.org",
    "ada lovelace@example.org",
    "ada@example..org",
    "ada@.example.org",
    "ada@example.org.",
    "ada@example.org\n",
    `${"a".repeat(64)}@${"b".repeat(190)}.org`,
  ])("refuses %j", (s) => {
    expect(isEmail(s)).toBe(false);
  });
});

describe("isPhone", () => {
  it.each([
    ["1234567", true],
    ["123456789012345", true],
    ["123456", false],
    ["1234567890123456", false],
    ["", false],
  ])("%j -> %s", (s, ok) => {
    expect(isPhone(s)).toBe(ok);
  });
});

describe("values helpers", () => {
  it("text trims strings and turns anything else into an empty string", () => {
    expect(text("  a b ")).toBe("a b");
    expect(text(true)).toBe("");
    expect(text(["a"])).toBe("");
    expect(text(undefined)).toBe("");
  });

  it("digits keeps ASCII digits only", () => {
    expect(digits("+1 (202) 555-0123")).toBe("12025550123");
    expect(digits("١٢٣")).toBe("");
    expect(digits(false)).toBe("");
  });

  it("filled knows text, boxes and groups", () => {
    const cases = [" x ", "  ", true, false, [], ["a"]];
    expect(cases.map((c) => filled(c))).toEqual([true, false, true, false, false, true]);
    expect(filled(undefined)).toBe(false);
  });
});

describe("required fields", () => {
  const o = parse({
    fields: "given_name family_name email postal_code",
    required: "given_name email postal_code",
  });

  it("passes when every required field is filled", () => {
    expect(
      validate(o, { given_name: "Ada", email: "ada@example.org", postal_code: "20009" }),
    ).toEqual({});
  });

  it("marks each empty or blank required field", () => {
    expect(validate(o, { given_name: "  ", email: "ada@example.org" })).toEqual({
      given_name: "error_required",
      postal_code: "error_required",
    });
  });

  it("does not mark an empty optional field", () => {
    expect(
      validate(o, {
        given_name: "Ada",
        email: "ada@example.org",
        postal_code: "1",
        family_name: "",
      }),
    ).toEqual({});
  });

  it("says required, not malformed, for an empty required email", () => {
    expect(validate(o, { given_name: "Ada", postal_code: "1", email: "" })).toEqual({
      email: "error_required",
    });
  });

  it("uses message keys that exist in the locale", () => {
    const errors = validate(o, {});
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    for (const key of Object.values(errors)) expect(en[key]).toEqual(expect.any(String));
  });
});

describe("email and phone syntax", () => {
  const o = parse({ fields: "email phone", required: "email" });

  it("marks a malformed email", () => {
    expect(validate(o, { email: "ada@example" })).toEqual({ email: "error_email" });
  });

  it("accepts an email with surrounding spaces", () => {
    expect(validate(o, { email: "  ada@example.org " })).toEqual({});
  });

  it.each([
    ["+1 (202) 555-0123", {}],
    ["555-0100", {}],
    ["12345", { phone: "error_phone" }],
    ["+44 (0) 20 7946 0958 1234", { phone: "error_phone" }],
    ["call me", { phone: "error_phone" }],
    ["", {}],
  ])("phone %j", (phone, expected) => {
    expect(validate(o, { email: "ada@example.org", phone })).toEqual(expected);
  });
});

describe("email or phone", () => {
  const o = parse({ fields: "given_name email phone", required: "given_name" });

  it("asks for one of them when neither is given", () => {
    expect(validate(o, { given_name: "Ada", email: "", phone: " " })).toEqual({
      email: "error_contact",
    });
  });

  it.each([
    [{ given_name: "Ada", email: "ada@example.org" }],
    [{ given_name: "Ada", phone: "2025550123" }],
  ])("is satisfied by either (%j)", (v) => {
    expect(validate(o, v)).toEqual({});
  });

  it("puts the message on the phone when only phone is shown", () => {
    const p = parse({ fields: "given_name phone", required: "given_name" });
    expect(validate(p, { given_name: "Ada" })).toEqual({ phone: "error_contact" });
  });

  it("does not take a phone with no digits as contact", () => {
    expect(validate(o, { given_name: "Ada", phone: "none" })).toMatchObject({
      phone: "error_phone",
    });
  });

  // buildBody sends only shown fields, so a hidden email must not satisfy the rule.
  it("does not count a value of a field that is not shown as contact", () => {
    const p = parse({ fields: "given_name phone", required: "given_name" });
    const v = { given_name: "Ada", email: "ada@example.org" };
    const errors = validate(p, v);
    if (Object.keys(errors).length === 0) {
      const person = buildBody(p, v, { hostname: "example.org" }).person;
      expect(person.email_addresses ?? person.phone_numbers).toBeDefined();
    }
    expect(errors).toEqual({ phone: "error_contact" });
  });
});

describe("custom fields", () => {
  const o = parse({
    fields: "email",
    "custom-fields": JSON.stringify([
      { name: "work email", label: "Work email", type: "email" },
      { name: "age", label: "Age", type: "number" },
      { name: "day", label: "Day", type: "date" },
      { name: "agree", label: "I agree", type: "checkbox", required: true },
      { name: "skills", label: "Skills", type: "checkbox", options: ["A", "B"], required: true },
      { name: "issue", label: "Issue", type: "select", options: ["X", "Y"], required: true },
      { name: "note", label: "Note", type: "text", required: true },
    ]),
  });
  const good = {
    email: "ada@example.org",
    "custom_fields.agree": true,
    "custom_fields.skills": ["B"],
    "custom_fields.issue": "X",
    "custom_fields.note": "hi",
  };

  it("passes good values and skips empty optional ones", () => {
    expect(validate(o, good)).toEqual({});
    expect(
      validate(o, {
        ...good,
        "custom_fields.work email": "ada@work.example",
        "custom_fields.age": "-3.5",
        "custom_fields.day": "2026-05-01",
      }),
    ).toEqual({});
  });

  it("marks a bad custom email as an email error", () => {
    expect(validate(o, { ...good, "custom_fields.work email": "ada@work" })).toEqual({
      "custom_fields.work email": "error_email",
    });
  });

  it.each([
    ["age", "forty"],
    ["age", "1e999"],
    ["age", "12abc"],
    ["day", "someday"],
    ["day", "2026-13-45"],
  ])("marks a bad %s (%j) with a message the locale has", (name, value) => {
    const errors = validate(o, { ...good, [`custom_fields.${name}`]: value });
    expect(Object.keys(errors)).toEqual([`custom_fields.${name}`]);
    expect(en[errors[`custom_fields.${name}`]]).toEqual(expect.stringMatching(/\S/));
  });

  it("marks required custom fields left empty: unticked box, empty group, no choice, blank", () => {
    expect(
      validate(o, {
        email: "ada@example.org",
        "custom_fields.agree": false,
        "custom_fields.skills": [],
        "custom_fields.issue": "",
        "custom_fields.note": "  ",
      }),
    ).toEqual({
      "custom_fields.agree": "error_required",
      "custom_fields.skills": "error_required",
      "custom_fields.issue": "error_required",
      "custom_fields.note": "error_required",
    });
  });
});

describe('a consent box that must be ticked (data-osdi-email-opt-in="required")', () => {
  const options = parse({ fields: "email", "email-opt-in": "required" });
  const base = { email: "ada@example.org" };

  it("is a required control, and unticked it holds the form back with its own message", () => {
    expect(validate(options, { ...base, email_opt_in: false })).toEqual({
      email_opt_in: "error_consent",
    });
    expect(en.error_consent).toMatch(/tick/i);
  });

  it('ticked, it sends the email with status "subscribed"', () => {
    const values = { ...base, email_opt_in: true };
    expect(validate(options, values)).toEqual({});
    expect(buildBody(options, values, { hostname: "example.org" }).person.email_addresses).toEqual([
      { address: "ada@example.org", status: "subscribed" },
    ]);
  });

  it("a box that need not be ticked never holds the form back", () => {
    for (const v of ["checked", "unchecked"])
      expect(
        validate(parse({ fields: "email", "email-opt-in": v }), { ...base, email_opt_in: false }),
      ).toEqual({});
  });
});
