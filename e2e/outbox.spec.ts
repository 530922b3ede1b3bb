/**
 * The outbox: a submission that cannot be delivered now is kept in localStorage,
 * said so plainly, and delivered once: when the browser is back online, on the next
 * page of the site that loads the script, or by the minute's retry. Never twice,
 * never from two tabs, never after it expired, and never with an exception.
 */
import type { BrowserContext, Page } from "@playwright/test";
import {
  expect,
  fillExact,
  osdiEvents,
  outboxOf,
  posts,
  recordOsdiEvents,
  type Servers,
  storageOf,
  test,
  widgetIn,
} from "./fixtures";

const PAGE = "outbox-petition.html";
const ELSEWHERE = "outbox-elsewhere.html";
const HOST = "#library-petition";
const COLLECTION = "/api/v2/petitions/2d6f7a10-5b3c-4f0e-9a44-0c1d2e3f4a5b/signatures";
const KEY = "osdi-embed:outbox";
const QUEUED = "Saved. It will be sent when you are back online.";
/** Online, but the helper did not take it: the visitor is told so, not "when you are back online". */
const UNREACHABLE =
  "Action Network could not be reached. Saved on this device, it will be sent automatically.";
const STORAGE_FAILED = /Could not send or save/;
const DAY = 24 * 3600_000;

/** Opens the petition, fills it in and submits it while the browser is offline. */
async function queueOffline(page: Page, context: BrowserContext, servers: Servers, email: string) {
  await page.goto(`${servers.site}/${PAGE}`);
  const widget = widgetIn(page, HOST);
  await fillExact(widget, { "First name": "Ida", Email: email });
  // Whatever the widget fetches once the visitor reaches the form has arrived.
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  await widget.getByRole("button", { name: "Sign" }).click();
  await expect(widget).toHaveAttribute("data-osdi-state", "queued");
  return widget;
}

/** The accepted records' email addresses. */
async function recordedEmails(servers: Servers) {
  return (await servers.records()).map(
    (r) =>
      (r.body as { person: { email_addresses: { address: string }[] } }).person.email_addresses[0]
        .address,
  );
}

/** Collects uncaught exceptions of a page. */
function pageErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

test("offline at submit: queued and said so, kept only in the outbox, sent once back online", async ({
  page,
  context,
  servers,
}) => {
  const errors = pageErrors(page);
  await recordOsdiEvents(page);
  const widget = await queueOffline(page, context, servers, "ida@example.org");

  await expect(widget.getByRole("status")).toHaveText(QUEUED);
  await expect.poll(() => osdiEvents(page)).toContain("queued#library-petition");
  expect(await osdiEvents(page)).not.toContain("error#library-petition");
  // The submission sits under osdi-embed's own key (one per item), and nowhere else.
  const items = await outboxOf(page);
  expect(items).toHaveLength(1);
  expect(Object.keys(await storageOf(page))).toEqual([`${KEY}:${items[0].id}`]);
  expect(items[0].url).toBe(`${servers.helper}${COLLECTION}`);
  expect(items[0].body.person.email_addresses).toEqual([{ address: "ida@example.org" }]);
  expect(
    await page.evaluate(async () => ({
      cookie: document.cookie,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    })),
  ).toEqual({ cookie: "", session: 0, databases: 0, caches: 0 });
  expect(await context.cookies()).toEqual([]);
  expect(await posts(servers)).toEqual([]);

  await context.setOffline(false);
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await expect(widget.getByRole("status")).toHaveText("Thank you!");
  await expect.poll(() => storageOf(page)).toEqual({});
  expect(await recordedEmails(servers)).toEqual(["ida@example.org"]);
  expect((await posts(servers)).map((r) => r.status)).toEqual([200]);
  expect(errors).toEqual([]);
});

test("offline before the visitor even reaches the form: the submission is still queued", async ({
  page,
  context,
  servers,
}) => {
  const errors = pageErrors(page);
  await page.goto(`${servers.site}/${PAGE}`);
  const widget = widgetIn(page, HOST);
  await expect(widget).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The page loaded; then the train went into a tunnel, and the visitor filled in the form.
  await context.setOffline(true);
  await fillExact(widget, { "First name": "Ida", Email: "ida@example.org" });
  await widget.getByRole("button", { name: "Sign" }).click();

  await expect(widget).toHaveAttribute("data-osdi-state", "queued");
  await expect(widget.getByRole("status")).toHaveText(QUEUED);
  expect(await outboxOf(page)).toHaveLength(1);
  await context.setOffline(false);
  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 10_000 });
  expect(await recordedEmails(servers)).toEqual(["ida@example.org"]);
  expect(errors).toEqual([]);
});

test("retries used up while online: queued, then delivered by the outbox's retry a minute later", async ({
  page,
  servers,
}) => {
  await page.clock.install();
  // The widget's own attempt and every retry of the outbox fail.
  await servers.fault({ count: 4, status: 503 });
  await recordOsdiEvents(page);
  await page.goto(`${servers.site}/${PAGE}`);
  const widget = widgetIn(page, HOST);
  await fillExact(widget, { "First name": "Ida", Email: "ida@example.org" });
  await widget.getByRole("button", { name: "Sign" }).click();

  await expect(widget).toHaveAttribute("data-osdi-state", "queued", { timeout: 15_000 });
  await expect(widget.getByRole("status")).toHaveText(UNREACHABLE);
  expect(await osdiEvents(page)).toContain("queued#library-petition");
  // The widget's own attempt and the outbox's three.
  expect((await posts(servers)).map((r) => r.status)).toEqual([503, 503, 503, 503]);
  expect(await outboxOf(page)).toHaveLength(1);

  // The helper is back; the page stays open and online. A minute later the outbox tries again.
  await page.clock.fastForward("01:05");
  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 10_000 });
  await expect.poll(() => storageOf(page)).toEqual({});
  expect(await recordedEmails(servers)).toEqual(["ida@example.org"]);
  expect((await posts(servers)).map((r) => r.status)).toEqual([503, 503, 503, 503, 200]);
});

test("back online while the helper is still down: tried again every minute until delivered", async ({
  page,
  context,
  servers,
}) => {
  await page.clock.install();
  const widget = await queueOffline(page, context, servers, "ida@example.org");
  // The flush that going online starts fails all its attempts.
  await servers.fault({ count: 3, status: 503 });
  await context.setOffline(false);
  await expect.poll(async () => (await posts(servers)).length, { timeout: 15_000 }).toBe(3);
  await expect(widget).toHaveAttribute("data-osdi-state", "queued");
  expect(await outboxOf(page)).toHaveLength(1);

  await page.clock.fastForward("01:05");
  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 10_000 });
  await expect.poll(() => storageOf(page)).toEqual({});
  expect(await recordedEmails(servers)).toEqual(["ida@example.org"]);
  expect((await posts(servers)).map((r) => r.status)).toEqual([503, 503, 503, 200]);
});

test("a queued item is delivered on the next visit to any page of the site that loads the script", async ({
  page,
  context,
  servers,
}) => {
  await queueOffline(page, context, servers, "ida@example.org");
  await page.close();
  // (Chromium's offline emulation lets a CORS preflight through; no POST got out.)
  expect(await posts(servers)).toEqual([]);

  await context.setOffline(false);
  const next = await context.newPage();
  const errors = pageErrors(next);
  await next.goto(`${servers.site}/${ELSEWHERE}`);
  await expect(next.locator(".osdi-embed")).toHaveCount(0);
  await expect.poll(() => recordedEmails(servers)).toEqual(["ida@example.org"]);
  await expect.poll(() => storageOf(next)).toEqual({});
  expect((await posts(servers)).map((r) => r.status)).toEqual([200]);
  expect(errors).toEqual([]);
});

test("two open tabs with the same queued item: it is sent once", async ({
  page,
  context,
  servers,
}) => {
  const other = await context.newPage();
  await other.goto(`${servers.site}/${ELSEWHERE}`);
  const widget = await queueOffline(page, context, servers, "ida@example.org");
  expect(await outboxOf(other)).toHaveLength(1);

  // Slow enough that the second tab's flush runs while the first tab's send is in flight.
  await servers.fault({ count: 1, delayMs: 1_500 });
  await context.setOffline(false);
  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 10_000 });
  await expect.poll(() => storageOf(other)).toEqual({});
  await expect.poll(() => storageOf(page)).toEqual({});
  // Give a second sender every chance to show up.
  await page.waitForTimeout(2_000);
  expect((await posts(servers)).map((r) => `${r.status} ${r.path}`)).toEqual([`200 ${COLLECTION}`]);
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(records[0].updates).toBe(0);
});

test("two tabs opened together on a site with a queued item: it is sent once", async ({
  page,
  context,
  servers,
}) => {
  await queueOffline(page, context, servers, "ida@example.org");
  await page.close();
  await context.setOffline(false);
  await servers.fault({ count: 1, delayMs: 1_500 });

  const tabs = [await context.newPage(), await context.newPage()];
  await Promise.all([
    tabs[0].goto(`${servers.site}/${ELSEWHERE}`),
    tabs[1].goto(`${servers.site}/${PAGE}`),
  ]);
  await expect
    .poll(() => recordedEmails(servers), { timeout: 20_000 })
    .toEqual(["ida@example.org"]);
  for (const tab of tabs) await expect.poll(() => storageOf(tab)).toEqual({});
  await tabs[0].waitForTimeout(2_000);
  expect((await posts(servers)).map((r) => r.status)).toEqual([200]);
  expect((await servers.records())[0].updates).toBe(0);
});

test("two tabs opened together flush five queued items: each is sent once", async ({
  page,
  context,
  servers,
}) => {
  await page.goto(`${servers.site}/${ELSEWHERE}`);
  const emails = [1, 2, 3, 4, 5].map((n) => `queued-${n}@example.org`);
  const items = emails.map((address, n) => ({
    id: `queued-${n}`,
    url: `${servers.helper}${COLLECTION}`,
    body: {
      person: { email_addresses: [{ address }] },
      triggers: { autoresponse: { enabled: true } },
    },
    at: Date.now() - 60_000,
  }));
  // One key per item, as the outbox keeps them.
  await page.evaluate(
    ([key, list]) => {
      for (const i of JSON.parse(list)) localStorage.setItem(`${key}:${i.id}`, JSON.stringify(i));
    },
    [KEY, JSON.stringify(items)] as const,
  );
  await page.close();
  // Every send is held a moment, so the other tab is always waiting for the lock.
  await servers.fault({ count: 5, delayMs: 300 });

  const tabs = [await context.newPage(), await context.newPage()];
  await Promise.all([
    tabs[0].goto(`${servers.site}/${ELSEWHERE}`),
    tabs[1].goto(`${servers.site}/${PAGE}`),
  ]);
  await expect
    .poll(async () => (await recordedEmails(servers)).sort(), { timeout: 20_000 })
    .toEqual(emails);
  for (const tab of tabs) await expect.poll(() => storageOf(tab)).toEqual({});
  await tabs[0].waitForTimeout(2_000);
  // One POST per item: a tab that finds an item gone once it holds the lock must not send it.
  expect((await posts(servers)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  for (const r of await servers.records()) expect(r.updates).toBe(0);
});

test("two tabs that queue in the same millisecond: both submissions are delivered", async ({
  page,
  context,
  servers,
}) => {
  // Both tabs read the same Date.now(), so their widgets (each its page's first)
  // queue at the same instant, as two tabs of one browser can.
  await context.clock.setFixedTime(new Date("2026-03-02T10:00:00Z"));
  const tabs = [page, await context.newPage()];
  const people = [
    { "First name": "Ida", Email: "ida@example.org" },
    { "First name": "Ada", Email: "ada@example.org" },
  ];
  const widgets = tabs.map((tab) => widgetIn(tab, HOST));
  for (const [i, tab] of tabs.entries()) {
    await tab.goto(`${servers.site}/${PAGE}`);
    await fillExact(widgets[i], people[i]);
    await tab.waitForLoadState("networkidle");
  }
  await context.setOffline(true);
  for (const w of widgets) {
    await w.getByRole("button", { name: "Sign" }).click();
    await expect(w).toHaveAttribute("data-osdi-state", "queued");
  }
  expect(await outboxOf(page)).toHaveLength(2);

  await context.setOffline(false);
  // Both visitors are told their signature went through…
  for (const w of widgets)
    await expect(w).toHaveAttribute("data-osdi-state", "success", { timeout: 10_000 });
  await expect.poll(() => storageOf(page)).toEqual({});
  // …so both must have reached the helper.
  await expect
    .poll(async () => (await recordedEmails(servers)).sort())
    .toEqual(["ada@example.org", "ida@example.org"]);
});

test("an item older than seven days is dropped unsent; a younger one is still delivered", async ({
  page,
  servers,
}) => {
  await page.goto(`${servers.site}/${ELSEWHERE}`);
  const url = `${servers.helper}${COLLECTION}`;
  const item = (email: string, age: number) => ({
    id: `test-${email}`,
    url,
    body: {
      person: { given_name: "Ida", email_addresses: [{ address: email }] },
      triggers: { autoresponse: { enabled: true } },
    },
    at: Date.now() - age,
  });
  const items = [item("old@example.org", 7 * DAY + 3600_000), item("recent@example.org", 6 * DAY)];
  // One key per item, as the outbox keeps them.
  await page.evaluate(
    ([key, list]) => {
      for (const i of JSON.parse(list)) localStorage.setItem(`${key}:${i.id}`, JSON.stringify(i));
    },
    [KEY, JSON.stringify(items)] as const,
  );

  // The next page of the site that loads the script.
  await page.reload();
  await expect.poll(() => recordedEmails(servers)).toEqual(["recent@example.org"]);
  await expect.poll(() => storageOf(page)).toEqual({});
  expect((await posts(servers)).map((r) => r.status)).toEqual([200]);
});

const brokenStorage: { name: string; script: string }[] = [
  {
    name: "full (setItem throws QuotaExceededError)",
    script: `Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };`,
  },
  {
    name: "disabled (reading localStorage throws SecurityError)",
    script: `Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
    });`,
  },
];

for (const s of brokenStorage) {
  test(`storage ${s.name}, offline at submit: the visitor is told, nothing throws, the widget still works`, async ({
    page,
    context,
    servers,
  }) => {
    const errors = pageErrors(page);
    await page.addInitScript(s.script);
    await recordOsdiEvents(page);
    await page.goto(`${servers.site}/${PAGE}`);
    const widget = widgetIn(page, HOST);
    await fillExact(widget, { "First name": "Ida", Email: "ida@example.org" });
    await page.waitForLoadState("networkidle");
    await context.setOffline(true);
    await widget.getByRole("button", { name: "Sign" }).click();

    await expect(widget).toHaveAttribute("data-osdi-state", "error");
    await expect(widget.getByRole("status")).toHaveText(STORAGE_FAILED);
    expect(await osdiEvents(page)).toContain("error#library-petition");
    expect(await osdiEvents(page)).not.toContain("queued#library-petition");

    // Back online, the visitor tries again: it goes through.
    await context.setOffline(false);
    await widget.getByRole("button", { name: "Sign" }).click();
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    expect(await recordedEmails(servers)).toEqual(["ida@example.org"]);
    expect(errors).toEqual([]);
  });
}
