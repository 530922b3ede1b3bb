import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import {
  expect,
  fillRequired,
  KINDS,
  type Servers,
  THEMES,
  test,
  widgetOf,
  widgetsReady,
} from "./fixtures";

/** Text-like controls: what a theme's input rule is for (checkboxes and radios are not). */
const TEXT_CONTROLS =
  '.osdi-embed :is(input:not([type="checkbox"], [type="radio"]), select, textarea):not([hidden] *)';

/** The computed values of `props` for every element `selector` finds, as one object each. */
const computed = (page: Page, selector: string, props: string[]) =>
  page.locator(selector).evaluateAll(
    (els, props) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
      }),
    props,
  );

const bodyFont = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontFamily);

async function open(page: Page, servers: Servers, file: string) {
  await page.goto(`${servers.site}/${file}`);
  await widgetsReady(page);
}

/** Submits every widget empty, so each shows its errors. */
async function submitEmpty(page: Page) {
  for (const kind of KINDS) {
    await widgetOf(page, kind).locator(".osdi-embed__button").click();
    await expect(widgetOf(page, kind)).toHaveAttribute("data-osdi-state", "error");
  }
}

interface HostRules {
  page: string;
  /** What the theme's rule for inputs, selects and textareas gives every text-like control. */
  input?: Record<string, string | "body-font">;
  /** What the theme's rule for buttons gives every widget's button. */
  button: Record<string, string | "body-font">;
}

const hostRules: HostRules[] = [
  {
    // Element rules of the WordPress theme, plus its "Additional CSS" on .osdi-embed__button.
    page: THEMES.wordpress,
    input: {
      "border-top-color": "rgb(108, 117, 125)",
      "padding-top": "8px",
      "padding-left": "12px",
      color: "rgb(33, 37, 41)",
      "background-color": "rgb(255, 255, 255)",
      "font-family": "body-font",
    },
    button: {
      "background-color": "rgb(29, 63, 114)",
      color: "rgb(255, 255, 255)",
      // .375rem from the theme, where the base would give var(--osdi-radius), .25rem here.
      "border-top-left-radius": "6px",
      "font-family": "body-font",
    },
  },
  {
    // Element rules only: input, select, textarea { ... } and button { ... }.
    page: THEMES.serif,
    input: {
      "border-top-color": "rgb(107, 102, 96)",
      "border-top-left-radius": "0px",
      "padding-top": "6px",
      "padding-left": "8px",
      color: "rgb(34, 34, 34)",
      "background-color": "rgb(255, 253, 248)",
      "font-family": "body-font",
    },
    button: {
      "background-color": "rgb(34, 34, 34)",
      color: "rgb(255, 253, 248)",
      "border-top-left-radius": "0px",
      "padding-left": "28px",
      "font-variant-caps": "small-caps",
      "font-family": "body-font",
    },
  },
  {
    // button { border-radius: 999px; font-weight: 700 } beside the base's colours.
    page: THEMES.dark,
    button: { "border-top-left-radius": "999px", "font-weight": "700" },
  },
];

test.describe("the host's own rules style the widget", () => {
  for (const h of hostRules)
    test(`${h.page}: the theme's input and button rules win over osdi-embed.css, which is loaded and applies where the theme is silent`, async ({
      page,
      servers,
    }) => {
      await open(page, servers, h.page);
      // The base stylesheet is there, first in <head> so everything after it wins …
      expect(
        await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")).map(
            (l) => new URL(l.href).pathname,
          ),
        ),
      ).toContain("/dist/osdi-embed.css");
      await expect(page.locator("head > link").first()).toHaveAttribute(
        "href",
        /\/dist\/osdi-embed\.css$/,
      );
      // … and applies where the theme says nothing (display: grid, a 2.75rem touch height).
      for (const kind of KINDS) await expect(widgetOf(page, kind)).toHaveCSS("display", "grid");
      for (const c of await computed(page, TEXT_CONTROLS, ["min-height"]))
        expect(c["min-height"]).toBe("44px");

      const font = await bodyFont(page);
      const expected = (rules: Record<string, string>) =>
        Object.fromEntries(
          Object.entries(rules).map(([k, v]) => [k, v === "body-font" ? font : v]),
        );
      if (h.input) {
        const controls = await computed(page, TEXT_CONTROLS, Object.keys(h.input));
        // Every text field, select and textarea of the three widgets.
        expect(controls.length).toBeGreaterThanOrEqual(14);
        for (const c of controls) expect(c).toEqual(expected(h.input));
      }
      const buttons = await computed(page, ".osdi-embed__button", Object.keys(h.button));
      expect(buttons).toEqual(KINDS.map(() => expected(h.button)));
    });

  test("the demo themes do it without !important", () => {
    const dir = "demo/themes";
    const sheets = readdirSync(dir).filter((f) => f.endsWith(".css"));
    expect(sheets.sort()).toEqual(["dark.css", "serif.css", "wordpress.css"]);
    for (const f of sheets) {
      const rules = readFileSync(`${dir}/${f}`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
      expect(rules, f).not.toMatch(/!\s*important/);
    }
  });

  test("with no form rules on the page, the widget inherits its font and colours", async ({
    page,
    servers,
  }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await open(page, servers, THEMES.plain);
      const body = await page.evaluate(() => {
        const s = getComputedStyle(document.body);
        return { color: s.color, "font-family": s.fontFamily };
      });
      expect(body.color).toBe(colorScheme === "light" ? "rgb(51, 51, 51)" : "rgb(221, 221, 221)");
      for (const selector of [
        ".osdi-embed",
        ".osdi-embed__label",
        ".osdi-embed__input",
        ".osdi-embed__description",
      ])
        for (const c of await computed(page, selector, ["color", "font-family"]))
          expect(c, `${selector} in ${colorScheme}`).toEqual(body);
    }
  });
});

test.describe("CSS custom properties", () => {
  test("set by the host in its own stylesheet, they restyle the widget", async ({
    page,
    servers,
  }) => {
    await open(page, servers, THEMES.plain);
    await page.addStyleTag({
      content: `.osdi-embed {
        --osdi-accent: #6a1b9a; --osdi-accent-text: #fffff0; --osdi-text: #102030;
        --osdi-background: #f0f4f8; --osdi-border: #405060; --osdi-radius: 0px;
        --osdi-gap: 2rem; --osdi-font: Georgia, serif; --osdi-error: #8b0000;
      }`,
    });
    const petition = widgetOf(page, "petition");
    await expect(petition).toHaveCSS("row-gap", "32px");
    await expect(petition).toHaveCSS("color", "rgb(16, 32, 48)");
    await expect(petition).toHaveCSS("background-color", "rgb(240, 244, 248)");
    await expect(petition).toHaveCSS("font-family", "Georgia, serif");
    const input = petition.locator(".osdi-embed__input").first();
    await expect(input).toHaveCSS("border-top-color", "rgb(64, 80, 96)");
    await expect(input).toHaveCSS("border-top-left-radius", "0px");
    await expect(input).toHaveCSS("font-family", "Georgia, serif");
    const button = petition.locator(".osdi-embed__button");
    await expect(button).toHaveCSS("background-color", "rgb(106, 27, 154)");
    await expect(button).toHaveCSS("color", "rgb(255, 255, 240)");
    await button.click();
    await expect(petition.locator(".osdi-embed__error")).toHaveCSS("color", "rgb(139, 0, 0)");
  });

  test("the dark theme's accent, given only through --osdi-accent and --osdi-accent-text, colours the buttons", async ({
    page,
    servers,
  }) => {
    await open(page, servers, THEMES.dark);
    for (const kind of KINDS) {
      const button = widgetOf(page, kind).locator(".osdi-embed__button");
      await expect(button).toHaveCSS("background-color", "rgb(126, 224, 181)");
      await expect(button).toHaveCSS("color", "rgb(15, 20, 25)");
    }
  });
});

test.describe('data-osdi-styles="none"', () => {
  test("no stylesheet is added, the host's rules alone style the widget, and it still works", async ({
    page,
    servers,
  }) => {
    // The serif blog as the demo has it, with data-osdi-styles="none" added to each
    // snippet as the page is parsed (before the deferred script mounts anything).
    await page.addInitScript(() => {
      new MutationObserver(() => {
        for (const el of document.querySelectorAll("[data-osdi-action]:not([data-osdi-styles])"))
          el.setAttribute("data-osdi-styles", "none");
      }).observe(document, { childList: true, subtree: true });
    });
    await open(page, servers, THEMES.serif);
    await expect(page.locator('[data-osdi-styles="none"]')).toHaveCount(3);
    expect(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")).map(
          (l) => new URL(l.href).pathname,
        ),
      ),
    ).toEqual(["/demo/themes/serif.css"]);
    await expect(page.locator("style")).toHaveCount(0);
    // Nothing of osdi-embed.css: a plain block, a status region that is simply empty.
    await expect(widgetOf(page, "petition")).toHaveCSS("display", "block");
    const input = widgetOf(page, "petition").locator("input").first();
    await expect(input).toHaveCSS("border-top-color", "rgb(107, 102, 96)");
    await expect(input).not.toHaveCSS("min-height", "44px");
    await expect(widgetOf(page, "event").locator("time")).toBeVisible();

    const widget = widgetOf(page, "form");
    await fillRequired(widget, "unstyled@example.org");
    await widget.getByRole("button").click();
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    await expect(widget.getByRole("status")).toHaveText(/Thank you/);
    await expect.poll(async () => (await servers.records()).length).toBe(1);
  });
});

test.describe("the base stylesheet alone", () => {
  for (const file of [THEMES.plain, THEMES.dark])
    test(`${file} (no fieldset rules): a radio group lines up with the other fields, with no browser fieldset frame`, async ({
      page,
      servers,
    }) => {
      await open(page, servers, file);
      const form = widgetOf(page, "form");
      const group = form.locator("fieldset.osdi-embed__group");
      await expect(group).toHaveCSS("border-top-width", "0px");
      const left = async (l: ReturnType<Page["locator"]>) => (await l.boundingBox())?.x ?? NaN;
      const label = await left(form.locator("label.osdi-embed__label").first());
      expect(await left(group.locator("legend"))).toBeCloseTo(label, 0);
      expect(await left(group.locator("input").first())).toBeCloseTo(label, 0);
    });
});

/** Every element of the widgets that sticks out of the viewport, or out of its widget. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement as Element;
    if (root.scrollWidth > innerWidth) out.push(`page: ${root.scrollWidth} > ${innerWidth}`);
    for (const w of document.querySelectorAll(".osdi-embed")) {
      const box = w.getBoundingClientRect();
      if (box.left < -0.5 || box.right > innerWidth + 0.5) out.push(`${w.className} itself`);
      for (const el of w.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (!r.width || el.closest("[hidden]") || el.matches(".osdi-embed__status:empty")) continue;
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          out.push(`${el.tagName.toLowerCase()}.${el.className} ${r.left}…${r.right}`);
      }
    }
    return out;
  });

test.describe("layout", () => {
  const sizes = [
    { name: "320 px wide", viewport: { width: 320, height: 800 }, deviceScaleFactor: 1 },
    // 200% zoom of a 1280 px window: the browser lays the page out 640 CSS px wide
    // with two device pixels to each CSS pixel, which is what this emulates.
    { name: "200% zoom", viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 },
  ];
  for (const size of sizes)
    test.describe(size.name, () => {
      test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
      for (const file of Object.values(THEMES))
        test(`${file}: no horizontal scrolling, nothing sticks out, idle, with every error shown, and after success`, async ({
          page,
          servers,
        }) => {
          await open(page, servers, file);
          expect(await page.evaluate(() => devicePixelRatio)).toBe(size.deviceScaleFactor);
          expect(await overflowing(page)).toEqual([]);
          await submitEmpty(page);
          expect(await overflowing(page)).toEqual([]);
          for (const kind of KINDS) {
            const widget = widgetOf(page, kind);
            await fillRequired(widget, `${kind}@example.org`);
            await widget.locator(".osdi-embed__button").click();
            await expect(widget).toHaveAttribute("data-osdi-state", "success");
          }
          // Whatever the thanks brings (share links, add-to-calendar) has arrived.
          await expect(page.locator(".osdi-embed__after")).toHaveCount(3);
          expect(await overflowing(page)).toEqual([]);
        });
    });
});

/**
 * Contrast of every piece of text in the widgets against what is behind it, of each
 * text field's text and border, and of each button's label. Colours are composited in a
 * canvas, so any CSS colour syntax and any transparency come out as the pixel a person sees.
 */
function contrastFailures(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
    const over = (top: string, bottom: string): [number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = bottom;
      ctx.fillRect(0, 0, 1, 1);
      ctx.fillStyle = top;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b];
    };
    const css = ([r, g, b]: number[]) => `rgb(${r}, ${g}, ${b})`;
    const probe = document.createElement("i");
    probe.style.backgroundColor = "Canvas";
    document.documentElement.append(probe);
    const canvasColor = getComputedStyle(probe).backgroundColor;
    probe.remove();
    /** What is painted behind el's content: the backgrounds of it and its ancestors, stacked. */
    const backdrop = (el: Element | null): string => {
      const chain: Element[] = [];
      for (let e = el; e; e = e.parentElement) chain.unshift(e);
      return chain.reduce(
        (below, e) => css(over(getComputedStyle(e).backgroundColor, below)),
        css(over(canvasColor, "white")),
      );
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const failures: string[] = [];
    const check = (what: string, fg: string, bg: string, min: number) => {
      const back = over(bg, "white");
      const r = ratio(over(fg, css(back)), back);
      if (r < min) failures.push(`${what}: ${r.toFixed(2)} < ${min} (${fg} on ${css(back)})`);
    };
    const name = (el: Element) =>
      `${el.closest(".osdi-embed")?.classList[1]} ${el.tagName.toLowerCase()}.${el.className || (el as HTMLInputElement).name}`;
    for (const w of document.querySelectorAll(".osdi-embed"))
      for (const el of [w, ...w.querySelectorAll("*")]) {
        if (!el.checkVisibility() || el.closest("[hidden], select")) continue;
        const s = getComputedStyle(el);
        const text = Array.from(el.childNodes).some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
        );
        if (text) check(`text of ${name(el)}`, s.color, backdrop(el), 4.5);
        if (el.matches('input:not([type="checkbox"], [type="radio"]), select, textarea')) {
          check(`typed text of ${name(el)}`, s.color, backdrop(el), 4.5);
          // A field's edge (WCAG 1.4.11): its border, or else its own fill, against what is around it.
          const around = backdrop(el.parentElement);
          const border =
            Number.parseFloat(s.borderBottomWidth) > 0 ? s.borderBottomColor : "transparent";
          const edge = [border, s.backgroundColor]
            .map((c) => ratio(over(c, around), over(around, "white")))
            .reduce((a, b) => Math.max(a, b));
          if (edge < 3)
            failures.push(
              `edge of ${name(el)}: ${edge.toFixed(2)} < 3 (border ${border} on ${around})`,
            );
        }
      }
    return failures;
  });
}

test.describe("contrast in light and dark themes", () => {
  const cases = [
    { file: THEMES.dark, colorScheme: "dark" as const },
    { file: THEMES.dark, colorScheme: "light" as const },
    { file: THEMES.serif, colorScheme: "dark" as const },
    { file: THEMES.serif, colorScheme: "light" as const },
    { file: THEMES.wordpress, colorScheme: "dark" as const },
    { file: THEMES.wordpress, colorScheme: "light" as const },
    { file: THEMES.plain, colorScheme: "dark" as const },
    { file: THEMES.plain, colorScheme: "light" as const },
  ];
  for (const c of cases)
    test(`${c.file}, the visitor's system in ${c.colorScheme} mode: text ≥ 4.5:1, field edges ≥ 3:1, idle and with errors`, async ({
      page,
      servers,
    }) => {
      await page.emulateMedia({ colorScheme: c.colorScheme });
      await open(page, servers, c.file);
      for (const input of await page.locator(TEXT_CONTROLS).all())
        if (await input.evaluate((el) => el.tagName !== "SELECT")) await input.fill("Typed text");
      expect(await contrastFailures(page)).toEqual([]);
      await page.locator(TEXT_CONTROLS).evaluateAll((els) => {
        for (const el of els as HTMLInputElement[]) {
          el.value = "";
          el.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
      await submitEmpty(page);
      await expect(page.locator(".osdi-embed__error").first()).toBeVisible();
      expect(await contrastFailures(page)).toEqual([]);
    });

  test("the dark theme really is dark, and the widget with it", async ({ page, servers }) => {
    await open(page, servers, THEMES.dark);
    await expect(page.locator("html")).toHaveCSS("color-scheme", "dark");
    const w = widgetOf(page, "petition");
    await expect(w).toHaveCSS("color", "rgb(230, 237, 243)");
    await expect(w.locator(".osdi-embed__input").first()).toHaveCSS("color", "rgb(230, 237, 243)");
    await w.locator(".osdi-embed__button").click();
    // The base's error colour follows the page's color-scheme: the light one on dark.
    await expect(w.locator(".osdi-embed__error")).toHaveCSS("color", "rgb(255, 180, 171)");
  });
});

test.describe("the site's classes (data-osdi-class-<part>)", () => {
  /** What the site's class rules set, compared between the widget's elements and the page's own. */
  const SET_BY_THE_CLASS = [
    "background-color",
    "color",
    "border-top-left-radius",
    "border-top-style",
    "border-top-width",
    "padding-top",
    "padding-left",
    "font-size",
  ];
  const styleOf = (locator: ReturnType<Page["locator"]>) =>
    locator.evaluate((el, props) => {
      const s = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    }, SET_BY_THE_CLASS);

  test("win over the base stylesheet on the button and the inputs, outside a layer and in a later one", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/class-hooks.html`);
    await widgetsReady(page);
    // The base stylesheet is there, once, and first: the page's own link.
    expect(
      await page.evaluate(() =>
        Array.from(document.styleSheets, (s) => new URL(s.href ?? "inline:").pathname),
      ),
    ).toEqual(["/dist/osdi-embed.css", "/class-hooks.css"]);
    const own = page.locator("#own");
    const cases = [
      // Unlayered rules; the input's class from the page-wide meta.
      { widget: "#unlayered", button: "site-button", input: "site-input" },
      // @layer utilities, after @layer osdi-embed; the container's input class replaces the meta's.
      { widget: "#layered", button: "u-button", input: "u-input" },
    ];
    for (const c of cases) {
      const widget = page.locator(c.widget);
      const button = widget.locator("button[type=submit]");
      await expect(button).toHaveClass(`osdi-embed__button ${c.button}`);
      expect(await styleOf(button), `${c.widget} button`).toEqual(
        await styleOf(own.locator(`.${c.button}`)),
      );
      const inputs = widget.locator("input:not([hidden] *)");
      await expect(inputs).toHaveCount(2);
      for (const input of await inputs.all()) {
        await expect(input).toHaveClass(`osdi-embed__input ${c.input}`);
        expect(await styleOf(input), `${c.widget} input`).toEqual(
          await styleOf(own.locator(`.${c.input}`)),
        );
      }
    }
    // Without the classes (an empty attribute takes the meta's away), the base's own look.
    const plain = page.locator("#plain");
    await expect(plain.locator("input[name=email]")).toHaveClass("osdi-embed__input");
    await expect(plain.locator("input[name=email]")).toHaveCSS("border-top-style", "solid");
    await expect(plain.locator("input[name=email]")).toHaveCSS("border-top-width", "1px");
    await expect(plain.locator("button[type=submit]")).toHaveCSS(
      "background-color",
      "rgba(0, 0, 0, 0)",
    );
  });
});
