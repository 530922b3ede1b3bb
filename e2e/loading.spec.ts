/**
 * Loading: how osdi-embed.js finds the files beside it (osdi-embed.css and the parts),
 * and what happens when it cannot. The folder is the osdi-embed-base meta, else the
 * folder of the script element whose src names osdi-embed.js, else that of
 * document.currentScript. A file that cannot load (404, blocked, integrity mismatch)
 * is one `[osdi-embed]` warning naming it, its URL and the fix; the script alone still
 * mounts, validates and sends in English. Every file it adds carries its integrity hash
 * and crossorigin="anonymous", and under Trusted Types it uses one policy, "osdi-embed".
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { serveStatic } from "../scripts/serve.mjs";
import { es } from "../src/i18n/es";
import {
  test as base,
  type ConsoleEntry,
  expect,
  fillExact,
  posts,
  type SandboxRecord,
  widgetIn,
} from "./fixtures";

/** Where a script optimizer puts the one file it joined every enqueued script into. */
const JOINED = "/wp-content/cache/all.js";
/** Appended to every file of dist/ but osdi-embed.js under /sri/: none of them may run. */
const TAMPER_JS =
  "\n;window.osdiTampered=(window.osdiTampered||[]).concat(document.currentScript&&document.currentScript.src);";
const TAMPER_CSS = "\nbody{outline:9px solid red}";
/** The script tag of e2e/pages/loading/petition.html, as the README gives it. */
const TAG = '<script src="/dist/osdi-embed.js" defer></script>';

/**
 * The ways e2e/pages/loading/petition.html loads the script (?how=), each as pages do:
 * as a module by mistake; its text pasted into the page (no src, no meta: no folder to
 * find the other files in); twice, as when a theme and a plugin both enqueue it; not at
 * all (the test adds it after load, as "delay JS" does); after the stylesheet linked
 * first in <head>, as the README's snippet has it.
 */
const HOW: Record<string, (html: string) => Promise<string> | string> = {
  module: (html) => html.replace(TAG, '<script type="module" src="/dist/osdi-embed.js"></script>'),
  inline: async (html) => {
    const js = (await readFile("dist/osdi-embed.js", "utf8")).replace(/<\/script/gi, "<\\/script");
    return html.replace(TAG, () => `<script>${js}</script>`);
  },
  twice: (html) => html.replace("</title>", `</title>\n    ${TAG}`),
  late: (html) => html.replace(TAG, ""),
  linked: (html) =>
    html.replace("<head>", '<head>\n    <link rel="stylesheet" href="/dist/osdi-embed.css" />'),
};

const integrityJson = async (): Promise<Record<string, string>> =>
  JSON.parse(await readFile("dist/integrity.json", "utf8"));

const sri = async (file: string, algorithm: "sha256" | "sha384") =>
  `${algorithm}-${createHash(algorithm)
    .update(await readFile(file))
    .digest("base64")}`;
/** What osdi-embed.js pins a sibling with: its sha256 (scripts/build.mjs). */
const pin = (name: string) => sri(`dist/${name}`, "sha256");

/** The header e2e/pages/loading/parts.html?trusted-types is served with. */
const trustedTypesPolicy = (site: string, helper: string, names = "osdi-embed") =>
  `default-src 'none'; script-src ${site}; style-src ${site}; connect-src ${helper}; ` +
  `require-trusted-types-for 'script'; trusted-types ${names}`;

/**
 * A page server of this spec's own: the fixtures' mounts, plus the optimizer's joined
 * file, a copy of dist/ at /sri/ whose siblings of osdi-embed.js are tampered with, the
 * integrity hash and the inlined script filled into their pages, and the Trusted Types
 * header. Everything from dist/ is read at request time.
 */
// biome-ignore lint/complexity/noBannedTypes: no test-scoped fixtures, one worker-scoped.
const test = base.extend<{}, { loadingSite: string }>({
  loadingSite: [
    async ({ workerServers }, use) => {
      let site = "";
      const pages = await serveStatic({
        mounts: {
          "/": "e2e/pages",
          "/dist": "dist",
          "/sri": "dist",
          "/vendor/jquery": "node_modules/jquery/dist",
        },
        vars: { HELPER: workerServers.helper },
        routes: {
          [JOINED]: async () => ({
            type: "text/javascript; charset=utf-8",
            body: `${await readFile("node_modules/jquery/dist/jquery.min.js", "utf8")}\n;${await readFile("dist/osdi-embed.js", "utf8")}`,
          }),
        },
        rewrite: async (path, body, _type, query) => {
          // The README's snippet with its integrity hash, the files from the tampering host.
          if (path === "/loading/parts.html" && query.has("sri"))
            return body
              .toString("utf8")
              .replace(
                '<script src="/dist/osdi-embed.js" defer></script>',
                `<script src="/sri/osdi-embed.js" integrity="${(await integrityJson())["osdi-embed.js"]}" crossorigin="anonymous" defer></script>`,
              );
          // The joined-file page with the fix the warning names: a meta for the folder.
          if (path === "/loading/wordpress.html" && query.has("meta"))
            return body
              .toString("utf8")
              .replace("<head>", '<head>\n    <meta name="osdi-embed-base" content="/dist/" />');
          const how = HOW[query.get("how") ?? ""];
          if (path === "/loading/petition.html" && how) return how(body.toString("utf8"));
          const sibling = /^\/sri\/[^/]+\.(js|css)$/.exec(path);
          if (sibling && path !== "/sri/osdi-embed.js")
            return Buffer.concat([body, Buffer.from(sibling[1] === "js" ? TAMPER_JS : TAMPER_CSS)]);
          return undefined;
        },
        headers: (path, query): Record<string, string> =>
          path === "/loading/parts.html" && query.has("trusted-types")
            ? {
                "Content-Security-Policy": trustedTypesPolicy(
                  site,
                  workerServers.helper,
                  query.get("trusted-types") || undefined,
                ),
              }
            : {},
      });
      site = pages.url.replace("127.0.0.1", "localhost");
      await use(site);
      await pages.close();
    },
    { scope: "worker" },
  ],
});

/** The widget's own console lines of one type ("warning", "error"). */
const own = (messages: ConsoleEntry[], type: string) =>
  messages.filter((m) => m.type === type && m.text.startsWith("[osdi-embed]")).map((m) => m.text);

/** Every URL the page requested, in order, from now on. */
function requested(page: Page) {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** File names osdi-embed looked for beside itself: osdi-embed.css and osdi-embed-*.js. */
const siblingNames = (urls: string[], folder: string) =>
  [
    ...new Set(
      urls
        .filter((u) => u.startsWith(folder))
        .map((u) => new URL(u).pathname.split("/").pop() ?? "")
        .filter((name) => /^osdi-embed(\.css|-[\w-]+\.js)$/.test(name)),
    ),
  ].sort();

interface Added {
  tag: string;
  url: string;
  integrity: string;
  crossOrigin: string | null;
}

/** Records every <script src> and <link href> put into the document, as it was put there. */
async function recordAdded(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __added: Added[] };
    w.__added = [];
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if ((n instanceof HTMLScriptElement && n.src) || n instanceof HTMLLinkElement)
            w.__added.push({
              tag: n.localName,
              url: n instanceof HTMLScriptElement ? n.src : n.href,
              integrity: n.integrity,
              crossOrigin: n.crossOrigin,
            });
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The sibling files osdi-embed added to the page (not osdi-embed.js itself), by file name. */
const addedSiblings = async (page: Page) =>
  Object.fromEntries(
    (await page.evaluate(() => (window as unknown as { __added: Added[] }).__added))
      .map((a) => [new URL(a.url).pathname.split("/").pop() ?? "", a] as const)
      .filter(([name]) => /^osdi-embed(\.css|-[\w-]+\.js)$/.test(name)),
  );

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Records every securitypolicyviolation, and the name of every Trusted Types policy created. */
async function recordPolicy(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __violations: Violation[];
      __policies: string[];
      trustedTypes?: { createPolicy(name: string, rules: unknown): unknown };
    };
    w.__violations = [];
    w.__policies = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__violations.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      }),
    );
    const factory = w.trustedTypes;
    if (factory) {
      const create = factory.createPolicy.bind(factory);
      factory.createPolicy = (name, rules) => {
        w.__policies.push(name);
        return create(name, rules);
      };
    }
  });
}

/** When DOMContentLoaded fired and when `count` widgets were first all shown (performance.now). */
async function recordShown(page: Page, count: number) {
  await page.addInitScript((count) => {
    const w = window as unknown as { __dcl?: number; __shown?: number };
    document.addEventListener("DOMContentLoaded", () => {
      w.__dcl = performance.now();
    });
    const check = () => {
      const shown = Array.from(document.querySelectorAll(".osdi-embed")).filter(
        (e) => e.checkVisibility() && e.getBoundingClientRect().height > 0,
      );
      if (shown.length >= count) w.__shown = performance.now();
      else if (performance.now() < 20_000) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, count);
}

const shownAfterDcl = async (page: Page) => {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __shown?: number }).__shown))
    .toBeDefined();
  return page.evaluate(() => {
    const w = window as unknown as { __dcl: number; __shown: number };
    return w.__shown - w.__dcl;
  });
};

/** Signs the page's petition (#petition) in English and waits for the thanks. */
async function signPetition(page: Page, email: string) {
  const petition = widgetIn(page, "#petition");
  await fillExact(petition, { "First name": "Ada", Email: email });
  await petition.getByRole("button", { name: "Sign" }).click();
  await expect(petition).toHaveAttribute("data-osdi-state", "success");
}

const recordCount = async (servers: { records(): Promise<SandboxRecord[]> }) =>
  (await servers.records()).length;

test.describe("joined by a script optimizer into one file", () => {
  test("no meta: every kind mounts at once, sends, and the missing stylesheet is one warning with its URL and the fix", async ({
    page,
    loadingSite: site,
    servers,
    consoleMessages,
  }) => {
    await recordShown(page, 3);
    const urls = requested(page);
    await page.goto(`${site}/loading/wordpress.html`);
    for (const host of ["#petition", "#form", "#event"])
      await expect(widgetIn(page, host)).toBeVisible();
    // The joined file really is both scripts: jQuery ran, and so did osdi-embed.
    expect(
      await page.evaluate(
        () => (window as unknown as { jQuery?: { fn: { jquery: string } } }).jQuery?.fn.jquery,
      ),
    ).toBe("3.7.1");
    expect(urls.filter((u) => u.includes("/osdi-embed.js"))).toEqual([]);
    // No waiting for files that are not there: mounted about as soon as the page is parsed.
    expect(await shownAfterDcl(page)).toBeLessThan(1_000);

    await signPetition(page, "joined@example.org");
    await expect.poll(() => recordCount(servers)).toBe(1);

    // The stylesheet was looked for beside the joined file, and is one warning.
    expect(urls).toContain(`${site}/wp-content/cache/osdi-embed.css`);
    const css = consoleMessages.filter(
      (m) => m.type === "warning" && m.text.includes("osdi-embed.css"),
    );
    expect(css).toHaveLength(1);
    expect(css[0].text).toMatch(/^\[osdi-embed\]/);
    expect(css[0].text).toContain(`${site}/wp-content/cache/osdi-embed.css`);
    expect(css[0].text).toContain("osdi-embed-base");
    // A folder was found (the joined file's), so nothing says the script was inlined.
    expect(own(consoleMessages, "error")).toEqual([]);
    expect(await recordCount(servers)).toBe(1);
  });

  test("with <meta name=osdi-embed-base content=/dist/>: the stylesheet and parts come from there, no warning", async ({
    page,
    loadingSite: site,
    servers,
    consoleMessages,
  }) => {
    const urls = requested(page);
    await page.goto(`${site}/loading/wordpress.html?meta`);
    const petition = widgetIn(page, "#petition");
    // Only osdi-embed.css makes the widget a grid and its inputs 44px tall.
    await expect(petition).toHaveCSS("display", "grid");
    await expect(petition.locator(".osdi-embed__input").first()).toHaveCSS("min-height", "44px");
    // The event part came from /dist/ too.
    await expect(widgetIn(page, "#event").locator(".osdi-embed__details")).toBeVisible();
    await expect(widgetIn(page, "#form")).toBeVisible();
    expect(urls).toContain(`${site}/dist/osdi-embed.css`);
    expect(urls).toContain(`${site}/dist/osdi-embed-event.js`);
    expect(urls.filter((u) => u.includes("/wp-content/cache/") && !u.includes(JOINED))).toEqual([]);

    await signPetition(page, "based@example.org");
    await expect.poll(() => recordCount(servers)).toBe(1);
    expect(own(consoleMessages, "warning")).toEqual([]);
    expect(own(consoleMessages, "error")).toEqual([]);
  });
});

test("Trusted Types (require-trusted-types-for 'script'; trusted-types osdi-embed): every part loads through the one policy, nothing is blocked", async ({
  page,
  loadingSite: site,
  servers,
  consoleMessages,
}) => {
  await recordPolicy(page);
  await recordAdded(page);
  await page.addInitScript(() => {
    (window as unknown as { __globals: string[] }).__globals = Object.keys(window);
  });
  const response = await page.goto(`${site}/loading/parts.html?trusted-types`);
  expect(response?.headers()["content-security-policy"]).toBe(
    trustedTypesPolicy(site, servers.helper),
  );

  // Each widget shows what only its part brings.
  const petition = widgetIn(page, "#petition");
  await expect(petition.getByRole("button", { name: "Firmar" })).toBeVisible();
  const country = widgetIn(page, "#form").getByRole("combobox", { name: /^País|^Country/ });
  await expect.poll(() => country.locator("option").count()).toBeGreaterThan(200);
  await expect(widgetIn(page, "#event").locator(".osdi-embed__details")).toBeVisible();
  await expect(petition).toHaveCSS("display", "grid");

  // Spanish labels: "Correo electrónico (obligatorio)".
  await petition.getByLabel(/^Nombre/).fill("Ada");
  await petition.getByLabel(/^Correo electrónico/).fill("tt@example.org");
  await petition.getByRole("button", { name: "Firmar" }).click();
  await expect(petition).toHaveAttribute("data-osdi-state", "success");
  await expect(petition.getByRole("status")).toContainText("¡Gracias!");
  await expect(petition.locator(".osdi-embed__share")).toBeVisible();
  await expect.poll(() => recordCount(servers)).toBe(1);

  // The parts really ran as scripts the page added, each pinned to its hash.
  const added = await addedSiblings(page);
  for (const name of [
    "osdi-embed.css",
    "osdi-embed-lang-es.js",
    "osdi-embed-countries.js",
    "osdi-embed-event.js",
    "osdi-embed-after.js",
  ]) {
    expect(added[name], name).toMatchObject({
      integrity: await pin(name),
      crossOrigin: "anonymous",
    });
  }
  expect(
    await page.evaluate(() => (window as unknown as { __policies: string[] }).__policies),
  ).toEqual(["osdi-embed"]);
  expect(
    await page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations),
  ).toEqual([]);
  expect(
    consoleMessages.filter((m) => /Trusted Type|Content.Security.Policy/i.test(m.text)),
  ).toEqual([]);
  expect(consoleMessages.filter((m) => /^(error|pageerror)$/.test(m.type))).toEqual([]);
  expect(await recordCount(servers)).toBe(1);
  // Whatever parts ran, the page got one global: window.OsdiEmbed.
  expect(
    await page.evaluate(() => {
      const before = (window as unknown as { __globals: string[] }).__globals;
      return Object.keys(window).filter((k) => !before.includes(k) && !k.startsWith("__"));
    }),
  ).toEqual(["OsdiEmbed"]);

  // And the policy is enforced: a plain string as a script URL, or another policy, is refused.
  expect(
    await page.evaluate(() => {
      const refused: string[] = [];
      try {
        document.createElement("script").src = "/dist/osdi-embed-help.js";
      } catch (e) {
        refused.push((e as Error).name);
      }
      try {
        (
          window as unknown as { trustedTypes: { createPolicy(n: string, r: object): unknown } }
        ).trustedTypes.createPolicy("other", {});
      } catch (e) {
        refused.push((e as Error).name);
      }
      return refused;
    }),
  ).toEqual(["TypeError", "TypeError"]);
});

test("Trusted Types that name other policies, not ours: the forms work without their extras, and one warning names the directive to add", async ({
  page,
  loadingSite: site,
  servers,
  consoleMessages,
}) => {
  const response = await page.goto(`${site}/loading/parts.html?trusted-types=site-scripts`);
  expect(response?.headers()["content-security-policy"]).toContain("trusted-types site-scripts");
  // English (the Spanish words cannot come), a text box for the country, no event details.
  const petition = widgetIn(page, "#petition");
  await expect(petition.getByRole("button", { name: "Sign" })).toBeVisible();
  await expect(widgetIn(page, "#form").locator("input[name=country]")).toHaveAttribute(
    "type",
    "text",
  );
  await expect(widgetIn(page, "#event").getByRole("button", { name: "RSVP" })).toBeVisible();
  await expect(widgetIn(page, "#event").locator(".osdi-embed__details")).toHaveCount(0);
  // The stylesheet is no script: it still applies.
  await expect(petition).toHaveCSS("display", "grid");
  await signPetition(page, "tt-other@example.org");
  await expect.poll(() => recordCount(servers)).toBe(1);
  const warnings = own(consoleMessages, "warning");
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain("trusted-types osdi-embed");
});

test("Subresource Integrity: tampered siblings are refused by their own hashes, each is named, and the script alone still mounts and sends", async ({
  page,
  loadingSite: site,
  servers,
  consoleMessages,
}) => {
  await recordAdded(page);
  const urls = requested(page);
  await page.goto(`${site}/loading/parts.html?sri`);
  const hashes = await integrityJson();
  await expect(page.locator('script[src="/sri/osdi-embed.js"]')).toHaveAttribute(
    "integrity",
    hashes["osdi-embed.js"],
  );

  // English words (the Spanish part is refused), every kind mounted.
  const petition = widgetIn(page, "#petition");
  await expect(petition.getByRole("button", { name: "Sign" })).toBeVisible();
  await expect(widgetIn(page, "#form").getByRole("button", { name: "Submit" })).toBeVisible();
  await expect(widgetIn(page, "#event").getByRole("button", { name: "RSVP" })).toBeVisible();
  // Without the country list, the country is asked for in a text box.
  await expect(widgetIn(page, "#form").locator("input[name=country]")).toHaveAttribute(
    "type",
    "text",
  );
  await signPetition(page, "sri@example.org");
  await expect.poll(() => recordCount(servers)).toBe(1);

  // Nothing tampered ran or applied.
  expect(
    await page.evaluate(() => (window as unknown as { osdiTampered?: unknown }).osdiTampered),
  ).toBeUndefined();
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
  });
  expect(outline).not.toContain("9px");
  expect(outline).toMatch(/^none /);

  // The files it asked for: each carried the hash of the untampered file, and each is
  // one warning naming it and where it was looked for.
  const names = siblingNames(urls, `${site}/sri/`);
  expect(names).toEqual(
    expect.arrayContaining([
      "osdi-embed.css",
      "osdi-embed-lang-es.js",
      "osdi-embed-countries.js",
      "osdi-embed-event.js",
    ]),
  );
  const added = await addedSiblings(page);
  for (const name of names) {
    expect(hashes[name], `${name} in dist/integrity.json`).toBe(
      await sri(`dist/${name}`, "sha384"),
    );
    expect(added[name], name).toMatchObject({
      integrity: await pin(name),
      crossOrigin: "anonymous",
    });
    await expect
      .poll(() => own(consoleMessages, "warning").filter((t) => t.includes(`${site}/sri/${name}`)))
      .toHaveLength(1);
  }
  for (const name of names)
    expect(
      own(consoleMessages, "warning").filter((t) => t.includes(name)),
      name,
    ).toHaveLength(1);
  expect(own(consoleMessages, "error")).toEqual([]);
  expect(await recordCount(servers)).toBe(1);
});

test.describe("other ways to load the script", () => {
  test('<script type="module" src="/dist/osdi-embed.js">: finds its folder, styled, sends, no error', async ({
    page,
    loadingSite: site,
    servers,
    consoleErrors,
    consoleMessages,
  }) => {
    const urls = requested(page);
    await page.goto(`${site}/loading/petition.html?how=module`);
    await expect(page.locator('script[type="module"][src="/dist/osdi-embed.js"]')).toHaveCount(1);
    const petition = widgetIn(page, "#petition");
    await expect(petition).toHaveCSS("display", "grid");
    await expect(petition.locator(".osdi-embed__input").first()).toHaveCSS("min-height", "44px");
    expect(urls).toContain(`${site}/dist/osdi-embed.css`);
    await signPetition(page, "module@example.org");
    await expect.poll(() => recordCount(servers)).toBe(1);
    expect(consoleErrors).toEqual([]);
    expect(own(consoleMessages, "warning")).toEqual([]);
  });

  test("inlined (its text in a <script>, no src, no meta): mounts and sends; one error says how to load it", async ({
    page,
    loadingSite: site,
    servers,
    consoleMessages,
  }) => {
    await page.goto(`${site}/loading/petition.html?how=inline`);
    // Really inlined: no script element with a src on the page.
    await expect(page.locator("script[src]")).toHaveCount(0);
    expect(await page.locator("script").first().textContent()).toContain("OsdiEmbed");
    await signPetition(page, "inline@example.org");
    await expect.poll(() => recordCount(servers)).toBe(1);
    const errors = own(consoleMessages, "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("<script src=");
    expect(consoleMessages.filter((m) => m.type === "pageerror")).toEqual([]);
  });
});

test("valueless boolean attributes mean on, ='false' means off: background, autoresponse, both consent boxes", async ({
  page,
  loadingSite: site,
  servers,
  consoleErrors,
}) => {
  await page.goto(`${site}/loading/booleans.html`);
  const on = widgetIn(page, "#on");
  const off = widgetIn(page, "#off");
  await expect(on).toBeVisible();
  await expect(off).toBeVisible();

  const emailBox = on.getByRole("checkbox", { name: "Send me email updates" });
  const smsBox = on.getByRole("checkbox", { name: "Send me text messages" });
  await expect(emailBox).toBeVisible();
  await expect(emailBox).not.toBeChecked();
  await expect(smsBox).toBeVisible();
  await expect(smsBox).not.toBeChecked();
  await expect(off.getByRole("checkbox")).toHaveCount(0);

  for (const [widget, email] of [
    [on, "on@example.org"],
    [off, "off@example.org"],
  ] as const) {
    await fillExact(widget, { "First name": "Ada", Email: email });
    await widget.getByRole("button", { name: "Sign" }).click();
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
  }

  const sent = await posts(servers);
  expect(sent).toHaveLength(2);
  const postTo = (id: string) => sent.find((r) => String(r.path).includes(id));
  expect(postTo("loading-booleans-on")?.query).toEqual({ background_request: "true" });
  expect(postTo("loading-booleans-off")?.query).toEqual({});

  // Background posts are recorded a moment after the answer.
  await expect.poll(() => recordCount(servers)).toBe(2);
  const records = await servers.records();
  const recordOf = (id: string) => records.find((r) => r.actionId === id);
  const onRecord = recordOf("loading-booleans-on");
  const offRecord = recordOf("loading-booleans-off");
  expect(onRecord?.background).toBe(true);
  expect(onRecord?.body.triggers).toEqual({ autoresponse: { enabled: true } });
  // The boxes were shown unticked and left so: nothing subscribed.
  expect(onRecord?.body.person).toMatchObject({ email_addresses: [{ address: "on@example.org" }] });
  expect(JSON.stringify(onRecord?.body)).not.toContain("subscribed");
  expect(offRecord?.background).toBe(false);
  expect(offRecord?.body.triggers).toEqual({ autoresponse: { enabled: false } });
  expect(consoleErrors).toEqual([]);
});

test.describe("pages that load the script their own way", () => {
  test("twice (a theme and a plugin both add it): one widget, one global, one record", async ({
    page,
    loadingSite: site,
    servers,
    consoleErrors,
  }) => {
    await page.goto(`${site}/loading/petition.html?how=twice`);
    await expect(page.locator("script[src$='/dist/osdi-embed.js']")).toHaveCount(2);
    await expect(page.locator("#petition > .osdi-embed")).toHaveCount(1);
    await expect(page.locator("#petition form")).toHaveCount(1);
    await signPetition(page, "twice@example.org");
    await expect.poll(() => recordCount(servers)).toBe(1);
    expect((await posts(servers)).length).toBe(1);
    await expect(page.locator("link[href$='/dist/osdi-embed.css']")).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });

  test("late (added after the load event, as 'delay JS' does): mounts, styled, sends", async ({
    page,
    loadingSite: site,
    servers,
    consoleErrors,
  }) => {
    await page.goto(`${site}/loading/petition.html?how=late`);
    await page.waitForLoadState("load");
    // The fallback until then.
    await expect(page.locator("#petition > a")).toBeVisible();
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.src = "/dist/osdi-embed.js";
      document.body.append(s);
    });
    const petition = widgetIn(page, "#petition");
    await expect(petition).toHaveCSS("display", "grid");
    await signPetition(page, "late@example.org");
    await expect.poll(() => recordCount(servers)).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  test("in an iframe sandboxed without allow-same-origin: Spanish, styled, sends; a failure says it cannot keep it", async ({
    page,
    loadingSite: site,
    servers,
  }) => {
    await page.goto(`${site}/loading/framing.html`);
    const frame = page.frameLocator("iframe");
    const petition = frame.locator("#petition > .osdi-embed");
    // Its parts and stylesheet came, cross-origin from an opaque origin.
    await expect(petition.getByRole("button", { name: "Firmar" })).toBeVisible();
    await expect(petition).toHaveCSS("display", "grid");
    // No storage on an opaque origin: a post that cannot go now is not lost silently.
    await petition.getByLabel(/^Nombre/).fill("Ada");
    await petition.getByLabel(/^Correo electrónico/).fill("framed@example.org");
    // The first attempt and its three retries all fail.
    await servers.fault({ count: 4, status: 503 });
    await petition.getByRole("button", { name: "Firmar" }).click();
    await expect(petition).toHaveAttribute("data-osdi-state", "error", { timeout: 15_000 });
    // error_storage, in Spanish: it could neither send nor keep it.
    await expect(petition.getByRole("status")).toHaveText(es.error_storage);
    // The values stay, and once the helper answers again a second try gets through.
    await expect(petition.getByLabel(/^Correo electrónico/)).toHaveValue("framed@example.org");
    await petition.getByRole("button", { name: "Firmar" }).click();
    await expect(petition).toHaveAttribute("data-osdi-state", "success");
    await expect.poll(() => recordCount(servers)).toBe(1);
  });
});

test("the stylesheet linked by the page (the README's snippet): used as it is, fetched once, styled from the first render", async ({
  page,
  loadingSite: site,
  servers,
  consoleErrors,
}) => {
  const urls = requested(page);
  // Whether the widget was ever seen without its stylesheet's layout.
  await page.addInitScript(() => {
    const w = window as unknown as { __unstyled: boolean };
    w.__unstyled = false;
    document.addEventListener("osdi:ready", (e) => {
      const root = (e.target as Element).querySelector(".osdi-embed");
      if (root && getComputedStyle(root).display !== "grid") w.__unstyled = true;
    });
  });
  await page.goto(`${site}/loading/petition.html?how=linked`);
  const petition = widgetIn(page, "#petition");
  await expect(petition).toHaveCSS("display", "grid");
  expect(await page.evaluate(() => (window as unknown as { __unstyled: boolean }).__unstyled)).toBe(
    false,
  );
  // The page's link is the only one, and the file was asked for once.
  await expect(page.locator("link[href*='osdi-embed']")).toHaveCount(1);
  // ...and it is the page's own, as written in its <head>.
  await expect(page.locator('head > link[href="/dist/osdi-embed.css"]')).toHaveCount(1);
  expect(urls.filter((u) => u.endsWith("/osdi-embed.css"))).toHaveLength(1);
  await signPetition(page, "linked@example.org");
  await expect.poll(() => recordCount(servers)).toBe(1);
  expect(consoleErrors).toEqual([]);
});
