import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
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

// Each test loads a page and runs axe on its three widgets, some in two states.
test.describe.configure({ timeout: 90_000 });

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Kind = (typeof KINDS)[number];

/** axe's violations inside one widget, each as "rule: target (what is wrong)". */
async function violations(page: Page, kind: Kind) {
  // From the top of the page, where a sticky header covers nothing: what axe sees of
  // overlapping targets does not depend on where the last click left the scroll.
  await page.evaluate(() => scrollTo(0, 0));
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .include(`.osdi-embed--${kind}`)
    .analyze();
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary?.replace(/\s+/g, " ")})`,
    ),
  );
}

const states = ["idle", "error", "submitting", "success", "queued"] as const;

/** How long the sandbox holds a post to show the submitting state, in ms. */
const HOLD = 6000;

/**
 * A held post is let through before the test ends: one still open when the worker
 * stops its sandbox would be logged into a data folder already removed.
 */
async function settle(page: Page) {
  for (const kind of KINDS) {
    const widget = widgetOf(page, kind);
    if ((await widget.getAttribute("data-osdi-state")) === "submitting")
      await expect(widget).toHaveAttribute("data-osdi-state", "success", {
        timeout: HOLD + 10_000,
      });
  }
}

/** Brings one widget into `state` the way a visitor would. */
async function reach(
  page: Page,
  servers: Servers,
  widget: Locator,
  state: (typeof states)[number],
) {
  const button = widget.locator(".osdi-embed__button");
  if (state === "idle") return;
  if (state === "error") {
    await button.click();
  } else {
    await fillRequired(widget, `${state}@example.org`);
    // Held by the sandbox long enough to look at (see settle() for the end of it).
    if (state === "submitting") await servers.fault({ count: 1, delayMs: HOLD });
    if (state === "queued") await page.context().setOffline(true);
    await button.click();
  }
  await expect(widget).toHaveAttribute("data-osdi-state", state);
  // The status text is in place before axe looks.
  if (state !== "error") await expect(widget.getByRole("status")).not.toBeEmpty();
}

for (const file of Object.values(THEMES))
  test.describe(`axe on ${file}`, () => {
    for (const state of states)
      test(`every kind, ${state}: no WCAG 2.2 A/AA violations in the widget`, async ({
        page,
        servers,
      }) => {
        await page.goto(`${servers.site}/${file}`);
        await widgetsReady(page);
        for (const kind of KINDS) {
          await reach(page, servers, widgetOf(page, kind), state);
          expect.soft(await violations(page, kind), `${kind}, ${state}`).toEqual([]);
          await page.context().setOffline(false);
        }
        await settle(page);
      });
  });

test.describe("dark theme with the visitor's system dark too", () => {
  test.use({ colorScheme: "dark" });
  for (const file of [THEMES.dark, THEMES.serif, THEMES.plain])
    test(`${file}: every kind, idle and with errors, no violations`, async ({ page, servers }) => {
      await page.goto(`${servers.site}/${file}`);
      await widgetsReady(page);
      for (const kind of KINDS) {
        expect(await violations(page, kind)).toEqual([]);
        await reach(page, servers, widgetOf(page, kind), "error");
        expect(await violations(page, kind)).toEqual([]);
      }
    });
});

/**
 * How the focused element shows its focus: whether it matches :focus-visible, the
 * contrast of its outline against what is painted around it (colours composited in a
 * canvas, so any CSS colour syntax and transparency count), and whether a box-shadow
 * (a theme's focus ring) is there instead.
 */
const focusIndicator = (el: Locator) =>
  el.evaluate((el) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
    const paint = (...layers: string[]) => {
      ctx.clearRect(0, 0, 1, 1);
      for (const c of ["white", ...layers]) {
        ctx.fillStyle = c;
        ctx.fillRect(0, 0, 1, 1);
      }
      return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
    };
    const lum = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const probe = document.createElement("i");
    probe.style.backgroundColor = "Canvas";
    document.documentElement.append(probe);
    const layers = [getComputedStyle(probe).backgroundColor];
    probe.remove();
    // What is painted around the element: the backgrounds of its ancestors, stacked.
    const chain: Element[] = [];
    for (let e = el.parentElement; e; e = e.parentElement) chain.unshift(e);
    for (const e of chain) layers.push(getComputedStyle(e).backgroundColor);
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) > 0;
    const around = paint(...layers);
    const ring = paint(...layers, s.outlineColor);
    const [hi, lo] = [lum(around), lum(ring)].sort((a, b) => b - a);
    return {
      visible: el.matches(":focus-visible"),
      outline: outline ? Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 : 0,
      shadow: s.boxShadow !== "none",
    };
  });

test.describe("keyboard focus is visible", () => {
  for (const file of Object.values(THEMES))
    test(`${file}: every control reached with Tab shows a focus ring (outline at 3:1 against the page, or the theme's shadow)`, async ({
      page,
      servers,
    }) => {
      await page.goto(`${servers.site}/${file}`);
      await widgetsReady(page);
      for (const kind of KINDS) {
        const widget = widgetOf(page, kind);
        // Into the widget from the element before it, with the keyboard.
        await widget.locator("input").first().focus();
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Tab");
        const seen: string[] = [];
        for (;;) {
          const focused = page.locator(":focus");
          if (!(await widget.locator(":focus").count())) break;
          const name = await focused.evaluate(
            (el) => `${el.tagName.toLowerCase()}[name=${el.getAttribute("name")}]${el.className}`,
          );
          if (seen.includes(name)) break;
          seen.push(name);
          const f = await focusIndicator(focused);
          expect.soft(f.visible, `${kind} ${name} matches :focus-visible`).toBe(true);
          expect
            .soft(
              f.outline >= 3 || f.shadow,
              `${kind} ${name}: outline contrast ${f.outline}, box-shadow ${f.shadow}`,
            )
            .toBe(true);
          await page.keyboard.press("Tab");
        }
        // Every field and the button were reached.
        expect(seen.length, kind).toBeGreaterThanOrEqual(4);
        expect(seen.at(-1), kind).toMatch(/^button/);
      }
    });
});

/**
 * What covers the focused element (WCAG 2.4.11, focus not obscured), if anything: the
 * page has scrolled it into view, but a sticky header may sit on top of it.
 */
const obscured = (page: Page) =>
  page.evaluate(async () => {
    // Let the scroll that focus() started settle.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
    return !top || el.contains(top) || top.contains(el) || (top as HTMLLabelElement).control === el
      ? ""
      : `${el.tagName.toLowerCase()}#${el.id} under ${top.tagName.toLowerCase()}.${top.className}`;
  });

test.describe("errors, status and focus", () => {
  for (const file of Object.values(THEMES))
    test(`${file}: one polite live region per widget; on error focus goes to the first invalid field, each tied to its message; on success to the status`, async ({
      page,
      servers,
    }) => {
      await page.goto(`${servers.site}/${file}`);
      await widgetsReady(page);
      for (const kind of KINDS) {
        const widget = widgetOf(page, kind);
        const live = widget.locator('[role="status"], [role="alert"], [aria-live]');
        await expect(live).toHaveCount(1);
        await expect(live).toHaveAttribute("role", "status");
        await expect(live).not.toHaveAttribute("aria-live", /assertive|off/);

        await widget.locator(".osdi-embed__button").click();
        await expect(widget).toHaveAttribute("data-osdi-state", "error");
        const invalid = widget.locator('[aria-invalid="true"]');
        await expect(invalid.first()).toBeFocused();
        expect.soft(await obscured(page), `${kind}: the invalid field focus went to`).toBe("");
        for (const field of await invalid.all()) {
          const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(" ");
          const messages = ids.map((id) => page.locator(`[id="${id}"].osdi-embed__error`));
          expect(
            (await Promise.all(messages.map((m) => m.count()))).some(Boolean),
            (await field.getAttribute("name")) ?? "",
          ).toBe(true);
          await expect(field).toHaveAccessibleDescription(/\S/);
          // Required in the label's own words, not only in colour or an asterisk.
          await expect(field).toHaveAccessibleName(/\(required\)/);
        }

        await fillRequired(widget, `${kind}@example.org`);
        await widget.locator(".osdi-embed__button").click();
        await expect(widget).toHaveAttribute("data-osdi-state", "success");
        await expect(widget.getByRole("status")).toBeFocused();
        expect.soft(await obscured(page), `${kind}: the status focus went to`).toBe("");
        await expect(widget.getByRole("status")).toHaveText(/Thank you/);
        // Still one after success, whatever the thanks offers (share links, a copy button).
        await expect.soft(live, `${kind} after success`).toHaveCount(1);
      }
    });
});

test.describe("prefers-reduced-motion", () => {
  /** Widget elements that would move: a transition that takes time, or an animation. */
  const moving = (page: Page) =>
    page.locator(".osdi-embed, .osdi-embed *").evaluateAll((els) =>
      els
        .map((el) => {
          const s = getComputedStyle(el);
          const transition = s.transitionDuration.split(",").some((d) => Number.parseFloat(d) > 0);
          const animation = s.animationName !== "none";
          return transition || animation
            ? `${el.tagName.toLowerCase()}.${el.className}: ${s.transitionProperty} ${s.transitionDuration} ${s.animationName}`
            : "";
        })
        .filter(Boolean),
    );

  for (const file of Object.values(THEMES))
    test(`${file}: with reduce, no transition or animation on the widget, idle, on error, while submitting, on success`, async ({
      page,
      servers,
    }) => {
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(`${servers.site}/${file}`);
      await widgetsReady(page);
      expect(await moving(page)).toEqual([]);
      await reach(page, servers, widgetOf(page, "petition"), "error");
      await widgetOf(page, "form").locator("input").first().focus();
      expect(await moving(page)).toEqual([]);
      await reach(page, servers, widgetOf(page, "event"), "submitting");
      expect(await moving(page)).toEqual([]);
      await reach(page, servers, widgetOf(page, "form"), "success");
      expect(await moving(page)).toEqual([]);
      await settle(page);
      expect(await moving(page)).toEqual([]);
    });

  test("without the preference the WordPress theme's fields do ease, so the check above can fail", async ({
    page,
    servers,
  }) => {
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto(`${servers.site}/${THEMES.wordpress}`);
    await widgetsReady(page);
    expect((await moving(page)).length).toBeGreaterThan(0);
  });
});
