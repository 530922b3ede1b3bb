/**
 * dist-site/ (scripts/site.mjs) as a static host serves it, under a path as GitHub Pages
 * serves a project (/osdi-embed/), with nothing else reachable: no sandbox, no network.
 * The docs' pages link to each other; the snippet builder checks an action's URL and
 * shows the live widget and its snippet.
 */
import { serveStatic } from "../scripts/serve.mjs";
import { expect, test } from "./fixtures";

type Server = Awaited<ReturnType<typeof serveStatic>>;

let host: Server;
test.beforeAll(async () => {
  host = await serveStatic({ mounts: { "/osdi-embed": "dist-site" } });
});
test.afterAll(async () => {
  await host.close();
});

test.beforeEach(async ({ page }) => {
  // Only the static host answers.
  await page.route(
    (url) => url.origin !== host.url,
    (route) => route.abort("internetdisconnected"),
  );
});

test("the docs link to each other, anchors included, under the site's path", async ({
  page,
  consoleErrors,
}) => {
  await page.goto(`${host.url}/osdi-embed/`);
  await expect(page.getByRole("heading", { name: "osdi-embed", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("osdi-embed – osdi-embed");
  await page.getByRole("main").getByRole("link", { name: "docs/reference.md" }).first().click();
  await expect(page).toHaveURL(`${host.url}/osdi-embed/docs/reference.html`);
  await expect(page.getByRole("heading", { name: "Reference", level: 1 })).toBeVisible();
  // Back to the README's section by its anchor, from the recipes.
  await page
    .getByRole("navigation", { name: "Site" })
    .getByRole("link", { name: "Recipes" })
    .click();
  await expect(page).toHaveURL(`${host.url}/osdi-embed/docs/recipes.html`);
  await page.getByRole("link", { name: "the plugin", exact: true }).first().click();
  await expect(page).toHaveURL(/recipes\.html#the-plugin-recommended$/);
  await expect(page.locator("#the-plugin-recommended")).toBeInViewport();
  expect(consoleErrors).toEqual([]);
});

test("the snippet builder works with no sandbox: a pasted API URL gives the live widget and its snippet", async ({
  page,
  consoleErrors,
}) => {
  await page.goto(`${host.url}/osdi-embed/`);
  await page
    .getByRole("navigation", { name: "Site" })
    .getByRole("link", { name: "Snippet builder" })
    .click();
  await expect(page).toHaveURL(`${host.url}/osdi-embed/builder.html`);
  // Nothing pre-filled: the builder asks for the URL.
  await expect(page.getByLabel("Action API URL")).toHaveValue("");
  await expect(page.locator("#b-problems")).toContainText("data-osdi-action");
  const url = "https://actionnetwork.org/api/v2/forms/48035cd1-e08f-404e-8cbc-ef4f6bc1350e";
  await page.getByLabel("Action API URL").fill(url);
  const widget = page.locator("#b-preview > [data-osdi-action] > .osdi-embed");
  await expect(widget).toHaveClass(/osdi-embed--form/);
  await expect(widget.getByRole("button", { name: "Submit" })).toBeVisible();
  await expect(page.locator("#b-snippet")).toContainText(`data-osdi-action="${url}"`);
  await expect(page.locator("#b-preview-note")).toContainText(
    "posts for real to actionnetwork.org",
  );
  expect(consoleErrors).toEqual([]);
});
