import type { Page } from "@playwright/test";
import { serveStatic } from "../scripts/serve.mjs";
import {
  test as base,
  DEMO_SANDBOX,
  expect,
  fillRequired,
  KINDS,
  THEMES,
  widgetOf,
  widgetsReady,
} from "./fixtures";

/**
 * The strictest policy an organizer's site could send: nothing but scripts and styles
 * from the site itself and requests to the helper. No 'unsafe-inline', no
 * 'unsafe-eval', no images, no fonts, no frames.
 */
const strict = (site: string, helper: string) =>
  `default-src 'none'; script-src ${site}; style-src ${site}; connect-src ${helper}`;

/** Pages with images add img-src: the logo, and Bootstrap's navbar icon (a data: URL). */
const IMAGES: Record<string, string> = {
  "/demo/themes/wordpress.html": "data:",
  "/demo/themes/serif.html": "",
  "/demo/themes/dark.html": "",
};

/**
 * A page server of its own that sends the policy as a header with every host page
 * under test (csp*.html, theme-*.html); same mounts as the fixtures' page server.
 */
// biome-ignore lint/complexity/noBannedTypes: no test-scoped fixtures, one worker-scoped.
const test = base.extend<{}, { strictSite: string }>({
  strictSite: [
    async ({ workerServers }, use) => {
      let site = "";
      const pages = await serveStatic({
        mounts: {
          "/": "e2e/pages",
          "/dist": "dist",
          "/demo": "demo",
          "/vendor/bootstrap": "node_modules/bootstrap/dist",
          "/vendor/jquery": "node_modules/jquery/dist",
        },
        vars: { HELPER: workerServers.helper },
        replace: { [DEMO_SANDBOX]: workerServers.helper },
        headers: (path): Record<string, string> => {
          if (!/^\/(csp[\w-]*|theme-[\w-]*|demo\/themes\/\w+)\.html$/.test(path)) return {};
          let policy = strict(site, workerServers.helper);
          if (path in IMAGES) policy += `; img-src ${site} ${IMAGES[path]}`.trimEnd();
          return { "Content-Security-Policy": policy };
        },
      });
      site = pages.url.replace("127.0.0.1", "localhost");
      await use(site);
      await pages.close();
    },
    { scope: "worker" },
  ],
});

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/** Records every securitypolicyviolation of the page, from before its first script runs. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: unknown[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__violations.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
      }),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);

/** The script files osdi-embed added to the page: its parts. */
const partsLoaded = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLScriptElement>("script[src*='osdi-embed-']"))
      .map((s) => new URL(s.src).pathname.replace(/^\/dist\/osdi-embed-|\.js$/g, ""))
      .sort(),
  );

/** Network failures the test caused on purpose; anything else in the console is a failure. */
const EXPECTED_NETWORK_ERRORS = /status of 503|net::ERR_INTERNET_DISCONNECTED/;

test("csp.html under default-src 'none': every kind mounts with its stylesheet and parts, submits, and nothing is blocked", async ({
  page,
  strictSite,
  servers,
  consoleMessages,
}) => {
  await recordViolations(page);
  const response = await page.goto(`${strictSite}/csp.html`);
  // The policy really is the strict one, as a header.
  expect(response?.headers()["content-security-policy"]).toBe(strict(strictSite, servers.helper));
  await widgetsReady(page);

  // The base stylesheet, added beside the script by a <link>, loaded and applies.
  await expect(page.locator('link[href$="/dist/osdi-embed.css"]')).toHaveCount(1);
  await expect(widgetOf(page, "petition")).toHaveCSS("display", "grid");
  await expect(page.locator(".osdi-embed__input").first()).toHaveCSS("min-height", "44px");
  await expect(widgetOf(page, "event").locator("time")).toBeVisible();

  // The petition: the helper fails once, the retry gets through.
  const petition = widgetOf(page, "petition");
  await fillRequired(petition, "retry@example.org");
  await servers.fault({ count: 1, status: 503 });
  await petition.getByRole("button").click();
  await expect(petition).toHaveAttribute("data-osdi-state", "success");

  // The form: offline at submit, so queued; back online, the outbox delivers it.
  const form = widgetOf(page, "form");
  await fillRequired(form, "queued@example.org");
  // Sending and the outbox are in osdi-embed.js itself: nothing to fetch before going offline.
  expect(await partsLoaded(page)).not.toContain("submit");
  await page.context().setOffline(true);
  await form.getByRole("button").click();
  await expect(form).toHaveAttribute("data-osdi-state", "queued");
  await page.context().setOffline(false);
  await expect(form).toHaveAttribute("data-osdi-state", "success", { timeout: 15_000 });

  // The event: straight through.
  const event = widgetOf(page, "event");
  await fillRequired(event, "rsvp@example.org");
  await event.getByRole("button").click();
  await expect(event).toHaveAttribute("data-osdi-state", "success");

  await expect.poll(async () => (await servers.records()).length).toBe(3);
  const parts = await partsLoaded(page);
  for (const p of ["event", "countries", "after"]) expect(parts).toContain(p);
  // The core job needed no file beside the script.
  for (const p of ["submit", "outbox"]) expect(parts).not.toContain(p);
  expect(await violations(page)).toEqual([]);
  expect(consoleMessages.filter((m) => /Content.Security.Policy/i.test(m.text))).toEqual([]);
  expect(
    consoleMessages.filter(
      (m) => /^(error|pageerror)$/.test(m.type) && !EXPECTED_NETWORK_ERRORS.test(m.text),
    ),
  ).toEqual([]);
});

test("the recorder is live: an inline style, an eval and a foreign script on the same page are blocked and reported", async ({
  page,
  strictSite,
}) => {
  await recordViolations(page);
  await page.goto(`${strictSite}/csp.html`);
  await widgetsReady(page);
  // A script of the site's own that calls eval, as a bundle with eval in it would.
  await page.route(`${strictSite}/uses-eval.js`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: 'try { eval("1"); } catch {}' }),
  );
  await page.evaluate((site) => {
    const style = document.createElement("style");
    style.textContent = "body { color: red }";
    document.head.append(style);
    for (const src of ["https://cdn.example.org/other.js", `${site}/uses-eval.js`]) {
      const s = document.createElement("script");
      s.src = src;
      document.head.append(s);
    }
  }, strictSite);
  await expect
    .poll(async () => (await violations(page)).map((v) => v.directive).sort())
    .toEqual(["script-src", "script-src-elem", "style-src-elem"]);
});

for (const file of [THEMES.wordpress, THEMES.serif, THEMES.dark])
  test(`${file} under the same header policy (plus img-src for its images): mounts, submits, nothing blocked`, async ({
    page,
    strictSite,
    servers,
    consoleErrors,
  }) => {
    await recordViolations(page);
    await page.goto(`${strictSite}/${file}`);
    await widgetsReady(page);
    for (const kind of KINDS) {
      const widget = widgetOf(page, kind);
      await fillRequired(widget, `${kind}@example.org`);
      await widget.getByRole("button").click();
      await expect(widget).toHaveAttribute("data-osdi-state", "success");
    }
    await expect.poll(async () => (await servers.records()).length).toBe(3);
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
