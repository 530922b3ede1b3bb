/**
 * osdi-embed/react and osdi-embed/vue in the apps a developer would make: the
 * package packed once, each fixture app (test/fixtures/react-app, vue-app)
 * installed from the tarball and built with Vite, then driven in Chromium against
 * the helper sandbox on another origin. The React app is a development build, so
 * StrictMode runs its effects twice as it does under `vite dev`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ElementHandle, Page } from "@playwright/test";
import { serveStatic } from "../scripts/serve.mjs";
import { installApp, pack } from "../test/fixtures/install";
import { expect, field, osdiEvents, recordOsdiEvents, type Servers, test } from "./fixtures";

declare global {
  interface Window {
    /** The fixture apps' callback calls, as "ready#petition:petition". */
    __calls: string[];
    /** How often the React app's own mount effect ran. */
    __effects: number;
  }
}

// One worker for the file: the apps are packed, installed and built once.
test.describe.configure({ mode: "default" });

let apps: { url: string; close: () => Promise<void> } | undefined;
let folder: string | undefined;
const installed: Record<string, string> = {};
/** Pages rendered on the server for a test, served by the apps' server (a loopback address). */
const routes: Record<string, () => { type: string; body: string }> = {};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  folder = mkdtempSync(join(tmpdir(), "osdi-components-"));
  const tarball = await pack(folder);
  const [react, vue] = await Promise.all([
    installApp("react-app", folder, tarball),
    installApp("vue-app", folder, tarball),
  ]);
  installed.react = react;
  installed.vue = vue;
  apps = await serveStatic({
    routes,
    mounts: { "/react": join(react, "dist"), "/vue": join(vue, "dist") },
  });
});

test.afterAll(async () => {
  await apps?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The app's page on localhost, the helper on 127.0.0.1: every post is cross-origin. */
const open = async (page: Page, app: "react" | "vue", servers: Servers) => {
  await recordOsdiEvents(page);
  const site = apps!.url.replace("127.0.0.1", "localhost");
  await page.goto(`${site}/${app}/?helper=${encodeURIComponent(servers.helper)}`);
  expect(new URL(page.url()).origin).not.toBe(new URL(servers.helper).origin);
};

const calls = (page: Page) => page.evaluate(() => window.__calls);
const count = (list: string[], entry: string) => list.filter((e) => e === entry).length;

/** What is left of a container React or Vue took out of the page. */
const leftOf = (el: ElementHandle<HTMLElement | SVGElement>) =>
  el.evaluate((e) => ({
    inPage: e.isConnected,
    mounted: e.hasAttribute("data-osdi-mounted"),
    widget: e.querySelector(".osdi-embed") !== null,
    fallback: e.innerHTML,
  }));

for (const app of ["react", "vue"] as const) {
  test(`${app}: each widget mounts once, a submission reaches the helper, a new prop mounts again, unmounting cleans up`, async ({
    page,
    servers,
    consoleErrors,
  }, testInfo) => {
    await open(page, app, servers);
    const petition = page.locator("#petition");
    const form = page.locator("#form");
    await expect(petition.locator(".osdi-embed")).toBeVisible();
    await expect(form.locator(".osdi-embed")).toBeVisible();
    await expect(petition).toHaveClass("petition");
    await expect(petition.getByRole("heading", { name: "Stop the bad thing" })).toBeVisible();
    // The country list is a part, a chunk the app's bundler split off: it came.
    await expect
      .poll(() => form.locator('select[autocomplete="country"] option').count())
      .toBeGreaterThan(100);
    await page.screenshot({ path: testInfo.outputPath(`${app}-app.png`), fullPage: true });

    if (app === "react") {
      // A development build under StrictMode: the app's own effect ran twice.
      expect(await page.evaluate(() => window.__effects)).toBe(2);
      // A client module as installed, so that Next.js's server components can render it.
      const code = readFileSync(
        join(installed.react, "node_modules/osdi-embed/dist/esm/react.js"),
        "utf8",
      );
      expect(code).toMatch(/^"use client";/);
    }
    // Once per widget, as events and as callbacks.
    await expect
      .poll(async () => (await osdiEvents(page)).sort())
      .toEqual(["ready#form", "ready#petition"]);
    expect((await calls(page)).sort()).toEqual(["ready#form:form", "ready#petition:petition"]);

    // Rendering again (new callback functions, new arrays with the same items): no new mount.
    await page.getByRole("button", { name: /Render again/ }).click();
    await expect(page.getByRole("button", { name: "Render again (1)" })).toBeVisible();

    // A new setting: the widget mounts again, with it.
    await expect(field(petition, "Phone")).toHaveCount(0);
    await page.getByRole("button", { name: "Ask for a phone number" }).click();
    await expect(field(petition, "Phone")).toBeVisible();
    await expect.poll(async () => count(await osdiEvents(page), "ready#petition")).toBe(2);

    // One submission, to the sandbox on the other origin, with the new setting's field.
    await field(petition, "First name").fill("Ada");
    await field(petition, "Email").fill("ada@example.org");
    await field(petition, "Phone").fill("+1 202 555 0142");
    await petition.getByRole("button", { name: "Sign" }).click();
    await expect(petition.getByRole("status")).toContainText("Thank you");
    const records = await servers.records();
    expect(records).toHaveLength(1);
    expect(records[0].kind).toBe("petition");
    expect(records[0].body).toMatchObject({
      person: {
        given_name: "Ada",
        email_addresses: [{ address: "ada@example.org" }],
        phone_numbers: [{ number: expect.stringContaining("202") }],
      },
      add_tags: ["climate"],
    });

    // Unmounted: the widget and its callbacks' listeners are gone with the element.
    const container = (await form.elementHandle())!;
    await page.getByRole("button", { name: "Hide the form" }).click();
    await expect(form).toHaveCount(0);
    expect(await leftOf(container)).toEqual({
      inPage: false,
      mounted: false,
      widget: false,
      fallback: '<a href="https://example.org/volunteer">Fill in the form</a>',
    });
    const before = await calls(page);
    await container.evaluate((e) =>
      e.dispatchEvent(
        new CustomEvent("osdi:success", { detail: { kind: "form", action: "x" }, bubbles: true }),
      ),
    );
    expect(await calls(page)).toEqual(before);

    // Back: a new element, mounted once.
    await page.getByRole("button", { name: "Show the form" }).click();
    await expect(form.locator(".osdi-embed")).toBeVisible();
    await expect.poll(async () => count(await osdiEvents(page), "ready#form")).toBe(2);

    const events = await osdiEvents(page);
    expect(count(events, "ready#petition")).toBe(2);
    expect(count(events, "ready#form")).toBe(2);
    expect(count(events, "success#petition")).toBe(1);
    const all = await calls(page);
    expect(count(all, "ready#petition:petition")).toBe(2);
    expect(count(all, "ready#form:form")).toBe(2);
    expect(count(all, "submit#petition:petition")).toBe(1);
    expect(count(all, "success#petition:petition")).toBe(1);
    expect(all.filter((c) => c.startsWith("error"))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

for (const app of ["react", "vue"] as const)
  test(`${app}: rendered on the server, the forms are in the page's HTML; hydrated, each widget is ready once, in place, and sends`, async ({
    page,
    servers,
    consoleMessages,
  }) => {
    // The app's server build (vite build --ssr), as a Node server would run it.
    const { render } = (await import(
      pathToFileURL(join(installed[app], "dist-server/entry-server.js")).href
    )) as { render: (helper: string) => string | Promise<string> };
    const html = await render(servers.helper);
    const shell = readFileSync(join(installed[app], "dist/index.html"), "utf8");
    const root = app === "react" ? "root" : "app";
    routes[`/${app}/ssr.html`] = () => ({
      type: "text/html; charset=utf-8",
      body: shell.replace(`<div id="${root}"></div>`, `<div id="${root}">${html}</div>`),
    });
    // The HTML itself holds both forms, marked for hydration.
    const site = apps!.url.replace("127.0.0.1", "localhost");
    const served = await (await page.request.get(`${site}/${app}/ssr.html`)).text();
    expect(served.match(/data-osdi-rendered=/g)).toHaveLength(2);
    expect(served).toContain("First name");
    expect(served).toContain('action="https://example.org/volunteer" method="get"');

    await recordOsdiEvents(page);
    await page.goto(`${site}/${app}/ssr.html?helper=${encodeURIComponent(servers.helper)}`);
    const petition = page.locator("#petition");
    await expect(petition).toHaveAttribute("data-osdi-mounted", "");
    // Once per widget (under React's StrictMode too), and not drawn afresh.
    await expect
      .poll(async () => (await osdiEvents(page)).sort())
      .toEqual(["ready#form", "ready#petition"]);
    expect((await calls(page)).sort()).toEqual(["ready#form:form", "ready#petition:petition"]);
    if (app === "react") expect(await page.evaluate(() => window.__effects)).toBe(2);
    expect(consoleMessages.filter((m) => m.text.includes("data-osdi-rendered"))).toEqual([]);
    await page.waitForFunction(() =>
      document.querySelector("#petition input")?.hasAttribute("name"),
    );
    // One submission, to the sandbox on the other origin.
    await field(petition, "First name").fill("Ada");
    await field(petition, "Email").fill("ada@example.org");
    await petition.getByRole("button", { name: "Sign" }).click();
    await expect(petition.getByRole("status")).toContainText("Thank you");
    expect(await servers.records()).toHaveLength(1);
    expect(consoleMessages.filter((m) => m.type === "error" || /hydrat/i.test(m.text))).toEqual([]);
  });
