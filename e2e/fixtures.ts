import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { startSandbox } from "../sandbox/server.mjs";
import { serveStatic } from "../scripts/serve.mjs";

export interface SandboxRecord {
  id: string;
  kind: string;
  actionId: string;
  path: string;
  body: Record<string, unknown>;
  background: boolean;
  updates: number;
}

export interface Servers {
  /** Origin of the host pages (and of the script, as on a site that self-hosts it). */
  site: string;
  /** Origin of the helper sandbox: another port, so every post is cross-origin. */
  helper: string;
  records(): Promise<SandboxRecord[]>;
  rejections(): Promise<{ reason: string }[]>;
  outbox(): Promise<{ to: string; subject: string }[]>;
  requests(): Promise<Record<string, unknown>[]>;
  /** Serves this HTML at this path of the site, from the real page server (a loopback address). */
  serve(path: string, html: string): void;
  fault(f: {
    count: number;
    status?: number;
    retryAfter?: number;
    delayMs?: number;
    drop?: boolean;
  }): Promise<void>;
}

/**
 * One sandbox and one page server per worker, the sandbox emptied before each test.
 * Host pages in e2e/pages use {{HELPER}} for the sandbox origin.
 */
export interface ConsoleEntry {
  type: string;
  text: string;
}

export const test = base.extend<
  { servers: Servers; consoleErrors: string[]; consoleMessages: ConsoleEntry[] },
  { workerServers: Servers }
>({
  workerServers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
    async ({}, use) => {
      const { servers, close } = await startServers({});
      await use(servers);
      await close();
    },
    { scope: "worker" },
  ],
  servers: async ({ workerServers }, use) => {
    await fetch(`${workerServers.helper}/_sandbox/reset`, { method: "POST" });
    await use(workerServers);
  },
  /** Console errors of the page, collected from the start of the test. */
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await use(errors);
  },
  /** Every console message of the page (any type) and uncaught page errors, from the start of the test. */
  consoleMessages: async ({ page }, use) => {
    const messages: ConsoleEntry[] = [];
    page.on("console", (m) => messages.push({ type: m.type(), text: m.text() }));
    page.on("pageerror", (e) => messages.push({ type: "pageerror", text: String(e) }));
    await use(messages);
  },
});

export { expect };

/** Fills a widget's fields by their visible labels. */
export async function fill(
  scope: Page | ReturnType<Page["locator"]>,
  values: Record<string, string>,
) {
  for (const [label, value] of Object.entries(values))
    await scope.getByLabel(label, { exact: false }).first().fill(value);
}

type Scope = Page | Locator;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The control whose accessible name is exactly `label`, or `label (required)`:
 * "Email" never finds "Send me email updates" or "Landlord email".
 */
export function field(scope: Scope, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRe(label)}( \\(required\\))?$`));
}

/** Fills fields by their exact visible labels. */
export async function fillExact(scope: Scope, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await field(scope, label).fill(value);
}

/** The rendered widget inside the container matched by `host`. */
export const widgetIn = (page: Page, host: string) => page.locator(`${host} > .osdi-embed`);

/** The helper POSTs the sandbox saw (preflights and control calls left out). */
export async function posts(servers: Servers) {
  return (await servers.requests()).filter((r) => r.method === "POST");
}

/** A sandbox and a page server on another origin; sandbox options for the fixtures that need them. */
async function startServers(options: { exposeRetryAfter?: boolean; rateLimit?: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), "osdi-sandbox-"));
  const sandbox = await startSandbox({ port: 0, dataDir, quiet: true, ...options });
  /** Pages a test makes (e2e/rendered.spec.ts), served like the files. */
  const routes: Record<string, () => { type: string; body: string }> = {};
  const pages = await serveStatic({
    routes,
    mounts: {
      "/": "e2e/pages",
      "/dist": "dist",
      "/demo": "demo",
      "/vendor/bootstrap": "node_modules/bootstrap/dist",
      "/vendor/jquery": "node_modules/jquery/dist",
      "/vendor/pico": "node_modules/@picocss/pico/css",
    },
    vars: { HELPER: sandbox.url },
    replace: { [DEMO_SANDBOX]: sandbox.url },
  });
  const helper = sandbox.url;
  const get = async (what: string) => (await fetch(`${helper}/_sandbox/${what}`)).json();
  const servers: Servers = {
    // "localhost" for the pages, 127.0.0.1 for the helper: two origins, as in production.
    site: pages.url.replace("127.0.0.1", "localhost"),
    helper,
    records: () => get("records"),
    rejections: () => get("rejections"),
    outbox: () => get("outbox"),
    requests: () => get("requests"),
    serve: (path, html) => {
      routes[path] = () => ({ type: "text/html; charset=utf-8", body: html });
    },
    fault: async (f) => {
      const res = await fetch(`${helper}/_sandbox/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(f),
      });
      if (!res.ok) throw new Error(`sandbox refused the fault: ${await res.text()}`);
    },
  };
  const close = async () => {
    await pages.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { servers, close };
}

/**
 * `test` plus `exposedServers`: like `servers`, but the sandbox sends
 * Access-Control-Expose-Headers: Retry-After, so the page can read a 429's Retry-After.
 * One such sandbox per worker, emptied before each test.
 */
export const exposedTest = test.extend<
  { exposedServers: Servers },
  { exposedWorkerServers: Servers }
>({
  exposedWorkerServers: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
    async ({}, use) => {
      const { servers, close } = await startServers({ exposeRetryAfter: true });
      await use(servers);
      await close();
    },
    { scope: "worker" },
  ],
  exposedServers: async ({ exposedWorkerServers }, use) => {
    await fetch(`${exposedWorkerServers.helper}/_sandbox/reset`, { method: "POST" });
    await use(exposedWorkerServers);
  },
});

/** The helper POSTs the sandbox logged, oldest first, with when each started and ended (ms). */
export async function timedPosts(servers: Servers) {
  return (await posts(servers)).map((r) => {
    const end = Date.parse(String(r.time));
    return { ...r, status: Number(r.status), start: end - Number(r.durationMs), end };
  });
}

/** localStorage of the page's origin, as key -> raw value. */
export const storageOf = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** The items in osdi-embed's outbox (localStorage keys `osdi-embed:outbox:<id>`), oldest first. */
export const outboxOf = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("osdi-embed:outbox:"))
      .map(
        (k) =>
          JSON.parse(localStorage.getItem(k) ?? "null") as {
            id: string;
            url: string;
            body: { person: { email_addresses?: { address: string }[] } };
            at: number;
          },
      )
      .sort((a, b) => a.at - b.at),
  );

/** Records `osdi:*` events bubbling to the document into window.__osdiEvents, from page load on. */
export async function recordOsdiEvents(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __osdiEvents: { type: string; target: string }[] };
    w.__osdiEvents = [];
    for (const type of ["ready", "submit", "success", "error", "queued"])
      document.addEventListener(`osdi:${type}`, (e) =>
        w.__osdiEvents.push({
          type: e.type.replace(/^osdi:/, ""),
          target: (e.target as Element).id,
        }),
      );
  });
}

/** The osdi:* events recorded by recordOsdiEvents, as "type#target". */
export const osdiEvents = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __osdiEvents: { type: string; target: string }[] }).__osdiEvents.map(
      (e) => `${e.type}#${e.target}`,
    ),
  );

/**
 * The demo's themed pages, served as they are (their sandbox address rewritten to
 * the test's), and the page whose only styling for the widget is osdi-embed.css.
 */
export const THEMES = {
  wordpress: "demo/themes/wordpress.html",
  serif: "demo/themes/serif.html",
  dark: "demo/themes/dark.html",
  plain: "theme-plain.html",
} as const;

/** The sandbox address the demo's pages are written for. */
export const DEMO_SANDBOX = "http://127.0.0.1:4010";

export const KINDS = ["petition", "form", "event"] as const;

/** The widget of one kind on a page that has one of each. */
export const widgetOf = (page: Page, kind: (typeof KINDS)[number]) =>
  page.locator(`.osdi-embed--${kind}`);

/**
 * Waits until `count` widgets have mounted and the parts they asked for have arrived:
 * every event's date and place, every country list.
 */
export async function widgetsReady(page: Page, count = 3) {
  await expect(page.locator(".osdi-embed")).toHaveCount(count);
  const events = await page.locator(".osdi-embed--event").count();
  await expect(page.locator(".osdi-embed--event .osdi-embed__details")).toHaveCount(events);
  for (const country of await page.locator('.osdi-embed select[autocomplete="country"]').all())
    await expect.poll(() => country.locator("option").count()).toBeGreaterThan(100);
}

/** Fills what the theme pages' widgets need to submit: an email, and every required select. */
export async function fillRequired(widget: Locator, email = "ada@example.org") {
  await field(widget, "Email").fill(email);
  for (const select of await widget.locator("select").all())
    if (
      await select.evaluate((s: HTMLSelectElement) =>
        /\(required\)/.test(s.labels?.[0]?.textContent ?? ""),
      )
    )
      await select.selectOption({ index: 1 });
}
