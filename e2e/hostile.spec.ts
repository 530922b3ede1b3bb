/**
 * Hostile input: markup in attributes and in the page URL is shown as text and never
 * runs; script and data URLs where an https URL belongs are refused.
 * Every payload would set window.__pwned if it ever ran.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, field, fillExact, test, widgetIn } from "./fixtures";

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);

/** Elements and attributes that markup could have smuggled into the widget. */
async function smuggled(widget: Locator) {
  return widget.evaluate((root) => {
    const found: string[] = [];
    for (const el of [root, ...Array.from(root.querySelectorAll("*"))]) {
      if (/^(script|img|svg|iframe|object|embed|b|style|link|meta)$/i.test(el.localName))
        found.push(`<${el.localName}>`);
      // The widget's own links (share links after success) go to https or mailto only.
      if (el.localName === "a" && !/^(https|mailto):/.test(el.getAttribute("href") ?? ""))
        found.push(`<a href="${el.getAttribute("href")}">`);
      for (const a of Array.from(el.attributes))
        if (/^on/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value))
          found.push(`${el.localName}[${a.name}]`);
    }
    return found;
  });
}

/** Exact text of the element, whitespace and all. */
const textOf = (l: Locator) => l.evaluate((el) => el.textContent);

test("markup in data-osdi-title, -description, -text-*, custom fields and ?source= is text, and none of it runs", async ({
  page,
  servers,
  consoleErrors,
}) => {
  const source = "<script>window.__pwned='source'</script>";
  const referrer = "<img src=x onerror=\"window.__pwned='referrer'\">";
  await page.goto(
    `${servers.site}/hostile-text.html?source=${encodeURIComponent(source)}&referrer=${encodeURIComponent(referrer)}`,
  );
  const host = page.locator("#hostile");
  const widget = widgetIn(page, "#hostile");
  await expect(widget).toBeVisible();
  const attr = async (name: string) => (await host.getAttribute(`data-osdi-${name}`)) ?? "";
  // The page really does carry markup in every one of them.
  for (const name of ["title", "description", "text-submit", "text-given_name", "text-thanks"])
    expect(await attr(name)).toMatch(/<\w+[\s>]/);

  expect(await textOf(widget.locator(".osdi-embed__title"))).toBe(await attr("title"));
  expect(await textOf(widget.locator(".osdi-embed__description"))).toBe(await attr("description"));
  expect(await textOf(widget.locator("button"))).toBe(await attr("text-submit"));
  const nameLabel = widget.locator("label", { hasText: "First name" });
  expect(await textOf(nameLabel)).toContain(await attr("text-given_name"));
  const custom = JSON.parse(await attr("custom-fields"))[0];
  expect(await textOf(widget.locator("label", { hasText: "Branch" }))).toContain(custom.label);
  await expect(widget.getByRole("option", { name: custom.options[0] })).toHaveCount(1);
  expect(await smuggled(widget)).toEqual([]);
  // An onmouseover would fire now, an onerror or onload long since.
  await widget.locator("button").hover();
  await expect.poll(() => pwned(page)).toBeUndefined();

  await fillExact(widget, { Email: "mallory@example.org" });
  await widget.getByLabel(/First name/).fill("<img src=x onerror=\"window.__pwned='name'\">");
  await widget.locator("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  expect(await textOf(widget.getByRole("status"))).toBe(await attr("text-thanks"));
  expect(await smuggled(widget)).toEqual([]);
  await expect(page.locator("iframe")).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();

  // What the visitor typed travels as data; the hostile ?source= and ?referrer= are dropped.
  await expect.poll(async () => (await servers.records()).length).toBe(1);
  const [record] = await servers.records();
  const body = record.body as {
    person: { given_name: string };
    "action_network:referrer_data"?: Record<string, string>;
  };
  expect(body.person.given_name).toBe("<img src=x onerror=\"window.__pwned='name'\">");
  expect(body["action_network:referrer_data"]?.source).toBeUndefined();
  expect(body["action_network:referrer_data"]?.referrer).toBeUndefined();
  expect(consoleErrors).toEqual([]);
  expect(await pwned(page)).toBeUndefined();
});

const refused = [
  {
    host: "#js-redirect",
    attr: "data-osdi-redirect",
    value: "javascript:window.__pwned='redirect'",
  },
  { host: "#data-redirect", attr: "data-osdi-redirect", value: "data:text/html," },
  { host: "#js-action", attr: "data-osdi-action", value: "JaVaScRiPt:window.__pwned='action'" },
  { host: "#data-action", attr: "data-osdi-action", value: "data:application/json," },
];

test("javascript: and data: URLs in data-osdi-redirect and data-osdi-action are refused; a good redirect is followed", async ({
  page,
  servers,
  consoleErrors,
}) => {
  await page.goto(`${servers.site}/hostile-urls.html`);
  const good = widgetIn(page, "#good-redirect");
  await expect(good).toBeVisible();

  for (const r of refused) {
    // Not mounted: the fallback stays, untouched.
    await expect(page.locator(`${r.host} .osdi-embed`)).toHaveCount(0);
    await expect(page.locator(`${r.host} > a`)).toHaveAttribute(
      "href",
      /^https:\/\/actionnetwork\.org\//,
    );
    await expect(page.locator(r.host)).not.toHaveAttribute("data-osdi-mounted");
  }
  // One console error for each, naming the attribute and its value.
  await expect.poll(() => consoleErrors.filter((e) => e.includes("[osdi-embed]")).length).toBe(4);
  for (const r of refused) {
    const about = consoleErrors.filter((e) => e.includes(`${r.attr}="${r.value}`));
    expect(about, `${r.host}: ${consoleErrors.join("\n")}`).toHaveLength(1);
  }
  expect(consoleErrors).toHaveLength(4);
  expect(await pwned(page)).toBeUndefined();

  // The good widget beside them works, and after success the page goes where it says.
  await fillExact(good, { "First name": "Ida", Email: "ida@example.org" });
  await Promise.all([
    page.waitForURL(`${servers.site}/thanks.html?from=hostile-urls`),
    field(good, "Email").press("Enter"),
  ]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanks for taking the pledge!");
  await expect.poll(async () => (await servers.records()).length).toBe(1);
  expect(await pwned(page)).toBeUndefined();
});
