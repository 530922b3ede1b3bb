/**
 * The design-system recipes of docs/recipes.md, on host pages (e2e/pages/recipes/) that
 * load the real CSS from npm: Bootstrap 5, Pico 2, Tailwind CSS v4 (compiled here by
 * @tailwindcss/cli) and WordPress 6.1's Twenty Twenty-Three (its generated CSS, written
 * out in a fixture). Each page holds the widget, given the design system's classes
 * through <meta name="osdi-embed-class-…">, beside the page's own form with the same
 * classes; the widget's button and inputs must compute what the page's own do.
 */
import { writeFileSync } from "node:fs";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { buildTailwind } from "../scripts/recipes-css.mjs";
import { expect, type Servers, test, widgetIn } from "./fixtures";

/** What the issue asks to be the same: background, text colour, corners, padding, font size. */
const LOOK = [
  "background-color",
  "color",
  "border-top-left-radius",
  "border-top-right-radius",
  "border-bottom-right-radius",
  "border-bottom-left-radius",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
  "font-size",
];
/** Of LOOK, one of each kind: what a recipe's button or text input must not have at the browser's default. */
const STYLED = ["background-color", "color", "border-top-left-radius", "padding-left", "font-size"];

/** Looked at, not required: written to differences.json beside the screenshots. */
const MORE = [
  "font-family",
  "font-weight",
  "line-height",
  "height",
  "min-height",
  "border-top-width",
  "border-top-style",
  "border-top-color",
  "margin-top",
  "margin-bottom",
  "box-shadow",
  "background-image",
  "accent-color",
];

type Look = Record<string, string>;

const lookOf = (l: Locator, props: string[]) =>
  l.evaluate((el, props) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }, props);

/** A part of the widget and the same part of the page's own form. */
interface Pair {
  what: string;
  widget: string;
  own: string;
  /** Of LOOK (plus width and height for checkboxes), what must not be the browser's default. */
  styled: string[];
  /** The browser default to hold `styled` against: the same element on a page without CSS. */
  bare: string;
  /** Properties beyond LOOK that must match too. */
  also?: string[];
}

interface Recipe {
  name: string;
  file: string;
  /** The classes the page's <meta name="osdi-embed-class-<part>"> tags set, and which element of the widget shows them. */
  hooks: { part: string; selector: string; classes: string }[];
  pairs: Pair[];
  /** After both forms are submitted empty: the widget's error message and the own form's. */
  error?: { own: string; props: string[] };
  /** Parts that are not expected to match: what differs goes to differences.json. */
  observed?: { what: string; widget: string; own: string }[];
  /** The own form's invalid field, to hold the widget's invalid email against (or only to look at). */
  invalid?: { own: string; props: string[]; matches: boolean };
}

const W = "#widget";
const TEXT_INPUTS = [
  { what: "text input", widget: `${W} input[name="given_name"]`, own: "#own-given_name" },
  { what: "email input", widget: `${W} input[name="email"]`, own: "#own-email" },
  { what: "phone input", widget: `${W} input[name="phone"]`, own: "#own-phone" },
];
const BUTTON = { what: "button", widget: `${W} .osdi-embed__button`, own: "#own-button" };
const CHECK = { what: "checkbox", widget: `${W} input[name="sms_opt_in"]`, own: "#own-sms" };
const BOX = ["width", "height"];

const recipes: Recipe[] = [
  {
    name: "bootstrap",
    file: "recipes/bootstrap.html",
    hooks: [
      { part: "button", selector: BUTTON.widget, classes: "btn btn-primary" },
      { part: "input", selector: `${W} input[name="email"]`, classes: "form-control" },
      { part: "label", selector: `${W} label.osdi-embed__label`, classes: "form-label" },
      { part: "field", selector: `${W} .osdi-embed__field`, classes: "mb-3" },
      { part: "form", selector: `${W} form`, classes: "d-block" },
      { part: "check", selector: CHECK.widget, classes: "form-check-input" },
      { part: "hint", selector: `${W} .osdi-embed__hint`, classes: "form-text" },
    ],
    pairs: [
      {
        ...BUTTON,
        bare: "button",
        styled: STYLED,
      },
      ...TEXT_INPUTS.map((p) => ({
        ...p,
        bare: "input",
        // Bootstrap's field is white, as the browser's is.
        styled: ["color", "border-top-left-radius", "padding-left", "font-size"],
      })),
      {
        ...CHECK,
        bare: "checkbox",
        styled: ["background-color", "border-top-left-radius", "width"],
        also: BOX,
      },
      {
        what: "label",
        widget: `${W} label.osdi-embed__label`,
        own: "#own label.form-label",
        bare: "label",
        styled: ["color"],
        also: ["margin-bottom"],
      },
      {
        what: "hint",
        widget: `${W} .osdi-embed__hint`,
        own: "#own-sms-hint",
        bare: "label",
        styled: ["color", "font-size"],
        also: ["margin-top"],
      },
    ],
    // Bootstrap draws a select with .form-select; the widget's select gets the input part's classes.
    observed: [{ what: "select", widget: `${W} select`, own: "#own-issue" }],
    error: { own: "#own-email-error", props: ["color", "font-size", "margin-top", "display"] },
    // Bootstrap's red border needs is-invalid on the input, which no part gives.
    invalid: { own: "#own-email", props: ["border-top-color"], matches: false },
  },
  {
    name: "pico",
    file: "recipes/pico.html",
    hooks: [
      { part: "button", selector: BUTTON.widget, classes: "secondary" },
      // A container's own data-osdi-class-button replaces the page-wide value.
      { part: "button", selector: "#second .osdi-embed__button", classes: "contrast" },
    ],
    pairs: [
      {
        ...BUTTON,
        bare: "button",
        styled: STYLED,
      },
      {
        what: "contrast button",
        widget: "#second .osdi-embed__button",
        own: "#own-second-button",
        bare: "button",
        styled: STYLED,
      },
      ...TEXT_INPUTS.map((p) => ({
        ...p,
        bare: "input",
        styled: STYLED,
      })),
      {
        what: "select",
        widget: `${W} select`,
        own: "#own-issue",
        bare: "select",
        styled: ["background-color", "border-top-left-radius", "padding-left", "font-size"],
      },
      {
        ...CHECK,
        bare: "checkbox",
        styled: ["background-color", "border-top-left-radius", "width"],
        also: BOX,
      },
    ],
    // Pico marks a field by aria-invalid, which the widget sets: no class needed.
    invalid: { own: "#own-email", props: ["border-top-color", "background-image"], matches: true },
  },
  {
    name: "tailwind",
    file: "recipes/tailwind.html",
    hooks: [
      { part: "button", selector: BUTTON.widget, classes: "bg-indigo-600 hover:bg-indigo-500" },
      { part: "input", selector: `${W} input[name="email"]`, classes: "rounded-md border" },
      { part: "form", selector: `${W} form`, classes: "grid gap-5" },
      { part: "title", selector: `${W} .osdi-embed__title`, classes: "text-xl font-semibold" },
    ],
    pairs: [
      {
        ...BUTTON,
        bare: "button",
        styled: STYLED,
      },
      ...TEXT_INPUTS.map((p) => ({
        ...p,
        bare: "input",
        styled: ["color", "border-top-left-radius", "padding-left", "font-size"],
      })),
      {
        what: "select",
        widget: `${W} select`,
        own: "#own-issue",
        bare: "select",
        styled: ["border-top-left-radius", "padding-left", "font-size"],
      },
      {
        ...CHECK,
        bare: "checkbox",
        styled: ["accent-color", "width"],
        also: [...BOX, "accent-color"],
      },
      {
        what: "label",
        widget: `${W} label.osdi-embed__label`,
        own: "#own label[for='own-given_name']",
        bare: "label",
        styled: ["color", "font-size"],
        also: ["font-weight", "line-height"],
      },
    ],
    error: { own: "#own-email-error", props: ["color", "font-size", "font-weight", "display"] },
  },
  {
    name: "wordpress",
    file: "recipes/wordpress.html",
    hooks: [{ part: "button", selector: BUTTON.widget, classes: "wp-element-button" }],
    // The theme has no input style; the Search block's input has its block's class.
    observed: [
      { what: "email input", widget: `${W} input[name="email"]`, own: "#wp-block-search__input-1" },
    ],
    pairs: [
      {
        ...BUTTON,
        bare: "button",
        // Twenty Twenty-Three's square corners are the browser's too (and not the base stylesheet's).
        styled: ["background-color", "padding-left", "font-size"],
        also: ["border-top-width", "line-height"],
      },
      {
        what: "button block (a link)",
        widget: BUTTON.widget,
        own: "#own-link-button",
        bare: "button",
        // Twenty Twenty-Three's square corners are the browser's too (and not the base stylesheet's).
        styled: ["background-color", "padding-left", "font-size"],
        also: ["border-top-width", "line-height"],
      },
    ],
  },
];

/** Each bare element's computed LOOK (and width, height, accent-color) on a page with no CSS at all. */
async function browserDefaults(page: Page) {
  const blank = await page.context().newPage();
  await blank.setContent(
    '<label id="label">x</label><button id="button">x</button><input id="input"><select id="select"><option>x</option></select><input id="checkbox" type="checkbox">',
  );
  const out: Record<string, Look> = {};
  for (const id of ["label", "button", "input", "select", "checkbox"])
    out[id] = await lookOf(blank.locator(`#${id}`), [...LOOK, ...BOX, "accent-color"]);
  await blank.close();
  return out;
}

async function open(page: Page, servers: Servers, file: string) {
  await page.goto(`${servers.site}/${file}`);
  await expect(widgetIn(page, W)).toBeVisible();
  // Nothing hovered or focused while looking.
  await page.mouse.move(0, 0);
}

/** The pair's values side by side; differences.json gets what differs beyond LOOK. */
async function compare(page: Page, pair: Pair, extra: Record<string, unknown>) {
  const props = [...LOOK, ...(pair.also ?? [])];
  const widget = page.locator(pair.widget).first();
  const own = page.locator(pair.own).first();
  await expect(widget, pair.what).toBeVisible();
  await expect(own, pair.what).toBeVisible();
  const [w, o] = [await lookOf(widget, props), await lookOf(own, props)];
  const [wm, om] = [await lookOf(widget, MORE), await lookOf(own, MORE)];
  const differs = Object.fromEntries(
    MORE.filter((p) => wm[p] !== om[p]).map((p) => [p, { widget: wm[p], own: om[p] }]),
  );
  if (Object.keys(differs).length) extra[pair.what] = differs;
  return { w, o };
}

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

test.beforeAll(async () => {
  await buildTailwind();
});

for (const r of recipes)
  test.describe(`${r.name} recipe`, () => {
    test(`${r.file}: the widget's button and inputs compute what the page's own form's do with the same classes, and none of it is the browser's default`, async ({
      page,
      servers,
      consoleErrors,
    }, info) => {
      const defaults = await browserDefaults(page);
      await open(page, servers, r.file);
      // The base stylesheet is there, linked before the design system's.
      const sheets = await page.evaluate(() =>
        Array.from(document.styleSheets, (s) => new URL(s.href ?? location.href).pathname),
      );
      expect(sheets[0]).toBe("/dist/osdi-embed.css");
      expect(sheets).toHaveLength(2);
      // The hooks add the host's classes beside the widget's own.
      for (const h of r.hooks)
        for (const el of await page.locator(h.selector).all()) {
          const classes = ((await el.getAttribute("class")) ?? "").split(" ");
          for (const c of h.classes.split(" "))
            expect(classes, `${h.part}: ${h.selector}`).toContain(c);
        }
      const extra: Record<string, unknown> = {};
      for (const pair of r.pairs) {
        const { w, o } = await compare(page, pair, extra);
        expect(w, `${pair.what}: ${pair.widget} against ${pair.own}`).toEqual(o);
        const styled = await lookOf(page.locator(pair.own).first(), pair.styled);
        for (const p of pair.styled)
          expect(
            styled[p],
            `${pair.what}'s ${p} is the design system's, not the browser's`,
          ).not.toBe(defaults[pair.bare][p]);
      }
      for (const pair of r.observed ?? []) {
        const props = [...LOOK, ...MORE];
        const [w, o] = [
          await lookOf(page.locator(pair.widget).first(), props),
          await lookOf(page.locator(pair.own).first(), props),
        ];
        extra[`${pair.what} (observed)`] = Object.fromEntries(
          props.filter((p) => w[p] !== o[p]).map((p) => [p, { widget: w[p], own: o[p] }]),
        );
      }
      await shot(page, info, `${r.name}-idle`);

      // Both forms submitted empty: the email is required in each.
      await page.locator(BUTTON.widget).click();
      await expect(widgetIn(page, W)).toHaveAttribute("data-osdi-state", "error");
      if (r.error || r.invalid) await page.locator("#own-button").click();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.mouse.move(0, 0);
      const error = page.locator(`${W} .osdi-embed__error`);
      await expect(error).toHaveText("Please fill in this field.");
      await expect(error).toBeVisible();
      if (r.error) {
        const own = page.locator(r.error.own);
        await expect(own).toBeVisible();
        const expected = await lookOf(own, r.error.props);
        await expect
          .poll(() => lookOf(error, r.error!.props), { message: "error message" })
          .toEqual(expected);
      }
      if (r.invalid) {
        const widgetEmail = page.locator(`${W} input[name="email"]`);
        await expect(widgetEmail).toHaveAttribute("aria-invalid", "true");
        // Both fields' border colours are animated (Pico's and Bootstrap's transitions): settled, then compared.
        const settled = async (l: Locator) => {
          await l.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
          return lookOf(l, r.invalid!.props);
        };
        const [w, o] = [await settled(widgetEmail), await settled(page.locator(r.invalid.own))];
        if (r.invalid.matches) expect(w, "invalid field").toEqual(o);
        else extra["invalid email (observed)"] = { widget: w, own: o };
      }
      await shot(page, info, `${r.name}-errors`);
      writeFileSync(info.outputPath("differences.json"), `${JSON.stringify(extra, null, 2)}\n`);
      expect(consoleErrors).toEqual([]);
    });

    test(`${r.file} without its <meta> tags: the widget's button no longer matches (the classes are what does it)`, async ({
      page,
      servers,
    }) => {
      await page.route(`${servers.site}/${r.file}`, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<meta\s+name="osdi-embed-class-[^>]*>/g, "");
        expect(html).not.toContain("osdi-embed-class-");
        await route.fulfill({ response, body: html });
      });
      await open(page, servers, r.file);
      const pair = r.pairs[0];
      const extra = {};
      const { w, o } = await compare(page, pair, extra);
      expect(w).not.toEqual(o);
    });
  });

test.describe("tailwind: the order of the layers", () => {
  const file = "recipes/tailwind.html";
  const LINK = '<link rel="stylesheet" href="/dist/osdi-embed.css" />';
  const TAILWIND = '<link rel="stylesheet" href="tailwind.generated.css" />';

  const cases: {
    name: string;
    /** The page changed before it loads (a page fulfilled by a route may not post to the sandbox: Chromium's local network access). */
    html?: (html: string) => string;
    /** osdi-embed.css's <link> moved after Tailwind's once the page is there: the layer order follows. */
    moveAfter?: boolean;
    /** A layer statement put at the start of the site's CSS (tailwind.generated.css). */
    statement?: string;
    sheets: string[];
    /** After success: the share links (no classes given) keep the base stylesheet's border? */
    shareBorder?: string;
  }[] = [
    {
      name: "osdi-embed.css linked first (the recipe): its layer comes first, every utility beats it, and so does Tailwind's preflight",
      sheets: ["/dist/osdi-embed.css", "/recipes/tailwind.generated.css"],
      shareBorder: "0px",
    },
    {
      name: "osdi-embed.css linked after Tailwind's CSS: its layer comes last, yet it draws nothing the host's classes draw, so the utilities still win",
      html: (html) => html.replace(`${LINK}\n`, "").replace(TAILWIND, `${TAILWIND}\n${LINK}`),
      sheets: ["/recipes/tailwind.generated.css", "/dist/osdi-embed.css"],
    },
    {
      name: "no <link> in the page: the script adds osdi-embed.css at the start of <head>, so first",
      html: (html) => html.replace(LINK, ""),
      sheets: ["/dist/osdi-embed.css", "/recipes/tailwind.generated.css"],
    },
    {
      name: "after, the site's CSS beginning with @layer osdi-embed, theme, base, components, utilities: as linked first",
      moveAfter: true,
      statement: "@layer osdi-embed, theme, base, components, utilities;",
      sheets: ["/recipes/tailwind.generated.css", "/dist/osdi-embed.css"],
      shareBorder: "0px",
    },
    {
      name: "after, the site's CSS beginning with @layer theme, base, osdi-embed, components, utilities: the utilities win, and the base stylesheet beats the preflight",
      moveAfter: true,
      statement: "@layer theme, base, osdi-embed, components, utilities;",
      sheets: ["/recipes/tailwind.generated.css", "/dist/osdi-embed.css"],
      shareBorder: "1px",
    },
  ];

  for (const c of cases)
    test(c.name, async ({ page, servers }) => {
      const { html, statement } = c;
      if (html)
        await page.route(`${servers.site}/${file}`, async (route) => {
          const response = await route.fetch();
          const text = await response.text();
          expect(text).toContain(LINK);
          await route.fulfill({ response, body: html(text) });
        });
      if (statement)
        await page.route(`${servers.site}/recipes/tailwind.generated.css`, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: `${statement}\n${await response.text()}` });
        });
      await open(page, servers, file);
      if (c.moveAfter)
        await page.evaluate(() =>
          document.head.append(document.querySelector('link[href="/dist/osdi-embed.css"]')!),
        );
      await expect
        .poll(() =>
          page.evaluate(() =>
            Array.from(document.styleSheets, (s) => new URL(s.href ?? "").pathname),
          ),
        )
        .toEqual(c.sheets);
      const own = await lookOf(page.locator(BUTTON.own), LOOK);
      expect(own["padding-left"]).toBe("16px"); // px-4
      const widget = () => lookOf(page.locator(BUTTON.widget), LOOK);
      // In every order the utilities draw the button: the base stylesheet draws only
      // what has no class of the host's.
      await expect.poll(widget).toEqual(own);
      if (c.shareBorder) {
        const w = widgetIn(page, W);
        await w.getByLabel("Email", { exact: false }).first().fill("order@example.org");
        await w.locator(".osdi-embed__button").click();
        await expect(w).toHaveAttribute("data-osdi-state", "success");
        const link = w.locator(".osdi-embed__share-link").first();
        await expect(link).toBeVisible();
        await expect(link).toHaveCSS("border-top-width", c.shareBorder);
      }
    });
});
