/**
 * The transport against the sandbox's fault injection: every failure a visitor's
 * network or the helper can throw at a submission ends in exactly one record.
 */
import type { Page } from "@playwright/test";
import {
  expect,
  exposedTest,
  fillExact,
  outboxOf,
  posts,
  type Servers,
  test,
  timedPosts,
  widgetIn,
} from "./fixtures";

const PAGE = "outbox-petition.html";
const HOST = "#library-petition";
const COLLECTION = "/api/v2/petitions/2d6f7a10-5b3c-4f0e-9a44-0c1d2e3f4a5b/signatures";
/** The smallest wait the product's backoff may choose: 500 ms base, jitter down to half. */
const MIN_BACKOFF_MS = 250;

async function open(page: Page, servers: Servers, email = "ida@example.org") {
  await page.goto(`${servers.site}/${PAGE}`);
  const widget = widgetIn(page, HOST);
  await fillExact(widget, { "First name": "Ida", Email: email });
  return widget;
}

/** Exactly one accepted record, for this email, sent once as far as the record knows. */
async function expectOneRecord(servers: Servers, email = "ida@example.org") {
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(records[0].path).toBe(COLLECTION);
  expect(JSON.stringify(records[0].body)).toContain(email);
  expect(await servers.rejections()).toEqual([]);
}

test("503 twice, then success: one record, the retries backed off", async ({ page, servers }) => {
  await servers.fault({ count: 2, status: 503 });
  const widget = await open(page, servers);
  await widget.getByRole("button", { name: "Sign" }).click();

  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 15_000 });
  await expect(widget.getByRole("status")).toHaveText("Thank you!");
  await expect
    .poll(async () => (await posts(servers)).map((r) => r.status))
    .toEqual([503, 503, 200]);
  await expectOneRecord(servers);
  expect(await outboxOf(page)).toEqual([]);

  // Exponential backoff with jitter: no retry follows its failure at once.
  const [first, second, third] = await timedPosts(servers);
  expect(second.start - first.end, "wait before the first retry").toBeGreaterThanOrEqual(
    MIN_BACKOFF_MS,
  );
  expect(third.start - second.end, "wait before the second retry").toBeGreaterThanOrEqual(
    MIN_BACKOFF_MS,
  );
});

exposedTest(
  "429 with a readable Retry-After: the retry waits that long, then one record",
  async ({ page, exposedServers: servers }) => {
    test.setTimeout(30_000);
    await servers.fault({ count: 1, status: 429, retryAfter: 2 });
    const widget = await open(page, servers);
    await widget.getByRole("button", { name: "Sign" }).click();

    await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 15_000 });
    await expect.poll(async () => (await posts(servers)).map((r) => r.status)).toEqual([429, 200]);
    await expectOneRecord(servers);
    expect(await outboxOf(page)).toEqual([]);

    const [limited, retry] = await timedPosts(servers);
    // Retry-After: 2 means two seconds; allow a little for clocks and logging.
    expect(retry.start - limited.end, "wait after the 429").toBeGreaterThanOrEqual(1900);
  },
);

test("a 429 whose Retry-After the page cannot read still waits at least a second", async ({
  page,
  servers,
}) => {
  await servers.fault({ count: 1, status: 429, retryAfter: 1 });
  const widget = await open(page, servers);
  await widget.getByRole("button", { name: "Sign" }).click();

  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 15_000 });
  await expect.poll(async () => (await posts(servers)).map((r) => r.status)).toEqual([429, 200]);
  await expectOneRecord(servers);
  const [limited, retry] = await timedPosts(servers);
  expect(retry.start - limited.end, "wait after the 429").toBeGreaterThanOrEqual(950);
});

test("a dropped connection, then success: one record", async ({ page, servers }) => {
  await servers.fault({ count: 1, drop: true });
  const widget = await open(page, servers);
  await widget.getByRole("button", { name: "Sign" }).click();

  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 15_000 });
  await expect.poll(async () => (await posts(servers)).map((r) => r.status)).toEqual([0, 200]);
  await expectOneRecord(servers);
  expect(await outboxOf(page)).toEqual([]);
});

test("a request that hangs past the 10 s timeout is given up and retried: one record", async ({
  page,
  servers,
}) => {
  test.setTimeout(45_000);
  // The sandbox holds the first POST 12 s, then still processes it if it can.
  await servers.fault({ count: 1, delayMs: 12_000 });
  const widget = await open(page, servers);
  const started = Date.now();
  await widget.getByRole("button", { name: "Sign" }).click();
  await expect(widget).toHaveAttribute("data-osdi-state", "submitting");

  await expect(widget).toHaveAttribute("data-osdi-state", "success", { timeout: 20_000 });
  expect(Date.now() - started, "not before the client's timeout").toBeGreaterThanOrEqual(9_500);
  await expect(widget.getByRole("status")).toHaveText("Thank you!");

  // The client gave up on the first request at its timeout and sent again before the
  // sandbox had let go of the first one.
  await expect.poll(async () => (await posts(servers)).length).toBe(2);
  const [hung, retry] = await timedPosts(servers);
  expect(hung.status, "the hung request got no answer").toBe(0);
  expect(retry.status).toBe(200);
  expect(retry.start - hung.start, "the client's timeout").toBeGreaterThanOrEqual(9_500);
  expect(retry.start - hung.start, "not waiting for the sandbox").toBeLessThan(12_000);

  // The sandbox lets go of the hung request 12 s after it came; whatever it then does
  // with that body, there is still one record for one person on one action.
  await page.waitForTimeout(Math.max(0, hung.start + 13_000 - Date.now()));
  await expectOneRecord(servers);
  expect(await outboxOf(page)).toEqual([]);
});

test("a 400 is final: not retried, not queued, the visitor is told", async ({ page, servers }) => {
  await servers.fault({ count: 1, status: 400 });
  const widget = await open(page, servers);
  await widget.getByRole("button", { name: "Sign" }).click();

  await expect(widget).toHaveAttribute("data-osdi-state", "error");
  await expect(widget.getByRole("status")).toHaveText("Could not send. Please try again.");
  // Longer than any backoff the product would use before a retry.
  await page.waitForTimeout(1_500);
  expect((await posts(servers)).map((r) => r.status)).toEqual([400]);
  expect(await servers.records()).toEqual([]);
  expect(await outboxOf(page)).toEqual([]);
});

test("a double click sends once", async ({ page, servers }) => {
  // The first POST is held a while, so the second click lands while it is in flight.
  await servers.fault({ count: 1, delayMs: 800 });
  const widget = await open(page, servers);
  await widget.getByRole("button", { name: "Sign" }).dblclick();
  await expect(widget).toHaveAttribute("data-osdi-state", "submitting");

  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await page.waitForTimeout(500);
  expect((await posts(servers)).map((r) => r.status)).toEqual([200]);
  await expectOneRecord(servers);
});

test("a second Enter sends once", async ({ page, servers }) => {
  await servers.fault({ count: 1, delayMs: 800 });
  const widget = await open(page, servers);
  const email = widget.getByLabel(/^Email/);
  await email.press("Enter");
  await email.press("Enter");
  await expect(widget).toHaveAttribute("data-osdi-state", "submitting");

  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await page.waitForTimeout(500);
  expect((await posts(servers)).map((r) => r.status)).toEqual([200]);
  await expectOneRecord(servers);
});

test("a filled honeypot looks like success and sends nothing", async ({ page, servers }) => {
  const widget = await open(page, servers, "bot@example.org");
  const honeypot = widget.locator('input[name="url"]');
  // Hidden from people and from assistive tech: not visible, not in the accessibility tree.
  await expect(honeypot).toHaveCount(1);
  await expect(honeypot).toBeHidden();
  await expect(widget.getByRole("textbox")).toHaveCount(2);
  // A bot fills every input it finds.
  await honeypot.evaluate((el: HTMLInputElement) => {
    el.value = "https://spam.example/";
  });
  await widget.getByRole("button", { name: "Sign" }).click();

  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await expect(widget.getByRole("status")).toHaveText("Thank you!");
  await page.waitForTimeout(1_000);
  // Not even a preflight.
  expect(await servers.requests()).toEqual([]);
  expect(await servers.records()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});
