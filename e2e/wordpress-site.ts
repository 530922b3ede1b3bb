/**
 * What the WordPress specs share: a private WordPress per Playwright worker
 * (scripts/wordpress.mjs), logging in as one of its users, and signing a widget once.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { startWordPress } from "../scripts/wordpress.mjs";
import { test as base, expect, field, posts, type Servers } from "./fixtures";

export type Site = Awaited<ReturnType<typeof startWordPress>>;

export const test = base.extend<object, { wp: Site }>({
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

/** The block editor's globals the specs use. */
export interface EditorGlobals {
  data: { dispatch(store: string): { insertBlocks(blocks: unknown[]): void } };
  blocks: { createBlock(name: string, attributes: Record<string, string>): unknown };
}

/** Fills the widget's first name and email, sends, and waits for the thanks and the one record. */
export async function signOnce(
  page: Page,
  servers: Servers,
  widget: Locator = page.locator(".osdi-embed"),
  email = "ada@example.org",
) {
  await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  await field(widget, "First name").fill("Ada");
  await field(widget, "Email").fill(email);
  await widget.locator("button[type=submit]").click();
  await expect(widget.getByRole("status")).toContainText("Thank");
  expect(await posts(servers)).toHaveLength(1);
  const records = await servers.records();
  expect(records).toHaveLength(1);
  return records[0];
}

export async function logIn(page: Page, wp: Site, user: { login: string; password: string }) {
  await page.goto(`${wp.url}/wp-login.php`);
  // wp-login.php focuses and selects the user field 200 ms after it loads: wait for that,
  // or the password typed meanwhile lands in the user field.
  await expect(page.locator("#user_login")).toBeFocused();
  await page.locator("#user_login").fill(user.login);
  await page.locator("#user_pass").fill(user.password);
  await page.locator("#wp-submit").click();
  await page.waitForURL(/wp-admin/);
}

/** The plugin unzipped and activated again, after a test that deleted it. */
export function reinstallPlugin(wp: Site) {
  execFileSync("unzip", [
    "-q",
    "-o",
    "dist-wordpress/osdi-embed.zip",
    "-d",
    join(wp.content, "plugins"),
  ]);
  wp.php(
    "require_once ABSPATH . 'wp-admin/includes/plugin.php'; $r = activate_plugin( 'osdi-embed/osdi-embed.php' ); if ( is_wp_error( $r ) ) { fwrite( STDERR, $r->get_error_message() ); exit( 1 ); }",
  );
}
