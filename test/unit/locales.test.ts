/**
 * The built-in languages: each one complete, translated, punctuated like the
 * English, shipped as its own part, and overridable with data-osdi-text-<key>.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ar } from "../../src/i18n/ar";
import { de } from "../../src/i18n/de";
import { en, type Strings } from "../../src/i18n/en";
import { es } from "../../src/i18n/es";
import { fr } from "../../src/i18n/fr";
import { LOCALES, RTL } from "../../src/i18n/locales";
import { pt } from "../../src/i18n/pt";
import { translator } from "../../src/i18n/t";

const BUILT_IN: Record<string, Strings> = { es, fr, de, pt, ar };
const codes = Object.keys(BUILT_IN);

/**
 * Values that may equal the English one, because that is what people there
 * really write. Empty today: every string of every language is its own.
 */
const SAME_AS_ENGLISH: Record<string, (keyof Strings)[]> = {
  es: [],
  fr: [],
  de: [],
  pt: [],
  ar: [],
};

/** How a string ends: a sentence's full stop, "!", "…", ")" or no mark at all. */
function ending(s: string) {
  const last = s.trimEnd().at(-1) ?? "";
  return /[.!…)]/.test(last) ? last : /[\p{L}\p{N}]/u.test(last) ? "letter" : last;
}

describe.each(codes)("the %s strings", (code) => {
  const strings = BUILT_IN[code];

  it("have exactly the English keys, in the same order", () => {
    expect(Object.keys(strings)).toEqual(Object.keys(en));
  });

  it("are non-empty text, without stray spaces or markup", () => {
    for (const [k, v] of Object.entries(strings)) {
      expect(typeof v, k).toBe("string");
      expect(v.trim(), k).not.toBe("");
      expect(v, k).toBe(v.trim());
      expect(v, k).not.toMatch(/[<>]|\s{2}|\{|\}/);
    }
  });

  it("are translated: none equals the English unless allow-listed", () => {
    const same = Object.keys(en).filter(
      (k) => strings[k as keyof Strings] === en[k as keyof Strings],
    );
    expect(same).toEqual(SAME_AS_ENGLISH[code]);
  });

  it("end as the English do (full stop, !, …, a closing parenthesis, or nothing)", () => {
    for (const k of Object.keys(en) as (keyof Strings)[])
      expect(ending(strings[k]), `${k}: ${strings[k]}`).toBe(ending(en[k]));
  });

  it("keep the English's … characters, never three dots", () => {
    for (const k of Object.keys(en) as (keyof Strings)[]) {
      expect(strings[k].includes("…"), k).toBe(en[k].includes("…"));
      expect(strings[k], k).not.toContain("...");
    }
  });

  it("keep what must stay as is: the carriers' STOP and HELP, the example address, 7 to 15", () => {
    expect(strings.sms_disclosure).toMatch(/\bSTOP\b/);
    expect(strings.sms_disclosure).toMatch(/\bHELP\b/);
    expect(strings.error_email).toMatch(/\b\w+@example\.org\b/);
    expect(strings.error_phone).toMatch(/\b7\b.*\b15\b/);
    expect(strings.required).toMatch(/^\(.+\)$/);
  });

  it("give each kind its own button", () => {
    const buttons = [strings.submit_petition, strings.submit_form, strings.submit_event];
    expect(new Set(buttons).size).toBe(3);
  });
});

describe("language-specific text", () => {
  it("says each language's own words for the buttons and the thanks", () => {
    expect([es.submit_petition, es.submit_form, es.submit_event, es.thanks]).toEqual([
      "Firmar",
      "Enviar",
      "Confirmar asistencia",
      "¡Gracias!",
    ]);
    expect([fr.submit_petition, fr.submit_form, fr.postal_code]).toEqual([
      "Signer",
      "Envoyer",
      "Code postal",
    ]);
    expect([de.submit_petition, de.postal_code, de.email]).toEqual([
      "Unterschreiben",
      "Postleitzahl",
      "E-Mail",
    ]);
    expect([pt.submit_petition, pt.family_name, pt.required]).toEqual([
      "Assinar",
      "Sobrenome",
      "(obrigatório)",
    ]);
  });

  it("writes every Arabic string in Arabic script", () => {
    for (const [k, v] of Object.entries(ar)) expect(v, k).toMatch(/\p{Script=Arabic}/u);
  });

  it("writes no European string in Arabic script", () => {
    for (const code of ["es", "fr", "de", "pt"])
      for (const [k, v] of Object.entries(BUILT_IN[code]))
        expect(v, `${code}.${k}`).not.toMatch(/\p{Script=Arabic}/u);
  });

  it("opens a Spanish exclamation as Spanish does", () => {
    expect(es.thanks).toMatch(/^¡.*!$/);
  });

  it("keeps French spacing before ! (a no-break space, so it never wraps alone)", () => {
    expect(fr.thanks).toMatch(/[\u00a0\u202f]!$/);
  });
});

describe("translator with a locale", () => {
  it.each([
    ["es", "petition", "Firmar"],
    ["fr", "form", "Envoyer"],
    ["de", "event", "Zusagen"],
    ["pt", "event", "Confirmar presença"],
    ["ar", "form", "إرسال"],
  ] as const)("%s: the %s button says %s", (code, kind, label) => {
    expect(translator({ kind, text: {} }, BUILT_IN[code])("submit")).toBe(label);
  });

  it("gives every key the locale's string", () => {
    const t = translator({ kind: "form", text: {} }, de);
    for (const k of Object.keys(en) as (keyof Strings)[]) expect(t(k)).toBe(de[k]);
  });

  it("lets data-osdi-text-<key> win over the locale", () => {
    const t = translator(
      { kind: "petition", text: { submit: "Añade tu nombre", email: "Correo", thanks: "¡Listo!" } },
      es,
    );
    expect(t("submit")).toBe("Añade tu nombre");
    expect(t("email")).toBe("Correo");
    expect(t("thanks")).toBe("¡Listo!");
    expect(t("given_name")).toBe("Nombre");
  });

  it("falls back to the locale, not English, for an empty override", () => {
    const t = translator({ kind: "event", text: { submit: "", comments: "" } }, fr);
    expect(t("submit")).toBe("Je participe");
    expect(t("comments")).toBe("Commentaires");
  });
});

describe("LOCALES and their parts", () => {
  afterEach(() => {
    vi.resetModules();
  });

  it("lists English and the five built-in languages; Arabic is right to left", () => {
    expect(LOCALES).toEqual(["en", "es", "fr", "de", "pt", "ar"]);
    expect(RTL).toEqual(["ar"]);
    for (const code of RTL) expect(LOCALES).toContain(code);
  });

  it("has a strings file for each language in LOCALES, and none beside them", () => {
    expect([...codes].sort()).toEqual(LOCALES.filter((c) => c !== "en").sort());
    for (const code of LOCALES) expect(existsSync(`src/i18n/${code}.ts`), code).toBe(true);
  });

  it("ships each non-English language as a part, and no part for a language not in LOCALES", () => {
    const parts = readdirSync("src/parts").filter((f) => f.startsWith("lang-"));
    expect(parts.sort()).toEqual(
      LOCALES.filter((c) => c !== "en")
        .map((c) => `lang-${c}.ts`)
        .sort(),
    );
  });

  it("lets the ESM build import each language's part", () => {
    const index = readFileSync("src/index.ts", "utf8");
    for (const code of codes)
      expect(index).toContain(`"lang-${code}": () => import("./parts/lang-${code}")`);
  });

  it.each(codes)("the lang-%s part defines that language's strings when it runs", async (code) => {
    const part: { default: Strings } = await import(`../../src/parts/lang-${code}.ts`);
    expect(part.default).toEqual(BUILT_IN[code]);
  });
});
