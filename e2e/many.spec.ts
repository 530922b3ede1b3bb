/**
 * Many widgets on one page, as the script mounts them by itself: in slices (other
 * tasks run between them), the ones on screen first, each once, and never before
 * osdi-embed.css has arrived, so nobody sees a form unstyled and then restyled.
 */
import type { Page, Route } from "@playwright/test";
import { expect, test } from "./fixtures";

const HUB = "hub.html";
const COUNT = 60;

interface Ready {
  id: string;
  /** The widget root's computed display: "grid" once osdi-embed.css applies. */
  display: string;
}

/**
 * Before the page's own scripts: a record of each osdi:ready, and at the first one a
 * posted message, a task queued before the script's next slice is (the script
 * queues its slices the same way): it can only run once the script hands the
 * thread back.
 */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __ready: Ready[];
      __between: number;
      __port: MessageChannel;
    };
    w.__ready = [];
    w.__between = -1;
    // Kept on window, so nothing collects the channel before its message comes.
    w.__port = new MessageChannel();
    w.__port.port1.onmessage = () => {
      w.__between = w.__ready.length;
    };
    document.addEventListener("osdi:ready", (e) => {
      const el = e.target as HTMLElement;
      const root = el.querySelector(".osdi-embed");
      if (!w.__ready.length) w.__port.port2.postMessage(0);
      w.__ready.push({ id: el.id, display: root ? getComputedStyle(root).display : "" });
    });
  });
}

const readies = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ready: Ready[] }).__ready);

/** Holds osdi-embed.css until release() is called. */
async function holdStylesheet(page: Page) {
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route("**/osdi-embed.css", async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("sixty widgets: each mounts once, styled, over several tasks with others run between", async ({
  page,
  servers,
}) => {
  await watch(page);
  await page.goto(`${servers.site}/${HUB}`);
  await expect.poll(async () => (await readies(page)).length).toBe(COUNT);
  const ready = await readies(page);
  expect(new Set(ready.map((r) => r.id)).size).toBe(COUNT);
  // A task queued as the first widget came ran before the last came: the thread was
  // handed back between slices instead of mounting all sixty in one task.
  const between = await page.evaluate(() => (window as unknown as { __between: number }).__between);
  expect(between).toBeGreaterThan(0);
  expect(between).toBeLessThan(COUNT);
  // The stylesheet applied from each widget's first render.
  expect(ready.filter((r) => r.display !== "grid")).toEqual([]);
  await expect(page.locator(".osdi-embed")).toHaveCount(COUNT);
  // Nothing was left half done: every widget has its form, none its fallback.
  await expect(page.locator(".osdi-embed__form")).toHaveCount(COUNT);
  await expect(page.locator('a[href^="https://actionnetwork.org/petitions/"]')).toHaveCount(0);
  // A widget mounted in a later slice works like the first.
  const last = page.locator(`#petition-${COUNT}`);
  await last.getByLabel("Email").fill("last@example.org");
  await last.getByRole("button").click();
  await expect(last.locator(".osdi-embed")).toHaveAttribute("data-osdi-state", "success");
});

test("opened at a petition far down the page: the widgets on screen come first", async ({
  page,
  servers,
}) => {
  await watch(page);
  const release = await holdStylesheet(page);
  // Not waiting for "load": it waits for the stylesheet.
  await page.goto(`${servers.site}/${HUB}#campaign-45`, { waitUntil: "domcontentloaded" });
  // Every container has been read, and nothing shows while the stylesheet is on its way.
  await expect(page.locator("[data-osdi-mounted]")).toHaveCount(COUNT);
  await expect(page.locator(".osdi-embed")).toHaveCount(0);
  await expect(page.locator("#petition-45 a")).toBeVisible();
  // Two frames, so the browser has said which containers are on screen.
  const near = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // What the script asks about: the viewport and half its height above and below.
    const margin = innerHeight / 2;
    return Array.from(document.querySelectorAll("[data-osdi-action]"))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom >= -margin && r.top <= innerHeight + margin;
      })
      .map((el) => el.id);
  });
  expect(near).toContain("petition-45");
  expect(near).not.toContain("petition-1");
  release();
  await expect.poll(async () => (await readies(page)).length).toBe(COUNT);
  const ready = await readies(page);
  expect(
    ready
      .slice(0, near.length)
      .map((r) => r.id)
      .sort(),
  ).toEqual([...near].sort());
  expect(ready.filter((r) => r.display !== "grid")).toEqual([]);
});

test("the stylesheet cannot load: the widgets still come, unstyled and usable", async ({
  page,
  servers,
}) => {
  await page.route("**/osdi-embed.css", (route) => route.abort());
  await page.goto(`${servers.site}/theme-plain.html`);
  await expect(page.locator(".osdi-embed")).toHaveCount(3);
  const root = page.locator(".osdi-embed").first();
  expect(await root.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  await expect(root.getByRole("textbox", { name: /^Email/ })).toBeEditable();
});

test("the stylesheet never answers: the widgets come anyway, after a short wait", async ({
  page,
  servers,
}) => {
  await page.route("**/osdi-embed.css", () => {});
  await page.goto(`${servers.site}/theme-plain.html`, { waitUntil: "domcontentloaded" });
  await expect(page.locator(".osdi-embed")).toHaveCount(3, { timeout: 10_000 });
  await expect(
    page
      .locator(".osdi-embed")
      .first()
      .getByRole("textbox", { name: /^Email/ }),
  ).toBeEditable();
});
