/**
 * The form in the page's HTML (osdi-embed/server, issue 22): markup rendered ahead is
 * visible and typeable before the script runs, and the script brings it to life in
 * place: the same nodes, the caret where it was, what was typed kept and sent, no
 * layout shift, the language part awaited. Markup that does not fit is drawn afresh
 * with one warning; without JavaScript the button leads to the public page, empty.
 */
import type { Page } from "@playwright/test";
import { expect, type Servers, test } from "./fixtures";

/** The built server module (npm run build), imported as a user's server would. */
const SERVER = "../dist/esm/server.js";
type Render = (settings: object, options?: object) => string;
const render = async (settings: object, options?: object): Promise<string> =>
  ((await import(SERVER)) as { renderContainer: Render }).renderContainer(settings, options);

const PUBLIC = "https://actionnetwork.org/petitions/save-the-park";
const petition = (servers: Servers) =>
  `${servers.helper}/api/v2/petitions/df883b6a-3fe7-4525-982f-7a5909c1c665`;

/** A page of the site holding these containers, as an organizer's HTML-first page is. */
function servePage(servers: Servers, body: string, lang = "en") {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>Save the park</title><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/dist/osdi-embed.css"></head>
<body><main><h1>Save the park</h1>${body}<p>More about the park.</p></main>
<script src="/dist/osdi-embed.js" defer></script></body></html>`;
  // From the page server itself: a page the browser sees on a loopback address, as
  // the sandbox is (a fulfilled route would be a public one, refused local requests).
  servers.serve("/rendered.html", html);
}

/**
 * Holds one of the files (osdi-embed.js unless named) back until release() is called:
 * the page as it is before the script, or before that file.
 */
async function holdScript(page: Page, file = /\/dist\/osdi-embed\.js$/) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(file, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("before the script the form can be typed in; hydrated, the same nodes stay, the caret stays, the text is sent, nothing moves, no English flash", async ({
  page,
  servers,
  consoleErrors,
}) => {
  const container = await render(
    { action: petition(servers), fields: ["given_name", "email"], title: "Salvemos el parque" },
    { lang: "es", fallbackHref: PUBLIC },
  );
  servePage(servers, container, "es");
  const release = await holdScript(page);
  // Layout shifts, and every node that appears in the widget, from the first paint on.
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number; texts: string[] };
    w.shifts = 0;
    w.texts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.shifts += (entry as unknown as { value: number }).value;
    }).observe({ type: "layout-shift", buffered: true });
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of Array.from(r.addedNodes))
          if (node.parentElement?.closest("[data-osdi-action]"))
            w.texts.push(node.textContent ?? "");
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(`${servers.site}/rendered.html`, { waitUntil: "commit" });
  const form = page.locator("[data-osdi-action] form");
  await expect(form).toBeVisible();
  // Typed before the script has run: Spanish labels, already there.
  const name = page.getByLabel("Nombre");
  await name.fill("Ada Lovelace");
  await page.getByLabel(/Correo electrónico/).fill("ada@example.org");
  await name.focus();
  await name.evaluate((el: HTMLInputElement) => el.setSelectionRange(3, 3));
  await page.evaluate(() => {
    const w = window as unknown as { before: Element[]; texts: string[] };
    w.before = Array.from(document.querySelectorAll("[data-osdi-action] *"));
    w.texts = [];
  });
  release();
  const widget = page.locator("[data-osdi-action] > .osdi-embed");
  await expect(page.locator("[data-osdi-action]")).toHaveAttribute("data-osdi-mounted", "");
  await page.waitForFunction(() =>
    document.querySelector("[data-osdi-action] input")?.hasAttribute("name"),
  );
  const after = await page.evaluate(() => {
    const w = window as unknown as { before: Element[]; shifts: number; texts: string[] };
    const now = Array.from(document.querySelectorAll("[data-osdi-action] *"));
    const input = document.activeElement as HTMLInputElement;
    return {
      same: now.length === w.before.length && now.every((el, i) => el === w.before[i]),
      focused: input.id.endsWith("-given_name"),
      caret: input.selectionStart,
      shifts: w.shifts,
      texts: w.texts,
    };
  });
  // No node added either: not a word, and so no English one before the Spanish.
  expect(after).toEqual({ same: true, focused: true, caret: 3, shifts: 0, texts: [] });
  await expect(page.getByLabel("Nombre")).toHaveValue("Ada Lovelace");
  // Sent with what was typed before the script ran, to the helper on the other origin.
  await widget.getByRole("button", { name: "Firmar" }).click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  const [record] = await servers.records();
  expect(record.body.person).toMatchObject({
    given_name: "Ada Lovelace",
    email_addresses: [{ address: "ada@example.org" }],
  });
  expect(consoleErrors).toEqual([]);
});

test("markup that no longer fits its container (an attribute edited afterwards) is drawn afresh, with one warning", async ({
  page,
  servers,
  consoleMessages,
}) => {
  const fits = await render({ action: petition(servers), fields: ["email"] }, { id: "osdi-fits" });
  const edited = (
    await render({ action: petition(servers), fields: ["email"] }, { id: "osdi-edited" })
  ).replace('data-osdi-fields="email"', 'data-osdi-fields="given_name email"');
  servePage(servers, fits + edited);
  const release = await holdScript(page);
  await page.goto(`${servers.site}/rendered.html`, { waitUntil: "commit" });
  await expect(page.locator("#osdi-edited-email")).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { kept: Element[] }).kept = [
      document.getElementById("osdi-fits-email")!,
      document.getElementById("osdi-edited-email")!,
    ];
  });
  release();
  const containers = page.locator("[data-osdi-action]");
  // Both shown (the edited one with the field its markup lacked).
  await expect(containers.nth(0)).toHaveAttribute("data-osdi-mounted", "");
  await expect(containers.nth(1)).toHaveAttribute("data-osdi-mounted", "");
  await expect(page.locator("#osdi-edited-given_name")).toBeVisible();
  const kept = await page.evaluate(() =>
    (window as unknown as { kept: Element[] }).kept.map((el) => el.isConnected),
  );
  // The fitting markup is hydrated in place; the edited one is replaced by a fresh widget.
  expect(kept).toEqual([true, false]);
  await expect
    .poll(() => consoleMessages.filter((m) => m.text.includes("data-osdi-rendered")))
    .toHaveLength(1);
  const [warning] = consoleMessages.filter((m) => m.text.includes("data-osdi-rendered"));
  expect(warning.type).toBe("warning");
  expect(warning.text).toContain("drawn afresh");
});

test("a click before osdi-embed-rendered.js has come is sent once it has, with what was typed before the script", async ({
  page,
  servers,
  consoleMessages,
}) => {
  servePage(
    servers,
    await render(
      { action: petition(servers), fields: ["given_name", "email"] },
      { id: "osdi-early" },
    ),
  );
  const releaseScript = await holdScript(page);
  const releasePart = await holdScript(page, /\/dist\/osdi-embed-rendered\.js$/);
  const asked = page.waitForRequest(/osdi-embed-rendered\.js$/);
  await page.goto(`${servers.site}/rendered.html`, { waitUntil: "commit" });
  await page.getByLabel("First name").fill("Grace Hopper");
  await page.getByLabel(/Email/).fill("grace@example.org");
  const input = await page.locator("#osdi-early-given_name").elementHandle();
  releaseScript();
  // Hydrated at once, in the same nodes: ready before its check has come.
  await page.waitForFunction((el) => el!.hasAttribute("name"), input);
  await asked;
  await page.getByRole("button", { name: "Sign" }).click();
  releasePart();
  const widget = page.locator("[data-osdi-action] > .osdi-embed");
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(records[0].body.person).toMatchObject({
    given_name: "Grace Hopper",
    email_addresses: [{ address: "grace@example.org" }],
  });
  // The markup fitted: no note about it, nor anything else.
  expect(consoleMessages).toEqual([]);
});

test("without osdi-embed-rendered.js the markup is drawn afresh, one warning names the file, and the form still sends", async ({
  page,
  servers,
  consoleMessages,
}) => {
  servePage(
    servers,
    await render({ action: petition(servers), fields: ["email"] }, { id: "osdi-alone" }),
  );
  await page.route(/\/dist\/osdi-embed-rendered\.js$/, (route) => route.fulfill({ status: 404 }));
  const releaseScript = await holdScript(page);
  await page.goto(`${servers.site}/rendered.html`, { waitUntil: "commit" });
  const before = await page.locator("#osdi-alone-email").elementHandle();
  releaseScript();
  await page.waitForFunction((el) => !el!.isConnected, before);
  await page.getByLabel(/Email/).fill("ada@example.org");
  await page.getByRole("button", { name: "Sign" }).click();
  await expect(page.locator("[data-osdi-action] > .osdi-embed")).toHaveAttribute(
    "data-osdi-state",
    "success",
  );
  const warnings = () => consoleMessages.filter((m) => m.text.includes("osdi-embed-rendered.js"));
  await expect.poll(() => warnings().length).toBe(1);
  expect(warnings()[0].type).toBe("warning");
  expect(warnings()[0].text).toContain("script joining");
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the button leads to the action's public page with nothing in it, and nothing is posted", async ({
    page,
    servers,
  }) => {
    const container = await render(
      { action: petition(servers), fields: ["given_name", "email"], emailOptIn: "required" },
      { fallbackHref: `${servers.site}/public-page.html` },
    );
    servePage(servers, container);
    const visited: string[] = [];
    await page.route(`${servers.site}/public-page.html*`, (route) => {
      visited.push(route.request().url());
      return route.fulfill({
        body: "<h1>Save the park on Action Network</h1>",
        contentType: "text/html",
      });
    });
    await page.goto(`${servers.site}/rendered.html`);
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel(/Email/).fill("ada@example.org");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Sign" }).click();
    await expect(
      page.getByRole("heading", { name: "Save the park on Action Network" }),
    ).toBeVisible();
    // GET to the public page, and no parameter: the visitor's data went nowhere.
    expect(visited).toEqual([`${servers.site}/public-page.html?`]);
    expect(await servers.records()).toEqual([]);
    expect((await servers.requests()).filter((r) => r.method === "POST")).toEqual([]);
  });
});
