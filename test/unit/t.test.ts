// @vitest-environment node
import { describe, expect, it } from "vitest";
import { en, TEXT_KEYS } from "../../src/i18n/en";
import { translator } from "../../src/i18n/t";
import { EVENT, FORM, PETITION, parse } from "./helpers";

describe("translator", () => {
  it.each([
    ["petition", "Sign"],
    ["form", "Submit"],
    ["event", "RSVP"],
  ] as const)("maps submit to the %s button (%s)", (kind, label) => {
    expect(translator({ kind, text: {} })("submit")).toBe(label);
  });

  it.each([
    [PETITION, "Sign"],
    [FORM, "Submit"],
    [EVENT, "RSVP"],
  ])("reads the kind from the parsed action %s", (action, label) => {
    expect(translator(parse({ action }))("submit")).toBe(label);
  });

  it("lets data-osdi-text-<key> win over the locale", () => {
    const t = translator(
      parse({ "text-submit": "Add my name", "text-email": "E-mail", "text-thanks": "Merci" }),
    );
    expect(t("submit")).toBe("Add my name");
    expect(t("email")).toBe("E-mail");
    expect(t("thanks")).toBe("Merci");
    expect(t("given_name")).toBe("First name");
  });

  it("never shows an empty string: an empty override falls back to the locale", () => {
    expect(translator({ kind: "form", text: { submit: "" } })("submit")).toBe("Submit");
    expect(translator({ kind: "form", text: { email: "" } })("email")).toBe("Email");
  });

  it("lets an override of submit_<kind> change that kind's button; submit still wins", () => {
    expect(translator({ kind: "form", text: { submit_form: "Send" } })("submit")).toBe("Send");
    expect(translator({ kind: "petition", text: { submit_form: "Send" } })("submit")).toBe("Sign");
    expect(
      translator({ kind: "form", text: { submit_form: "Send", submit: "Go" } })("submit"),
    ).toBe("Go");
  });

  it("takes another locale's strings", () => {
    const es = { ...en, submit_petition: "Firmar", email: "Correo" };
    const t = translator({ kind: "petition", text: {} }, es);
    expect(t("submit")).toBe("Firmar");
    expect(t("email")).toBe("Correo");
  });

  it("has a string for every text key", () => {
    for (const kind of ["petition", "form", "event"] as const) {
      const t = translator({ kind, text: {} });
      for (const key of TEXT_KEYS) expect(t(key), key).toEqual(expect.stringMatching(/\S/));
    }
  });
});

describe("English defaults (contract section 3)", () => {
  it("labels the standard fields", () => {
    expect([
      en.given_name,
      en.family_name,
      en.email,
      en.phone,
      en.street,
      en.locality,
      en.region,
      en.postal_code,
      en.country,
      en.comments,
    ]).toEqual([
      "First name",
      "Last name",
      "Email",
      "Phone",
      "Street address",
      "City",
      "State",
      "ZIP / Postal code",
      "Country",
      "Comments",
    ]);
  });

  it('says "Thank you" on success', () => {
    expect(en.thanks).toMatch(/^Thank you/);
  });

  it("lets authors override submit and every built-in key", () => {
    expect(TEXT_KEYS).toContain("submit");
    for (const k of Object.keys(en)) expect(TEXT_KEYS).toContain(k);
  });
});
