/**
 * Built-in languages through the built bundle (`npm run build` first): the
 * locale comes from data-osdi-lang, else the nearest lang, else English; every
 * language but English is a part, dist/osdi-embed-lang-<code>.js, fetched once
 * and only by pages that need it, while the fallback stays.
 */
import type { Locator, Page, Route } from "@playwright/test";
import { ar } from "../src/i18n/ar";
import { de } from "../src/i18n/de";
import { en, type Strings } from "../src/i18n/en";
import { es } from "../src/i18n/es";
import { fr } from "../src/i18n/fr";
import { pt } from "../src/i18n/pt";
import { expect, test, widgetIn } from "./fixtures";

const LANG_PART = /\/dist\/osdi-embed-lang-[^/]+\.js$/;

/** Records every request for a language part, from before the page loads. */
function langRequests(page: Page) {
  const urls: string[] = [];
  page.on("request", (r) => {
    if (LANG_PART.test(new URL(r.url()).pathname)) urls.push(new URL(r.url()).pathname);
  });
  return urls;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The control labelled exactly `label`, or `label` plus the locale's required mark. */
const control = (scope: Locator, strings: Strings, label: string) =>
  scope.getByLabel(new RegExp(`^${escapeRe(label)}( ${escapeRe(strings.required)})?$`));

/** What the petition in e2e/pages/i18n-*.html posts, whatever the language. */
const BODY = {
  person: {
    given_name: "Ada",
    family_name: "Lovelace",
    email_addresses: [{ address: "ada@example.org" }],
    postal_addresses: [{ postal_code: "20009" }],
  },
  add_tags: ["climate"],
  triggers: { autoresponse: { enabled: true } },
  "action_network:referrer_data": { website: "localhost" },
};

/** Waits until the page's widgets have mounted or given up, and the lang parts settled. */
async function settled(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForLoadState("networkidle");
}

const LANGUAGES = [
  // code, page, the page's lang, strings, button, thanks: literal, so a wrong file is caught too.
  ["es", "i18n-es.html", "es", es, "Firmar", "¡Gracias!"],
  ["fr", "i18n-fr.html", "fr", fr, "Signer", "Merci\u202f!"],
  ["de", "i18n-de.html", "de", de, "Unterschreiben", "Vielen Dank!"],
  ["pt", "i18n-pt.html", "pt-BR", pt, "Assinar", "Obrigado!"],
  ["ar", "i18n-ar.html", "ar", ar, "توقيع", "شكرًا لك!"],
] as const;

test.describe("a page in each built-in language", () => {
  for (const [code, file, lang, strings, button, thanks] of LANGUAGES) {
    test(`${code}: labels, button, validation and thanks in that language; the same body as in English`, async ({
      page,
      servers,
      consoleErrors,
    }) => {
      const requested = langRequests(page);
      await page.goto(`${servers.site}/${file}`);
      const widget = widgetIn(page, "#w");
      await expect(widget).toHaveAttribute("lang", lang);
      await expect(widget.getByRole("button")).toHaveText(button);
      const labels = await widget.locator("label").allTextContents();
      expect(labels).toEqual([
        strings.given_name,
        strings.family_name,
        `${strings.email} ${strings.required}`,
        strings.postal_code,
      ]);
      // Nothing English left on the form.
      // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks between labels, which the word match needs.
      const shown = await widget.innerText();
      for (const word of [en.given_name, en.email, en.required, en.postal_code, en.submit_petition])
        expect(shown).not.toMatch(new RegExp(`(^|\\P{L})${escapeRe(word)}(\\P{L}|$)`, "u"));

      // Validation speaks the language too.
      await widget.getByRole("button").click();
      const email = control(widget, strings, strings.email);
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(email).toBeFocused();
      await expect(widget.locator(".osdi-embed__error")).toHaveText(strings.error_required);
      await expect(widget.getByRole("status")).toHaveText(strings.error_fix);
      await email.fill("ada@");
      await widget.getByRole("button").click();
      await expect(widget.locator(".osdi-embed__error")).toHaveText(strings.error_email);

      await control(widget, strings, strings.given_name).fill("Ada");
      await control(widget, strings, strings.family_name).fill("Lovelace");
      await email.fill("ada@example.org");
      await control(widget, strings, strings.postal_code).fill("20009");
      await widget.getByRole("button").click();
      await expect(widget).toHaveAttribute("data-osdi-state", "success");
      await expect(widget.getByRole("status")).toHaveText(thanks);
      const records = await servers.records();
      expect(records).toHaveLength(1);
      expect(records[0].body).toEqual(BODY);

      expect(requested).toEqual([`/dist/osdi-embed-lang-${code}.js`]);
      expect(consoleErrors).toEqual([]);
    });
  }

  test("English needs no part: the strings are in the bundle, the other languages are not", async ({
    page,
    servers,
  }) => {
    const bundle = await (await page.request.get(`${servers.site}/dist/osdi-embed.js`)).text();
    expect(bundle).toContain(en.sms_disclosure);
    for (const strings of [es, fr, de, pt, ar]) expect(bundle).not.toContain(strings.error_fix);
  });
});

test.describe("choosing the locale", () => {
  test('a regional tag falls back to its language: lang="es-MX" gets Spanish', async ({
    page,
    servers,
  }) => {
    const requested = langRequests(page);
    await page.goto(`${servers.site}/i18n-es-mx.html`);
    const widget = widgetIn(page, "#w");
    await expect(widget.getByRole("button")).toHaveText("Firmar");
    await expect(widget.locator("label").first()).toHaveText("Nombre");
    // The regional tag itself stays, for dates and the like.
    await expect(widget).toHaveAttribute("lang", "es-MX");
    expect(requested).toEqual(["/dist/osdi-embed-lang-es.js"]);
  });

  for (const [lang, file] of [
    ["he", "i18n-he.html"],
    ["zh", "i18n-zh.html"],
  ] as const) {
    test(`a language not built in (lang="${lang}") gets English, and no language part is fetched`, async ({
      page,
      servers,
    }) => {
      const requested = langRequests(page);
      await page.goto(`${servers.site}/${file}`);
      const widget = widgetIn(page, "#w");
      await expect(widget.getByRole("button")).toHaveText("Sign");
      await expect(widget.locator("label").first()).toHaveText("First name");
      await expect(widget).toHaveAttribute("lang", "en");
      await settled(page);
      expect(requested).toEqual([]);
    });
  }

  test("data-osdi-lang wins over the page's lang, in both directions", async ({
    page,
    servers,
  }) => {
    const requested = langRequests(page);
    await page.goto(`${servers.site}/i18n-override.html`);
    // The page is French; one widget asks for German, the other for English.
    const german = widgetIn(page, "#de");
    await expect(german.getByRole("button")).toHaveText("Unterschreiben");
    await expect(german).toHaveAttribute("lang", "de");
    const english = widgetIn(page, "#en");
    await expect(english.getByRole("button")).toHaveText("Sign");
    await expect(english).toHaveAttribute("lang", "en");
    await settled(page);
    expect(requested).toEqual(["/dist/osdi-embed-lang-de.js"]);
  });

  test("several widgets of one language fetch its part once; each language its own; data-osdi-text-submit wins over the locale", async ({
    page,
    servers,
  }) => {
    const requested = langRequests(page);
    await page.goto(`${servers.site}/i18n-many.html`);
    await expect(widgetIn(page, "#peticion").getByRole("button")).toHaveText("Firmar");
    await expect(widgetIn(page, "#voluntariado").getByRole("button")).toHaveText("Quiero ayudar");
    await expect(widgetIn(page, "#asamblea").getByRole("button")).toHaveText(
      "Confirmar asistencia",
    );
    // The nearest lang is the section's, not the page's.
    const portuguese = widgetIn(page, "#abaixo-assinado");
    await expect(portuguese.getByRole("button")).toHaveText("Assinar");
    await expect(portuguese).toHaveAttribute("lang", "pt");
    // Only the button was replaced: the rest of that widget is still Spanish.
    await expect(widgetIn(page, "#voluntariado").locator("label").first()).toHaveText("Nombre");
    await settled(page);
    expect([...requested].sort()).toEqual([
      "/dist/osdi-embed-lang-es.js",
      "/dist/osdi-embed-lang-pt.js",
    ]);
  });
});

test.describe("while the language part is on its way", () => {
  test("the fallback stays and no form is shown until the words arrive", async ({
    page,
    servers,
  }) => {
    let release = () => {};
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    await page.route("**/dist/osdi-embed-lang-es.js", async (route: Route) => {
      await held;
      await route.continue();
    });
    const asked = page.waitForRequest((r) => LANG_PART.test(new URL(r.url()).pathname));
    // The held part holds back the load event, not the page.
    await page.goto(`${servers.site}/i18n-es.html`, { waitUntil: "domcontentloaded" });
    await asked;
    // Well past the mount: the container still shows its own link, and nothing else.
    await page.waitForTimeout(300);
    const fallback = page.locator("#w > a");
    await expect(fallback).toBeVisible();
    await expect(fallback).toHaveText("Firma la petición");
    await expect(page.locator("#w form")).toHaveCount(0);
    await expect(page.locator("#w .osdi-embed")).toHaveCount(0);

    release();
    await expect(widgetIn(page, "#w").getByRole("button")).toHaveText("Firmar");
    await expect(fallback).toHaveCount(0);
  });

  test("if the part cannot load, the widget mounts in English", async ({ page, servers }) => {
    await page.route("**/dist/osdi-embed-lang-*.js", (route) => route.abort());
    await page.goto(`${servers.site}/i18n-fr.html`);
    const widget = widgetIn(page, "#w");
    await expect(widget.getByRole("button")).toHaveText("Sign");
    await expect(widget.locator("label").first()).toHaveText("First name");
    await expect(page.locator("#w > a")).toHaveCount(0);
    // It still works: the same body goes out.
    await widget.getByLabel(/^First name/).fill("Ada");
    await widget.getByLabel(/^Last name/).fill("Lovelace");
    await widget.getByLabel(/^Email/).fill("ada@example.org");
    await widget.getByLabel(/^ZIP/).fill("20009");
    await widget.getByRole("button").click();
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    expect((await servers.records())[0].body).toEqual(BODY);
  });

  test("if the Arabic part cannot load, the English widget is marked English and left to right", async ({
    page,
    servers,
  }) => {
    await page.route("**/dist/osdi-embed-lang-*.js", (route) => route.abort());
    await page.goto(`${servers.site}/i18n-ar.html`);
    const widget = widgetIn(page, "#w");
    await expect(widget.getByRole("button")).toHaveText("Sign");
    await expect(widget).toHaveAttribute("lang", "en", { timeout: 1000 });
    await expect(widget).toHaveAttribute("dir", "ltr", { timeout: 1000 });
  });
});

/** Where the first label's text sits within the form, in px from each side. */
const labelInForm = (widget: Locator) =>
  widget.evaluate((root) => {
    const form = root.querySelector("form")!.getBoundingClientRect();
    const label = root.querySelector("label")!;
    const range = document.createRange();
    range.selectNodeContents(label);
    const text = range.getBoundingClientRect();
    return {
      fromLeft: text.left - form.left,
      fromRight: form.right - text.right,
      direction: getComputedStyle(label).direction,
      inputDirection: getComputedStyle(root.querySelector("input")!).direction,
    };
  });

test.describe("right to left", () => {
  test("an Arabic widget lays out right to left; an English one on the same RTL page, left to right", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/i18n-ar.html`);
    const arabic = widgetIn(page, "#w");
    await expect(arabic).toHaveAttribute("dir", "rtl");
    await expect(arabic).toHaveAttribute("lang", "ar");
    await expect(arabic.getByRole("button")).toHaveText("توقيع");
    const a = await labelInForm(arabic);
    expect(a.direction).toBe("rtl");
    expect(a.inputDirection).toBe("rtl");
    // The label's text starts at the form's right edge and leaves room on the left.
    expect(Math.abs(a.fromRight)).toBeLessThanOrEqual(1);
    expect(a.fromLeft).toBeGreaterThan(50);

    const english = widgetIn(page, "#en");
    await expect(english).toHaveAttribute("dir", "ltr");
    await expect(english).toHaveAttribute("lang", "en");
    const e = await labelInForm(english);
    expect(e.direction).toBe("ltr");
    expect(e.inputDirection).toBe("ltr");
    expect(Math.abs(e.fromLeft)).toBeLessThanOrEqual(1);
    expect(e.fromRight).toBeGreaterThan(50);
  });

  test('an English widget on a Hebrew page (dir="rtl") has dir="ltr"', async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/i18n-he.html`);
    const widget = widgetIn(page, "#w");
    await expect(widget).toHaveAttribute("dir", "ltr");
    const e = await labelInForm(widget);
    expect(e.direction).toBe("ltr");
    expect(Math.abs(e.fromLeft)).toBeLessThanOrEqual(1);
  });
});

test.describe("event dates in French, in the reader's time zone", () => {
  test.describe("a reader in Paris", () => {
    test.use({ timezoneId: "Europe/Paris" });
    test("sees French day and month names, Paris time and its zone", async ({ page, servers }) => {
      await page.goto(`${servers.site}/i18n-event-fr.html`);
      const widget = widgetIn(page, "#paris");
      await expect(widget.getByRole("button")).toHaveText("Je participe");
      const when = widget.locator(".osdi-embed__when");
      // Midnight in Paris on the 14th (18:00 in New York on the 13th), at a place in Paris.
      await expect(when).toHaveText(/dimanche 14 juin 2026/);
      await expect(when).toHaveText(/00:00\s*–\s*02:00/);
      await expect(when).toHaveText(/UTC\+2/);
      await expect(when).toHaveAttribute("datetime", "2026-06-13T22:00:00.000Z");
      await expect(widget.locator(".osdi-embed__where")).toHaveText(
        "Maison des associations, 12 rue de la Paix",
      );
    });
  });

  test.describe("a reader in Montréal", () => {
    test.use({ timezoneId: "America/Toronto" });
    test("with data-osdi-lang=fr-CA sees Quebec French and the zone's name (HAE)", async ({
      page,
      servers,
    }) => {
      const requested = langRequests(page);
      await page.goto(`${servers.site}/i18n-event-fr.html`);
      const widget = widgetIn(page, "#quebec");
      await expect(widget).toHaveAttribute("lang", "fr-CA");
      await expect(widget.getByRole("button")).toHaveText("Je participe");
      const when = widget.locator(".osdi-embed__when");
      await expect(when).toHaveText(/samedi 13 juin 2026/);
      await expect(when).toHaveText(/18 h 00/);
      await expect(when).toHaveText(/\bHAE\b/);
      await settled(page);
      // Two French widgets, one part.
      expect(requested).toEqual(["/dist/osdi-embed-lang-fr.js"]);
    });
  });
});
