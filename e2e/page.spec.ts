import { readFileSync } from "node:fs";
import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, fillExact, test, widgetIn } from "./fixtures";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/** The five widgets of home.html: one action each, of every kind. */
const HOME = [
  {
    host: "#rent-petition",
    kind: "petition",
    path: "/api/v2/petitions/df883b6a-3fe7-4525-982f-7a5909c1c665/signatures",
    email: "rent@example.org",
  },
  {
    host: "#survey-form",
    kind: "form",
    path: "/api/v2/forms/48035cd1-e08f-404e-8cbc-ef4f6bc1350e/submissions",
    email: "survey@example.org",
  },
  {
    host: "#town-hall-rsvp",
    kind: "event",
    path: "/api/v2/events/f60bd26d-bf1b-4141-8daa-0a59a6fec071/attendances",
    email: "townhall@example.org",
  },
  {
    host: "#canvass-rsvp",
    kind: "event",
    path: "/api/v2/event_campaigns/0b9e2a4c-5d1f-4e8a-9c3b-7f6e5d4c3b2a/events/666ccb91-4215-4fc1-b80b-367f902afc46/attendances",
    email: "canvass@example.org",
  },
  {
    host: "#eviction-petition",
    kind: "petition",
    path: "/api/v2/petitions/f0a813a3-e299-4c07-9a15-26deee3398fe/signatures",
    email: "evictions@example.org",
  },
] as const;

/** Ids that occur more than once in the whole document. */
const duplicateIds = (page: Page) =>
  page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]")))
      seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });

/** label[for] and aria-describedby references that do not resolve inside their own widget. */
const danglingRefs = (page: Page) =>
  page.evaluate(() => {
    const bad: string[] = [];
    for (const w of Array.from(document.querySelectorAll(".osdi-embed"))) {
      const refs = [
        ...Array.from(w.querySelectorAll("label[for]")).map((l) => l.getAttribute("for") ?? ""),
        ...Array.from(w.querySelectorAll("[aria-describedby]")).flatMap((e) =>
          (e.getAttribute("aria-describedby") ?? "").split(/\s+/),
        ),
      ];
      for (const id of refs) {
        const target = document.getElementById(id);
        if (!target || !w.contains(target)) bad.push(id);
      }
    }
    return bad;
  });

test("several widgets of every kind on one page: unique ids, and each submits to its own action", async ({
  page,
  servers,
  consoleErrors,
}) => {
  await page.goto(`${servers.site}/home.html`);
  for (const w of HOME) {
    await expect(widgetIn(page, w.host)).toHaveAttribute("data-osdi-state", "idle");
    await expect(widgetIn(page, w.host)).toHaveClass(new RegExp(`osdi-embed--${w.kind}`));
    // One status region per widget.
    await expect(widgetIn(page, w.host).locator('[role="status"]')).toHaveCount(1);
  }
  expect(await duplicateIds(page)).toEqual([]);
  expect(await danglingRefs(page)).toEqual([]);

  // Errors in one widget show ids of their own and leave the others alone.
  for (const w of HOME) await widgetIn(page, w.host).getByRole("button").click();
  for (const w of HOME)
    await expect(widgetIn(page, w.host)).toHaveAttribute("data-osdi-state", "error");
  expect(await duplicateIds(page)).toEqual([]);
  expect(await danglingRefs(page)).toEqual([]);

  for (const [i, w] of HOME.entries()) {
    const widget = widgetIn(page, w.host);
    await fillExact(widget, { Email: w.email });
    await widget.getByRole("button").click();
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    // The ones not yet sent keep their own state.
    for (const other of HOME.slice(i + 1))
      await expect(widgetIn(page, other.host)).toHaveAttribute("data-osdi-state", "error");
  }
  const records = await servers.records();
  expect(
    records.map((r) => [
      r.path,
      (r.body.person as { email_addresses: { address: string }[] }).email_addresses[0].address,
    ]),
  ).toEqual(HOME.map((w) => [w.path, w.email]));
  expect(await servers.rejections()).toEqual([]);
  expect(await duplicateIds(page)).toEqual([]);
  // Five posts in a few seconds may meet the helper's rate limit (the browser logs the
  // 429); the widget's retry absorbs it, as the records show. Nothing else may be logged.
  expect(consoleErrors.filter((e) => !/status of 429/.test(e))).toEqual([]);
});

test("a widget a page builder inserts after load mounts without any call", async ({
  page,
  servers,
  consoleErrors,
}) => {
  await page.goto(`${servers.site}/builder.html`);
  const widget = widgetIn(page, "#shift-signup");
  await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  await expect(page.locator("#shift-signup > a")).toHaveCount(0);
  await fillExact(widget, { "First name": "Lou", Email: "lou@example.org" });
  await widget.getByRole("button").click();
  await expect(widget.getByRole("status")).toContainText("Thank you");
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(records[0].path).toBe("/api/v2/forms/4e6f8a0b-2c4d-4e6f-8a0b-2c4d6e8f0a1b/submissions");
  expect(records[0].body.add_tags).toEqual(["volunteer weekend"]);
  expect(consoleErrors).toEqual([]);
});

test("window.OsdiEmbed: version, unmount (the fallback returns), mount and scan", async ({
  page,
  servers,
  consoleErrors,
}) => {
  await page.goto(`${servers.site}/intake.html`);
  await expect(widgetIn(page, "#intake")).toBeVisible();
  expect(await page.evaluate(() => window.OsdiEmbed!.version)).toBe(pkg.version);

  await page.evaluate(() => window.OsdiEmbed!.unmount(document.getElementById("intake")!));
  await expect(page.locator("#intake .osdi-embed")).toHaveCount(0);
  await expect(page.locator("#intake > a")).toHaveText("Fill in the intake form");
  await expect(page.locator("#intake > a")).toHaveAttribute(
    "href",
    "https://actionnetwork.org/forms/tenant-intake",
  );

  // A handle for the element; mounting twice changes nothing, and gives a handle too.
  const handle = () =>
    page.evaluate(() => {
      const el = document.getElementById("intake")!;
      return window.OsdiEmbed!.mount(el)?.element === el;
    });
  expect(await handle()).toBe(true);
  expect(await handle()).toBe(true);
  await expect(page.locator("#intake .osdi-embed")).toHaveCount(1);
  await expect(page.locator("#intake > a")).toHaveCount(0);

  // scan() mounts containers in a subtree not yet in the document.
  const mounted = await page.evaluate((helper) => {
    const section = document.createElement("section");
    section.innerHTML = `<div id="late" data-osdi-action="${helper}/api/v2/petitions/0d1c2b3a-4f5e-4d6c-8b7a-9f8e7d6c5b4a" data-osdi-fields="email"><a href="#">Sign</a></div>`;
    const found = window.OsdiEmbed!.scan(section);
    document.querySelector("main")!.append(section);
    return found.map((el) => el.id);
  }, servers.helper);
  expect(mounted).toEqual(["late"]);
  const late = widgetIn(page, "#late");
  await expect(late).toHaveAttribute("data-osdi-state", "idle");
  expect(await duplicateIds(page)).toEqual([]);

  // Both still work.
  await fillExact(late, { Email: "late@example.org" });
  await late.getByRole("button").click();
  await expect(late).toHaveAttribute("data-osdi-state", "success");
  const intake = widgetIn(page, "#intake");
  await fillExact(intake, { Email: "intake@example.org" });
  await intake.getByRole("button").click();
  await expect(intake).toHaveAttribute("data-osdi-state", "success");
  expect((await servers.records()).map((r) => r.path)).toEqual([
    "/api/v2/petitions/0d1c2b3a-4f5e-4d6c-8b7a-9f8e7d6c5b4a/signatures",
    "/api/v2/forms/65345d7d-cd24-466a-a698-4a7686ef684f/submissions",
  ]);
  expect(consoleErrors).toEqual([]);
});

test("osdi:ready, osdi:submit, osdi:success and osdi:error bubble to document with {kind, action}", async ({
  page,
  servers,
}) => {
  type Entry = { event: string; target: string; bubbles: boolean; detail: Record<string, unknown> };
  const layer = () => page.evaluate(() => (window as unknown as { dataLayer: Entry[] }).dataLayer);
  const actionOf = (host: string) => page.locator(host).getAttribute("data-osdi-action");

  await page.goto(`${servers.site}/home.html`);
  await expect(page.locator(".osdi-embed")).toHaveCount(HOME.length);
  const ready = (await layer()).filter((e) => e.event === "osdi:ready");
  expect(ready).toEqual(
    await Promise.all(
      HOME.map(async (w) => ({
        event: "osdi:ready",
        target: w.host.slice(1),
        bubbles: true,
        detail: { kind: w.kind, action: await actionOf(w.host) },
      })),
    ),
  );

  // An invalid submission: osdi:error with a message, nothing sent.
  const petition = widgetIn(page, "#rent-petition");
  const action = await actionOf("#rent-petition");
  await petition.getByRole("button").click();
  await expect
    .poll(async () => (await layer()).filter((e) => e.event !== "osdi:ready"))
    .toEqual([
      {
        event: "osdi:error",
        target: "rent-petition",
        bubbles: true,
        detail: expect.objectContaining({ kind: "petition", action, message: expect.any(String) }),
      },
    ]);

  // A valid one: osdi:submit, then osdi:success.
  await fillExact(petition, { Email: "events@example.org" });
  await petition.getByRole("button").click();
  await expect(petition).toHaveAttribute("data-osdi-state", "success");
  await expect
    .poll(async () =>
      (await layer())
        .filter((e) => e.event !== "osdi:ready")
        .map((e) => [e.event, e.target, e.detail]),
    )
    .toEqual([
      ["osdi:error", "rent-petition", expect.anything()],
      ["osdi:submit", "rent-petition", { kind: "petition", action }],
      ["osdi:success", "rent-petition", { kind: "petition", action }],
    ]);

  // A helper that refuses: osdi:error with a message, from the event widget.
  await servers.fault({ count: 1, status: 400 });
  const rsvp = widgetIn(page, "#town-hall-rsvp");
  await fillExact(rsvp, { Email: "refused@example.org" });
  await rsvp.getByRole("button").click();
  await expect(rsvp).toHaveAttribute("data-osdi-state", "error");
  const eventAction = await actionOf("#town-hall-rsvp");
  await expect
    .poll(async () =>
      (await layer()).filter((e) => e.target === "town-hall-rsvp").map((e) => e.event),
    )
    .toEqual(["osdi:ready", "osdi:submit", "osdi:error"]);
  const failure = (await layer()).at(-1)!;
  expect(failure.bubbles).toBe(true);
  expect(failure.detail).toEqual(
    expect.objectContaining({ kind: "event", action: eventAction, message: expect.any(String) }),
  );
  expect(String(failure.detail.message).length).toBeGreaterThan(0);
});

const badConfigs = [
  {
    name: "an unknown field name",
    page: "broken.html",
    bad: "#pool-petition",
    fallback: "Sign the petition to save the pool",
    attribute: "data-osdi-fields",
    value: "given_name emial postal_code",
    fix: /did you mean "email"/,
    good: "#cleanup-form",
    goodPath: "/api/v2/forms/1a60efd5-c0dc-4520-bbb9-38415f413e61/submissions",
  },
  {
    name: "a non-https action URL",
    page: "insecure.html",
    bad: "#trees-petition",
    fallback: "Sign to save the trees",
    attribute: "data-osdi-action",
    value: "http://actionnetwork.org/api/v2/petitions/5d41402a-bc4b-4a76-b971-9d911017c592",
    fix: /https:\/\//,
    good: "#tree-walk",
    goodPath: "/api/v2/events/2a9b8c7d-6e5f-4a3b-9c8d-7e6f5a4b3c2d/attendances",
  },
  {
    name: "custom fields that are not valid JSON",
    page: "survey-draft.html",
    bad: "#transit-survey",
    fallback: "Take the transit survey",
    attribute: "data-osdi-custom-fields",
    value: '"options": ["Bus", "Bike", "Car"]},]',
    fix: /JSON array/,
    good: "#streets-news",
    goodPath: "/api/v2/forms/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0/submissions",
  },
];

for (const c of badConfigs) {
  test(`a bad configuration (${c.name}) keeps its fallback and one console error; the good widget beside it works`, async ({
    page,
    servers,
    consoleErrors,
  }) => {
    await page.goto(`${servers.site}/${c.page}`);
    const good = widgetIn(page, c.good);
    await expect(good).toHaveAttribute("data-osdi-state", "idle");
    await expect(page.locator(`${c.bad} .osdi-embed`)).toHaveCount(0);
    await expect(page.locator(`${c.bad} > a`)).toHaveText(c.fallback);
    await expect(page.locator(`${c.bad} > a`)).toBeVisible();

    await expect.poll(() => consoleErrors.length).toBe(1);
    expect(consoleErrors[0]).toContain(c.attribute);
    expect(consoleErrors[0]).toContain(c.value);
    expect(consoleErrors[0]).toMatch(c.fix);

    await fillExact(good, { Email: "good@example.org" });
    await good.getByRole("button").click();
    await expect(good).toHaveAttribute("data-osdi-state", "success");
    const records = await servers.records();
    expect(records.map((r) => r.path)).toEqual([c.goodPath]);
    expect(consoleErrors).toHaveLength(1);
  });
}

test("a credential attribute (data-osdi-api-key) is refused the same way, and the key never reaches the console", async ({
  page,
  servers,
  consoleErrors,
}) => {
  const KEY = "an-0f9c2b7e4d1a8f3c6e5b0a9d7c4e1f2b";
  const messages: ConsoleMessage[] = [];
  page.on("console", (m) => messages.push(m));
  await page.goto(`${servers.site}/leaked-key.html`);
  const good = widgetIn(page, "#updates-form");
  await expect(good).toHaveAttribute("data-osdi-state", "idle");
  await expect(page.locator("#keyed-petition .osdi-embed")).toHaveCount(0);
  await expect(page.locator("#keyed-petition > a")).toHaveText("Sign the petition");

  await expect.poll(() => consoleErrors.length).toBe(1);
  expect(consoleErrors[0]).toContain("data-osdi-api-key");
  expect(consoleErrors[0]).toMatch(/remove/i);

  await fillExact(good, { Email: "keyless@example.org" });
  await good.getByRole("button").click();
  await expect(good).toHaveAttribute("data-osdi-state", "success");
  const records = await servers.records();
  expect(records.map((r) => r.path)).toEqual([
    "/api/v2/forms/65a963df-c01b-460f-b6b0-9f6c2e18c475/submissions",
  ]);
  expect(JSON.stringify(records)).not.toContain(KEY);
  expect((await servers.requests()).every((r) => r.credentials === false)).toBe(true);

  // Nothing the console shows holds the key: not the text, and not an argument as
  // DevTools renders it (an element appears with its attributes).
  const shown: string[] = [];
  for (const m of messages) {
    shown.push(m.text());
    for (const arg of m.args())
      shown.push(
        await arg.evaluate((v) =>
          v instanceof Element
            ? (v.cloneNode(false) as Element).outerHTML
            : (JSON.stringify(v) ?? ""),
        ),
      );
  }
  expect(shown.filter((s) => s.includes(KEY))).toEqual([]);
});

test("an unknown attribute (a typo) warns with the closest known name, and the widget still mounts", async ({
  page,
  servers,
  consoleMessages,
}) => {
  await page.goto(`${servers.site}/typo.html`);
  const widget = widgetIn(page, "#bike-petition");
  await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  await fillExact(widget, { Email: "bikes@example.org" });
  await widget.getByRole("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  expect(await servers.records()).toHaveLength(1);

  const warnings = () => consoleMessages.filter((m) => m.type === "warning");
  await expect.poll(() => warnings().length).toBe(1);
  expect(consoleMessages.filter((m) => m.type === "error")).toEqual([]);
  const [warning] = warnings();
  expect(warning.text).toMatch(/\bdata-osdi-tag\b/);
  expect(warning.text).toMatch(/did you mean data-osdi-tags\b/);
  // Nothing stray after the sentence (a missing argument prints as "undefined").
  expect(warning.text).not.toMatch(/\bundefined\b/);
});
