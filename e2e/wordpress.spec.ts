/**
 * The WordPress plugin on a real WordPress (Debian's 6.1 packages, scripts/wordpress.mjs):
 * the zip of `npm run build` activated, posts saved by an Author (no unfiltered_html,
 * so through kses), the widget posting to the helper sandbox on another origin.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startWordPress, USERS } from "../scripts/wordpress.mjs";
import { test as base, expect, field, posts, type Servers } from "./fixtures";

type Site = Awaited<ReturnType<typeof startWordPress>>;

const test = base.extend<object, { wp: Site }>({
  wp: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
    async ({}, use) => {
      const site = await startWordPress({ quiet: true });
      await use(site);
      await site.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

test.describe.configure({ mode: "serial" });

const petition = (servers: Servers) =>
  `${servers.helper}/api/v2/petitions/9b4d2c1e-6f3a-4e8b-a7d5-1c2e3f4a5b6c`;

async function signOnce(page: import("@playwright/test").Page, servers: Servers) {
  const widget = page.locator(".osdi-embed");
  await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  await field(widget, "First name").fill("Ada");
  await field(widget, "Email").fill("ada@example.org");
  await widget.locator("button[type=submit]").click();
  await expect(widget.getByRole("status")).toContainText("Thank");
  expect(await posts(servers)).toHaveLength(1);
  const records = await servers.records();
  expect(records).toHaveLength(1);
  return records[0];
}

test("an Author's post with the shortcode mounts and submits once", async ({
  page,
  servers,
  wp,
  consoleErrors,
}) => {
  const id = wp.createPost({
    title: "Shortcode petition",
    content: `[osdi_action action="${petition(servers)}" fields="given_name email" tags="wordpress, shortcode" unknown_name="x"]`,
  });
  await page.goto(`${wp.url}/?p=${id}`);
  // Unknown names are reported to editors only: a visitor sees no notice.
  await expect(page.locator(".osdi-embed-notice")).toHaveCount(0);
  const record = await signOnce(page, servers);
  expect(record.body.add_tags).toEqual(["wordpress", "shortcode"]);
  // Served from the plugin's own folder, the stylesheet linked once, in <head>.
  await expect(
    page.locator('script[src*="/wp-content/plugins/osdi-embed/assets/osdi-embed.js"]'),
  ).toHaveCount(1);
  await expect(page.locator('head link[href*="osdi-embed.css"]')).toHaveCount(1);
  await expect(page.locator('link[href*="osdi-embed.css"]')).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test("custom fields as the shortcode's content and with &#91; &#93; both reach the widget", async ({
  page,
  servers,
  wp,
}) => {
  const json = '{"name": "issue", "label": "Which issue?", "type": "text"}';
  const id = wp.createPost({
    title: "Custom fields",
    content: `[osdi_action action="${petition(servers)}"]\n[${json}]\n[/osdi_action]\n\n[osdi_action action="${petition(servers)}" custom_fields='&#91;${json}&#93;']`,
  });
  await page.goto(`${wp.url}/?p=${id}`);
  await expect(page.locator(".osdi-embed")).toHaveCount(2);
  for (const widget of await page.locator(".osdi-embed").all())
    await expect(field(widget, "Which issue?")).toBeVisible();
});

test("an Author's post with the block mounts and submits once", async ({
  page,
  servers,
  wp,
  consoleErrors,
}) => {
  const attrs = { action: petition(servers), fields: "given_name email", tags: "block" };
  const id = wp.createPost({
    title: "Block petition",
    content: `<!-- wp:osdi-embed/action ${JSON.stringify(attrs)} /-->`,
  });
  await page.goto(`${wp.url}/?p=${id}`);
  // The block theme's button class, from the settings' page-wide meta.
  await expect(page.locator(".osdi-embed__button")).toHaveClass(/wp-element-button/);
  await page.screenshot({ path: "test-results/wordpress-block-theme.png", fullPage: true });
  const record = await signOnce(page, servers);
  expect(record.body.add_tags).toEqual(["block"]);
  expect(consoleErrors).toEqual([]);
});

test("with the scripts joined by an optimizer, the widget still submits and finds its files", async ({
  page,
  servers,
  wp,
}) => {
  const id = wp.createPost({
    title: "Joined",
    content: `<!-- wp:osdi-embed/action ${JSON.stringify({ action: petition(servers), fields: "given_name email" })} /-->`,
  });
  // What WP Rocket or Autoptimize do, done by a must-use plugin: the plugin's <script> taken
  // out of the page, its code in one joined file under wp-content/cache/.
  const script = readFileSync(join(wp.content, "plugins/osdi-embed/assets/osdi-embed.js"), "utf8");
  mkdirSync(join(wp.content, "cache/min/1"), { recursive: true });
  writeFileSync(
    join(wp.content, "cache/min/1/joined-0a1b2c.js"),
    `/* other plugins */;\n${script}`,
  );
  writeFileSync(
    join(wp.content, "mu-plugins/optimizer.php"),
    `<?php
add_action( 'template_redirect', function () {
	ob_start( function ( $html ) {
		return preg_replace( '#<script[^>]*osdi-embed\\.js[^>]*></script>#', '<script src="' . content_url( 'cache/min/1/joined-0a1b2c.js' ) . '"></script>', $html );
	} );
} );
`,
  );
  const files: string[] = [];
  page.on("request", (r) => files.push(r.url()));
  await page.goto(`${wp.url}/?p=${id}`);
  await expect(page.locator('script[src*="joined-0a1b2c.js"]')).toHaveCount(1);
  await expect(page.locator('script[src*="osdi-embed.js"]')).toHaveCount(0);
  await signOnce(page, servers);
  // The share links' part came from the plugin's folder (named by the <meta>), not from
  // beside the joined file.
  await expect(page.locator(".osdi-embed__share")).toBeVisible();
  expect(files).toContain(`${wp.url}/wp-content/plugins/osdi-embed/assets/osdi-embed-after.js`);
  expect(files.filter((u) => u.includes("/wp-content/cache/min/1/osdi-embed"))).toEqual([]);
});

test("the editor's preview never posts", async ({ page, servers, wp }) => {
  const id = wp.createPost({
    title: "In the editor",
    content: `<!-- wp:osdi-embed/action ${JSON.stringify({ action: petition(servers), fields: "given_name email", title: "Sign it" })} /-->`,
  });
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (/osdi-embed\.js/.test(r.url())) scripts.push(r.url());
  });
  await page.goto(`${wp.url}/wp-login.php`);
  await page.locator("#user_login").fill(USERS.author.login);
  await page.locator("#user_pass").fill(USERS.author.password);
  await page.locator("#wp-submit").click();
  await page.waitForURL(/wp-admin/);
  await page.goto(`${wp.url}/wp-admin/post.php?post=${id}&action=edit`);
  const preview = page.locator(".osdi-embed-preview");
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(preview.getByRole("heading", { name: "Sign it" })).toBeVisible();
  for (const input of await preview.locator("input, button").all())
    await expect(input).toBeDisabled();
  await preview.locator("button").click({ force: true });
  await page.waitForTimeout(500);
  expect(await posts(servers)).toEqual([]);
  await expect(page.locator(".osdi-embed")).toHaveCount(0);
  expect(scripts.filter((u) => !/editor\.js/.test(u))).toEqual([]);
});
