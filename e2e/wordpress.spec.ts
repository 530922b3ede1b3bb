/**
 * The WordPress plugin on a real WordPress (Debian's 6.1 packages, scripts/wordpress.mjs):
 * the zip of `npm run build` activated, posts saved by an Author (no unfiltered_html,
 * so through kses), the widget posting to the helper sandbox on another origin.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { USERS } from "../scripts/wordpress.mjs";
import { expect, field, posts, type Servers } from "./fixtures";
import { type EditorGlobals, logIn, reinstallPlugin, signOnce, test } from "./wordpress-site";

test.describe.configure({ mode: "serial" });

const petition = (servers: Servers) =>
  `${servers.helper}/api/v2/petitions/9b4d2c1e-6f3a-4e8b-a7d5-1c2e3f4a5b6c`;

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
  // In the footer, after the content (WordPress 6.1 has no `defer` strategy; 6.3+ adds it).
  await expect(page.locator('head script[src*="osdi-embed.js"]')).toHaveCount(0);
  expect(
    await page.evaluate(() => {
      const script = document.querySelector('script[src*="osdi-embed.js"]');
      const widget = document.querySelector("[data-osdi-action]");
      return !!script && !!widget && !!(widget.compareDocumentPosition(script) & 4);
    }),
  ).toBe(true);
  expect(consoleErrors).toEqual([]);

  // A post without a widget, and the front page listing posts without one, load nothing of ours.
  const plain = wp.createPost({ title: "No widget here", content: "<p>Just words.</p>" });
  for (const path of [`/?p=${plain}`, "/?s=words"]) {
    await page.goto(`${wp.url}${path}`);
    await expect(page.getByText("Just words.").first()).toBeVisible();
    await expect(page.locator('script[src*="osdi-embed"], link[href*="osdi-embed"]')).toHaveCount(
      0,
    );
    await expect(page.locator('meta[name^="osdi-embed"]')).toHaveCount(0);
  }
});

test("a credential-like name is refused, and unknown names are told to the post's editors only", async ({
  page,
  servers,
  wp,
}) => {
  const id = wp.createPost({
    title: "Names",
    content: [
      `[osdi_action action="${petition(servers)}" api_key="sk-live-0123"]`,
      `<!-- wp:osdi-embed/action ${JSON.stringify({ action: petition(servers), secret_token: "tok-4567" })} /-->`,
      `[osdi_action action="${petition(servers)}" fields="email" colour="red"]`,
      // The public page, as an organizer copies it from the browser: no helper there.
      `[osdi_action action="https://actionnetwork.org/petitions/save-the-park"]`,
    ].join("\n\n"),
  });
  // A visitor: the refused three are their fallback links alone, the key nowhere in the page.
  await page.goto(`${wp.url}/?p=${id}`);
  await expect(page.locator(".osdi-embed")).toHaveCount(1);
  await expect(page.locator(".osdi-embed-fallback a")).toHaveCount(3);
  // The public page stays what it is: the link to sign there, never a widget that posts to it.
  await expect(page.locator(".osdi-embed-fallback a").nth(2)).toHaveAttribute(
    "href",
    "https://actionnetwork.org/petitions/save-the-park",
  );
  await expect(page.locator('[data-osdi-action*="actionnetwork.org/petitions"]')).toHaveCount(0);
  await expect(page.locator(".osdi-embed-notice")).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain("sk-live-0123");
  expect(html).not.toContain("tok-4567");
  expect(html).not.toContain("colour");

  // The post's Author, logged in, sees why, beside each.
  await logIn(page, wp, USERS.author);
  await page.goto(`${wp.url}/?p=${id}`);
  const notices = page.locator(".osdi-embed-notice");
  await expect(notices).toHaveCount(4);
  await expect(notices.nth(0)).toContainText("api_key looks like a credential");
  await expect(notices.nth(1)).toContainText("secret_token looks like a credential");
  await expect(notices.nth(2)).toContainText("Unknown names left out: colour");
  await expect(notices.nth(3)).toContainText("this is the action's public page");
  await expect(notices.nth(3)).toContainText("sidebar of the action's manage page");
  expect(await page.content()).not.toContain("sk-live-0123");
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
  try {
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
  } finally {
    // The optimizer goes, so that the tests after this one see the plugin's own tag.
    rmSync(join(wp.content, "mu-plugins/optimizer.php"));
  }
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
  await logIn(page, wp, USERS.author);
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

test("a Contributor's post from the editor: the block from the inserter, a shortcode and a container pasted in Custom HTML all work", async ({
  page,
  servers,
  wp,
  consoleErrors,
}) => {
  await logIn(page, wp, USERS.contributor);
  await page.goto(`${wp.url}/wp-admin/post-new.php`);
  await page.getByRole("textbox", { name: "Add title" }).fill("From a Contributor");
  // The block, as an organizer adds it: the inserter, a search, the sidebar's URL field.
  await page.getByRole("button", { name: "Toggle block inserter" }).click();
  await page.getByRole("searchbox").fill("Action Network");
  await page.getByRole("option", { name: "Action Network action" }).click();
  const sidebar = page.getByRole("button", { name: "Settings", exact: true });
  if ((await sidebar.getAttribute("aria-pressed")) !== "true") await sidebar.click();
  await page
    .getByLabel("Action's API URL")
    .fill("http://actionnetwork.org/api/v2/petitions/save-the-park");
  // The widget's own rule, in the sidebar: https only.
  await expect(page.locator(".components-notice.is-warning")).toContainText("https://");
  // The public page an organizer sees in the browser: refused with the widget's own words.
  await page
    .getByLabel("Action's API URL")
    .fill("https://actionnetwork.org/petitions/save-the-park");
  await expect(page.locator(".components-notice.is-warning")).toContainText(
    "this is the action's public page",
  );
  await page.getByLabel("Action's API URL").fill(petition(servers));
  await expect(page.locator(".components-notice.is-warning")).toHaveCount(0);
  await page.getByLabel("Fields", { exact: true }).fill("given_name email");
  await page.getByLabel("Tags", { exact: true }).fill("block");
  await page.getByLabel("Email consent box").selectOption({ label: "Unticked" });
  // A shortcode block and a Custom HTML block holding a pasted snippet, script tag and all.
  const container = `<div data-osdi-action="${petition(servers)}" data-osdi-fields="given_name email" data-osdi-tags="custom-html"><a href="https://actionnetwork.org/petitions/save-the-park">Sign the petition</a></div>`;
  await page.evaluate(
    ([shortcode, html]) => {
      const { wp } = window as unknown as { wp: EditorGlobals };
      wp.data
        .dispatch("core/block-editor")
        .insertBlocks([
          wp.blocks.createBlock("core/shortcode", { text: shortcode }),
          wp.blocks.createBlock("core/html", { content: html }),
        ]);
    },
    [
      `[osdi_action action="${petition(servers)}" fields="given_name email" tags="shortcode"]`,
      `${container}\n<script src="https://cdn.example/osdi-embed.js"></script>`,
    ],
  );
  // Saved through the REST API as the editor saves: a Contributor's content goes through kses.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator(".components-snackbar")).toContainText("Draft saved.", {
    timeout: 20_000,
  });
  await expect(page).toHaveURL(/post\.php\?post=\d+/);
  const id = Number(new URL(page.url()).searchParams.get("post"));
  const saved = JSON.parse(
    wp.php(
      `$p = get_post( ${id} ); echo wp_json_encode( array( $p->post_status, $p->post_content, user_can( ${wp.contributorId}, 'publish_posts' ) ) );`,
    ),
  );
  // A draft, kses-filtered on the way in (no <script> left), and its author cannot publish:
  // an Administrator does, without touching the content.
  expect(saved[0]).toBe("draft");
  expect(saved[1]).toContain("<!-- wp:osdi-embed/action");
  expect(saved[1]).toContain('"email_opt_in":"unchecked"');
  expect(saved[1]).toContain("data-osdi-action=");
  expect(saved[1]).not.toContain("<script");
  expect(saved[2]).toBe(false);
  wp.php(`wp_publish_post( ${id} );`);

  // The editor left (its last heartbeat ends with it) and logged out: a visitor's view.
  await page.goto("about:blank");
  await page.context().clearCookies();
  consoleErrors.length = 0;
  await page.goto(`${wp.url}/?p=${id}`);
  const widgets = page.locator(".osdi-embed");
  await expect(widgets).toHaveCount(3);
  for (const widget of await widgets.all())
    await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  // kses took the pasted script away; the plugin's script serves the pasted container.
  // The block's consent box, from the sidebar's select, unticked.
  await expect(
    page.locator('[data-osdi-tags="block"]').getByLabel("Send me email updates"),
  ).not.toBeChecked();
  await expect(page.locator('script[src*="cdn.example"]')).toHaveCount(0);
  await expect(page.locator('script[src*="/plugins/osdi-embed/assets/osdi-embed.js"]')).toHaveCount(
    1,
  );
  const record = await signOnce(
    page,
    servers,
    page.locator('[data-osdi-tags="custom-html"] > .osdi-embed'),
  );
  expect(record.body.add_tags).toEqual(["custom-html"]);
  await page.screenshot({ path: "test-results/wordpress-contributor.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("the settings page saves the page-wide defaults, and a bad class name keeps what was there", async ({
  page,
  servers,
  wp,
}) => {
  const id = wp.createPost({
    title: "With the settings",
    content: [
      `<!-- wp:osdi-embed/action ${JSON.stringify({ action: petition(servers), fields: "given_name email" })} /-->`,
      // Pasted by hand, as the builder writes it (">" as &gt;: kses and wptexturize would
      // cut a value at a raw one): the defaults reach it too.
      `<!-- wp:html --><div data-osdi-action="${petition(servers)}" data-osdi-title="Parks &gt; parking"><a href="https://actionnetwork.org/petitions/parks">Sign</a></div><!-- /wp:html -->`,
    ].join("\n\n"),
  });
  await logIn(page, wp, USERS.admin);
  // From the plugin's "Settings" link on the Plugins screen.
  await page.goto(`${wp.url}/wp-admin/plugins.php`);
  await page.locator('tr[data-slug="osdi-embed"]').getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "osdi-embed", level: 1 })).toBeVisible();
  await expect(page.getByLabel("button", { exact: true })).toHaveValue("wp-element-button");
  await expect(page.getByLabel("button", { exact: true })).toHaveAccessibleDescription(
    "The submit button.",
  );
  await page.getByLabel("Language").selectOption("es");
  await page.getByLabel("input", { exact: true }).fill("my-input");
  await page.getByLabel("button", { exact: true }).fill(".btn");
  await page.getByLabel(/Use the base stylesheet/).uncheck();
  await page.getByRole("button", { name: "Save Changes" }).click();
  await expect(page.locator(".notice-error, .error")).toContainText('"button"');
  await expect(page.locator(".notice-error, .error")).toContainText('".btn"');
  await expect(page.getByLabel("button", { exact: true })).toHaveValue("wp-element-button");
  await expect(page.getByLabel("input", { exact: true })).toHaveValue("my-input");
  await expect(page.getByLabel("Language")).toHaveValue("es");
  await expect(page.getByLabel(/Use the base stylesheet/)).not.toBeChecked();
  await page.screenshot({ path: "test-results/wordpress-settings.png", fullPage: true });

  try {
    await page.context().clearCookies();
    await page.goto(`${wp.url}/?p=${id}`);
    const widgets = page.locator(".osdi-embed");
    await expect(widgets).toHaveCount(2);
    for (const widget of await widgets.all()) {
      await expect(widget).toHaveAttribute("data-osdi-state", "idle");
      await expect(widget.locator("button[type=submit]")).toHaveText("Firmar");
      await expect(widget.locator("button[type=submit]")).toHaveClass(/wp-element-button/);
      await expect(widget.getByLabel(/^Correo electrónico/)).toHaveClass(/my-input/);
    }
    await expect(page.getByRole("heading", { name: "Parks > parking" })).toBeVisible();
    // Without the base stylesheet: not linked, and the widgets told not to add it.
    await expect(page.locator('link[href*="osdi-embed.css"]')).toHaveCount(0);
    for (const container of await page.locator("[data-osdi-action]").all())
      await expect(container).toHaveAttribute("data-osdi-styles", "none");
  } finally {
    wp.php(
      "foreach ( array( 'osdi_embed_lang', 'osdi_embed_classes', 'osdi_embed_base_stylesheet' ) as $o ) { delete_option( $o ); }",
    );
  }
});

// Last: it takes the plugin away.
test("deleting the plugin from the Plugins screen leaves nothing behind", async ({ page, wp }) => {
  wp.php(
    "update_option( 'osdi_embed_lang', 'fr' ); update_option( 'osdi_embed_classes', array( 'button' => 'x' ) ); update_option( 'osdi_embed_base_stylesheet', '0' );",
  );
  const ours = () =>
    JSON.parse(
      wp.php(
        "global $wpdb; echo wp_json_encode( $wpdb->get_col( \"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%osdi%'\" ) );",
      ),
    );
  expect(ours()).toEqual(
    expect.arrayContaining(["osdi_embed_lang", "osdi_embed_classes", "osdi_embed_base_stylesheet"]),
  );
  await logIn(page, wp, USERS.admin);
  await page.goto(`${wp.url}/wp-admin/plugins.php`);
  const row = page.locator('tr[data-slug="osdi-embed"]');
  await row.getByRole("link", { name: /Deactivate/ }).click();
  await expect(page.locator("#message")).toContainText("deactivated");
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("link", { name: /Delete/ }).click();
  await expect(page.locator(".plugin-deleted-tr")).toContainText(
    "osdi-embed was successfully deleted",
  );
  try {
    expect(ours()).toEqual([]);
    expect(existsSync(join(wp.content, "plugins/osdi-embed"))).toBe(false);
  } finally {
    // For the specs that run after this one on the same site (a worker's).
    reinstallPlugin(wp);
  }
});
