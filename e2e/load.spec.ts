/**
 * Load: 200 submissions from 20 widgets on 4 pages of one site, open as tabs of one
 * browser (one outbox, one Web Lock), a little faster than the helper's 4 requests a
 * second. The rate limit answers 429 again and again; the transport and the outbox
 * must still deliver every submission exactly once, and never tell a visitor
 * "Thank you!" for one that was not delivered.
 */
import type { Page, Request } from "@playwright/test";
import { expect, field, outboxOf, posts, type SandboxRecord, type Servers, test } from "./fixtures";

const PAGES = 4;
const WIDGETS = 5;
const ROUNDS = 10;
/** Between two clicks on one page: with 4 pages in turn, 5 submissions a second, over the limit of 4. */
const CLICK_GAP_MS = 800;

const email = (p: number, w: number, round: number) => `p${p}-w${w}-r${round}@example.org`;
const actionId = (p: number, w: number) => `load-page${p}-widget${w}`;
const emailOf = (r: SandboxRecord) =>
  (r.body as { person: { email_addresses: { address: string }[] } }).person.email_addresses[0]
    .address;
/** The email of each accepted record, in record order. */
const recordedEmails = async (servers: Servers) => (await servers.records()).map(emailOf);
const settled = '.osdi-embed[data-osdi-state="success"], .osdi-embed[data-osdi-state="queued"]';

test("200 submissions from 20 widgets on 4 pages through the rate limit: 200 records, none lost, none twice", async ({
  context,
  servers,
}) => {
  test.setTimeout(180_000);
  const tabs: Page[] = [];
  for (let p = 1; p <= PAGES; p++) tabs.push(await context.newPage());
  const errors: string[] = [];
  for (const tab of tabs) tab.on("pageerror", (e) => errors.push(String(e)));
  // POSTs to the helper still waiting for an answer: a tab is never navigated away from one.
  // (Answered is enough: the widget never reads the body, so its 10 s timeout later aborts
  // the finished request, which Playwright reports as a failure.)
  const waiting = new Set<Request>();
  const isPost = (r: Request) => r.method() === "POST" && r.url().startsWith(servers.helper);
  context.on("request", (r) => {
    if (isPost(r)) waiting.add(r);
  });
  context.on("response", (r) => waiting.delete(r.request()));
  context.on("requestfailed", (r) => waiting.delete(r));

  /** No POST is unanswered and the outbox stays as it is. */
  async function quiet() {
    let last = "";
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await outboxOf(tabs[0]));
          const still = waiting.size === 0 && now === last;
          last = now;
          return still;
        },
        { timeout: 60_000, intervals: [300] },
      )
      .toBe(true);
  }

  const started = Date.now();
  for (let round = 1; round <= ROUNDS; round++) {
    // A fresh visit to every page (a widget that has sent shows its thanks, not a form).
    await Promise.all(tabs.map((tab, i) => tab.goto(`${servers.site}/load-${i + 1}.html`)));
    await Promise.all(
      tabs.map(async (tab, i) => {
        const p = i + 1;
        for (let w = 1; w <= WIDGETS; w++) {
          const widget = tab.locator(`#load-${p}-${w} > .osdi-embed`);
          await field(widget, "First name").fill(`Load ${p}.${w}`);
          await field(widget, "Email").fill(email(p, w, round));
        }
      }),
    );
    // Then the buttons, one page after another in turn: a steady stream a little faster
    // than the helper's limit, so some first attempts get a 429 and go through the outbox.
    await Promise.all(
      tabs.map((tab, i) =>
        tab.evaluate(
          async ([gap, offset]) => {
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
            await sleep(offset);
            for (const b of Array.from(
              document.querySelectorAll<HTMLButtonElement>(".osdi-embed button"),
            )) {
              b.click();
              await sleep(gap);
            }
          },
          [CLICK_GAP_MS, (i * CLICK_GAP_MS) / PAGES] as const,
        ),
      ),
    );
    // Every widget has finished (sent or queued) and the outbox is still.
    for (const tab of tabs)
      await expect(tab.locator(settled)).toHaveCount(WIDGETS, { timeout: 60_000 });
    await quiet();
    // A widget that told its visitor "Thank you!" has a record by now.
    const thanked: string[] = [];
    for (const [i, tab] of tabs.entries())
      for (let w = 1; w <= WIDGETS; w++) {
        const state = await tab
          .locator(`#load-${i + 1}-${w} > .osdi-embed`)
          .getAttribute("data-osdi-state");
        if (state === "success") thanked.push(email(i + 1, w, round));
      }
    const recorded = new Set(await recordedEmails(servers));
    expect
      .soft(
        thanked.filter((e) => !recorded.has(e)),
        `round ${round}: thanked but never recorded`,
      )
      .toEqual([]);
  }
  // One more visit to every page: what is still queued goes out on load.
  await Promise.all(tabs.map((tab, i) => tab.goto(`${servers.site}/load-${i + 1}.html`)));
  await expect.poll(() => outboxOf(tabs[0]), { timeout: 60_000 }).toEqual([]);
  await quiet();
  console.log(`load: ${ROUNDS} rounds in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Exactly the 200 submissions, each once, each on its own widget's action.
  const records: SandboxRecord[] = await servers.records();
  const expected: string[] = [];
  for (let p = 1; p <= PAGES; p++)
    for (let w = 1; w <= WIDGETS; w++)
      for (let round = 1; round <= ROUNDS; round++) expected.push(email(p, w, round));
  const got = records.map(emailOf);
  expect(got.slice().sort()).toEqual(expected.sort());
  for (const [i, r] of records.entries()) {
    const [, p, w] = /^p(\d)-w(\d)-/.exec(got[i])!;
    expect(r.actionId).toBe(actionId(Number(p), Number(w)));
    // Delivered once: a second delivery would have merged into the record as an update.
    expect(r.updates, got[i]).toBe(0);
  }
  expect(await servers.rejections()).toEqual([]);

  // The 429 path was taken, and it is what the helper answered besides 200.
  const log = await posts(servers);
  const statuses = log.map((r) => r.status);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
  expect(statuses.filter((s) => s !== 429 && s !== 200)).toEqual([]);
  console.log(
    `load: ${log.length} POSTs logged, ${statuses.filter((s) => s === 429).length} answered 429`,
  );
  expect(errors).toEqual([]);
});
