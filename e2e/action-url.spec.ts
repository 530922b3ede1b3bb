/**
 * What Action Network really does with what organizers paste (issue 20): a public page,
 * the official embed's script and a slug in an API path post nowhere, so they never
 * mount; consent that must be given before anything is sent.
 */
import { expect, fillExact, posts, test, widgetIn } from "./fixtures";

test("a public page, the embed's script and a slug API URL: no widget, the fallback, one error each, nothing sent to actionnetwork.org", async ({
  page,
  servers,
  consoleMessages,
}) => {
  // The real service is out of reach here: any request to it is counted, and fails.
  const toActionNetwork: string[] = [];
  await page.route(/actionnetwork\.org/, (route) => {
    toActionNetwork.push(route.request().url());
    return route.abort();
  });
  await page.goto(`${servers.site}/pasted.html`);
  const good = widgetIn(page, "#good");
  await expect(good).toHaveAttribute("data-osdi-state", "idle");
  const refused = {
    "#public-page": ["https://actionnetwork.org/petitions/save-the-park", "public page"],
    "#embed-script": [
      "https://actionnetwork.org/widgets/v5/petition/save-the-park?format=js&source=widget",
      "embed script",
    ],
    "#slug-api": ["https://actionnetwork.org/api/v2/petitions/save-the-park", "slug of its page"],
  };
  for (const [host, [url, what]] of Object.entries(refused)) {
    await expect(page.locator(host).getByRole("link")).toBeVisible();
    await expect(page.locator(`${host} form`)).toHaveCount(0);
    await expect(page.locator(host)).not.toHaveAttribute("data-osdi-mounted");
    await expect
      .poll(() => consoleMessages.filter((m) => m.type === "error" && m.text.includes(`"${url}"`)))
      .toHaveLength(1);
    const [error] = consoleMessages.filter((m) => m.text.includes(`"${url}"`));
    expect(error.text).toContain(`data-osdi-action="${url}" is not valid`);
    expect(error.text).toContain(what);
    expect(error.text).toContain("sidebar of the action's manage page");
    expect(error.text).toContain("fallback link");
  }
  expect(consoleMessages.filter((m) => m.type === "error")).toHaveLength(3);
  // The good widget still sends, to the sandbox on the other origin.
  await fillExact(good, { "First name": "Ada", Email: "ada@example.org" });
  await good.getByRole("button").click();
  await expect(good).toHaveAttribute("data-osdi-state", "success");
  expect(await servers.records()).toHaveLength(1);
  expect(toActionNetwork).toEqual([]);
});

test.describe('data-osdi-email-opt-in="required"', () => {
  test("unticked: nothing is sent, the box is invalid, described by its message and focused", async ({
    page,
    servers,
    consoleMessages,
  }) => {
    await page.goto(`${servers.site}/consent.html`);
    const widget = widgetIn(page, "#consent");
    const box = widget.getByRole("checkbox", {
      name: "I agree to receive email updates (required)",
    });
    await expect(box).not.toBeChecked();
    await fillExact(widget, { "First name": "Ada", Email: "ada@example.org" });
    await widget.getByRole("button").click();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(box).toHaveAccessibleDescription(
      "Tick this box to agree, or we cannot send this.",
    );
    await expect(box).toBeFocused();
    await expect(widget.getByRole("status")).toHaveText("Please correct the marked fields.");
    expect(await servers.records()).toEqual([]);
    expect(await posts(servers)).toEqual([]);
    // The honest choice prints no consent warning.
    expect(consoleMessages.filter((m) => m.text.includes("consent"))).toEqual([]);
  });

  test('ticked: sent with status "subscribed"', async ({ page, servers }) => {
    await page.goto(`${servers.site}/consent.html`);
    const widget = widgetIn(page, "#consent");
    await fillExact(widget, { "First name": "Ada", Email: "ada@example.org" });
    await widget.getByRole("checkbox", { name: /I agree/ }).check();
    await widget.getByRole("button").click();
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    const [record] = await servers.records();
    expect((record.body.person as { email_addresses: unknown }).email_addresses).toEqual([
      { address: "ada@example.org", status: "subscribed" },
    ]);
  });
});

test('"checked" and "unchecked" boxes: one warning for the page that says the box does not keep new signers off the list', async ({
  page,
  servers,
  consoleMessages,
}) => {
  await page.goto(`${servers.site}/consent-boxes.html`);
  await expect(widgetIn(page, "#ticked")).toHaveAttribute("data-osdi-state", "idle");
  await expect(widgetIn(page, "#unticked")).toHaveAttribute("data-osdi-state", "idle");
  await expect
    .poll(() => consoleMessages.filter((m) => m.text.includes("whether or not this box is ticked")))
    .toHaveLength(1);
  const [warning] = consoleMessages.filter((m) => m.text.includes("whether or not"));
  expect(warning.type).toBe("warning");
  expect(warning.text).toContain('data-osdi-email-opt-in="checked"');
  expect(warning.text).toContain('data-osdi-email-opt-in="required"');
});
