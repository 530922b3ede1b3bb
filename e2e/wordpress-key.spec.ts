/**
 * The WordPress plugin with the group's API key (issue 23), on a real WordPress
 * (e2e/wordpress-site.ts) and the helper sandbox's keyed API: the settings page keeps the
 * key and shows its last four characters; a Contributor picks an action in the block's
 * sidebar; a visitor sees the count, one more after a signature; the key is in no answer
 * of the site; uninstalling removes it.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Response } from "@playwright/test";
import { phpString, USERS } from "../scripts/wordpress.mjs";
import { TOWN_HALL } from "../test/town-hall";
import { expect, field, type Servers } from "./fixtures";
import { type EditorGlobals, logIn, reinstallPlugin, type Site, test } from "./wordpress-site";

test.describe.configure({ mode: "serial" });

/** The sandbox's key: the one an organizer copies from Action Network's "API & Sync" page. */
async function apiKeyOf(servers: Servers): Promise<string> {
  return (await (await fetch(`${servers.helper}/_sandbox/info`)).json()).apiKey;
}

const apiOf = (servers: Servers) => `${servers.helper}/api/v2`;

interface ActionResource {
  _links: { self: { href: string } };
  browser_url: string;
  title: string;
}

/**
 * Creates an action with the keyed API, as an organizer does in Action Network. A 429 of
 * the sandbox's 4-a-second limit is waited out as its Retry-After says, then tried again.
 */
async function createAction(
  servers: Servers,
  collection: "petitions" | "forms" | "events",
  body: Record<string, unknown>,
): Promise<ActionResource> {
  const key = await apiKeyOf(servers);
  for (;;) {
    const response = await fetch(`${apiOf(servers)}/${collection}`, {
      method: "POST",
      headers: { "OSDI-API-Token": key, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status === 429) {
      const seconds = Number(response.headers.get("retry-after") ?? "1");
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  }
}

/** A helper post, as a visitor's browser sends it: the action's total grows by one. */
async function signAs(action: string, email: string) {
  for (;;) {
    const response = await fetch(`${action}/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ person: { email_addresses: [{ address: email }] } }),
    });
    if (response.status !== 429) return expect(response.status).toBe(200);
    await new Promise((resolve) =>
      setTimeout(resolve, Number(response.headers.get("retry-after") ?? "1") * 1000),
    );
  }
}

/** The key and the API address saved as the settings page saves them (update_option). */
function saveKey(wp: Site, key: string, api: string) {
  wp.php(
    `update_option( 'osdi_embed_api_base', ${phpString(api)} ); update_option( 'osdi_embed_api_key', ${phpString(key)} );`,
  );
}

/** The key gone, and the plugin's kept reads with it. */
function forgetKey(wp: Site) {
  wp.php(
    "foreach ( array( 'osdi_embed_api_key', 'osdi_embed_api_base', 'osdi_embed_key_refused' ) as $o ) { delete_option( $o ); } global $wpdb; $wpdb->query( \"DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\\\_transient\\\\_%osdi\\\\_embed\\\\_%'\" );",
  );
}

/** A must-use plugin, as a site's own code would add one; returns its removal. */
function muPlugin(wp: Site, name: string, code: string) {
  const file = join(wp.content, "mu-plugins", `${name}.php`);
  writeFileSync(file, `<?php\n${code}\n`);
  return () => rmSync(file, { force: true });
}

/** Every text answer the page receives from now on, for looking for the key in. */
function collectAnswers(page: Page) {
  const answers: { url: string; text: Promise<string> }[] = [];
  const listener = (response: Response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/image|font|octet-stream/.test(type)) return;
    answers.push({ url: response.url(), text: response.text().catch(() => "") });
  };
  page.on("response", listener);
  return {
    add(url: string, text: string) {
      answers.push({ url, text: Promise.resolve(text) });
    },
    async all() {
      page.off("response", listener);
      return Promise.all(answers.map(async (a) => ({ url: a.url, text: await a.text })));
    },
  };
}

/**
 * The pieces of a key to look for: itself, and each run of 12 of its characters (a key
 * cut in two, or shown but for a few characters, is still found).
 */
function keyPieces(key: string) {
  const pieces = [key];
  for (let i = 0; i + 12 <= key.length; i++) pieces.push(key.slice(i, i + 12));
  return pieces;
}

function expectNoKeyIn(answers: { url: string; text: string }[], key: string, hint?: string) {
  expect(answers.length).toBeGreaterThan(0);
  const pieces = hint ? [...keyPieces(key), hint] : keyPieces(key);
  const found = answers.flatMap(({ url, text }) =>
    pieces.filter((piece) => text.includes(piece)).map((piece) => `${piece} in ${url}`),
  );
  expect(found).toEqual([]);
}

/** Opens the block editor's sidebar (the block's settings) if it is closed. */
async function openSidebar(page: Page) {
  const sidebar = page.getByRole("button", { name: "Settings", exact: true });
  if ((await sidebar.getAttribute("aria-pressed")) !== "true") await sidebar.click();
}

test.afterEach(({ wp }) => forgetKey(wp));

test("an administrator saves the key: a refused key is not saved nor repeated, a good one is shown by its last four only", async ({
  page,
  servers,
  wp,
}) => {
  const key = await apiKeyOf(servers);
  test.setTimeout(60_000);
  const wrong = "wrong0key0that0action0network0refuses";
  const answers = collectAnswers(page);
  await logIn(page, wp, USERS.admin);
  await page.goto(`${wp.url}/wp-admin/options-general.php?page=osdi-embed`);
  await expect(
    page.getByRole("heading", { name: "Action Network API key (optional)" }),
  ).toBeVisible();
  await expect(page.getByLabel("API address")).toHaveValue("https://actionnetwork.org/api/v2");

  // Plain http to another host is refused: the key would cross the network unencrypted.
  await page.getByLabel("API address").fill("http://example.org/api/v2");
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.locator(".notice-error, .error")).toContainText(
    "The API address was not changed",
  );
  await expect(page.getByLabel("API address")).toHaveValue("https://actionnetwork.org/api/v2");

  // A key the API refuses (the sandbox answers 403 to a wrong one): said, not saved, not repeated.
  await page.getByLabel("API address").fill(apiOf(servers));
  await page.getByLabel("API key", { exact: true }).fill(wrong);
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.locator(".notice-error, .error")).toContainText(
    "Action Network refused this API key (403), so it was not saved",
  );
  await expect(page.getByLabel("API address")).toHaveValue(apiOf(servers));
  await expect(page.getByText("A key is saved")).toHaveCount(0);
  expect(wp.php("echo get_option( 'osdi_embed_api_key', '' );")).toBe("");

  // The sandbox's own key: saved, kept without autoload, and shown only as "…" and its last four.
  await page.getByLabel("API key", { exact: true }).fill(key);
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.locator(".notice-success, .updated")).toContainText("Settings saved.");
  await expect(page.locator("#osdi_embed_api_key_saved")).toHaveText(
    `A key is saved: …${key.slice(-4)}`,
  );
  await expect(page.getByLabel("API key", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("API key", { exact: true })).toHaveAttribute("type", "password");
  expect(
    JSON.parse(
      wp.php(
        "global $wpdb; echo wp_json_encode( array( get_option( 'osdi_embed_api_key' ), $wpdb->get_var( \"SELECT autoload FROM {$wpdb->options} WHERE option_name = 'osdi_embed_api_key'\" ) ) );",
      ),
    ),
  ).toEqual([key, "no"]);
  await page.screenshot({ path: "test-results/wordpress-key-settings.png", fullPage: true });

  // Saving the page again with the box empty keeps the key.
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.locator("#osdi_embed_api_key_saved")).toContainText(key.slice(-4));
  expect(wp.php("echo get_option( 'osdi_embed_api_key' );")).toBe(key);

  const seen = await answers.all();
  expectNoKeyIn(seen, key.slice(0, -4));
  expectNoKeyIn(seen, wrong);

  // Removed: nothing saved, nothing shown.
  await page.getByLabel("Remove the key").check();
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.locator(".notice-success, .updated")).toContainText("Settings saved.");
  await expect(page.getByText("A key is saved")).toHaveCount(0);
  expect(wp.php("echo get_option( 'osdi_embed_api_key' );")).toBe("");
});

test("a Contributor picks an action in the block's sidebar, from every page of the group's actions, and the saved block carries its details", async ({
  page,
  servers,
  wp,
}) => {
  test.setTimeout(120_000);
  // More petitions than one page of the API holds (25): the newest is on its second page.
  for (let n = 1; n <= 25; n++)
    await createAction(servers, "petitions", { title: `Older petition ${n}` });
  const petition = await createAction(servers, "petitions", {
    title: "Stop the highway widening",
    description: "<p>The <b>county</b> wants six lanes &amp; more noise.</p>",
  });
  await createAction(servers, "forms", { title: "Building survey" });
  const event = await createAction(servers, "events", {
    ...TOWN_HALL,
    title: "Town hall on rent",
    description: "<p>Hear from tenants.</p>",
  });
  saveKey(wp, await apiKeyOf(servers), apiOf(servers));

  await logIn(page, wp, USERS.contributor);
  await page.goto(`${wp.url}/wp-admin/post-new.php`);
  await page.getByRole("textbox", { name: "Add title" }).fill("Picked from the list");
  await page.getByRole("button", { name: "Toggle block inserter" }).click();
  await page.getByRole("searchbox").fill("Action Network");
  await page.getByRole("option", { name: "Action Network action" }).click();
  await openSidebar(page);

  const search = page.getByRole("searchbox", { name: "Search your actions" });
  await expect(search).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".osdi-embed-picker__found")).toHaveText(
    "25 of 28 actions shown: search to narrow them down.",
  );
  // Newest first (within a kind: actions made in the same second are in the API's order).
  const listed = page.locator(".osdi-embed-picker li");
  await expect(listed.filter({ hasText: "Older petition" }).first()).toContainText(
    "Older petition 25",
  );

  await search.fill("highway");
  await expect(page.locator(".osdi-embed-picker li")).toHaveCount(1);
  await page.getByRole("button", { name: /Stop the highway widening/ }).click();
  await expect(page.getByLabel("Action's API URL")).toHaveValue(petition._links.self.href);
  await expect(page.getByRole("button", { name: /Stop the highway widening/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Another pick replaces it: the event, with its time at the place's clock and its place.
  await search.fill("town hall");
  await page.getByRole("button", { name: /Town hall on rent/ }).click();
  await expect(page.getByLabel("Action's API URL")).toHaveValue(event._links.self.href);
  await expect(page.locator(".osdi-embed-preview")).toContainText("Town hall on rent");
  // Still editable: the title, by hand.
  await page.getByRole("button", { name: "Words" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Town hall on rent");
  await page.getByLabel("Title", { exact: true }).fill("Come to the town hall");
  await page.getByRole("button", { name: "Event time and place" }).click();
  await expect(page.getByLabel("Start", { exact: true })).toHaveValue("2026-12-10T18:30:00-06:00");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("America/Chicago");
  // The count, with a goal.
  await page.getByRole("button", { name: "Count", exact: true }).click();
  await page.getByLabel("Show the count").check();
  await page.getByLabel("Goal").fill("50");
  await expect(page.locator(".osdi-embed-preview__count")).toHaveText("0 RSVPs");
  await page.screenshot({ path: "test-results/wordpress-key-picker.png", fullPage: true });

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator(".components-snackbar")).toContainText("Draft saved.", {
    timeout: 20_000,
  });
  await expect(page).toHaveURL(/post\.php\?post=\d+/);
  const id = Number(new URL(page.url()).searchParams.get("post"));
  const content = wp.php(`echo get_post( ${id} )->post_content;`);
  const block = /<!-- wp:osdi-embed\/action (\{.*\}) \/-->/.exec(content);
  expect(block, content).not.toBeNull();
  expect(JSON.parse(block![1]!)).toEqual({
    action: event._links.self.href,
    fallback_href: event.browser_url,
    title: "Come to the town hall",
    description: "Hear from tenants.",
    start: "2026-12-10T18:30:00-06:00",
    end: "2026-12-10T20:00:00-06:00",
    timezone: "America/Chicago",
    location: "Millbrook Public Library, 210 Elm Street, Millbrook, IL 60536",
    count: true,
    goal: "50",
  });

  // Published, a visitor sees the event at the place's clock and its count.
  wp.php(`wp_publish_post( ${id} );`);
  await page.goto("about:blank");
  await page.context().clearCookies();
  await page.goto(`${wp.url}/?p=${id}`);
  const widget = page.locator(".osdi-embed");
  await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  await expect(widget.locator(".osdi-embed__when")).toContainText("6:30");
  await expect(widget.locator(".osdi-embed__when")).toContainText("CST");
  await expect(page.locator(".osdi-embed-count__total")).toHaveText("0 RSVPs");
  await expect(page.getByRole("progressbar")).toHaveAttribute("max", "50");
  await expect(page.locator(".osdi-embed-fallback, .osdi-embed-notice")).toHaveCount(0);
});

/** A petition with two signatures, on a post with the block (goal 10) and the shortcode. */
async function countedPetition(servers: Servers, wp: Site) {
  const petition = await createAction(servers, "petitions", { title: "Save the park" });
  const action = petition._links.self.href;
  await signAs(action, "first@example.org");
  await signAs(action, "second@example.org");
  saveKey(wp, await apiKeyOf(servers), apiOf(servers));
  const id = wp.createPost({
    title: "With a count",
    content: `<!-- wp:osdi-embed/action ${JSON.stringify({ action, fields: "given_name email", count: true, goal: "10" })} /-->\n\n[osdi_action action="${action}" fields="email" count="true"]`,
  });
  return { action, id };
}

test("a visitor sees the count as text beside the widget, read from Action Network once for many views", async ({
  page,
  servers,
  wp,
}) => {
  const { action, id } = await countedPetition(servers, wp);
  const reads = async () =>
    (await servers.requests()).filter(
      (r) => r.method === "GET" && r.path === new URL(action).pathname,
    ).length;
  for (let view = 0; view < 3; view++) {
    await page.goto(`${wp.url}/?p=${id}`);
    await expect(page.locator(".osdi-embed-count__total")).toHaveText([
      "2 signatures",
      "2 signatures",
    ]);
  }
  // Kept a few minutes: three views, one read.
  expect(await reads()).toBe(1);

  const count = page.locator(".osdi-embed-count").first();
  await expect(count.locator(".osdi-embed-count__total")).toHaveAttribute("aria-live", "polite");
  const bar = count.getByRole("progressbar", { name: "Goal: 10 signatures" });
  await expect(bar).toHaveAttribute("value", "2");
  await expect(bar).toHaveAttribute("max", "10");
  await expect(count.locator(".osdi-embed-count__goal-text")).toBeVisible();
  // Outside the widget's container, and its script only where a count is, from the plugin's folder.
  await expect(page.locator("[data-osdi-action] .osdi-embed-count")).toHaveCount(0);
  await expect(page.locator('script[src*="/plugins/osdi-embed/count/count.js"]')).toHaveCount(1);
  await expect(page.locator("script:not([src])", { hasText: "osdi" })).toHaveCount(0);
});

test("a signature adds one to the count at once, said politely, and the page says so too once its cache expires", async ({
  page,
  servers,
  wp,
}) => {
  // The site's own code shortens the cache (a filter in a must-use plugin): the total read
  // from Action Network is kept a second, and then read again, as on any site at its time.
  const remove = muPlugin(
    wp,
    "osdi-short-cache",
    "add_filter( 'osdi_embed_cache_seconds', function () { return 1; } );",
  );
  try {
    const { id } = await countedPetition(servers, wp);
    await page.goto(`${wp.url}/?p=${id}`);
    const totals = page.locator(".osdi-embed-count__total");
    await expect(totals).toHaveText(["2 signatures", "2 signatures"]);
    const bar = page.getByRole("progressbar", { name: "Goal: 10 signatures" });
    await expect(bar).toHaveAttribute("value", "2");

    const widget = page.locator("[data-osdi-fields='given_name email'] > .osdi-embed");
    await expect(widget).toHaveAttribute("data-osdi-state", "idle");
    await field(widget, "First name").fill("Ada");
    await field(widget, "Email").fill("ada@example.org");
    await widget.locator("button[type=submit]").click();
    await expect(widget.getByRole("status")).toContainText("Thank");
    // At once, in the page: both counts of this action, their words and the bar with them,
    // in a polite live region.
    await expect(totals).toHaveText(["3 signatures", "3 signatures"]);
    for (const total of await totals.all()) {
      await expect(total).toHaveAttribute("aria-live", "polite");
      await expect(total).toHaveAttribute("aria-atomic", "true");
    }
    expect(await bar.evaluate((element) => (element as HTMLProgressElement).value)).toBe(3);
    expect((await servers.records()).length).toBe(3);
    await page.screenshot({ path: "test-results/wordpress-key-count.png", fullPage: true });

    // From the server, once the kept total has expired: a new view says 3 too.
    await expect(async () => {
      await page.reload();
      await expect(totals.first()).toHaveText("3 signatures", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("progressbar")).toHaveAttribute("value", "3");
  } finally {
    remove();
  }
});

test("without a key, with a refused key, or with Action Network out of reach: no list, no count, and the post's editors are told why", async ({
  page,
  servers,
  wp,
}) => {
  const petition = await createAction(servers, "petitions", { title: "No count here" });
  const action = petition._links.self.href;
  const id = wp.createPost({
    title: "Count without a key",
    content: `[osdi_action action="${action}" count="true" goal="100"]`,
  });
  // An API where nothing listens (port 9 of this machine), and an action of it.
  const away = "http://127.0.0.1:9/api/v2";
  const unreachable = wp.createPost({
    title: "Count out of reach",
    content: `[osdi_action action="${away}${new URL(action).pathname.replace("/api/v2", "")}" count="true"]`,
  });
  const view = async (post = id) => {
    await page.goto(`${wp.url}/?p=${post}`);
    await expect(page.locator(".osdi-embed")).toHaveAttribute("data-osdi-state", "idle");
    await expect(page.locator(".osdi-embed-count")).toHaveCount(0);
    await expect(page.locator('script[src*="count.js"]')).toHaveCount(0);
  };

  // A visitor: the widget, no count, no notice.
  await view();
  await expect(page.locator(".osdi-embed-notice")).toHaveCount(0);

  // The post's Author: why, beside it.
  await logIn(page, wp, USERS.author);
  await view();
  await expect(page.locator(".osdi-embed-notice")).toContainText(
    "No count without an Action Network API key",
  );
  // The editor as it was, once the plugin's route has said there is no key: no list of
  // actions, no count settings.
  const listed = page.waitForResponse((r) => /osdi-embed(\/|%2F)v1(\/|%2F)actions/.test(r.url()));
  await page.goto(`${wp.url}/wp-admin/post-new.php`);
  await page.getByRole("button", { name: "Toggle block inserter" }).click();
  await page.getByRole("searchbox").fill("Action Network");
  await page.getByRole("option", { name: "Action Network action" }).click();
  await openSidebar(page);
  await listed;
  await expect(page.getByLabel("Action's API URL")).toBeVisible();
  await expect(page.getByRole("button", { name: "Your actions" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Count", exact: true })).toHaveCount(0);

  // Out of reach.
  saveKey(wp, await apiKeyOf(servers), away);
  await view(unreachable);
  await expect(page.locator(".osdi-embed-notice")).toContainText(
    "Action Network (127.0.0.1) could not be reached.",
  );

  // A key the API refuses: the Author is told, and so are administrators, on every admin screen.
  const wrong = "revoked0key0of0the0group0abcdef";
  saveKey(wp, wrong, apiOf(servers));
  await view();
  await expect(page.locator(".osdi-embed-notice")).toContainText(
    "Action Network refused the API key (403)",
  );
  expect(await page.content()).not.toContain(wrong.slice(0, 12));
  await page.context().clearCookies();
  await logIn(page, wp, USERS.admin);
  const notice = page.locator(".osdi-embed-key-notice");
  await expect(notice).toContainText("Action Network refused the saved API key (403)");
  await notice.getByRole("link", { name: "Replace the key" }).click();
  await expect(page.getByLabel("API key", { exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(wrong.slice(0, 12));
});

test("the key's characters are in no answer of the site: front pages, the admin screens a Contributor opens, the REST routes, the block editor's data", async ({
  page,
  servers,
  wp,
}) => {
  test.setTimeout(120_000);
  const key = await apiKeyOf(servers);
  const hint = `…${key.slice(-4)}`;
  const petition = await createAction(servers, "petitions", {
    title: "Clean air now",
    description: "<p>Sign for clean air.</p>",
  });
  const event = await createAction(servers, "events", {
    title: "Clean air rally",
    start_date: "2026-07-04T12:00:00Z",
    location: { venue: "City Hall", locality: "Chicago", region: "IL", country: "US" },
  });
  saveKey(wp, key, apiOf(servers));
  const attributes = { action: petition._links.self.href, count: true, goal: "100" };
  const id = wp.createPost({
    user: wp.contributorId,
    title: "Everything with the key",
    content: `<!-- wp:osdi-embed/action ${JSON.stringify(attributes)} /-->\n\n[osdi_action action="${event._links.self.href}" count="true"]`,
  });
  wp.php(`wp_update_post( array( 'ID' => ${id}, 'post_status' => 'draft' ) );`);
  const published = wp.createPost({
    title: "Published with the key",
    content: `<!-- wp:osdi-embed/action ${JSON.stringify(attributes)} /-->`,
  });

  // A visitor.
  const answers = collectAnswers(page);
  for (const path of [
    "/",
    `/?p=${published}`,
    "/?s=key",
    "/?feed=rss2",
    "/wp-login.php",
    "/?rest_route=/",
    "/?rest_route=/wp/v2/posts",
    "/?rest_route=/wp/v2/settings",
    "/?rest_route=/osdi-embed/v1/actions",
  ])
    await page.goto(`${wp.url}${path}`);
  await expect(page.locator("body")).toContainText("rest_forbidden");
  await page.goto(`${wp.url}/?p=${published}`);
  await expect(page.locator(".osdi-embed-count__total")).toHaveText("0 signatures");

  // The Contributor who wrote the draft: the admin screens they can open, the editor and its data.
  await logIn(page, wp, USERS.contributor);
  for (const path of [
    "/wp-admin/",
    "/wp-admin/edit.php",
    "/wp-admin/profile.php",
    "/wp-admin/tools.php",
    "/wp-admin/edit-comments.php",
    `/?p=${id}&preview=true`,
    `/?p=${published}`,
  ])
    await page.goto(`${wp.url}${path}`);
  await page.goto(`${wp.url}/wp-admin/post.php?post=${id}&action=edit`);
  await openSidebar(page);
  await page
    .locator(".wp-block-osdi-embed-action, [data-type='osdi-embed/action']")
    .first()
    .click();
  await expect(page.getByRole("searchbox", { name: "Search your actions" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator(".osdi-embed-picker li")).toHaveCount(2);
  const rest = await page.evaluate(
    async ([post, attrs]) => {
      const { wp: globals } = window as unknown as {
        wp: EditorGlobals & {
          apiFetch(o: {
            path: string;
            method?: string;
            data?: unknown;
            parse?: boolean;
          }): Promise<globalThis.Response>;
        };
      };
      const text = async (path: string, method = "GET", data?: unknown) => {
        const response = await globals.apiFetch({ path, method, data, parse: false });
        return { path, status: response.status, text: await response.text() };
      };
      return Promise.all([
        text("/wp/v2/posts?context=edit&status=draft,publish"),
        text(`/wp/v2/posts/${post}?context=edit`),
        text(`/wp/v2/block-renderer/osdi-embed/action?context=edit&post_id=${post}`, "POST", {
          attributes: attrs,
        }),
        text("/wp/v2/block-types/osdi-embed/action?context=edit"),
        text("/wp/v2/users/me?context=edit"),
        text("/osdi-embed/v1/actions"),
        text("/osdi-embed/v1/actions?fresh=true"),
      ]);
    },
    [id, attributes] as const,
  );
  for (const answer of rest) {
    expect(answer.status, answer.path).toBe(200);
    answers.add(answer.path, answer.text);
  }
  // The block renderer draws the count, from the server, as the page does.
  expect(rest[2]!.text).toContain("osdi-embed-count__total");
  // The plugin's own route: public fields only.
  const listed = JSON.parse(rest[5]!.text) as { key: boolean; actions: Record<string, unknown>[] };
  expect(listed.key).toBe(true);
  const allowed = [
    "id",
    "kind",
    "title",
    "description",
    "browser_url",
    "api_url",
    "total",
    "start_date",
    "end_date",
    "start",
    "end",
    "timezone",
    "location",
  ];
  for (const action of listed.actions)
    for (const name of Object.keys(action)) expect(allowed).toContain(name);
  expect(listed.actions.map((action) => action.title).sort()).toEqual([
    "Clean air now",
    "Clean air rally",
  ]);

  const seen = await answers.all();
  expect(seen.length).toBeGreaterThan(40);
  expectNoKeyIn(seen, key, hint);
});

// Last: it takes the plugin away, and puts it back for the specs after it.
test("deleting the plugin removes the key, the API address and the kept reads", async ({
  page,
  servers,
  wp,
}) => {
  const petition = await createAction(servers, "petitions", { title: "Kept a while" });
  saveKey(wp, await apiKeyOf(servers), apiOf(servers));
  const id = wp.createPost({
    title: "A count to keep",
    content: `[osdi_action action="${petition._links.self.href}" count="true"]`,
  });
  await page.goto(`${wp.url}/?p=${id}`);
  await expect(page.locator(".osdi-embed-count__total")).toHaveText("0 signatures");
  const ours = () =>
    JSON.parse(
      wp.php(
        "global $wpdb; echo wp_json_encode( $wpdb->get_col( \"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%osdi%'\" ) );",
      ),
    ) as string[];
  expect(ours()).toEqual(expect.arrayContaining(["osdi_embed_api_key", "osdi_embed_api_base"]));
  expect(ours().filter((name) => name.startsWith("_transient_osdi_embed_"))).toHaveLength(1);

  await logIn(page, wp, USERS.admin);
  await page.goto(`${wp.url}/wp-admin/plugins.php`);
  const row = page.locator('tr[data-slug="osdi-embed"]');
  try {
    await row.getByRole("link", { name: /Deactivate/ }).click();
    await expect(page.locator("#message")).toContainText("deactivated");
    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("link", { name: /Delete/ }).click();
    await expect(page.locator(".plugin-deleted-tr")).toContainText(
      "osdi-embed was successfully deleted",
    );
    expect(ours()).toEqual([]);
  } finally {
    reinstallPlugin(wp);
  }
});
